// unknown-field: a field the catalog does not know for that document: API drift, reported as
// info (new fields arrive without a version bump, facts §8.9). Known aliases such as
// supplyAmount/suppliedAmount are not drift. Fields the catalog knows but the documented API
// does not have are named for what they are: legacy (of an earlier version: card.company in
// 2025 settlement rows) or undocumented (seen live only: a payment's top-level easyPayAmount).

#include "rules/builtinrules.h"
#include "rules/rulehelpers.h"

namespace paytriage {
namespace {

class UnknownFieldRule final : public Rule
{
public:
    std::string_view id() const override { return "unknown-field"; }
    bool checksFields() const override { return true; }
    bool checksField(const FieldInfo *info) const override { return !info || info->status; }

    void checkField(const RuleContext &ctx, const ObjectRef &o, const FieldVisit &v, FindingSink &sink) const override
    {
        const std::string_view kind = recordKind(o.kind);
        if (v.info) {
            if (!v.info->status)
                return;
            const bool legacy = *v.info->status == "legacy";
            // A legacy field in a document of the version it belongs to is simply that version's.
            const std::string until = json::string(*v.info->spec, "until");
            if (legacy && !until.empty() && !o.apiVersion.empty() && !versionAfter(o.apiVersion, until))
                return;
            sink.report(id(), legacy ? "legacy" : "undocumented", Severity::Info, o.document, {v.pointer()},
                        {FindingSink::arg("field", std::string(v.key)), FindingSink::arg("kind", std::string(kind)),
                         FindingSink::arg("until", until.empty() ? std::string("?") : until),
                         FindingSink::arg("description", Catalog::text(*v.info->spec, "description"), false)},
                        std::string(kind) + v.path());
            return;
        }
        if (!ctx.catalog.documentFields(kind))
            return;  // unknown documents have no expectations to drift from
        sink.report(id(), "default", Severity::Info, o.document, {v.pointer()},
                    {FindingSink::arg("field", std::string(v.key)), FindingSink::arg("kind", std::string(kind)),
                     FindingSink::arg("value", json::brief(&v.value))},
                    std::string(kind) + v.path());
    }

private:
    // API versions: 1.0 … 1.4, then dates (2022-06-08, …); any 1.x comes before any date.
    static bool versionAfter(std::string_view version, std::string_view than)
    {
        const bool dated = version.find('-') != std::string_view::npos;
        const bool thanDated = than.find('-') != std::string_view::npos;
        if (dated != thanDated)
            return dated;
        return version > than;
    }
};

} // namespace

std::unique_ptr<Rule> makeUnknownFieldRule()
{
    return std::make_unique<UnknownFieldRule>();
}

} // namespace paytriage
