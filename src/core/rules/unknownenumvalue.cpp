// unknown-enum-value: an enum field holds a value the catalog does not know. New values
// arrive without a version bump (facts §1, DOC-VER). What the catalog knows of a value decides
// how loud the finding is:
//   - a documented value (PAYMENT_COMPLETED since the in-app guide lists it): no finding here;
//   - a spelling the docs themselves disagree on (METHOD_UPDATED's ENABLE): info, "variant";
//   - a value seen live before the docs listed it: warning, "newer", with what is known;
//   - a well-formed code of an open standard the catalog does not list (ISO 4217 PHP): info;
//   - anything else: warning, "unknown".

#include "rules/builtinrules.h"
#include "rules/rulehelpers.h"

#include <algorithm>

namespace paytriage {
namespace {

bool isIso4217(const std::string &value)
{
    return value.size() == 3 && std::all_of(value.begin(), value.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

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
        // Many records with the same new value make one finding, not a million.
        const std::string fold = std::string(recordKind(o.kind)) + v.path() + '=' + value;
        const auto field = FindingSink::arg("field", std::string(v.key));
        if (const Json *variant = v.info->enumVariants ? json::get(*v.info->enumVariants, value) : nullptr) {
            sink.report(id(), "variant", Severity::Info, o.document, {v.pointer()},
                        {field, FindingSink::arg("value", value),
                         FindingSink::arg("meaning", Catalog::text(*variant, "meaning"), false),
                         FindingSink::arg("advice", Catalog::text(*variant, "advice"), false)},
                        fold);
            return;
        }
        if (const Json *newer = v.info->enumNewer ? json::get(*v.info->enumNewer, value) : nullptr) {
            sink.report(id(), "newer", Severity::Warning, o.document, {v.pointer()},
                        {field, FindingSink::arg("value", value),
                         FindingSink::arg("meaning", Catalog::text(*newer, "meaning"), false),
                         FindingSink::arg("advice", Catalog::text(*newer, "advice"), false)},
                        fold);
            return;
        }
        if (v.info->enumOpen && (*v.info->enumOpen != "iso4217" || isIso4217(value))) {
            const std::string standard = *v.info->enumOpen == "iso4217" ? std::string("ISO 4217") : std::string();
            sink.report(id(), "open", Severity::Info, o.document, {v.pointer()},
                        {field, FindingSink::arg("value", value),
                         FindingSink::arg("standard", LocalizedText{standard.empty() ? std::string("새") : standard,
                                                                    standard.empty() ? std::string("new") : standard},
                                          false)},
                        fold);
            return;
        }
        sink.report(id(), "unknown", Severity::Warning, o.document, {v.pointer()},
                    {field, FindingSink::arg("value", value),
                     FindingSink::arg("known", knownValues(ctx.catalog, *v.info->enumId))},
                    fold);
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
