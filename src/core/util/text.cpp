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

namespace {

// The code point that ends at `end` (exclusive) in UTF-8 text, and where it starts.
char32_t codePointBefore(std::string_view text, std::size_t end, std::size_t &start)
{
    start = end - 1;
    while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80 && end - start < 4)
        --start;
    const auto lead = static_cast<unsigned char>(text[start]);
    const std::size_t length = end - start;
    if (lead < 0x80)
        return lead;
    char32_t cp = 0;
    if (lead >= 0xF0 && length == 4)
        cp = lead & 0x07;
    else if (lead >= 0xE0 && length == 3)
        cp = lead & 0x0F;
    else if (lead >= 0xC0 && length == 2)
        cp = lead & 0x1F;
    else
        return 0xFFFD;
    for (std::size_t i = start + 1; i < end; ++i)
        cp = (cp << 6) | (static_cast<unsigned char>(text[i]) & 0x3F);
    return cp;
}

char32_t codePointAt(std::string_view text, std::size_t at)
{
    if (at >= text.size())
        return 0;
    std::size_t end = at + 1;
    while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80)
        ++end;
    std::size_t start = 0;
    return codePointBefore(text, end, start);
}

bool isHangulSyllable(char32_t cp) { return cp >= 0xAC00 && cp <= 0xD7A3; }

struct Particle
{
    std::string_view written;      // as the template has it
    std::string_view afterConsonant;
    std::string_view afterVowel;    // also after ㄹ for 로
    bool rieulIsVowel = false;      // 로: ㄹ takes the vowel form (서울로, 1일로)
    bool standsAlone = false;       // only when no syllable follows (이다, 가능, 은행, 는데 …)
};

// Longest first, so 으로 wins over 로 and 이(가) over 이.
constexpr Particle kParticles[] = {
    {"을(를)", "을", "를"},
    {"은(는)", "은", "는"},
    {"이(가)", "이", "가"},
    {"과(와)", "과", "와"},
    {"(으)로", "으로", "로", true},
    {"으로", "으로", "로", true},
    {"을", "을", "를", false, true},
    {"를", "을", "를", false, true},
    {"은", "은", "는", false, true},
    {"는", "은", "는", false, true},
    {"과", "과", "와"},
    {"와", "과", "와"},
    {"로", "으로", "로", true},
    {"이", "이", "가", false, true},
    {"가", "이", "가", false, true},
};

// The particle written at templ[at…] and the form of it that agrees with `ending`.
const Particle *particleAt(std::string_view templ, std::size_t at)
{
    const std::string_view rest = templ.substr(at);
    for (const Particle &p : kParticles) {
        if (rest.substr(0, p.written.size()) != p.written)
            continue;
        if (p.standsAlone && isHangulSyllable(codePointAt(templ, at + p.written.size())))
            return nullptr;
        return &p;
    }
    return nullptr;
}

std::string_view agreeing(const Particle &p, KoreanEnding ending)
{
    switch (ending) {
    case KoreanEnding::Consonant: return p.afterConsonant;
    case KoreanEnding::Rieul: return p.rieulIsVowel ? p.afterVowel : p.afterConsonant;
    case KoreanEnding::Vowel: return p.afterVowel;
    case KoreanEnding::Unknown: break;
    }
    return p.written;
}

} // namespace

KoreanEnding koreanEnding(std::string_view word)
{
    std::size_t end = word.size();
    while (end > 0) {
        std::size_t start = 0;
        const char32_t cp = codePointBefore(word, end, start);
        if (isHangulSyllable(cp)) {
            const int jong = static_cast<int>((cp - 0xAC00) % 28);
            return jong == 0 ? KoreanEnding::Vowel : jong == 8 ? KoreanEnding::Rieul : KoreanEnding::Consonant;
        }
        if (cp >= '0' && cp <= '9') {
            // 영 공, 일, 이, 삼, 사, 오, 육, 칠, 팔, 구
            switch (cp) {
            case '1': case '7': case '8': return KoreanEnding::Rieul;
            case '0': case '3': case '6': return KoreanEnding::Consonant;
            default: return KoreanEnding::Vowel;
            }
        }
        if ((cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z')) {
            // Letter names: 엘, 알 end in ㄹ; 엠, 엔 in a consonant; the rest in a vowel.
            const char32_t upper = cp >= 'a' ? cp - 32 : cp;
            if (upper == 'L' || upper == 'R')
                return KoreanEnding::Rieul;
            if (upper == 'M' || upper == 'N')
                return KoreanEnding::Consonant;
            return KoreanEnding::Vowel;
        }
        if (cp == '%')
            return KoreanEnding::Vowel;  // 퍼센트
        end = start;
    }
    return KoreanEnding::Unknown;
}

std::string substitute(std::string_view templ,
                       const std::vector<std::pair<std::string, std::string>> &values,
                       bool korean)
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
            const std::string *replacement = nullptr;
            for (const auto &[key, value] : values) {
                if (key == name) {
                    replacement = &value;
                    break;
                }
            }
            if (replacement) {
                out += *replacement;
                i = close + 1;
                if (korean) {
                    if (const Particle *particle = particleAt(templ, i)) {
                        out += agreeing(*particle, koreanEnding(*replacement));
                        i += particle->written.size();
                    }
                }
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
    return {substitute(templ.ko, values, true), substitute(templ.en, values)};
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
