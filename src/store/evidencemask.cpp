#include "store/evidencemask.h"

#include "decode/decoder.h"
#include "model/document.h"
#include "report/redaction.h"

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace paytriage {
namespace {

// A value redact() masks, and where it stands.
struct MaskedValue
{
    std::size_t document = 0;
    std::string pointer;
    std::string original;   // a string's text, or a number as JSON writes it
    std::string masked;
    bool wasString = true;
};

// redact() is the one definition of what is masked and where (a card's "number", any
// "secret"): it is run on a copy, and the values it changed are the ones to mask in the bytes.
void collectChanges(const Json &before, const Json &after, std::size_t document, const std::string &pointer,
                    std::vector<MaskedValue> &out)
{
    if (before.is_object() && after.is_object()) {
        auto a = after.begin();
        for (auto b = before.begin(); b != before.end() && a != after.end(); ++b, ++a)
            collectChanges(b.value(), a.value(), document, pointerAppend(pointer, b.key()), out);
        return;
    }
    if (before.is_array() && after.is_array()) {
        for (std::size_t i = 0; i < before.size() && i < after.size(); ++i)
            collectChanges(before[i], after[i], document, pointerAppend(pointer, i), out);
        return;
    }
    if (before != after && after.is_string())
        out.push_back({document, pointer, before.is_string() ? before.get<std::string>() : before.dump(),
                       after.get<std::string>(), before.is_string()});
}

// The masked text made safe inside any quoting it is put in: masking keeps a few characters of
// the value (the last four, a name's first letter, an e-mail's domain), and a quote or a
// backslash among them would end or escape the string it stands in.
std::string inert(std::string text)
{
    for (char &c : text)
        if (c == '"' || c == '\\' || c == '\'' || static_cast<unsigned char>(c) < 0x20)
            c = '*';
    return text;
}

struct QuotePair
{
    std::string_view open;
    std::string_view close;
};

// How a string can be quoted in what people paste; \" first: JSON inside an escaped string.
constexpr QuotePair quotePairs[] = {
    {"\\\"", "\\\""}, {"\"", "\""}, {"'", "'"}, {"\u201C", "\u201D"}, {"\u2018", "\u2019"},
};

// The bytes that replace range, or none when the range does not hold the value as expected
// (then the value is found by its text instead).
std::optional<std::string> replacementFor(std::string_view range, const MaskedValue &value)
{
    const std::string masked = inert(value.masked);
    for (const QuotePair &q : quotePairs) {
        if (range.size() < q.open.size() + q.close.size() || !range.starts_with(q.open) || !range.ends_with(q.close))
            continue;
        const std::string_view inside = range.substr(q.open.size(), range.size() - q.open.size() - q.close.size());
        // Escapes (\u…, \/) spell the same value in other bytes; anything else is not this value.
        if (inside != value.original && inside.find('\\') == std::string_view::npos)
            return std::nullopt;
        return std::string(q.open) + masked + std::string(q.close);
    }
    if (value.wasString)  // unquoted: a toString() form ({number=4330…})
        return range == value.original ? std::optional<std::string>(masked) : std::nullopt;
    // A number becomes a string, as redact() makes it, so strict JSON stays strict JSON.
    const bool numeric = !range.empty() && std::all_of(range.begin(), range.end(), [](char c) {
        return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
    });
    return numeric ? std::optional<std::string>('"' + masked + '"') : std::nullopt;
}

// The decoder refuses NUL bytes and malformed UTF-8; a body holding one still holds values to
// mask. Each such byte becomes '?' in a copy of the same length, so offsets stay true.
std::string decodable(std::string text)
{
    std::size_t from = 0;
    while (from < text.size()) {
        const std::optional<std::size_t> bad = firstByteProblem(std::string_view(text).substr(from));
        if (!bad)
            break;
        text[from + *bad] = '?';
        from += *bad + 1;
    }
    return text;
}

// Below this many bytes a masked value is not searched for by its text: "김" or "1234" also
// stand for other things in the same body.
constexpr qsizetype kSearchableBytes = 6;

// The shortest credential masked after "Authorization": a Basic credential of a key is 40 and
// more; "required" is not one.
constexpr qsizetype kCredentialBytes = 16;

bool isWordByte(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

// Every occurrence of what that is not part of a longer word or number: a card number's digits
// inside another number are another number.
void replaceWhole(QByteArray &text, const QByteArray &what, const QByteArray &with)
{
    for (qsizetype at = text.indexOf(what); at >= 0; at = text.indexOf(what, at)) {
        const qsizetype end = at + what.size();
        if ((at > 0 && isWordByte(text[at - 1])) || (end < text.size() && isWordByte(text[end]))) {
            at = end;
            continue;
        }
        text.replace(at, what.size(), with);
        at += with.size();
    }
}

// Secret keys by prefix (net/profile.cpp keyModeOf() reads the mode from the same prefixes), and
// the same keys as a Basic credential encodes them (base64 of "test_sk_…:"), wherever they stand.
constexpr std::string_view keyPrefixes[] = {
    "test_sk_", "live_sk_", "test_gsk_", "live_gsk_", "test_ak_",
    "dGVzdF9za1", "bGl2ZV9za1", "dGVzdF9nc2tf", "bGl2ZV9nc2tf", "dGVzdF9ha1",
};

bool isTokenByte(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-'
        || c == '+' || c == '/' || c == '=' || c == '.' || c == '~';
}

bool isLetters(QByteArrayView word)
{
    return !word.isEmpty() && std::all_of(word.begin(), word.end(), [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    });
}

qsizetype tokenEnd(const QByteArray &text, qsizetype from)
{
    while (from < text.size() && isTokenByte(text[from]))
        ++from;
    return from;
}

const QByteArray kMasked = QByteArrayLiteral("[masked]");

qsizetype skipSpace(const QByteArray &text, qsizetype from)
{
    while (from < text.size() && (text[from] == ' ' || text[from] == '\t' || text[from] == '\n' || text[from] == '\r'))
        ++from;
    return from;
}

// What the decoder did not keep still stands in the text: the first value of a duplicate key
// (the decoder keeps the last). Each "key": "value" of a field masked anywhere is masked by its
// text where it was not yet; maskValue() leaves a masked value as it is, so the ones already
// done are found and left. Fields masked only under a parent (a card's "number") need the
// structure and are left to it.
int maskMembersByText(QByteArray &text)
{
    int count = 0;
    for (const MaskedField &field : maskedFields()) {
        if (!field.parent.empty())
            continue;
        for (const char quote : {'"', '\''}) {
            const QByteArray key = quote + QByteArray(field.key.data(), qsizetype(field.key.size())) + quote;
            for (qsizetype at = text.indexOf(key); at >= 0; at = text.indexOf(key, at + 1)) {
                qsizetype begin = skipSpace(text, at + key.size());
                if (begin >= text.size() || text[begin] != ':')
                    continue;
                begin = skipSpace(text, begin + 1);
                if (begin >= text.size() || (text[begin] != '"' && text[begin] != '\''))
                    continue;
                qsizetype end = ++begin;
                while (end < text.size() && text[end] != text[begin - 1])
                    end += text[end] == '\\' ? 2 : 1;
                if (end >= text.size())
                    continue;
                const std::string value = text.sliced(begin, end - begin).toStdString();
                const std::string masked = inert(maskValue(value, field.style));
                if (masked == value)
                    continue;
                text.replace(begin, end - begin, QByteArray::fromStdString(masked));
                ++count;
            }
        }
    }
    return count;
}

} // namespace

MaskedBody maskBody(const QByteArray &content)
{
    MaskedBody out;
    out.content = content;

    DecodeOptions options;
    options.lenient = true;
    const DecodeResult decoded = decode(decodable(content.toStdString()), options);
    std::vector<MaskedValue> values;
    for (std::size_t d = 0; d < decoded.documents.size(); ++d) {
        Json redacted = decoded.documents[d].value;
        if (redact(redacted) > 0)
            collectChanges(decoded.documents[d].value, redacted, d, std::string(), values);
    }

    // Masked in place, from the end of the text back, so earlier ranges keep their offsets.
    struct Edit
    {
        ByteRange range;
        std::string bytes;
    };
    std::vector<Edit> edits;
    for (const MaskedValue &value : values) {
        const std::optional<ByteRange> range = decoded.sourceMap.find(value.document, value.pointer);
        if (!range || range->end > std::size_t(content.size()))
            continue;
        if (std::optional<std::string> bytes =
                replacementFor(std::string_view(content.constData() + range->begin, range->size()), value))
            edits.push_back({*range, std::move(*bytes)});
    }
    std::sort(edits.begin(), edits.end(), [](const Edit &a, const Edit &b) { return a.range.begin > b.range.begin; });
    std::size_t limit = std::size_t(content.size());
    for (const Edit &edit : edits) {
        if (edit.range.end > limit)  // a place already masked (a map that names one range twice)
            continue;
        out.content.replace(qsizetype(edit.range.begin), qsizetype(edit.range.size()),
                            QByteArray::fromStdString(edit.bytes));
        limit = edit.range.begin;
    }

    // A value the map could not place, or one that also stands elsewhere (a duplicate key, the
    // same secret quoted in a log line around the JSON): found by its text.
    for (const MaskedValue &value : values) {
        const QByteArray original = QByteArray::fromStdString(value.original);
        out.originals.push_back(original);
        if (original.size() >= kSearchableBytes)
            replaceWhole(out.content, original, QByteArray::fromStdString(inert(value.masked)));
    }
    out.maskedValues = int(values.size()) + maskMembersByText(out.content) + maskCredentials(out.content);
    return out;
}

int maskCredentials(QByteArray &text)
{
    int count = 0;
    // "Authorization: Basic …" in a pasted log or curl line, whatever the credential: the scheme
    // word is kept, the credential masked. Short words are prose ("Authorization header is …").
    const QByteArray needle = QByteArrayLiteral("authorization");
    for (qsizetype at = text.toLower().indexOf(needle); at >= 0;
         at = text.toLower().indexOf(needle, at + needle.size())) {
        qsizetype p = at + needle.size();
        while (p < text.size() && QByteArrayView("\"': =\t").contains(text[p]))
            ++p;
        qsizetype end = tokenEnd(text, p);
        if (isLetters(QByteArrayView(text).sliced(p, end - p)) && end < text.size() && text[end] == ' ') {
            p = end;  // the scheme: the credential follows
            while (p < text.size() && text[p] == ' ')
                ++p;
            end = tokenEnd(text, p);
        }
        if (end - p >= kCredentialBytes) {
            text.replace(p, end - p, kMasked);
            ++count;
        }
    }
    for (const std::string_view prefix : keyPrefixes) {
        const QByteArrayView p(prefix.data(), qsizetype(prefix.size()));
        for (qsizetype at = text.indexOf(p); at >= 0; at = text.indexOf(p, at + 1)) {
            const qsizetype begin = at + p.size();
            const qsizetype end = tokenEnd(text, begin);
            if (end == begin)
                continue;
            text.replace(begin, end - begin, kMasked);
            ++count;
        }
    }
    return count;
}

QByteArray maskText(QByteArray text, const QList<QByteArray> &originals)
{
    for (const QByteArray &original : originals)
        if (original.size() >= kSearchableBytes)
            replaceWhole(text, original, kMasked);
    maskCredentials(text);
    return text;
}

QList<QPair<QByteArray, QByteArray>> storedHeaders(const QList<QPair<QByteArray, QByteArray>> &headers)
{
    static const QByteArray dropped[] = {"authorization", "cookie", "secret", "token"};
    QList<QPair<QByteArray, QByteArray>> kept;
    for (const auto &[name, value] : headers) {
        const QByteArray lower = name.toLower();
        if (std::any_of(std::begin(dropped), std::end(dropped), [&](const QByteArray &d) { return lower.contains(d); }))
            continue;
        QByteArray masked = value;
        maskCredentials(masked);
        kept.push_back({name, masked});
    }
    return kept;
}

} // namespace paytriage
