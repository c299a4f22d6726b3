#include "net/lookupinput.h"

#include <QRegularExpression>
#include <QUrl>
#include <QUrlQuery>

#include <algorithm>
#include <vector>

namespace paytriage {

namespace {

// orderIds are 6–64 of [A-Za-z0-9_-] (the spec allows '.', and '=' is seen), paymentKeys up to 200
// letters, digits and '_'; an Apps-in-Toss orderId is a UUID.
// Picked out of longer text, an id needs a digit too: ids carry dates and numbers, the words of a
// sentence ("Please", "refund") do not. Typed alone, any id-shaped token is taken (FAULT-SLOW).
bool idShaped(const QString &token, bool alone = false)
{
    static const QRegularExpression shape(QStringLiteral("^[A-Za-z0-9_.=-]{6,200}$"));
    static const QRegularExpression digit(QStringLiteral("[0-9]"));
    return shape.match(token).hasMatch() && (alone || token.contains(digit));
}

// A label in front of an id, in Korean or English, and which kind it names.
struct Label
{
    QRegularExpression pattern;
    IdKind kind;
};

const std::vector<Label> &labels()
{
    static const std::vector<Label> all = {
        {QRegularExpression(QStringLiteral("(주문\\s*번호|주문\\s*ID|order[\\s_-]*id|orderno|order\\s*no\\.?)\\s*[:=：]?\\s*"),
                            QRegularExpression::CaseInsensitiveOption),
         IdKind::OrderId},
        {QRegularExpression(QStringLiteral("(결제\\s*키|payment[\\s_-]*key)\\s*[:=：]?\\s*"),
                            QRegularExpression::CaseInsensitiveOption),
         IdKind::PaymentKey},
    };
    return all;
}

// A Toss URL names its id: /v1/payments/orders/{orderId}, /v1/payments/{paymentKey}, or a query
// (orderId=…, paymentKey=…).
bool fromUrl(const QString &token, LookupInput::Id *out)
{
    const QUrl url(token, QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
        return false;
    const QUrlQuery query(url);
    for (const auto &[name, kind] : {std::pair{QStringLiteral("paymentKey"), IdKind::PaymentKey},
                                     std::pair{QStringLiteral("orderId"), IdKind::OrderId}}) {
        const QString value = query.queryItemValue(name, QUrl::FullyDecoded);
        if (idShaped(value)) {
            *out = {value, kind};
            return true;
        }
    }
    const QStringList path = url.path(QUrl::FullyDecoded).split(QLatin1Char('/'), Qt::SkipEmptyParts);
    const qsizetype payments = path.indexOf(QStringLiteral("payments"));
    if (payments >= 0 && payments + 1 < path.size()) {
        if (path[payments + 1] == QLatin1String("orders") && payments + 2 < path.size() && idShaped(path[payments + 2])) {
            *out = {path[payments + 2], IdKind::OrderId};
            return true;
        }
        if (idShaped(path[payments + 1]) && path[payments + 1] != QLatin1String("orders")) {
            *out = {path[payments + 1], IdKind::PaymentKey};
            return true;
        }
    }
    return false;
}

} // namespace

LookupInput parseLookupInput(const QString &text)
{
    LookupInput input;
    const auto add = [&input](const LookupInput::Id &id) {
        for (const LookupInput::Id &seen : input.ids)
            if (seen.id == id.id)
                return;
        input.ids.push_back(id);
    };
    // Lines, then the tokens of each: ids are separated by white space, commas, semicolons, tabs
    // (a spreadsheet column, a list in a chat).
    static const QRegularExpression separators(QStringLiteral("[\\s,;|]+"));
    static const QRegularExpression quotes(QStringLiteral("^[\"'`“”‘’「」『』<(\\[]+|[\"'`“”‘’「」『』>)\\].:]+$"));
    static const QRegularExpression urls(QStringLiteral("https?://\\S+"), QRegularExpression::CaseInsensitiveOption);
    for (QString line : text.split(QRegularExpression(QStringLiteral("[\\r\\n]+")), Qt::SkipEmptyParts)) {
        // URLs first, whole: their query's "orderId=" is no label for what follows.
        for (auto it = urls.globalMatch(line); it.hasNext();) {
            LookupInput::Id id;
            if (fromUrl(it.next().captured(), &id))
                add(id);
            input.cleaned = true;
        }
        line.replace(urls, QStringLiteral(" "));
        // The line in segments, each with the kind its label named ("주문번호: A, 결제키: B").
        struct Segment
        {
            qsizetype begin;
            qsizetype end;
            IdKind kind;
        };
        std::vector<Segment> segments{{0, line.size(), IdKind::Auto}};
        std::vector<std::pair<QRegularExpressionMatch, IdKind>> found;
        for (const Label &label : labels()) {
            auto it = label.pattern.globalMatch(line);
            while (it.hasNext())
                found.emplace_back(it.next(), label.kind);
        }
        std::sort(found.begin(), found.end(),
                  [](const auto &a, const auto &b) { return a.first.capturedStart() < b.first.capturedStart(); });
        for (const auto &[match, kind] : found) {
            input.cleaned = true;
            segments.back().end = match.capturedStart();
            segments.push_back({match.capturedEnd(), line.size(), kind});
        }
        const bool alone = segments.size() == 1 && text.trimmed().split(separators, Qt::SkipEmptyParts).size() == 1;
        for (const Segment &segment : segments) {
            const QString part = line.mid(segment.begin, segment.end - segment.begin);
            for (const QString &raw : part.split(separators, Qt::SkipEmptyParts)) {
                QString token = raw;
                token.remove(quotes);
                if (token != raw)
                    input.cleaned = true;
                if (idShaped(token, alone))
                    add({token, segment.kind});
                else
                    input.cleaned = true;  // words around the ids ("please check", "고객 문의")
            }
        }
    }
    return input;
}

} // namespace paytriage
