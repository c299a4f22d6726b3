#include "text.h"

#include <QCoreApplication>

namespace paytriage {

Language languageFromCode(std::string_view code)
{
    return code.substr(0, 2) == "ko" ? Language::Korean : Language::English;
}

std::string_view languageCode(Language language)
{
    return language == Language::Korean ? "ko" : "en";
}

const std::string &LocalizedText::in(Language language) const
{
    const std::string &wanted = language == Language::Korean ? ko : en;
    if (!wanted.empty())
        return wanted;
    return language == Language::Korean ? en : ko;
}

std::string substitute(std::string_view templ,
                       const std::vector<std::pair<std::string, std::string>> &values)
{
    std::string out;
    out.reserve(templ.size() + 64);
    std::size_t i = 0;
    while (i < templ.size()) {
        // The text up to the next brace goes in at once (a finding's wording is rendered tens of
        // thousands of times for a dump).
        const std::size_t open = templ.find('{', i);
        if (open == std::string_view::npos) {
            out.append(templ.substr(i));
            break;
        }
        out.append(templ.substr(i, open - i));
        i = open;
        const std::size_t close = templ.find('}', i + 1);
        if (close != std::string_view::npos) {
            const std::string_view name = templ.substr(i + 1, close - i - 1);
            bool replaced = false;
            for (const auto &[key, value] : values) {
                if (key == name) {
                    out += value;
                    replaced = true;
                    break;
                }
            }
            if (replaced) {
                i = close + 1;
                continue;
            }
        }
        out += '{';
        ++i;
    }
    return out;
}

LocalizedText substitute(const LocalizedText &templ,
                         const std::vector<std::pair<std::string, std::string>> &values)
{
    return {substitute(templ.ko, values), substitute(templ.en, values)};
}

QString TrText::toString() const
{
    if (!source)
        return {};
    QString text = QCoreApplication::translate(context, source);
    for (const QString &arg : args)
        text = text.arg(arg);
    return text;
}

} // namespace paytriage
