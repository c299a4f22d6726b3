// unknown-enum-value: an enum field holds a value the catalog does not know. New values
// arrive without a version bump (facts §1, DOC-VER); values known to be newer than the docs
// (PAYMENT_COMPLETED, seed 002) get their own explanation instead of the generic one.

#include "rules/builtinrules.h"
#include "rules/rulehelpers.h"

namespace paytriage {
namespace {

class UnknownEnumValueRule final : public Rule
{
public:
    std::string_view id() const override { return "unknown-enum-value"; }
    bool checksFields() const override { return true; }
    bool checksField(const FieldInfo *info) const override { return info && info->enumId; }

    void checkField(const RuleContext &ctx, const ObjectRef &o, const FieldVisit &v, FindingSink &sink) const override
    {
        if (!v.info || !v.info->enumId || !v.value.is_string())
            return;
        const std::string &value = v.value.get_ref<const std::string &>();
        if (value.empty())
            return;  // "" is a null in disguise, not a new value (facts §8.2)
        if (v.info->enumValues && v.info->enumValues->contains(value))
            return;
        const Json *newer = v.info->enumNewer ? json::get(*v.info->enumNewer, value) : nullptr;
        // Many records with the same new value make one finding, not a million.
        const std::string fold = std::string(recordKind(o.kind)) + v.path() + '=' + value;
        if (newer) {
            sink.report(id(), "newer", Severity::Warning, o.document, {v.pointer()},
                        {FindingSink::arg("field", std::string(v.key)), FindingSink::arg("value", value),
                         FindingSink::arg("meaning", Catalog::text(*newer, "meaning"), false),
                         FindingSink::arg("advice", Catalog::text(*newer, "advice"), false)},
                        fold);
        } else {
            sink.report(id(), "unknown", Severity::Warning, o.document, {v.pointer()},
                        {FindingSink::arg("field", std::string(v.key)), FindingSink::arg("value", value),
                         FindingSink::arg("known", knownValues(ctx.catalog, *v.info->enumId))},
                        fold);
        }
    }

private:
    static std::string knownValues(const Catalog &catalog, const std::string &enumName)
    {
        std::string list;
        const Json *spec = catalog.enumSpec(enumName);
        const Json *values = spec ? json::get(*spec, "values") : nullptr;
        if (!values || !values->is_object())
            return list;
        for (auto it = values->begin(); it != values->end(); ++it) {
            if (it->contains("sameAs"))
                continue;
            list += (list.empty() ? "" : ", ") + it.key();
        }
        return list;
    }
};

} // namespace

std::unique_ptr<Rule> makeUnknownEnumValueRule()
{
    return std::make_unique<UnknownEnumValueRule>();
}

} // namespace paytriage
