// timestamp-without-offset: a date-time with no UTC offset. The in-app order API and payment
// webhooks write local times without one (facts §8.8); PayTriage reads them as KST and says so.

#include "rules/builtinrules.h"
#include "rules/fieldwalk.h"
#include "rules/rulehelpers.h"
#include "util/timestamp.h"

namespace paytriage {
namespace {

class TimestampWithoutOffsetRule final : public Rule
{
public:
    std::string_view id() const override { return "timestamp-without-offset"; }

    void checkObject(const RuleContext &ctx, const ObjectRef &o, FindingSink &sink) const override
    {
        const std::string_view kind = recordKind(o.kind);
        walkFields(ctx.catalog, kind, o.value, o.pointer, [&](const FieldVisit &v) {
            if (!v.spec || !v.value.is_string() || json::string(*v.spec, "type") != "datetime")
                return;
            const auto t = parseTimestamp(v.value.get_ref<const std::string &>());
            if (!t || t->hasOffset || t->dateOnly)
                return;
            sink.report(id(), "default", Severity::Info, o.document, {v.pointer()},
                        {FindingSink::arg("field", std::string(v.key)),
                         FindingSink::arg("value", v.value.get<std::string>()),
                         FindingSink::arg("kst", formatIsoKst(t->msSinceEpoch))},
                        std::string(kind) + v.path());
        });
    }
};

} // namespace

std::unique_ptr<Rule> makeTimestampWithoutOffsetRule()
{
    return std::make_unique<TimestampWithoutOffsetRule>();
}

} // namespace paytriage
