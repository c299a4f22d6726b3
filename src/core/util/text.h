#pragma once

#include <QString>

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace paytriage {

enum class Language {
    Korean,
    English
};

// "ko" / "en" and back; anything else is English.
Language languageFromCode(std::string_view code);
std::string_view languageCode(Language language);

// A text held in both languages at once: catalog entries and findings carry both, so the
// GUI can switch language without re-running the analysis.
struct LocalizedText
{
    std::string ko;
    std::string en;

    // Falls back to the other language when one is missing.
    const std::string &in(Language language) const;
    QString qIn(Language language) const { return QString::fromStdString(in(language)); }
    bool empty() const { return ko.empty() && en.empty(); }
};

// Replaces {name} placeholders with values; unknown placeholders stay as written, so a
// user-edited catalog template with a typo still shows something readable. With `korean`, a
// particle right after a placeholder agrees with how the value ends (22,400원으로, DONE으로 is
// wrong, DONE로 reads 던로 … see koreanParticle): 을/를, 은/는, 이/가, 과/와, 으로/로, and
// the neutral forms 을(를), 은(는), 이(가) are settled the same way.
std::string substitute(std::string_view templ,
                       const std::vector<std::pair<std::string, std::string>> &values,
                       bool korean = false);
LocalizedText substitute(const LocalizedText &templ,
                         const std::vector<std::pair<std::string, std::string>> &values);

// How a word ends when read aloud in Korean, for choosing a particle: its last syllable's final
// consonant (받침). Trailing punctuation, quotes and brackets are skipped; digits and Latin letters
// are read as Koreans read them (1 일, 3 삼, M 엠, L 엘 …). Unknown when the word ends in nothing
// readable.
enum class KoreanEnding {
    Vowel,
    Rieul,      // ㄹ: takes 로, not 으로
    Consonant,
    Unknown
};
KoreanEnding koreanEnding(std::string_view word);

// Text made safe for a terminal: C0 control characters other than line feed and tab become their
// Unicode control pictures (ESC is shown as ␛), DEL as ␡, and C1 controls (U+0080–U+009F) as
// U+FFFD. Data and server messages can then no longer retitle, clear or query a terminal. Valid
// UTF-8 in, valid UTF-8 out (invalid bytes pass through untouched).
std::string printable(std::string_view text);
QString printable(const QString &text);

// A message written in code, translated through Qt's catalogues at presentation time
// (QT_TRANSLATE_NOOP marks the source so lupdate finds it). Arguments fill %1, %2, ….
struct TrText
{
    const char *context = nullptr;
    const char *source = nullptr;
    std::vector<QString> args;

    QString toString() const;
};

} // namespace paytriage
