#pragma once

// A seed sample (or any text) decoded and analysed the way the console does it, with a
// pinned clock, for the model tests.

#include "catalog/catalog.h"
#include "model/input.h"
#include "rules/analyzer.h"
#include "util/clock.h"
#include "util/timestamp.h"

#include <QFile>
#include <QStringList>
#include <QTest>

#include <memory>

namespace paytriage::test {

inline std::string sampleText(const char *name)
{
    QFile file(QStringLiteral(PAYTRIAGE_SAMPLES "/") + QLatin1String(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing sample %s", name);
    return file.readAll().toStdString();
}

inline std::int64_t msAt(const char *iso)
{
    return parseTimestamp(iso)->msSinceEpoch;
}

inline const Catalog &catalog()
{
    static const Catalog c = Catalog::builtIn();
    return c;
}

struct AnalysedSample
{
    std::shared_ptr<const std::vector<Document>> documents;
    Analysis analysis;
};

inline AnalysedSample analyse(std::string text, std::int64_t nowMs, const std::string &label = "test")
{
    LoadedCase loaded = loadText(std::move(text), {label, {}, 0});
    if (!loaded.decoded.ok())
        qFatal("sample did not decode: %s", qPrintable(loaded.decoded.error->message().toString()));
    const FixedClock clock(nowMs);
    AnalysedSample out;
    out.analysis = Analyzer(catalog(), clock).analyze(loaded.kase);
    out.documents = std::make_shared<const std::vector<Document>>(std::move(loaded.kase.documents));
    return out;
}

// "rule.variant [severity] #doc pointer" per finding: the failure message when a count is off.
inline QString describe(const std::vector<Finding> &findings)
{
    QStringList lines;
    for (const Finding &f : findings)
        lines << QStringLiteral("%1.%2 [%3] #%4 %5")
                     .arg(QString::fromStdString(f.rule), QString::fromStdString(f.variant),
                          QString::fromLatin1(severityId(f.severity).data()))
                     .arg(f.document)
                     .arg(f.pointers.empty() ? QString() : QString::fromStdString(f.pointers.front()));
    return lines.join(QLatin1Char('\n'));
}

} // namespace paytriage::test
