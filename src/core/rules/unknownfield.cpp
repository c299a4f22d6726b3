// unknown-field: a field the catalog does not know for that document: API drift, reported as
// info (new fields arrive without a version bump, facts §8.9). Known aliases such as
// supplyAmount/suppliedAmount are not drift.

#include "rules/builtinrules.h"
#include "rules/rulehelpers.h"

namespace paytriage {
namespace {

class UnknownFieldRule final : public Rule
{
public:
    std::string_view id() const override { return "unknown-field"; }
    bool checksFields() const override { return true; }
    bool checksField(const FieldInfo *info) const override { return !info; }

    void checkField(const RuleContext &ctx, const ObjectRef &o, const FieldVisit &v, FindingSink &sink) const override
    {
        if (v.info)
            return;
        const std::string_view kind = recordKind(o.kind);
        if (!ctx.catalog.documentFields(kind))
            return;  // unknown documents have no expectations to drift from
        sink.report(id(), "default", Severity::Info, o.document, {v.pointer()},
                    {FindingSink::arg("field", std::string(v.key)), FindingSink::arg("kind", std::string(kind)),
                     FindingSink::arg("value", json::brief(&v.value))},
                    std::string(kind) + v.path());
    }
};

} // namespace

std::unique_ptr<Rule> makeUnknownFieldRule()
{
    return std::make_unique<UnknownFieldRule>();
}

} // namespace paytriage
