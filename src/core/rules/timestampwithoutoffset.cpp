// timestamp-without-offset: a date-time with no UTC offset where the docs give one. Fields the
// docs themselves give without an offset (payment webhooks' createdAt, the in-app order's
// statusDeterminedAt: facts §8.8) are normal that way: the timeline's footnote says they were
// read as KST, and no finding is made.

#include "rules/builtinrules.h"
#include "rules/rulehelpers.h"
#include "util/timestamp.h"

namespace paytriage {
namespace {

class TimestampWithoutOffsetRule final : public Rule
{
public:
    std::string_view id() const override { return "timestamp-without-offset"; }
    bool checksFields() const override { return true; }
    bool checksField(const FieldInfo *info) const override { return info && info->datetime && info->offsetDocumented; }

    void checkField(const RuleContext &, const ObjectRef &o, const FieldVisit &v, FindingSink &sink) const override
    {
        if (!v.info || !v.info->datetime || !v.info->offsetDocumented || !v.value.is_string())
            return;
        const std::string &text = v.value.get_ref<const std::string &>();
        // Cheap test first: an offset or Z ends the text ("…+09:00", "…Z").
        if (!text.empty() && (text.back() == 'Z' || (text.size() > 6 && (text[text.size() - 6] == '+' || text[text.size() - 6] == '-'))))
            return;
        const auto t = parseTimestamp(text);
        if (!t || t->hasOffset || t->dateOnly)
            return;
        sink.report(id(), "default", Severity::Info, o.document, {v.pointer()},
                    {FindingSink::arg("field", std::string(v.key)), FindingSink::arg("value", text),
                     FindingSink::arg("kst", formatIsoKst(t->msSinceEpoch))},
                    std::string(recordKind(o.kind)) + v.path());
    }
};

} // namespace

std::unique_ptr<Rule> makeTimestampWithoutOffsetRule()
{
    return std::make_unique<TimestampWithoutOffsetRule>();
}

} // namespace paytriage
