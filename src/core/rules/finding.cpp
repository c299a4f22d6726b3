#include "finding.h"

#include "catalog/catalog.h"

#include <QCoreApplication>

#include <utility>

namespace paytriage {

std::string_view severityId(Severity severity)
{
    switch (severity) {
    case Severity::Info: return "info";
    case Severity::Warning: return "warning";
    case Severity::Critical: return "critical";
    }
    return "info";
}

QString severityName(Severity severity)
{
    switch (severity) {
    case Severity::Critical: return QCoreApplication::translate("paytriage::Severity", "Critical");
    case Severity::Warning: return QCoreApplication::translate("paytriage::Severity", "Warning");
    case Severity::Info: break;
    }
    return QCoreApplication::translate("paytriage::Severity", "Info");
}

bool severityFromId(std::string_view id, Severity *severity)
{
    for (Severity s : {Severity::Info, Severity::Warning, Severity::Critical}) {
        if (severityId(s) == id) {
            *severity = s;
            return true;
        }
    }
    return false;
}

void renderFinding(const Catalog &catalog, Finding &f, std::optional<Language> only)
{
    const bool wantKo = !only || *only == Language::Korean;
    const bool wantEn = !only || *only == Language::English;
    std::vector<std::pair<std::string, std::string>> ko, en;
    f.evidence.clear();
    for (const FindingArg &a : f.args) {
        if (wantKo)
            ko.emplace_back(a.name, a.in(Language::Korean));
        if (wantEn)
            en.emplace_back(a.name, a.in(Language::English));
        if (a.evidence)
            f.evidence.push_back({a.name, a.value, a.valueKo});
    }
    const MessageTexts texts = catalog.message(f.rule + '.' + f.variant);
    auto fill = [&](const LocalizedText &t) {
        return LocalizedText{wantKo ? substitute(t.ko, ko, true) : std::string(), wantEn ? substitute(t.en, en) : std::string()};
    };
    f.title = fill(texts.title);
    f.detail = fill(texts.detail);
    f.advice = fill(texts.advice);
}

} // namespace paytriage
