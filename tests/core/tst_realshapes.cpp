// The regression corpus of real shapes (tests/data/real-shapes): payloads written by the project
// in the shapes found in the public docs, the developer community and committed sandbox
// responses (trimmed and elided pastes, toString() maps, code-comment pastes, log prefixes, v2
// envelopes, webhooks of every type, settlement rows in both shapes, foreign payments, values
// documented late). expected.json gives each file its verdict:
//   healthy / normal-lifecycle: no finding at warning or above (a false alarm is a defect);
//   incident: the rules it names fire;
//   unrecognised: said to be so, never clean;
// and, for all, the rules that must fire and the document kinds it holds.

#include "catalog/catalog.h"
#include "model/input.h"
#include "rules/analyzer.h"
#include "util/timestamp.h"

#include <QDir>
#include <QFile>
#include <QStringList>
#include <QTest>

#include <algorithm>

using namespace paytriage;

namespace {

const QString corpus = QStringLiteral(PAYTRIAGE_TEST_DATA "/real-shapes");

Json expectations()
{
    QFile file(corpus + QStringLiteral("/expected.json"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing expected.json");
    const QByteArray bytes = file.readAll();
    return Json::parse(bytes.constData(), bytes.constData() + bytes.size());
}

QString describe(const Analysis &a)
{
    QStringList lines;
    for (const Finding &f : a.findings)
        lines << QStringLiteral("%1.%2 [%3] #%4 %5")
                     .arg(QString::fromStdString(f.rule), QString::fromStdString(f.variant),
                          QString::fromLatin1(severityId(f.severity).data()))
                     .arg(f.document)
                     .arg(f.pointers.empty() ? QString() : QString::fromStdString(f.pointers.front()));
    return lines.join(QLatin1Char('\n'));
}

} // namespace

class TestRealShapes final : public QObject
{
    Q_OBJECT

private slots:
    void everyFileIsListed();
    void verdicts_data();
    void verdicts();
    void cleanupTestCase();

private:
    // The figures scripts/false-alarms.sh prints.
    int m_quietFiles = 0;      // healthy and normal-lifecycle files
    int m_falseAlarms = 0;     // warnings or worse on those
    int m_falseAlarmFiles = 0;
    int m_expected = 0;        // rules the corpus says must fire
    int m_fired = 0;
};

void TestRealShapes::cleanupTestCase()
{
    qInfo("real-shapes: %d healthy or normal files, %d false alarms (warning or above) in %d of them; "
          "%d of %d expected findings fired",
          m_quietFiles, m_falseAlarms, m_falseAlarmFiles, m_fired, m_expected);
}

void TestRealShapes::everyFileIsListed()
{
    const Json expected = expectations();
    const QStringList files = QDir(corpus).entryList(QDir::Files);
    for (const QString &file : files) {
        if (file == QLatin1String("expected.json"))
            continue;
        QVERIFY2(expected["files"].contains(file.toStdString()), qPrintable(file + QStringLiteral(" has no verdict")));
    }
    QCOMPARE(expected["files"].size(), std::size_t(files.size() - 1));
}

void TestRealShapes::verdicts_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("verdictClass");
    QTest::addColumn<QStringList>("fire");
    QTest::addColumn<QStringList>("kinds");
    QTest::addColumn<qint64>("asOf");
    const Json expected = expectations();
    for (const auto &[name, e] : expected["files"].items()) {
        QStringList fire;
        for (const Json &rule : e["fire"])
            fire << QString::fromStdString(rule.get<std::string>());
        QStringList kinds;
        for (const Json &kind : e["kinds"])
            kinds << QString::fromStdString(kind.get<std::string>());
        const auto asOf = parseTimestamp(e["asOf"].get<std::string>());
        QVERIFY(asOf);
        QTest::newRow(name.c_str()) << QString::fromStdString(name) << QString::fromStdString(e["class"].get<std::string>())
                                    << fire << kinds << qint64(asOf->msSinceEpoch);
    }
}

void TestRealShapes::verdicts()
{
    QFETCH(QString, file);
    QFETCH(QString, verdictClass);
    QFETCH(QStringList, fire);
    QFETCH(QStringList, kinds);
    QFETCH(qint64, asOf);

    QFile in(corpus + QLatin1Char('/') + file);
    QVERIFY(in.open(QIODevice::ReadOnly));
    const LoadedCase loaded = loadText(in.readAll().toStdString(), {file.toStdString(), {}, 0});
    QVERIFY2(loaded.decoded.ok(), qPrintable(loaded.decoded.ok() ? QString() : loaded.decoded.error->message().toString()));
    QVERIFY(loaded.decoded.skipped.empty());

    QStringList actualKinds;
    for (const Document &d : loaded.kase.documents)
        actualKinds << QString::fromLatin1(kindId(d.kind).data());
    QCOMPARE(actualKinds, kinds);

    const FixedClock clock(asOf);
    const Analysis analysis = Analyzer(Catalog::builtIn(), clock).analyze(loaded.kase);
    const bool quiet = verdictClass == QLatin1String("healthy") || verdictClass == QLatin1String("normal-lifecycle");
    if (quiet) {
        ++m_quietFiles;
        const auto alarms = std::count_if(analysis.findings.begin(), analysis.findings.end(),
                                          [](const Finding &f) { return f.severity != Severity::Info; });
        m_falseAlarms += int(alarms);
        m_falseAlarmFiles += alarms > 0 ? 1 : 0;
    }
    QStringList missing;
    for (const QString &rule : fire) {
        ++m_expected;
        const bool found = std::any_of(analysis.findings.begin(), analysis.findings.end(), [&](const Finding &f) {
            const QString id = QString::fromStdString(f.rule);
            return id == rule || id + QLatin1Char('.') + QString::fromStdString(f.variant) == rule;
        });
        if (found)
            ++m_fired;
        else
            missing << rule;
    }
    QVERIFY2(missing.isEmpty(),
             qPrintable(QStringLiteral("%1 did not fire; got:\n%2").arg(missing.join(QLatin1Char(',')), describe(analysis))));
    // Settings shows each rule's default severities from the catalog ("Default (Warning or Info)"):
    // a finding at a severity its rule's entry does not list would make that a lie.
    for (const Finding &f : analysis.findings) {
        const std::vector<std::string> listed = Catalog::builtIn().ruleSeverities(f.rule);
        QVERIFY2(std::find(listed.begin(), listed.end(), severityId(f.severity)) != listed.end(),
                 qPrintable(QStringLiteral("rule.%1 in messages.json does not list %2")
                                .arg(QString::fromStdString(f.rule), QString::fromLatin1(severityId(f.severity).data()))));
    }
    const Verdict verdict = verdictOf(loaded.kase, analysis);
    if (quiet)
        QVERIFY2(!analysis.hasWarnings(), qPrintable(QStringLiteral("false alarm:\n") + describe(analysis)));
    else if (verdictClass == QLatin1String("unrecognised"))
        QCOMPARE(verdict, Verdict::Unrecognised);
    else
        QCOMPARE(verdictClass, QStringLiteral("incident"));
    // Nothing unrecognised reads as clean.
    if (verdict == Verdict::Clean)
        QVERIFY(!actualKinds.contains(QStringLiteral("unknown")) || std::any_of(
                    analysis.findings.begin(), analysis.findings.end(),
                    [](const Finding &f) { return f.rule == "unrecognised-document"; }));
}

QTEST_APPLESS_MAIN(TestRealShapes)
#include "tst_realshapes.moc"
