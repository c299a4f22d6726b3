// paytriage-cli end to end: the real binary, its exit statuses, JSON contract and languages.

#include "store/evidencestore.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSettings>
#include <QTemporaryDir>
#include <QTemporaryFile>
#include <QElapsedTimer>
#include <QDir>

#include <QDirIterator>
#include <QScopeGuard>
#include <QTcpServer>
#include <QTest>

#if defined(Q_OS_UNIX)
#include <sys/stat.h>
#endif
#if defined(Q_OS_LINUX)
#include <csignal>
#include <sys/resource.h>
#endif

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// An empty config dir: no user catalog override or merchant profile leaks into the test.
QString configHome()
{
    static QTemporaryDir config;
    return config.path();
}

Run cli(const QStringList &args, const QByteArray &stdinData = {}, const QString &secretKey = {},
        const QList<QPair<QString, QString>> &extraEnv = {})
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (!secretKey.isEmpty())
        env.insert(QStringLiteral("PAYTRIAGE_SECRET_KEY"), secretKey);
    else
        env.remove(QStringLiteral("PAYTRIAGE_SECRET_KEY"));  // not the runner's own
    env.remove(QStringLiteral("PAYTRIAGE_TOSS_USER_KEY"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), configHome());
    for (const auto &[name, value] : extraEnv)
        env.insert(name, value);
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(PAYTRIAGE_CLI), args);
    if (!p.waitForStarted())
        qFatal("cannot start %s", PAYTRIAGE_CLI);
    if (!stdinData.isEmpty())
        p.write(stdinData);
    p.closeWriteChannel();
    if (!p.waitForFinished(60000))
        qFatal("paytriage-cli did not finish");
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

QString data(const char *name)
{
    return QStringLiteral(PAYTRIAGE_SAMPLES "/") + QLatin1String(name);
}

// A small paytriage-sandbox on a free port; its URL (its first line), or empty when it did not
// start or say where it listens within 10 s.
QString startSandbox(QProcess &sandbox, const QString &faults = {})
{
    QStringList args{QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--days"), QStringLiteral("1"),
                     QStringLiteral("--payments-per-day"), QStringLiteral("50")};
    if (!faults.isEmpty())
        args << QStringLiteral("--faults") << faults;
    sandbox.start(QStringLiteral(PAYTRIAGE_SANDBOX), args);
    if (!sandbox.waitForStarted() || !sandbox.waitForReadyRead(10000))
        return {};
    return QString::fromUtf8(sandbox.readLine()).trimmed();
}

} // namespace

class TestCli final : public QObject
{
    Q_OBJECT

private slots:
    void exitStatus_data();
    void exitStatus();
    void jsonContract();
    void brokenDocumentAmongOthers();
    void jsonEscapesWhatItQuotes();
    void bothLanguages();
    void hostileServer_data();
    void hostileServer();
    void specialFilesAreRefusedWithoutReading_data();
    void specialFilesAreRefusedWithoutReading();
    void standardInputStopsAtTheLimit();
    void noCoreDumps();
    void aCanaryKeyLeavesNoTrace();
    void readsStandardInput();
    void failuresSayWhy_data();
    void failuresSayWhy();
    void noColourWhenNotATerminal();
    void gigabyteFileIsRefusedQuickly();
    void gigabyteListStopsAtTheFirstBadByte();
    void largeListIsStreamed();
    void explainsErrorCodes();
    void lookupAgainstTheSandbox();
    void lookupWithAProfile();
    void profileMistakesSayWhat_data();
    void profileMistakesSayWhat();
    void recordedTextsAreKeptListedAndCompared();
    void lookupsAndBatchesAreKeptWithTheirAnswers();
    void scanReadsThePeriodAndRanksPayments();
    void reportsOfASnapshotAndOfAFile();
};

void TestCli::exitStatus_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("code");
    QTest::newRow("seed 001 warns") << QStringList{QStringLiteral("analyze"), data("seed001-vbank-console-log.txt")} << 1;
    QTest::newRow("seed 000 long stuck warns")
        << QStringList{QStringLiteral("analyze"), data("seed000-confirm-in-progress.json")} << 1;
    QTest::newRow("seed 000 as of a minute later is clean")
        << QStringList{QStringLiteral("analyze"), QStringLiteral("--as-of"), QStringLiteral("2025-04-02T08:40:21+09:00"),
                       data("seed000-confirm-in-progress.json")}
        << 0;
    QTest::newRow("seed 004 settlement is clean")
        << QStringList{QStringLiteral("analyze"), data("seed004-settlement-paste.txt")} << 0;
    QTest::newRow("missing file fails") << QStringList{QStringLiteral("analyze"), data("no-such-file.json")} << 2;
    // Nothing recognised is not clean: exit 3 (tests/data/real-shapes holds a Slack body).
    QTest::newRow("an unrecognised document is not clean")
        << QStringList{QStringLiteral("analyze"), QStringLiteral(PAYTRIAGE_TEST_DATA "/real-shapes/unrecognised-slack-webhook.json")}
        << 3;
    QTest::newRow("help") << QStringList{QStringLiteral("analyze"), QStringLiteral("--help")} << 0;
    QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")} << 2;
    QTest::newRow("bad format") << QStringList{QStringLiteral("analyze"), QStringLiteral("--format"), QStringLiteral("xml"),
                                               data("seed004-settlement-paste.txt")}
                                << 2;
}

void TestCli::exitStatus()
{
    QFETCH(QStringList, args);
    QFETCH(int, code);
    const Run r = cli(args);
    QVERIFY2(r.exitCode == code, r.err.constData());
}

void TestCli::jsonContract()
{
    const Run r = cli({QStringLiteral("analyze"), QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--lang"),
                       QStringLiteral("en"), data("seed001-vbank-console-log.txt")});
    QCOMPARE(r.exitCode, 1);
    QJsonParseError error;
    const QJsonObject root = QJsonDocument::fromJson(r.out, &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    const QJsonArray documents = root.value(QLatin1String("documents")).toArray();
    QCOMPARE(documents.size(), 2);  // two objects pasted one after another
    QCOMPARE(documents[0].toObject().value(QLatin1String("kind")).toString(), QStringLiteral("transactions"));
    const QJsonArray findings = root.value(QLatin1String("findings")).toArray();
    QVERIFY(!findings.isEmpty());
    const QJsonObject first = findings[0].toObject();
    for (const char *key : {"rule", "severity", "document", "pointer", "title", "detail", "advice"})
        QVERIFY2(first.contains(QLatin1String(key)), key);
    QCOMPARE(first.value(QLatin1String("rule")).toString(), QStringLiteral("vbank-cancel-without-deposit"));
    QCOMPARE(first.value(QLatin1String("document")).toInt(), 1);
    QCOMPARE(first.value(QLatin1String("pointer")).toString(), QStringLiteral("/status"));
    const QJsonArray timeline = root.value(QLatin1String("timeline")).toArray();
    QCOMPARE(timeline.size(), 2);
    for (const char *key : {"at", "source", "event", "status", "amount"})
        QVERIFY2(timeline[0].toObject().contains(QLatin1String(key)), key);
    QCOMPARE(timeline[1].toObject().value(QLatin1String("amount")).toDouble(), 22400.0);
    // The lenient decoder's repairs are reported.
    QVERIFY(!root.value(QLatin1String("repairs")).toArray().isEmpty());
}

void TestCli::brokenDocumentAmongOthers()
{
    // The second of three responses broke: the others are analysed, the verdict says so, and the
    // broken one is named with its line on standard error and in the JSON report.
    const QByteArray text = "{\"code\":\"NOT_FOUND_PAYMENT\",\"message\":\"x\"}\n"
                            "{\"code\": \"FORBIDDEN_REQUEST\", \"message\": 허용되지}\n"
                            "{\"code\":\"UNAUTHORIZED_KEY\",\"message\":\"y\"}\n";
    const Run r = cli({QStringLiteral("analyze"), QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("-")}, text);
    QCOMPARE(r.exitCode, 1);
    const QJsonObject root = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(root.value(QLatin1String("documents")).toArray().size(), 2);
    const QJsonArray skipped = root.value(QLatin1String("skipped")).toArray();
    QCOMPARE(skipped.size(), 1);
    QCOMPARE(skipped[0].toObject().value(QLatin1String("line")).toInt(), 2);
    QVERIFY2(QString::fromUtf8(r.err).contains(QStringLiteral("line 2")), r.err.constData());
    QCOMPARE(root.value(QLatin1String("summary")).toObject().value(QLatin1String("verdict")).toString(),
             QStringLiteral("findings"));
}

void TestCli::jsonEscapesWhatItQuotes()
{
    // A server message with quotes, a line break, a tab and a control character: the report is
    // still JSON, and the message comes back as it was.
    const QByteArray text = R"({"code":"NOT_FOUND_PAYMENT","message":"a \"b\"\n\tc\u0001 \\ 결제"})";
    const Run r = cli({QStringLiteral("analyze"), QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("-")}, text);
    QCOMPARE(r.exitCode, 1);
    QJsonParseError error;
    const QJsonObject root = QJsonDocument::fromJson(r.out, &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    const QJsonObject evidence = root.value(QLatin1String("findings")).toArray()[0].toObject().value(QLatin1String("evidence")).toObject();
    QCOMPARE(evidence.value(QLatin1String("message")).toString(), QStringLiteral("a \"b\"\n\tc\u0001 \\ 결제"));
}

void TestCli::hostileServer_data()
{
    QTest::addColumn<QString>("fault");
    QTest::addColumn<int>("lookupExit");  // 2: the payment failed (said on stderr); 0 or 1: analysed
    for (const char *fault : {"gateway-error", "odd-error", "escape-message", "redirect-away", "retry-after-huge",
                              "not-a-payment", "reset"})
        QTest::newRow(fault) << QString::fromLatin1(fault) << 2;
    for (const char *fault : {"null-key", "null-key:1", "non-object-records", "numeric-cursor", "ignore-paging"})
        QTest::newRow(fault) << QString::fromLatin1(fault) << -1;
}

void TestCli::hostileServer()
{
    // Every request answered wrongly on purpose: lookup says what happened, batch answers every id
    // exactly once, no control character from the server reaches the terminal, no canary key is
    // printed.
    QFETCH(QString, fault);
    QFETCH(int, lookupExit);
    QProcess sandbox;
    const auto stop = qScopeGuard([&sandbox] {
        sandbox.terminate();
        sandbox.waitForFinished();
    });
    const QString url = startSandbox(sandbox, fault + QStringLiteral(":1"));
    QVERIFY2(url.startsWith(QLatin1String("http://127.0.0.1:")), qPrintable(url));
    const QString canary = QStringLiteral("test_sk_CANARY7f3a9e21");

    const Run lookup = cli({QStringLiteral("lookup"), QStringLiteral("--base-url"), url, QStringLiteral("--lang"),
                            QStringLiteral("en"), QStringLiteral("2025040210437094")},
                           {}, canary);
    if (lookupExit >= 0)
        QVERIFY2(lookup.exitCode == lookupExit, lookup.err.constData());
    else
        QVERIFY2(lookup.exitCode == 0 || lookup.exitCode == 1, lookup.err.constData());
    if (lookup.exitCode == 2)
        QVERIFY(lookup.err.contains("payment:"));

    QTemporaryFile ids;
    QVERIFY(ids.open());
    ids.write("2025040210437094\nLIVE-V20240807160726-PAY_6367_3859\nno-such-order-1\nEjBNtZK7j8q2TlGFLJ-9T\n");
    ids.close();
    const Run batch = cli({QStringLiteral("batch"), QStringLiteral("--base-url"), url, QStringLiteral("--full"),
                           ids.fileName()},
                          {}, canary);
    QVERIFY2(batch.exitCode == 0 || batch.exitCode == 1 || batch.exitCode == 2, batch.err.constData());
    QList<int> answered;
    for (const QByteArray &line : batch.out.split('\n')) {
        if (line.trimmed().isEmpty())
            continue;
        const QJsonObject row = QJsonDocument::fromJson(line).object();
        QVERIFY2(!row.isEmpty(), line.constData());
        answered << row.value(QLatin1String("n")).toInt();
        QVERIFY(!row.value(QLatin1String("verdict")).toString().isEmpty());
    }
    std::sort(answered.begin(), answered.end());
    QCOMPARE(answered, (QList<int>{1, 2, 3, 4}));

    for (const Run *r : {&lookup, &batch}) {
        for (const QByteArray &stream : {r->out, r->err}) {
            QVERIFY(!stream.contains(canary.toUtf8()));
            QVERIFY2(!stream.contains('\x1b') && !stream.contains('\x07') && !stream.contains("\xc2\x9b"),
                     "a control character reached the terminal");
        }
    }
}

void TestCli::specialFilesAreRefusedWithoutReading_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("says");
    QTest::newRow("an endless device") << QStringLiteral("/dev/zero") << QStringLiteral("not a regular file");
    QTest::newRow("a folder") << QDir::tempPath() << QStringLiteral("folder");
    QTest::newRow("no such file") << QStringLiteral("/no/such/file.json") << QStringLiteral("no such file");
#if defined(Q_OS_UNIX)
    // A pipe no one writes to: reading it would block forever.
    static QTemporaryDir dir;
    const QString fifo = dir.filePath(QStringLiteral("ticket.fifo"));
    if (::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0)
        QTest::newRow("a pipe with no writer") << fifo << QStringLiteral("not a regular file");
#endif
}

void TestCli::specialFilesAreRefusedWithoutReading()
{
    QFETCH(QString, path);
    QFETCH(QString, says);
    QElapsedTimer timer;
    timer.start();
    const Run r = cli({QStringLiteral("analyze"), QStringLiteral("--lang"), QStringLiteral("en"), path});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(QString::fromUtf8(r.err).contains(says), r.err.constData());
    QVERIFY(timer.elapsed() < 10000);
}

void TestCli::standardInputStopsAtTheLimit()
{
    // 300 MB of zeros on standard input: read up to the 256 MB limit and one byte, then refused.
    QProcess p;
    p.setStandardInputFile(QStringLiteral("/dev/zero"));  // endless: only the limit ends the read
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), configHome());
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(PAYTRIAGE_CLI), {QStringLiteral("analyze"), QStringLiteral("--lang"), QStringLiteral("en"),
                                            QStringLiteral("-")});
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitCode(), 2);
    const QByteArray err = p.readAllStandardError();
    QVERIFY2(err.contains("too large"), err.constData());
}

void TestCli::noCoreDumps()
{
#if defined(Q_OS_LINUX)
    // While it waits for standard input, the running CLI may leave no core file: its core size
    // limit is 0.
    QProcess p;
    p.start(QStringLiteral(PAYTRIAGE_CLI), {QStringLiteral("analyze"), QStringLiteral("-")});
    QVERIFY(p.waitForStarted());
    const auto coreLimit = [&p] {
        QFile limits(QStringLiteral("/proc/%1/limits").arg(p.processId()));
        return limits.open(QIODevice::ReadOnly) ? limits.readAll() : QByteArray();
    };
    QTRY_VERIFY(coreLimit().contains("Max core file size        0"));
    p.closeWriteChannel();
    QVERIFY(p.waitForFinished());
#else
    QSKIP("core limits are checked on Linux");
#endif
}

void TestCli::aCanaryKeyLeavesNoTrace()
{
    // A key that must never be seen again, through lookups and batches that succeed, fail, are
    // redirected to another origin and crash; then every file under a fresh home (settings,
    // data, cache, state, the working folder) is read for it, and for a core file.
    const QByteArray canary = "test_sk_CANARYd41d8cd98f00b204e980";
    const QByteArray encoded = QByteArray(canary + ':').toBase64();  // as Basic authentication sends it
    QTemporaryDir home;
    QVERIFY(home.isValid());
    const QList<QPair<QString, QString>> env{{QStringLiteral("HOME"), home.path()},
                                             {QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config"))},
                                             {QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data"))},
                                             {QStringLiteral("XDG_CACHE_HOME"), home.filePath(QStringLiteral("cache"))},
                                             {QStringLiteral("XDG_STATE_HOME"), home.filePath(QStringLiteral("state"))}};
    QProcess plain;
    QProcess redirecting;
    const auto stop = qScopeGuard([&] {
        for (QProcess *p : {&plain, &redirecting}) {
            p->terminate();
            p->waitForFinished();
        }
    });
    const QString url = startSandbox(plain);
    const QString away = startSandbox(redirecting, QStringLiteral("redirect-away:1"));
    QVERIFY(!url.isEmpty() && !away.isEmpty());
    QTemporaryFile ids;
    QVERIFY(ids.open());
    ids.write("2025040210437094\nno-such-order-1\n");
    ids.close();

    const QString key = QString::fromLatin1(canary);
    const QList<Run> runs{
        cli({QStringLiteral("lookup"), QStringLiteral("--base-url"), url, QStringLiteral("2025040210437094")}, {}, key, env),
        cli({QStringLiteral("lookup"), QStringLiteral("--base-url"), url, QStringLiteral("--format"), QStringLiteral("json"),
             QStringLiteral("no-such-order-1")}, {}, key, env),
        cli({QStringLiteral("lookup"), QStringLiteral("--base-url"), away, QStringLiteral("2025040210437094")}, {}, key, env),
        cli({QStringLiteral("batch"), QStringLiteral("--base-url"), url, QStringLiteral("--full"), ids.fileName()}, {}, key, env),
        cli({QStringLiteral("batch"), QStringLiteral("--base-url"), away, ids.fileName()}, {}, key, env)};
    QCOMPARE(runs[0].exitCode, 1);  // found, with findings
    QCOMPARE(runs[1].exitCode, 2);  // not found
    QCOMPARE(runs[2].exitCode, 2);  // redirected away: not followed
    for (const Run &r : runs)
        for (const QByteArray &text : {r.out, r.err})
            QVERIFY(!text.contains(canary) && !text.contains(encoded));

#if defined(Q_OS_LINUX)
    // A crash while the key is in memory: the lookup waits on a server that never answers, and is
    // killed with SIGABRT. The core size limit it inherits is raised first, so only the program's
    // own hardening can keep a core file from being written into its working folder.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    rlimit before{};
    QVERIFY(::getrlimit(RLIMIT_CORE, &before) == 0);
    rlimit raised = before;
    raised.rlim_cur = raised.rlim_max;
    QVERIFY(::setrlimit(RLIMIT_CORE, &raised) == 0);
    const auto restore = qScopeGuard([&before] { ::setrlimit(RLIMIT_CORE, &before); });
    QProcess crashing;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("PAYTRIAGE_SECRET_KEY"), key);
    for (const auto &[name, value] : env)
        environment.insert(name, value);
    crashing.setProcessEnvironment(environment);
    crashing.setWorkingDirectory(home.path());
    crashing.start(QStringLiteral(PAYTRIAGE_CLI),
                   {QStringLiteral("lookup"), QStringLiteral("--base-url"),
                    QStringLiteral("http://127.0.0.1:%1").arg(silent.serverPort()), QStringLiteral("2025040210437094")});
    QVERIFY(crashing.waitForStarted());
    QVERIFY(silent.waitForNewConnection(10000));  // the key is read: the request is on its way
    ::kill(pid_t(crashing.processId()), SIGABRT);
    QVERIFY(crashing.waitForFinished(10000));
    QCOMPARE(crashing.exitStatus(), QProcess::CrashExit);
    for (const QByteArray &text : {crashing.readAllStandardOutput(), crashing.readAllStandardError()})
        QVERIFY(!text.contains(canary));
#endif

    int files = 0;
    QDirIterator it(home.path(), QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        ++files;
        QVERIFY2(!it.fileName().startsWith(QLatin1String("core")), qPrintable(path));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray content = file.readAll();
        QVERIFY2(!content.contains(canary) && !content.contains(encoded), qPrintable(path));
    }
    qInfo("%d files under the home folder read", files);
}

void TestCli::bothLanguages()
{
    const Run ko = cli({QStringLiteral("analyze"), QStringLiteral("--lang"), QStringLiteral("ko"),
                        data("seed001-vbank-console-log.txt")});
    const Run en = cli({QStringLiteral("analyze"), QStringLiteral("--lang"), QStringLiteral("en"),
                        data("seed001-vbank-console-log.txt")});
    QVERIFY(QString::fromUtf8(ko.out).contains(QStringLiteral("입금 없이 취소된 가상계좌")));
    QVERIFY(QString::fromUtf8(en.out).contains(QStringLiteral("Virtual account canceled before any deposit")));
    QVERIFY(!QString::fromUtf8(en.out).contains(QStringLiteral("입금 없이")));
    // The terminal report's own labels are translated too.
    QVERIFY(QString::fromUtf8(en.out).contains(QStringLiteral("Findings")));
    QVERIFY2(QString::fromUtf8(ko.out).contains(QStringLiteral("발견 사항")), ko.out.constData());
}

void TestCli::readsStandardInput()
{
    const Run r = cli({QStringLiteral("analyze"), QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("-")},
                      R"({"code":"NOT_FOUND_PAYMENT","message":"존재하지 않는 결제 정보 입니다."})");
    QCOMPARE(r.exitCode, 1);
    const QJsonObject root = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(root.value(QLatin1String("findings")).toArray()[0].toObject().value(QLatin1String("rule")).toString(),
             QStringLiteral("api-error"));
}

void TestCli::failuresSayWhy_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("empty input") << QByteArray(" \n") << QStringLiteral("empty");
    QTest::newRow("truncated before any complete member") << QByteArray("{\"status\": \"DO") << QStringLiteral("line 1");
    QTest::newRow("nul byte") << QByteArray("{\"a\": \"x\0y\"}", 12) << QStringLiteral("line 1");
    QTest::newRow("invalid utf-8") << QByteArray("{\"a\": \"\xff\"}") << QStringLiteral("UTF-8");
    QTest::newRow("deep nesting") << QByteArray(100000, '[') << QStringLiteral("deep");
}

void TestCli::failuresSayWhy()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, mentions);
    const Run r = cli({QStringLiteral("analyze"), QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("-")}, input);
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(QString::fromUtf8(r.err).contains(mentions, Qt::CaseInsensitive), r.err.constData());
}

void TestCli::noColourWhenNotATerminal()
{
    const Run r = cli({QStringLiteral("analyze"), data("seed001-vbank-console-log.txt")});
    QVERIFY(!r.out.contains('\x1b'));
}

void TestCli::gigabyteFileIsRefusedQuickly()
{
    // A sparse 1 GiB file: no disk used, nothing worth reading in it.
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("huge.json")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\"paymentKey\": ");
    QVERIFY(file.resize(qint64(1) << 30));
    file.close();
    const Run r = cli({QStringLiteral("analyze"), QStringLiteral("--lang"), QStringLiteral("en"), file.fileName()});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("1024 MB") && r.err.contains("too large"), r.err.constData());
}

void TestCli::gigabyteListStopsAtTheFirstBadByte()
{
    // Starts like a list, so it is streamed; the NUL bytes after the first record end it.
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("huge-list.json")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("[{\"transactionKey\":\"a\",\"transactionAt\":\"2024-01-01T00:00:00+09:00\"},\n");
    QVERIFY(file.resize(qint64(1) << 30));
    file.close();
    const Run r = cli({QStringLiteral("analyze"), QStringLiteral("--lang"), QStringLiteral("en"), file.fileName()});
    QCOMPARE(r.exitCode, 2);
    // Line 2, column 1: the first byte after the newline is the first NUL.
    QVERIFY2(r.err.contains("line 2"), r.err.constData());
}

void TestCli::largeListIsStreamed()
{
    // 120,000 transactions (~40 MB, over the 32 MB streaming threshold); one virtual account
    // canceled before deposit planted at records 50,000 and 50,001.
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("transactions.json")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("[\n");
    const int records = 120000;
    for (int i = 0; i < records; ++i) {
        QByteArray method = "\xec\xb9\xb4\xeb\x93\x9c";  // 카드
        QByteArray status = "DONE";
        QByteArray key = "pk" + QByteArray::number(i);
        if (i == 50000 || i == 50001) {
            method = "\xea\xb0\x80\xec\x83\x81\xea\xb3\x84\xec\xa2\x8c";  // 가상계좌
            status = i == 50000 ? "WAITING_FOR_DEPOSIT" : "CANCELED";
            key = "pk-vbank";
        }
        file.write("{\"mId\":\"tvivarepublica\",\"transactionKey\":\"" + QByteArray::number(i)
                   + "ABCDEF0123456789ABCDEF0123456\",\"paymentKey\":\"" + key
                   + "\",\"orderId\":\"order-" + QByteArray::number(i) + "\",\"method\":\"" + method
                   + "\",\"customerKey\":null,\"useEscrow\":false,\"receiptUrl\":\"https://dashboard.tosspayments.com/receipt/redirection?transactionId="
                   + key + "\",\"status\":\"" + status
                   + "\",\"transactionAt\":\"2025-03-01T16:08:45+09:00\",\"currency\":\"KRW\",\"amount\":22400}"
                   + (i + 1 < records ? ",\n" : "\n"));
    }
    file.write("]\n");
    QVERIFY(file.size() > 32 * 1024 * 1024);
    file.close();
    const Run r = cli({QStringLiteral("analyze"), QStringLiteral("--format"), QStringLiteral("json"), file.fileName()});
    QCOMPARE(r.exitCode, 1);
    const QJsonObject root = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(root.value(QLatin1String("summary")).toObject().value(QLatin1String("records")).toInt(), records);
    const QJsonArray findings = root.value(QLatin1String("findings")).toArray();
    QCOMPARE(findings.size(), 1);
    QCOMPARE(findings[0].toObject().value(QLatin1String("rule")).toString(), QStringLiteral("vbank-cancel-without-deposit"));
    QCOMPARE(findings[0].toObject().value(QLatin1String("pointer")).toString(), QStringLiteral("/50001/status"));
}

void TestCli::explainsErrorCodes()
{
    const Run ko = cli({QStringLiteral("explain"), QStringLiteral("--lang"), QStringLiteral("ko"), QStringLiteral("not_found")});
    QCOMPARE(ko.exitCode, 0);
    QVERIFY(QString::fromUtf8(ko.out).contains(QStringLiteral("시크릿 키")));
    const Run json = cli({QStringLiteral("explain"), QStringLiteral("--format"), QStringLiteral("json"),
                          QStringLiteral("NOT_CANCELABLE_PAYMENT"), QStringLiteral("NO_SUCH_CODE")});
    QCOMPARE(json.exitCode, 2);  // one code unknown
    const QJsonArray entries = QJsonDocument::fromJson(json.out).array();
    QCOMPARE(entries.size(), 1);
    QVERIFY(entries[0].toObject().value(QLatin1String("whoActs")).toArray().contains(QStringLiteral("merchant")));
    QVERIFY(json.err.contains("NO_SUCH_CODE"));
}

void TestCli::lookupAgainstTheSandbox()
{
    QProcess sandbox;
    const QString url = startSandbox(sandbox);
    QVERIFY2(url.startsWith(QLatin1String("http://127.0.0.1:")), qPrintable(url));
    const QString key = QStringLiteral("test_sk_lookupSecretNeverPrinted");

    // Seed 001 by orderId: the payment and its two transactions; the finding the thread needed.
    const Run found = cli({QStringLiteral("lookup"), QStringLiteral("--base-url"), url, QStringLiteral("--format"), QStringLiteral("json"),
                           QStringLiteral("--order-id"), QStringLiteral("LIVE-V20240807160726-PAY_6367_3859")},
                          {}, key);
    QCOMPARE(found.exitCode, 1);
    const QJsonObject root = QJsonDocument::fromJson(found.out).object();
    QCOMPARE(root.value(QLatin1String("documents")).toArray().size(), 2);
    QCOMPARE(root.value(QLatin1String("findings")).toArray()[0].toObject().value(QLatin1String("rule")).toString(),
             QStringLiteral("vbank-cancel-without-deposit"));

    // A wrong key: exit 2, the reason on stderr, the error object still analysed.
    const Run refused = cli({QStringLiteral("lookup"), QStringLiteral("--base-url"), url, QStringLiteral("--lang"), QStringLiteral("en"),
                             QStringLiteral("2025040210437094")},
                            {}, QStringLiteral("live_sk_wrong-key-NeverPrinted"));
    QCOMPARE(refused.exitCode, 2);
    QVERIFY2(refused.err.contains("HTTP 401"), refused.err.constData());
    QVERIFY(refused.out.contains("UNAUTHORIZED_KEY"));

    for (const Run *r : {&found, &refused})
        for (const QByteArray &text : {r->out, r->err}) {
            QVERIFY(!text.contains("NeverPrinted"));
            QVERIFY(!text.contains(QByteArray(key.toUtf8() + ':').toBase64()));
        }
    // batch: every id answered exactly once, failures isolated and reported, repeats folded.
    const QByteArray ids = "orderId,note\n2025040210437094,a\nLIVE-V20240807160726-PAY_6367_3859,b\nNO-SUCH-ORDER-9,c\n"
                           "FAULT-RESET,d\n2025040210437094,again\n";
    QTemporaryDir reports;
    const QString batchReport = reports.filePath(QStringLiteral("batch.md"));
    const Run batch = cli({QStringLiteral("batch"), QStringLiteral("--base-url"), url, QStringLiteral("--lang"), QStringLiteral("en"),
                           QStringLiteral("--concurrency"), QStringLiteral("2"), QStringLiteral("--report"), batchReport, QStringLiteral("-")},
                          ids, key);
    QCOMPARE(batch.exitCode, 2);  // two ids failed
    QStringList answered;
    for (const QByteArray &line : batch.out.split('\n')) {
        if (line.isEmpty())
            continue;
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        answered << o.value(QLatin1String("id")).toString();
        if (o.value(QLatin1String("id")).toString() == QLatin1String("2025040210437094"))
            QCOMPARE(o.value(QLatin1String("findings")).toArray()[0].toObject().value(QLatin1String("rule")).toString(),
                     QStringLiteral("status-stuck-in-progress"));
        if (o.value(QLatin1String("id")).toString().startsWith(QLatin1String("NO-SUCH")))
            QVERIFY(!o.value(QLatin1String("ok")).toBool());
    }
    answered.sort();
    QCOMPARE(answered, QStringList({QStringLiteral("2025040210437094"), QStringLiteral("FAULT-RESET"),
                                    QStringLiteral("LIVE-V20240807160726-PAY_6367_3859"), QStringLiteral("NO-SUCH-ORDER-9")}));
    QVERIFY2(batch.err.contains("FAULT-RESET: ") && batch.err.contains("4 of 4 done, 2 failed")
                 && batch.err.contains("1 repeated ids"),
             batch.err.constData());
    QVERIFY(!batch.out.contains("NeverPrinted") && !batch.err.contains("NeverPrinted"));
    // --report: the table as the Batch view exports it, most severe first, the failures last.
    QFile reportFile(batchReport);
    QVERIFY2(reportFile.open(QIODevice::ReadOnly), batch.err.constData());
    const QString table = QString::fromUtf8(reportFile.readAll());
    QVERIFY2(table.contains(QLatin1String("PayTriage batch lookup: 4 id(s)")), qPrintable(table));
    const qsizetype stuck = table.indexOf(QLatin1String("| 2025040210437094 |"));
    const qsizetype failed = table.indexOf(QLatin1String("| NO-SUCH-ORDER-9 |"));
    QVERIFY2(stuck > 0 && failed > stuck, qPrintable(table));
    QVERIFY(table.contains(QLatin1String("4 of 4 done, 2 failed")));
    QVERIFY(!table.contains(QLatin1String("NeverPrinted")));

    const QByteArray sandboxOutput = sandbox.readAll();
    QVERIFY(!sandboxOutput.contains("NeverPrinted"));
    sandbox.terminate();
    QVERIFY(sandbox.waitForFinished(10000));
}

namespace {

// A merchant profile as the console's Settings writes it (ProfileStore's layout in
// $XDG_CONFIG_HOME/PayTriage/PayTriage.conf, the native INI store on Linux), pointing at the
// sandbox for both APIs.
void writeProfile(const QString &name, const QString &url)
{
    QSettings settings(configHome() + QStringLiteral("/PayTriage/PayTriage.conf"), QSettings::IniFormat);
    settings.beginGroup(QStringLiteral("profiles/") + name);
    settings.setValue(QStringLiteral("name"), name);
    settings.setValue(QStringLiteral("mid"), QStringLiteral("tvivarepublica"));
    settings.setValue(QStringLiteral("baseUrl"), url);
    settings.setValue(QStringLiteral("appsInTossBaseUrl"), url);
    settings.endGroup();
}

// No keychain, on any machine: the profile's key can only come from PAYTRIAGE_SECRET_KEY.
const QList<QPair<QString, QString>> noKeychain = {
    {QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent/paytriage-test-bus")},
    {QStringLiteral("DISPLAY"), QString()},
};

} // namespace

void TestCli::lookupWithAProfile()
{
#ifndef Q_OS_LINUX
    QSKIP("The profile is planted as the INI file Linux keeps settings in.");
#endif
    QProcess sandbox;
    const QString url = startSandbox(sandbox);
    QVERIFY2(url.startsWith(QLatin1String("http://127.0.0.1:")), qPrintable(url));
    writeProfile(QStringLiteral("cli-sandbox"), url);
    const QString key = QStringLiteral("test_sk_profileSecretNeverPrinted");

    // The profile gives the address (no --base-url); the key comes from the environment here.
    const Run found = cli({QStringLiteral("lookup"), QStringLiteral("--profile"), QStringLiteral("cli-sandbox"), QStringLiteral("--format"),
                           QStringLiteral("json"), QStringLiteral("--order-id"), QStringLiteral("LIVE-V20240807160726-PAY_6367_3859")},
                          {}, key, noKeychain);
    QVERIFY2(found.exitCode == 1, found.err.constData());  // the virtual-account warning
    const QJsonObject root = QJsonDocument::fromJson(found.out).object();
    QCOMPARE(root.value(QLatin1String("findings")).toArray()[0].toObject().value(QLatin1String("rule")).toString(),
             QStringLiteral("vbank-cancel-without-deposit"));

    // batch takes the same profile.
    const Run batch = cli({QStringLiteral("batch"), QStringLiteral("--profile"), QStringLiteral("cli-sandbox"), QStringLiteral("-")},
                          "2025040210437094\n", key, noKeychain);
    QVERIFY2(batch.exitCode == 1, batch.err.constData());  // seed 000: stuck IN_PROGRESS warns
    QVERIFY(QJsonDocument::fromJson(batch.out.trimmed()).object().value(QLatin1String("ok")).toBool());

    // The Apps-in-Toss order status: the profile's Apps-in-Toss URL (the sandbox, loopback, so no
    // certificate), the user key from the environment, and no secret key at all.
    const QList<QPair<QString, QString>> withUserKey =
        noKeychain + QList<QPair<QString, QString>>{{QStringLiteral("PAYTRIAGE_TOSS_USER_KEY"), QStringLiteral("user-key-1")}};
    const Run inApp = cli({QStringLiteral("lookup"), QStringLiteral("--profile"), QStringLiteral("cli-sandbox"), QStringLiteral("--format"),
                           QStringLiteral("json"), QStringLiteral("--iap-order-id"), QStringLiteral("20e47c63-47e5-4972-a74c-9804fd584648")},
                          {}, {}, withUserKey);
    QVERIFY2(inApp.exitCode != 2, inApp.err.constData());
    const QJsonArray documents = QJsonDocument::fromJson(inApp.out).object().value(QLatin1String("documents")).toArray();
    QCOMPARE(documents.size(), 1);
    QCOMPARE(documents[0].toObject().value(QLatin1String("kind")).toString(), QStringLiteral("iap-order-status"));

    for (const Run *r : {&found, &batch, &inApp})
        QVERIFY(!r->out.contains("NeverPrinted") && !r->err.contains("NeverPrinted"));
    sandbox.terminate();
    QVERIFY(sandbox.waitForFinished(10000));
}

void TestCli::profileMistakesSayWhat_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("secretKey");
    QTest::addColumn<QString>("mentions");
    const QString profile = QStringLiteral("cli-offline");
    const QString id = QStringLiteral("2025040210437094");
    QTest::newRow("profile and base URL together")
        << QStringList{QStringLiteral("lookup"), QStringLiteral("--profile"), profile, QStringLiteral("--base-url"),
                       QStringLiteral("http://127.0.0.1:9"), id}
        << QStringLiteral("test_sk_x") << QStringLiteral("--profile and --base-url");
    QTest::newRow("unknown profile lists the known ones")
        << QStringList{QStringLiteral("lookup"), QStringLiteral("--profile"), QStringLiteral("nobody"), id}
        << QStringLiteral("test_sk_x") << QStringLiteral("No merchant profile named \"nobody\". The profiles are: ");
    QTest::newRow("unknown profile in batch")
        << QStringList{QStringLiteral("batch"), QStringLiteral("--profile"), QStringLiteral("nobody"), QStringLiteral("-")}
        << QStringLiteral("test_sk_x") << QStringLiteral("\"nobody\"");
    QTest::newRow("no key in the keychain nor the environment")
        << QStringList{QStringLiteral("lookup"), QStringLiteral("--profile"), profile, id} << QString()
        << QStringLiteral("PAYTRIAGE_SECRET_KEY");
    QTest::newRow("in-app order without the user key")
        << QStringList{QStringLiteral("lookup"), QStringLiteral("--profile"), profile, QStringLiteral("--iap-order-id"), id}
        << QString() << QStringLiteral("PAYTRIAGE_TOSS_USER_KEY");
}

void TestCli::profileMistakesSayWhat()
{
    QFETCH(QStringList, args);
    QFETCH(QString, secretKey);
    QFETCH(QString, mentions);
#ifndef Q_OS_LINUX
    QSKIP("The profile is planted as the INI file Linux keeps settings in.");
#endif
    // Port 9 (discard) on loopback: nothing is listening, and nothing may be asked of it.
    writeProfile(QStringLiteral("cli-offline"), QStringLiteral("http://127.0.0.1:9"));
    args << QStringLiteral("--lang") << QStringLiteral("en");
    const Run r = cli(args, "2025040210437094\n", secretKey, noKeychain);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(QString::fromUtf8(r.err).contains(mentions), r.err.constData());
    QVERIFY(r.out.isEmpty());
}

// analyze --record keeps a text and its findings in the evidence history; history lists it,
// shows it (bodies with their SHA-256, masked values counted), and diffs two snapshots of a
// payment: seed 000 pasted while IN_PROGRESS, then the DONE answer that followed.
void TestCli::recordedTextsAreKeptListedAndCompared()
{
    QTemporaryDir dir;
    const QString store = dir.filePath(QStringLiteral("history.sqlite"));
    QFile file(data("seed000-confirm-in-progress.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray inProgress = file.readAll();
    QByteArray done = inProgress;
    done.replace("\"status\": \"IN_PROGRESS\"", "\"status\": \"DONE\"")
        .replace("\"approvedAt\": null", "\"approvedAt\": \"2025-04-02T08:39:40+09:00\"");
    QVERIFY(done != inProgress);
    const QStringList record{QStringLiteral("analyze"), QStringLiteral("--record"), QStringLiteral("--store"), store,
                             QStringLiteral("--as-of"), QStringLiteral("2025-04-02T08:39:29+09:00"), QStringLiteral("-")};
    Run first = cli(record, inProgress);
    QCOMPARE(first.exitCode, 0);
    QVERIFY2(first.err.contains("kept as snapshot #1"), first.err.constData());
    Run second = cli(record, done);
    QVERIFY2(second.err.contains("kept as snapshot #2"), second.err.constData());

    // PAYTRIAGE_STORE names the history when --store does not.
    const QList<QPair<QString, QString>> env{{QStringLiteral("PAYTRIAGE_STORE"), store}};
    Run list = cli({QStringLiteral("history"), QStringLiteral("--format"), QStringLiteral("json")}, {}, {}, env);
    QCOMPARE(list.exitCode, 0);
    const QJsonArray rows = QJsonDocument::fromJson(list.out).array();
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows.at(0)[QStringLiteral("id")].toInt(), 2);  // newest first
    QCOMPARE(rows.at(0)[QStringLiteral("status")].toString(), QStringLiteral("DONE"));
    QCOMPARE(rows.at(1)[QStringLiteral("status")].toString(), QStringLiteral("IN_PROGRESS"));
    QCOMPARE(rows.at(1)[QStringLiteral("paymentKey")].toString(), QStringLiteral("ec_id20250402083921BUZL3"));
    Run byStatus = cli({QStringLiteral("history"), QStringLiteral("--status"), QStringLiteral("DONE")}, {}, {}, env);
    QVERIFY2(byStatus.out.contains("#2 ") && !byStatus.out.contains("#1 "), byStatus.out.constData());

    // The payment's secret was masked before it was written: the body's digest says so.
    Run show = cli({QStringLiteral("history"), QStringLiteral("show"), QStringLiteral("1"), QStringLiteral("--format"),
                    QStringLiteral("json")}, {}, {}, env);
    const QJsonObject shown = QJsonDocument::fromJson(show.out).object();
    const QJsonObject body = shown[QStringLiteral("bodies")].toArray().at(0).toObject();
    QCOMPARE(body[QStringLiteral("sha256")].toString().size(), 64);
    QVERIFY(body[QStringLiteral("maskedValues")].toInt() >= 1);
    // The catalog that judged it is kept with it (analyze --record), and shown.
    QVERIFY2(shown[QStringLiteral("catalogVersion")].toString().startsWith(QLatin1String("built-in:")), show.out.constData());
    Run shownText = cli({QStringLiteral("history"), QStringLiteral("show"), QStringLiteral("1"), QStringLiteral("--lang"), QStringLiteral("en")},
                        {}, {}, env);
    QVERIFY2(shownText.out.contains(QByteArray("judged by catalog " + shown[QStringLiteral("catalogVersion")].toString().toUtf8())),
             shownText.out.constData());
    QByteArray written;
    for (const QString &part : QStringList{store, store + QStringLiteral("-wal")}) {
        QFile f(part);
        if (f.open(QIODevice::ReadOnly))
            written += f.readAll();
    }
    QVERIFY(written.contains("ec_id20250402083921BUZL3"));  // the file is read, and holds the snapshots
    QVERIFY(!written.contains("ps_24xLea5zVAlbzjnbLJMm3QAMYNwW"));

    Run diff = cli({QStringLiteral("history"), QStringLiteral("diff"), QStringLiteral("1"), QStringLiteral("2")}, {}, {}, env);
    QCOMPARE(diff.exitCode, 0);
    QVERIFY2(diff.out.contains("changed /status: \"IN_PROGRESS\" → \"DONE\""), diff.out.constData());
    QVERIFY2(diff.out.contains("filled /approvedAt: null → \"2025-04-02T08:39:40+09:00\""), diff.out.constData());
    QVERIFY(!diff.out.contains("not the same payment"));

    // export: the body as stored (the secret masked) and a manifest whose hash is the file's.
    const QString out = dir.filePath(QStringLiteral("export"));
    Run exported = cli({QStringLiteral("history"), QStringLiteral("export"), QStringLiteral("1"), QStringLiteral("--out"), out}, {}, {},
                       env);
    QCOMPARE(exported.exitCode, 0);
    QFile manifestFile(out + QStringLiteral("/manifest.json"));
    QVERIFY(manifestFile.open(QIODevice::ReadOnly));
    const QJsonObject manifest = QJsonDocument::fromJson(manifestFile.readAll()).object();
    const QJsonObject exportedBody = manifest[QStringLiteral("bodies")].toArray().at(0).toObject();
    QFile bodyFile(out + QLatin1Char('/') + exportedBody[QStringLiteral("file")].toString());
    QVERIFY(bodyFile.open(QIODevice::ReadOnly));
    const QByteArray bodyBytes = bodyFile.readAll();
    QCOMPARE(QString::fromLatin1(QCryptographicHash::hash(bodyBytes, QCryptographicHash::Sha256).toHex()),
             exportedBody[QStringLiteral("sha256")].toString());
    QVERIFY(bodyBytes.contains("ec_id20250402083921BUZL3"));
    QVERIFY(!bodyBytes.contains("ps_24xLea5zVAlbzjnbLJMm3QAMYNwW"));
    // The bundle holds the report too, and verifies; a body changed afterwards does not.
    QVERIFY(QFile::exists(out + QStringLiteral("/report.md")) && QFile::exists(out + QStringLiteral("/report.html")));
    QCOMPARE(manifest[QStringLiteral("reports")].toArray().size(), 2);
    Run verified = cli({QStringLiteral("history"), QStringLiteral("verify"), out});
    QCOMPARE(verified.exitCode, 0);
    QVERIFY2(verified.out.contains("Verified: 3 files match the manifest of #1"), verified.out.constData());
    // A report of the bundle says where it came from and that it verified.
    Run reported = cli({QStringLiteral("report"), QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("--case"), out});
    QCOMPARE(reported.exitCode, 0);
    QVERIFY2(reported.out.contains("verified against its manifest"), reported.out.constData());
    QVERIFY(reported.out.contains(exportedBody[QStringLiteral("sha256")].toString().toLatin1()));
    bodyFile.close();
    QVERIFY(bodyFile.open(QIODevice::WriteOnly | QIODevice::Append));
    bodyFile.write(" ");
    bodyFile.close();
    Run tampered = cli({QStringLiteral("history"), QStringLiteral("verify"), out});
    QCOMPARE(tampered.exitCode, 2);
    QVERIFY2(tampered.err.contains("was changed since the bundle was made"), tampered.err.constData());
    Run reportedTampered = cli({QStringLiteral("report"), QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("--case"), out});
    QCOMPARE(reportedTampered.exitCode, 2);
    QVERIFY2(reportedTampered.out.contains("which does NOT verify"), reportedTampered.out.constData());
    Run notABundle = cli({QStringLiteral("history"), QStringLiteral("verify"), dir.path()});
    QCOMPARE(notABundle.exitCode, 2);
    QVERIFY2(notABundle.err.contains("no manifest.json"), notABundle.err.constData());

    Run missing = cli({QStringLiteral("history"), QStringLiteral("show"), QStringLiteral("9")}, {}, {}, env);
    QCOMPARE(missing.exitCode, 2);
    QVERIFY2(missing.err.contains("no snapshot #9"), missing.err.constData());
    Run damaged = cli({QStringLiteral("history"), QStringLiteral("--store"), data("seed001-vbank-console-log.txt")});
    QCOMPARE(damaged.exitCode, 2);
    QVERIFY2(damaged.err.contains("not a PayTriage evidence history"), damaged.err.constData());
}

// lookup --record and batch --record keep each payment's answers as received: the payment and
// its transactions for a lookup, one snapshot per id that was answered in a batch (a refusal
// too), and never the secret key.
void TestCli::lookupsAndBatchesAreKeptWithTheirAnswers()
{
    using namespace paytriage;
    QProcess sandbox;
    const QString url = startSandbox(sandbox);
    QVERIFY2(url.startsWith(QLatin1String("http://127.0.0.1:")), qPrintable(url));
    const QString key = QStringLiteral("test_sk_recordNeverPrinted");
    QTemporaryDir dir;
    const QString store = dir.filePath(QStringLiteral("history.sqlite"));
    const Run looked = cli({QStringLiteral("lookup"), QStringLiteral("--base-url"), url, QStringLiteral("--lang"), QStringLiteral("en"),
                            QStringLiteral("--record"), QStringLiteral("--store"), store, QStringLiteral("LIVE-V20240807160726-PAY_6367_3859")},
                           {}, key);
    QCOMPARE(looked.exitCode, 1);
    QVERIFY2(looked.err.contains("LIVE-V20240807160726-PAY_6367_3859: kept as snapshot #1"), looked.err.constData());

    const QByteArray ids = "2025040210437094\nLIVE-V20240807160726-PAY_6367_3859\nNO-SUCH-ORDER-9\n";
    const Run batch = cli({QStringLiteral("batch"), QStringLiteral("--base-url"), url, QStringLiteral("--lang"), QStringLiteral("en"),
                           QStringLiteral("--concurrency"), QStringLiteral("1"), QStringLiteral("--full"), QStringLiteral("--record"),
                           QStringLiteral("--store"), store, QStringLiteral("-")},
                          ids, key);
    QCOMPARE(batch.exitCode, 2);  // NO-SUCH-ORDER-9 failed
    QVERIFY2(batch.err.contains("2025040210437094: kept as snapshot #2"), batch.err.constData());
    QVERIFY2(batch.err.contains("LIVE-V20240807160726-PAY_6367_3859: kept as snapshot #3"), batch.err.constData());
    // The refusal of the missing one is kept as received too.
    QVERIFY2(batch.err.contains("NO-SUCH-ORDER-9: kept as snapshot #4"), batch.err.constData());

    auto opened = EvidenceStore::open(StoreLocation::sqlite(store));
    QVERIFY(std::holds_alternative<std::unique_ptr<EvidenceStore>>(opened));
    EvidenceStore &history = *std::get<std::unique_ptr<EvidenceStore>>(opened);
    auto first = history.snapshot(1);
    QVERIFY(std::holds_alternative<std::optional<StoredSnapshot>>(first));
    const StoredSnapshot &lookup = *std::get<std::optional<StoredSnapshot>>(first);
    QCOMPARE(lookup.snapshot.kind, SnapshotKind::Lookup);
    QCOMPARE(lookup.snapshot.keyMode, SnapshotKeyMode::Test);
    QStringList sources;
    for (const SnapshotBody &body : lookup.snapshot.bodies) {
        sources << body.source;
        QCOMPARE(body.method, QStringLiteral("GET"));
        QVERIFY(!body.content.contains("NeverPrinted"));
        for (const auto &header : body.headers)
            QVERIFY2(header.first.toLower() != "authorization", header.first.constData());
    }
    QVERIFY2(sources.contains(QStringLiteral("payment")) && sources.contains(QStringLiteral("transactions")),
             qPrintable(sources.join(QLatin1Char(','))));
    QVERIFY(!lookup.snapshot.findings.empty() && lookup.snapshot.findings.front().rule == "vbank-cancel-without-deposit");
    // The same payment looked up twice (lookup, then batch --full) pairs in the history's diff,
    // which reads the merchant-wide transaction pages kept for this payment's records only.
    auto page = history.search({});
    QVERIFY(std::holds_alternative<HistoryPage>(page));
    const auto &rows = std::get<HistoryPage>(page).rows;
    QCOMPARE(rows.size(), std::size_t(4));
    QCOMPARE(rows[1].caseKey, rows[3].caseKey);
    const Run diff = cli({QStringLiteral("history"), QStringLiteral("--store"), store, QStringLiteral("diff"), QStringLiteral("1"),
                          QStringLiteral("3")});
    QCOMPARE(diff.exitCode, 0);
    QVERIFY2(diff.out.contains("nothing changed"), diff.out.constData());
    for (const Run *r : {&looked, &batch, &diff})
        QVERIFY(!r->out.contains("NeverPrinted") && !r->err.contains("NeverPrinted"));
    QFile file(store);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains("NeverPrinted"));
    sandbox.terminate();
    QVERIFY(sandbox.waitForFinished(10000));
}

// scan reads the period from the sandbox, page by page: the JSON says what it read and ranks the
// payments with findings; the text names the period; days it cannot read fail with exit 2.
void TestCli::scanReadsThePeriodAndRanksPayments()
{
    QProcess sandbox;
    const QString url = startSandbox(sandbox);
    QVERIFY2(url.startsWith(QLatin1String("http://127.0.0.1:")), qPrintable(url));
    const QString key = QStringLiteral("test_sk_scanNeverPrinted");
    const QStringList period{QStringLiteral("scan"), QStringLiteral("--base-url"), url, QStringLiteral("--lang"), QStringLiteral("en"),
                             QStringLiteral("--from"), QStringLiteral("2025-03-01"), QStringLiteral("--to"), QStringLiteral("2025-03-01")};
    const Run json = cli(period + QStringList{QStringLiteral("--page-size"), QStringLiteral("20"), QStringLiteral("--format"),
                                              QStringLiteral("json")},
                         {}, key);
    QVERIFY2(json.exitCode == 0 || json.exitCode == 1, json.err.constData());
    const QJsonObject root = QJsonDocument::fromJson(json.out).object();
    QVERIFY(root.value(QLatin1String("complete")).toBool());
    const int transactions = root.value(QLatin1String("transactions")).toInt();
    QVERIFY(transactions > 20);  // more than one page
    QCOMPARE(root.value(QLatin1String("pages")).toInt(),
             transactions / 20 + 1 + root.value(QLatin1String("settlements")).toInt() / 20 + 1);
    QVERIFY(root.value(QLatin1String("paymentsSeen")).toInt() > 0);
    QVERIFY(root.contains(QLatin1String("payments")) && root.value(QLatin1String("payments")).isArray());
    QVERIFY(root.value(QLatin1String("statusMix")).toObject().contains(QLatin1String("DONE")));

    // --report: the ranked table as the Scan view exports it (Markdown; a PDF by its suffix).
    QTemporaryDir reports;
    const QString markdown = reports.filePath(QStringLiteral("scan.md"));
    const QString pdf = reports.filePath(QStringLiteral("scan.pdf"));
    const Run text = cli(period + QStringList{QStringLiteral("--report"), markdown}, {}, key);
    QVERIFY2(text.out.contains("Scan of 2025-03-01 – 2025-03-01"), text.out.constData());
    QCOMPARE(text.exitCode, json.exitCode);
    QFile reportFile(markdown);
    QVERIFY2(reportFile.open(QIODevice::ReadOnly), text.err.constData());
    const QString table = QString::fromUtf8(reportFile.readAll());
    QVERIFY2(table.contains(QStringLiteral("PayTriage period scan: 2025-03-01 – 2025-03-01")), qPrintable(table));
    QVERIFY(table.contains(QLatin1String("Transactions by status: ")));
    for (const QJsonValue &payment : root.value(QLatin1String("payments")).toArray())
        QVERIFY2(table.contains(payment.toObject().value(QLatin1String("paymentKey")).toString()), qPrintable(table));
    const Run printed = cli(period + QStringList{QStringLiteral("--report"), pdf}, {}, key);
    QCOMPARE(printed.exitCode, json.exitCode);
    QFile pdfFile(pdf);
    QVERIFY(pdfFile.open(QIODevice::ReadOnly));
    QVERIFY(pdfFile.read(5) == "%PDF-");
    QVERIFY2(!printed.err.contains("XDG_RUNTIME_DIR"), printed.err.constData());
    // A report that could not be written is said before the scan, not after it.
    const Run badReport = cli(period + QStringList{QStringLiteral("--report"), reports.filePath(QStringLiteral("scan.docx"))}, {}, key);
    QCOMPARE(badReport.exitCode, 2);
    QVERIFY2(badReport.err.contains("Name the report .md, .html or .pdf") && !badReport.out.contains("Scan of"), badReport.err.constData());
    const Run badDay = cli({QStringLiteral("scan"), QStringLiteral("--base-url"), url, QStringLiteral("--lang"), QStringLiteral("en"),
                            QStringLiteral("--from"), QStringLiteral("2025-3-1"), QStringLiteral("--to"), QStringLiteral("2025-03-01")},
                           {}, key);
    QCOMPARE(badDay.exitCode, 2);
    QVERIFY2(badDay.err.contains("yyyy-MM-dd"), badDay.err.constData());
    for (const Run *r : {&json, &text, &badDay})
        QVERIFY(!r->out.contains("NeverPrinted") && !r->err.contains("NeverPrinted"));
    sandbox.terminate();
    QVERIFY(sandbox.waitForFinished(10000));
}

// report: a snapshot of the history as Markdown (named as the history's #1, masked), a saved
// answer as HTML, a PDF to a file; what cannot be done says so with exit 2.
void TestCli::reportsOfASnapshotAndOfAFile()
{
    QTemporaryDir dir;
    const QString store = dir.filePath(QStringLiteral("history.sqlite"));
    QFile seed(data("seed001-vbank-console-log.txt"));
    QVERIFY(seed.open(QIODevice::ReadOnly));
    // A console.log of transactions (unquoted keys), with the customer's name added to a record.
    const QByteArray withCustomer = seed.readAll().replace("orderId:", "customerName: '홍길동', orderId:");
    QVERIFY(withCustomer.contains("홍길동"));
    const Run kept = cli({QStringLiteral("analyze"), QStringLiteral("--record"), QStringLiteral("--store"), store, QStringLiteral("-")},
                         withCustomer);
    QVERIFY2(kept.err.contains("kept as snapshot #1"), kept.err.constData());

    const Run md = cli({QStringLiteral("report"), QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("--store"), store,
                        QStringLiteral("--snapshot"), QStringLiteral("1")});
    QCOMPARE(md.exitCode, 0);
    QVERIFY2(md.out.contains("Snapshot #1 of the evidence history"), md.out.constData());
    // Which catalog judged it when kept, and which judged the findings shown.
    const QByteArray catalog = "catalog built-in:";
    QVERIFY2(md.out.contains(QByteArray("judged then by " + catalog)), md.out.constData());
    QVERIFY2(md.out.contains(QByteArray("Findings below judged by PayTriage " PAYTRIAGE_VERSION ", " + catalog)), md.out.constData());
    const Run version = cli({QStringLiteral("--version")});
    QVERIFY2(version.out.contains(QByteArray("\n" + catalog)), version.out.constData());
    const QByteArray versionOf = version.out.mid(version.out.indexOf(catalog)).trimmed();
    QVERIFY2(md.out.contains(versionOf.mid(QByteArray("catalog ").size())), versionOf.constData());
    // No warning of Qt's about a missing runtime directory, in a session that has none.
    QVERIFY2(!md.err.contains("XDG_RUNTIME_DIR"), md.err.constData());
    QVERIFY(md.out.contains("vbank-cancel-without-deposit"));
    QVERIFY(md.out.contains("SHA-256: `"));
    QVERIFY(!md.out.contains("홍길동"));

    const QString html = dir.filePath(QStringLiteral("report.html"));
    const Run file = cli({QStringLiteral("report"), QStringLiteral("--lang"), QStringLiteral("ko"), QStringLiteral("--format"),
                          QStringLiteral("html"), QStringLiteral("--out"), html, data("seed001-vbank-console-log.txt")});
    QCOMPARE(file.exitCode, 0);
    QFile written(html);
    QVERIFY(written.open(QIODevice::ReadOnly));
    QVERIFY(QString::fromUtf8(written.readAll()).contains(QStringLiteral("입금 없이 취소된 가상계좌")));

    const QString pdf = dir.filePath(QStringLiteral("report.pdf"));
    const Run printed = cli({QStringLiteral("report"), QStringLiteral("--format"), QStringLiteral("pdf"), QStringLiteral("--out"), pdf,
                             data("seed001-vbank-console-log.txt")});
    QCOMPARE(printed.exitCode, 0);
    QFile pdfFile(pdf);
    QVERIFY(pdfFile.open(QIODevice::ReadOnly));
    QVERIFY(pdfFile.read(5) == "%PDF-");

    const Run noOut = cli({QStringLiteral("report"), QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("--format"),
                           QStringLiteral("pdf"), data("seed001-vbank-console-log.txt")});
    QCOMPARE(noOut.exitCode, 2);
    QVERIFY2(noOut.err.contains("--out"), noOut.err.constData());
    const Run nothing = cli({QStringLiteral("report"), QStringLiteral("--lang"), QStringLiteral("en")});
    QCOMPARE(nothing.exitCode, 2);

    // A gateway's error page is reported as kept, and not as a clean bill.
    const Run gateway = cli({QStringLiteral("report"), QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("-")},
                            "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center>"
                            "<hr><center>nginx</center></body></html>\n");
    QCOMPARE(gateway.exitCode, 3);
    QVERIFY2(gateway.err.contains("could be read as JSON"), gateway.err.constData());
    QVERIFY2(gateway.out.contains("Nothing was checked: no answer could be read as JSON"), gateway.out.constData());
    QVERIFY(!gateway.out.contains("No findings."));
    QVERIFY(gateway.out.contains("502 Bad Gateway"));
    QVERIFY(gateway.out.contains("```text"));
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
