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

std::string printable(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x20 && c != '\n' && c != '\t') {
            // U+2400 + c: ␀ … ␟, three bytes E2 90 80+c.
            out += '\xE2';
            out += '\x90';
            out += static_cast<char>(0x80 + c);
        } else if (c == 0x7F) {
            out += "\xE2\x90\xA1";  // ␡
        } else if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0x80
                   && static_cast<unsigned char>(text[i + 1]) <= 0x9F) {
            out += "\xEF\xBF\xBD";  // a C1 control (U+0080–U+009F): U+FFFD
            ++i;
        } else {
            out += static_cast<char>(c);
        }
    }
    return out;
}

QString printable(const QString &text)
{
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if ((u < 0x20 && u != '\n' && u != '\t') || (u >= 0x7F && u <= 0x9F))
            return QString::fromStdString(printable(text.toStdString()));
    }
    return text;
}

} // namespace paytriage
