// TossClient and CaseFetcher against a real HTTP server on loopback: the sandbox for the API's
// behaviour and faults, and a small scripted server for exact sequences (retry then success,
// a redirect to another host).

#include "net/casefetcher.h"
#include "net/tossclient.h"
#include "rules/analyzer.h"
#include "sandboxserver.h"
#include "util/clock.h"

#include "../support/testidentity.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

using namespace paytriage;
using namespace paytriage::test;

namespace {

const QString testKey = QStringLiteral("test_sk_zXLkKEypNArWmo50nX3lmeaxYG5R");

// The Apps-in-Toss seed order of the sandbox (PAYMENT_COMPLETED).
const QString iapOrderId = QStringLiteral("20e47c63-47e5-4972-a74c-9804fd584648");

// Answers each connection with the next canned response; remembers what it was sent.
class ScriptedServer final : public QTcpServer
{
public:
    explicit ScriptedServer(QList<QByteArray> responses) : m_responses(std::move(responses))
    {
        listen(QHostAddress::LocalHost);
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                    // One answer per request, once its headers are complete.
                    m_pending[socket] += socket->readAll();
                    if (!m_pending[socket].contains("\r\n\r\n"))
                        return;
                    const QByteArray request = m_pending.take(socket);
                    m_requests << request;
                    QByteArray answer = "HTTP/1.1 500 Nothing scripted\r\nContent-Length: 0\r\n\r\n";
                    if (m_route)
                        answer = m_route(request);
                    else if (!m_responses.isEmpty())
                        answer = m_responses.takeFirst();
                    socket->write(answer);
                    socket->disconnectFromHost();
                });
            }
        });
    }
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(serverPort())); }
    QList<QByteArray> m_requests;
    std::function<QByteArray(const QByteArray &request)> m_route;  // answers by request instead of in turn

private:
    QHash<QTcpSocket *, QByteArray> m_pending;
    QList<QByteArray> m_responses;
};

QByteArray jsonResponse(const QByteArray &status, const QByteArray &body, const QByteArray &extra = {})
{
    return "HTTP/1.1 " + status + "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size())
           + "\r\nConnection: close\r\n" + extra + "\r\n" + body;
}

// A kept header that names a cookie (in any case): none may be kept.
bool namesACookie(const QByteArray &name)
{
    for (const char *cookie : {"Set-Cookie", "Set-Cookie2", "Cookie"})
        if (name.compare(cookie, Qt::CaseInsensitive) == 0)
            return true;
    return false;
}

const Document *documentOf(const Case &kase, DocumentKind kind)
{
    for (const Document &document : kase.documents)
        if (document.kind == kind)
            return &document;
    return nullptr;
}

// The records of a kept list answer's pages, in order, and how many of them are this payment's.
std::pair<Json, std::size_t> recordsOf(const std::vector<RawAnswer> &pages, const std::string &paymentKey)
{
    Json records = Json::array();
    std::size_t mine = 0;
    for (const RawAnswer &page : pages)
        for (Json &record : Json::parse(page.content.toStdString())) {
            mine += record.value("paymentKey", std::string()) == paymentKey;
            records.push_back(std::move(record));
        }
    return {records, mine};
}

ApiResponse wait(ApiCall *call, int ms = 20000)
{
    QSignalSpy spy(call, &ApiCall::finished);
    if (!spy.wait(ms))
        qFatal("no answer within %d ms from %s", ms, qPrintable(call->endpoint()));
    return spy.takeFirst().at(0).value<ApiResponse>();
}

} // namespace

class TestTossClient final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void paymentByKeyAndOrderId_data();
    void paymentByKeyAndOrderId();
    void wrongKeyIsNotRetried();
    void unknownPaymentKeepsTheErrorBody();
    void transactionsFollowPagesToTheEnd();
    void settlementsFollowPagesToTheEnd();
    void rawAnswerOfAnObject_data();
    void rawAnswerOfAnObject();
    void rawAnswersOfEveryPage_data();
    void rawAnswersOfEveryPage();
    void rawAnswerIsTheAttemptThatWasUsed_data();
    void rawAnswerIsTheAttemptThatWasUsed();
    void failedReadsKeepWhatCameBackWhole_data();
    void failedReadsKeepWhatCameBackWhole();
    void keptHeadersLeaveCookiesOut_data();
    void keptHeadersLeaveCookiesOut();
    void faults_data();
    void faults();
    void retriesThenSucceedsHonouringRetryAfter();
    void redirectToAnotherHostIsNotFollowed();
    void cancelMidFlight();
    void configurationProblems_data();
    void configurationProblems();
    void fetcherAssemblesTheSeedCase();
    void fetcherKeepsWhatArrivedWhenASourceFails();
    void fetcherKeepsTheRawAnswersOfEachSource();
    void fetcherKeepsTheInAppRawAnswer();
    void secretKeyNeverInMessages();
    void iapOrderStatusUsesItsOwnBaseUrl();
    void iapNeverSendsTheSecretKey();
    void iapIdentityProblems_data();
    void iapIdentityProblems();
    void iapValidIdentityIsAccepted();
    void hostilePaymentAnswers_data();
    void hostilePaymentAnswers();
    void hostileListAnswers_data();
    void hostileListAnswers();
    void fetcherSurvivesEveryHostileAnswer_data();
    void fetcherSurvivesEveryHostileAnswer();
    void listCallsStopAtTheirCaps();
    void retryAfterForms_data();
    void retryAfterForms();
    void retryAfterAsADateIsWaitedFor();
    void answersAreReadByType_data();
    void answersAreReadByType();
    void answersThatAreNotWhole();
    void idsThatAreNoPathSegment_data();
    void idsThatAreNoPathSegment();
    void baseUrlKeepsItsPathPrefix();

private:
    QString pemFile(const QString &which) const;
    QByteArray rawGet(const QUrl &url);
    ClientConfig config(const QByteArray &fault = {}) const;
    std::unique_ptr<SandboxServer> m_sandbox;
    QNetworkAccessManager m_network;
    QStringList m_logged;
    QTemporaryDir m_files;
};

namespace {
QStringList *g_log = nullptr;
void captureMessages(QtMsgType, const QMessageLogContext &, const QString &message)
{
    if (g_log)
        g_log->append(message);

}
} // namespace

void TestTossClient::initTestCase()
{
    g_log = &m_logged;
    qInstallMessageHandler(captureMessages);
    SandboxOptions options;
    options.days = 2;
    options.paymentsPerDay = 300;
    m_sandbox = std::make_unique<SandboxServer>(options);
    QVERIFY(m_sandbox->listen(0));

    QVERIFY(m_files.isValid());
    const std::pair<const char *, QByteArray> files[] = {
        {"valid.pem", validCertificatePem},
        {"expired.pem", expiredCertificatePem},
        {"key.pem", clientKeyPem},
        {"encrypted-key.pem", encryptedClientKeyPem},
        {"garbage.pem", "not a certificate, just text someone saved with the wrong name\n"},
    };
    for (const auto &[name, bytes] : files) {
        QFile file(m_files.filePath(QLatin1String(name)));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(bytes);
    }
    QVERIFY(QDir(m_files.path()).mkdir(QStringLiteral("a-directory.pem")));
}

// A name of the data rows below → a path in the temporary directory ("" stays unset).
QString TestTossClient::pemFile(const QString &which) const
{
    return which.isEmpty() ? QString() : m_files.filePath(which);
}

// What the server sends for this URL, read without the client: what a kept answer must equal
// byte for byte.
QByteArray TestTossClient::rawGet(const QUrl &url)
{
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Basic " + QByteArray(testKey.toUtf8() + ':').toBase64());
    request.setRawHeader("Accept-Language", "ko-KR");
    QNetworkReply *reply = m_network.get(request);
    QSignalSpy done(reply, &QNetworkReply::finished);
    if (!reply->isFinished() && !done.wait(20000))
        qFatal("no answer to the raw GET of %s", qPrintable(url.toString()));
    reply->deleteLater();
    return reply->readAll();
}

ClientConfig TestTossClient::config(const QByteArray &fault) const
{
    ClientConfig c;
    c.baseUrl = m_sandbox->url();
    c.secretKey = testKey;
    c.backoffBaseMs = 20;  // keep the suite quick; the bounds are what is tested
    if (!fault.isEmpty())
        c.extraHeaders.append({QByteArrayLiteral("X-Sandbox-Fault"), fault});
    return c;
}

void TestTossClient::paymentByKeyAndOrderId_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<bool>("byOrderId");
    QTest::addColumn<QString>("status");
    QTest::newRow("seed 000 by paymentKey") << "ec_id20250402083921BUZL3" << false << "IN_PROGRESS";
    QTest::newRow("seed 000 by orderId") << "2025040210437094" << true << "IN_PROGRESS";
    QTest::newRow("seed 001 by orderId") << "LIVE-V20240807160726-PAY_6367_3859" << true << "CANCELED";
}

void TestTossClient::paymentByKeyAndOrderId()
{
    QFETCH(QString, id);
    QFETCH(bool, byOrderId);
    QFETCH(QString, status);
    TossClient client(&m_network, config());
    const ApiResponse r = wait(byOrderId ? client.paymentByOrderId(id) : client.payment(id));
    QVERIFY2(r.ok(), qPrintable(r.error ? r.error->describe() : QString()));
    QCOMPARE(r.httpStatus, 200);
    QCOMPARE(QString::fromStdString((*r.body)["status"].get<std::string>()), status);
    QCOMPARE(r.attempts, 1);
}

void TestTossClient::wrongKeyIsNotRetried()
{
    ClientConfig c = config();
    c.secretKey = QStringLiteral("live_sk_notAcceptedHere");
    TossClient client(&m_network, c);
    const ApiResponse r = wait(client.payment(QStringLiteral("ec_id20250402083921BUZL3")));
    QVERIFY(r.error);
    QCOMPARE(r.error->kind, ApiError::Kind::Http);
    QCOMPARE(r.error->httpStatus, 401);
    QCOMPARE(QString::fromStdString(r.error->code), QStringLiteral("UNAUTHORIZED_KEY"));
    QCOMPARE(r.attempts, 1);
}

void TestTossClient::unknownPaymentKeepsTheErrorBody()
{
    TossClient client(&m_network, config());
    const ApiResponse r = wait(client.payment(QStringLiteral("no/such key?")));  // encoded as one segment
    QVERIFY(r.error);
    QCOMPARE(r.error->httpStatus, 404);
    QCOMPARE(QString::fromStdString(r.error->code), QStringLiteral("NOT_FOUND_PAYMENT"));
    QVERIFY(r.body && r.body->contains("code"));
    QCOMPARE(r.attempts, 1);
}

void TestTossClient::transactionsFollowPagesToTheEnd()
{
    TossClient client(&m_network, config());
    // The whole generated period at once, then in pages of 50: the same records, once each.
    const ApiResponse all = wait(client.transactions(QStringLiteral("2025-03-01T00:00:00"), QStringLiteral("2025-03-02T23:59:59")));
    QVERIFY2(all.ok(), qPrintable(all.error ? all.error->describe() : QString()));
    const ApiResponse paged = wait(client.transactions(QStringLiteral("2025-03-01T00:00:00"), QStringLiteral("2025-03-02T23:59:59"), 50));
    QVERIFY(paged.ok());
    QVERIFY(all.body->size() > 100);
    QCOMPARE(paged.body->size(), all.body->size());
    QVERIFY(paged.pages >= int(all.body->size() / 50));
    QSet<QString> keys;
    for (const Json &t : *paged.body)
        keys.insert(QString::fromStdString(t["transactionKey"].get<std::string>()));
    QCOMPARE(qsizetype(keys.size()), qsizetype(all.body->size()));
}

void TestTossClient::settlementsFollowPagesToTheEnd()
{
    TossClient client(&m_network, config());
    const ApiResponse all = wait(client.settlements(QStringLiteral("2025-03-01"), QStringLiteral("2025-03-31")));
    QVERIFY2(all.ok(), qPrintable(all.error ? all.error->describe() : QString()));
    const ApiResponse paged = wait(client.settlements(QStringLiteral("2025-03-01"), QStringLiteral("2025-03-31"), false, 40));
    QVERIFY(paged.ok());
    QVERIFY(all.body->size() > 40);
    QCOMPARE(paged.body->size(), all.body->size());
    QVERIFY(paged.pages > 1);
}

void TestTossClient::rawAnswerOfAnObject_data()
{
    QTest::addColumn<QByteArray>("scripted");  // the body a scripted server sends; empty: the sandbox answers
    QTest::addColumn<QString>("id");
    QTest::addColumn<bool>("byOrderId");
    QTest::addColumn<QString>("path");         // kept, and sent
    QTest::newRow("sandbox, by paymentKey") << QByteArray() << "ec_id20250402083921BUZL3" << false
                                           << "/v1/payments/ec_id20250402083921BUZL3";
    QTest::newRow("sandbox, by orderId") << QByteArray() << "LIVE-V20240807160726-PAY_6367_3859" << true
                                        << "/v1/payments/orders/LIVE-V20240807160726-PAY_6367_3859";
    // The sandbox writes what re-serialising would write too; these bytes would not survive it
    // (spacing, \u escapes, 1.50e3, the trailing newline). The id is one encoded path segment.
    QTest::newRow("spacing and escapes as sent")
        << QByteArray("{ \"status\" : \"DONE\",\n  \"paymentKey\":\"pk\", \"totalAmount\": 1.50e3,\n"
                      "  \"orderName\": \"\\uD55C\\uAE00 \\/ x\" }\n")
        << QStringLiteral("order 1/한") << true << "/v1/payments/orders/order%201%2F%ED%95%9C";
}

void TestTossClient::rawAnswerOfAnObject()
{
    QFETCH(QByteArray, scripted);
    QFETCH(QString, id);
    QFETCH(bool, byOrderId);
    QFETCH(QString, path);
    ClientConfig c = config();
    std::unique_ptr<ScriptedServer> server;
    if (!scripted.isEmpty()) {
        server = std::make_unique<ScriptedServer>(QList<QByteArray>{jsonResponse("200 OK", scripted)});
        c.baseUrl = server->url();
    }
    TossClient client(&m_network, c);
    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    const ApiResponse r = wait(byOrderId ? client.paymentByOrderId(id) : client.payment(id));
    const qint64 after = QDateTime::currentMSecsSinceEpoch();
    QVERIFY2(r.ok(), qPrintable(r.error ? r.error->describe() : QString()));
    QCOMPARE(r.answers.size(), std::size_t(1));
    const RawAnswer &answer = r.answers.front();
    QCOMPARE(answer.method, QStringLiteral("GET"));
    QCOMPARE(answer.path, path);
    QCOMPARE(answer.status, 200);
    QVERIFY(answer.receivedAtMs >= before && answer.receivedAtMs <= after);
    const QByteArray sent = scripted.isEmpty() ? rawGet(QUrl(c.baseUrl.toString() + path)) : scripted;
    QVERIFY(!sent.isEmpty());
    QCOMPARE(answer.content, sent);
    QVERIFY(Json::parse(answer.content.toStdString()) == *r.body);
    QVERIFY(std::any_of(answer.headers.begin(), answer.headers.end(), [](const auto &header) {
        return header.first.compare("Content-Type", Qt::CaseInsensitive) == 0 && header.second.contains("json");
    }));
    QVERIFY(!answer.path.contains(testKey));
    QVERIFY(!answer.path.contains(QString::fromLatin1(QByteArray(testKey.toUtf8() + ':').toBase64())));
    if (server)
        QVERIFY2(server->m_requests.front().startsWith(QByteArray("GET " + path.toLatin1() + " HTTP/1.1")),
                 server->m_requests.front().left(80).constData());
}

void TestTossClient::rawAnswersOfEveryPage_data()
{
    QTest::addColumn<bool>("settlements");
    // The generated merchant's two days, in small pages: many of them.
    QTest::newRow("transactions, pages of 50 after a cursor") << false;
    QTest::newRow("settlements, pages of 40 by number") << true;
}

void TestTossClient::rawAnswersOfEveryPage()
{
    QFETCH(bool, settlements);
    TossClient client(&m_network, config());
    const ApiResponse r = wait(settlements ? client.settlements(QStringLiteral("2025-03-01"), QStringLiteral("2025-03-31"), false, 40)
                                           : client.transactions(QStringLiteral("2025-03-01T00:00:00"),
                                                                 QStringLiteral("2025-03-02T23:59:59"), 50));
    QVERIFY2(r.ok(), qPrintable(r.error ? r.error->describe() : QString()));
    QVERIFY(r.pages > 2);
    QCOMPARE(int(r.answers.size()), r.pages);
    const QString path = settlements ? QStringLiteral("/v1/settlements") : QStringLiteral("/v1/transactions");
    std::string cursor;
    for (int i = 0; i < r.pages; ++i) {
        const RawAnswer &page = r.answers[std::size_t(i)];
        QCOMPARE(page.method, QStringLiteral("GET"));
        QCOMPARE(page.status, 200);
        const QUrl url(page.path);
        QCOMPARE(url.path(), path);
        const QUrlQuery query(url);
        // In the order asked for: page 1, 2, … or each after the last record of the page before.
        if (settlements)
            QCOMPARE(query.queryItemValue(QStringLiteral("page")), QString::number(i + 1));
        else
            QCOMPARE(query.queryItemValue(QStringLiteral("startingAfter")), QString::fromStdString(cursor));
        if (i > 0)
            QVERIFY(page.receivedAtMs >= r.answers[std::size_t(i) - 1].receivedAtMs);
        // Byte for byte what the sandbox sends for that path and query.
        QCOMPARE(page.content, rawGet(QUrl(m_sandbox->url().toString() + page.path)));
        const Json records = Json::parse(page.content.toStdString());
        if (!settlements && !records.empty())
            cursor = records.back()["transactionKey"].get<std::string>();
    }
    // Every page, none twice, none left out: their records, in order, are the list.
    QVERIFY(recordsOf(r.answers, {}).first == *r.body);
}

void TestTossClient::rawAnswerIsTheAttemptThatWasUsed_data()
{
    QTest::addColumn<QByteArrayList>("responses");  // a scripted server's, one per request
    QTest::addColumn<bool>("list");                 // transactions in pages of 2; else a payment
    QTest::addColumn<QByteArrayList>("kept");       // the contents kept, in order
    QTest::addColumn<QStringList>("paths");
    QTest::addColumn<int>("attempts");
    const QByteArray payment = R"({"paymentKey":"pk","status":"DONE"})";
    QTest::newRow("a payment after a 429")
        << QByteArrayList{jsonResponse("429 Too Many Requests", R"({"code":"FORBIDDEN_CONSECUTIVE_REQUEST","message":"wait"})",
                                       "Retry-After: 0\r\n"),
                          jsonResponse("200 OK", payment)}
        << false << QByteArrayList{payment} << QStringList{QStringLiteral("/v1/payments/pk")} << 2;
    const QByteArray html = "<html>upstream down</html>";
    QTest::newRow("a payment after a gateway's HTML and a 500")
        << QByteArrayList{"HTTP/1.1 502 Bad Gateway\r\nContent-Type: text/html\r\nContent-Length: "
                              + QByteArray::number(html.size()) + "\r\nConnection: close\r\n\r\n" + html,
                          jsonResponse("500 Internal Server Error", R"({"code":"FAILED_INTERNAL_SYSTEM_PROCESSING","message":"x"})"),
                          jsonResponse("200 OK", payment)}
        << false << QByteArrayList{payment} << QStringList{QStringLiteral("/v1/payments/pk")} << 3;
    const QByteArray first = R"([{"transactionKey":"t1","paymentKey":"pk"},{"transactionKey":"t2","paymentKey":"pk"}])";
    const QByteArray second = R"([{"transactionKey":"t3","paymentKey":"pk"}])";
    const QString query = QStringLiteral("/v1/transactions?startDate=2025-03-01T00:00:00&endDate=2025-03-01T23:59:59&limit=2");
    QTest::newRow("the second page after a 503")
        << QByteArrayList{jsonResponse("200 OK", first),
                          jsonResponse("503 Service Unavailable", R"({"code":"FAILED_INTERNAL_SYSTEM_PROCESSING","message":"x"})"),
                          jsonResponse("200 OK", second)}
        << true << QByteArrayList{first, second} << QStringList{query, query + QStringLiteral("&startingAfter=t2")} << 3;
}

void TestTossClient::rawAnswerIsTheAttemptThatWasUsed()
{
    QFETCH(QByteArrayList, responses);
    QFETCH(bool, list);
    QFETCH(QByteArrayList, kept);
    QFETCH(QStringList, paths);
    QFETCH(int, attempts);
    ScriptedServer server(responses);
    ClientConfig c = config();
    c.baseUrl = server.url();
    TossClient client(&m_network, c);
    const ApiResponse r = wait(list ? client.transactions(QStringLiteral("2025-03-01T00:00:00"), QStringLiteral("2025-03-01T23:59:59"), 2)
                                    : client.payment(QStringLiteral("pk")));
    QVERIFY2(r.ok(), qPrintable(r.error ? r.error->describe() : QString()));
    QCOMPARE(r.attempts, attempts);
    QCOMPARE(server.m_requests.size(), responses.size());
    QCOMPARE(r.answers.size(), std::size_t(kept.size()));
    for (std::size_t i = 0; i < r.answers.size(); ++i) {
        QCOMPARE(r.answers[i].status, 200);
        QCOMPARE(r.answers[i].content, kept[qsizetype(i)]);
        QCOMPARE(r.answers[i].path, paths[qsizetype(i)]);
    }
    // Each kept path is the request as sent, on the wire.
    for (const QString &path : paths)
        QVERIFY2(std::any_of(server.m_requests.begin(), server.m_requests.end(),
                             [&](const QByteArray &request) { return request.startsWith(QByteArray("GET " + path.toLatin1() + " HTTP/1.1")); }),
                 qPrintable(path));
}

void TestTossClient::failedReadsKeepWhatCameBackWhole_data()
{
    QTest::addColumn<QByteArray>("fault");
    QTest::addColumn<QString>("id");         // an orderId; empty: the transactions of two days in pages of 50
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("received");      // ApiError::received kept, as before
    QTest::addColumn<bool>("kept");          // the answer that came back, in answers, as received
    QTest::newRow("404 unknown payment") << QByteArray() << "no-such-payment" << int(ApiError::Kind::Http) << 404 << false << true;
    QTest::newRow("FAULT-429 order, retried to the bound") << QByteArray() << "FAULT-429" << int(ApiError::Kind::Http) << 429 << false
                                                          << true;
    QTest::newRow("503 retried to the bound") << QByteArray("503") << "2025040210437094" << int(ApiError::Kind::Http) << 503 << false
                                             << true;
    QTest::newRow("200 that is not JSON") << QByteArray("invalid-json") << "2025040210437094"
                                         << int(ApiError::Kind::InvalidResponse) << 200 << true << true;
    // The first page arrives and is used; the second repeats it: no answer is the failure's.
    QTest::newRow("list failing after its first page") << QByteArray("ignore-paging") << QString()
                                                      << int(ApiError::Kind::InvalidResponse) << 0 << false << false;
}

void TestTossClient::failedReadsKeepWhatCameBackWhole()
{
    QFETCH(QByteArray, fault);
    QFETCH(QString, id);
    QFETCH(int, kind);
    QFETCH(int, status);
    QFETCH(bool, received);
    ClientConfig c = config(fault);
    c.maxAttempts = 2;
    TossClient client(&m_network, c);
    ApiCall *call = id.isEmpty() ? client.transactions(QStringLiteral("2025-03-01T00:00:00"), QStringLiteral("2025-03-02T23:59:59"), 50)
                                 : client.paymentByOrderId(id);
    QSignalSpy progress(call, &ApiCall::progress);
    const ApiResponse r = wait(call, 30000);
    QVERIFY(r.error);
    QVERIFY2(int(r.error->kind) == kind, qPrintable(r.error->describe()));
    QCOMPARE(r.error->httpStatus, status);
    QFETCH(bool, kept);
    QCOMPARE(bool(r.error->received), received);
    // Only the last attempt's answer, byte for byte (a retried read's earlier tries are not kept).
    QCOMPARE(r.answers.size(), std::size_t(kept ? 1 : 0));
    if (kept) {
        QCOMPARE(r.answers.front().status, status);
        QVERIFY(!r.answers.front().content.isEmpty());
        if (r.body)
            QCOMPARE(QByteArray::fromStdString(r.body->dump()), QByteArray::fromStdString(Json::parse(r.answers.front().content.toStdString()).dump()));
    }
    if (id.isEmpty())
        QVERIFY(!progress.isEmpty());  // a page had been used before the list failed
}

void TestTossClient::keptHeadersLeaveCookiesOut_data()
{
    QTest::addColumn<QByteArray>("response");
    QTest::addColumn<bool>("used");  // kept in ApiResponse::answers; else in ApiError::received
    const QByteArray cookies = "Set-Cookie: session=s3cr3t; HttpOnly\r\nset-cookie2: legacy=s3cr3t\r\n"
                               "Cookie: echoed=s3cr3t\r\nX-Request-Id: r-1\r\n";
    QTest::newRow("an answer that was used") << jsonResponse("200 OK", R"({"paymentKey":"pk","status":"DONE"})", cookies) << true;
    const QByteArray html = "<html>Bad Gateway</html>";
    QTest::newRow("an answer that was not usable")
        << "HTTP/1.1 502 Bad Gateway\r\nContent-Type: text/html\r\nContent-Length: " + QByteArray::number(html.size())
               + "\r\nConnection: close\r\n" + cookies + "\r\n" + html
        << false;
}

void TestTossClient::keptHeadersLeaveCookiesOut()
{
    QFETCH(QByteArray, response);
    QFETCH(bool, used);
    ScriptedServer server({response});
    ClientConfig c = config();
    c.baseUrl = server.url();
    c.maxAttempts = 1;
    TossClient client(&m_network, c);
    const ApiResponse r = wait(client.payment(QStringLiteral("pk")));
    QCOMPARE(r.ok(), used);
    QVERIFY(used ? r.answers.size() == 1 : r.error->received != nullptr);
    const QList<QPair<QByteArray, QByteArray>> &headers = used ? r.answers.front().headers : r.error->received->headers;
    bool requestId = false;
    for (const auto &[name, value] : headers) {
        QVERIFY2(!namesACookie(name), name.constData());
        QVERIFY2(!value.contains("s3cr3t"), value.constData());
        requestId = requestId || (name == "X-Request-Id" && value == "r-1");
    }
    QVERIFY(requestId);  // the other headers stay
}

void TestTossClient::faults_data()
{
    QTest::addColumn<QByteArray>("fault");
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("attempts");   // retried up to maxAttempts (4) where it should be, once where not
    QTest::addColumn<int>("timeoutMs");
    // What came back is kept when it could not be used, so the user sees it: a JSON error body is
    // a document of its own (not kept here); no bytes, nothing kept.
    QTest::addColumn<QByteArray>("kept");   // a part of the kept body; empty: nothing kept
    QTest::addColumn<bool>("cut");          // the kept body was not read to the end
    QTest::newRow("503 retried to the bound") << QByteArray("503") << int(ApiError::Kind::Http) << 4 << 5000 << QByteArray() << false;
    QTest::newRow("500 retried to the bound") << QByteArray("500") << int(ApiError::Kind::Http) << 4 << 5000 << QByteArray() << false;
    QTest::newRow("429 retried to the bound") << QByteArray("429:0") << int(ApiError::Kind::Http) << 4 << 5000 << QByteArray() << false;
    QTest::newRow("connection reset retried") << QByteArray("reset") << int(ApiError::Kind::Network) << 4 << 5000 << QByteArray() << false;
    // Half the body arrives after a head promising all of it.
    QTest::newRow("truncated body") << QByteArray("truncated") << int(ApiError::Kind::Network) << 4 << 5000
                                    << QByteArray("\"paymentKey\"") << true;
    QTest::newRow("invalid json not retried forever") << QByteArray("invalid-json") << int(ApiError::Kind::InvalidResponse) << 4 << 5000
                                                      << QByteArray("\"paymentKey\"") << false;
    QTest::newRow("wrong content type") << QByteArray("wrong-content-type") << int(ApiError::Kind::InvalidResponse) << 4 << 5000
                                        << QByteArray("<!DOCTYPE html>") << false;
    QTest::newRow("latency past the timeout") << QByteArray("latency:2000") << int(ApiError::Kind::Timeout) << 4 << 300 << QByteArray() << false;
    // A 64 MiB array against a 4 MiB cap: its first bytes are kept, at most 1 MiB of them.
    QTest::newRow("oversized body stops at the cap") << QByteArray("oversized") << int(ApiError::Kind::TooLarge) << 1 << 20000
                                                     << QByteArray("[") << true;
}

void TestTossClient::faults()
{
    QFETCH(QByteArray, fault);
    QFETCH(int, kind);
    QFETCH(int, attempts);
    QFETCH(int, timeoutMs);
    QFETCH(QByteArray, kept);
    QFETCH(bool, cut);
    ClientConfig c = config(fault);
    c.timeoutMs = timeoutMs;
    c.maxResponseBytes = 4 * 1024 * 1024;
    TossClient client(&m_network, c);
    const ApiResponse r = wait(client.payment(QStringLiteral("ec_id20250402083921BUZL3")), 60000);
    QVERIFY(r.error);
    QVERIFY2(int(r.error->kind) == kind, qPrintable(r.error->describe()));
    QCOMPARE(r.attempts, attempts);
    QVERIFY(!r.error->describe().isEmpty());
    QCOMPARE(r.error->endpoint, QStringLiteral("GET /v1/payments/ec_id20250402083921BUZL3"));
    if (kept.isEmpty()) {
        QVERIFY(!r.error->received);
        return;
    }
    QVERIFY(r.error->received);
    const ReceivedAnswer &answer = *r.error->received;
    QVERIFY2(answer.head.contains(kept), answer.head.left(200).constData());
    QVERIFY(answer.head.size() <= ReceivedAnswer::kKeptBytes);
    QVERIFY(answer.size >= answer.head.size());
    QCOMPARE(answer.cut, cut);
    QCOMPARE(answer.status, 200);
    const QString text = answer.text();
    QVERIFY(text.startsWith(QLatin1String("HTTP 200\n")));
    QVERIFY(text.contains(QLatin1String("Content-Type: ")));
    for (const auto &header : answer.headers)
        QVERIFY(header.first.compare("Set-Cookie", Qt::CaseInsensitive) != 0);
}

void TestTossClient::hostilePaymentAnswers_data()
{
    QTest::addColumn<QByteArray>("fault");
    QTest::addColumn<int>("kind");        // -1: the call succeeds
    QTest::addColumn<QString>("code");    // the code read from the error body
    QTest::addColumn<int>("attempts");
    // A gateway's {"code": 404, "message": "Not Found"}: a number is read as the code, not thrown on.
    QTest::newRow("numeric error code") << QByteArray("gateway-error") << int(ApiError::Kind::Http) << "404" << 1;
    // code null, message an object, a nested error with a numeric errorCode and a null reason.
    QTest::newRow("error fields of every type") << QByteArray("odd-error") << int(ApiError::Kind::Http) << "12" << 1;
    QTest::newRow("escape sequences in the message") << QByteArray("escape-message") << int(ApiError::Kind::Http)
                                                     << "INVALID_REQUEST" << 1;
    QTest::newRow("null paymentKey") << QByteArray("null-key") << -1 << QString() << 1;
    QTest::newRow("numeric paymentKey") << QByteArray("null-key:1") << -1 << QString() << 1;
    QTest::newRow("redirect to another origin") << QByteArray("redirect-away") << int(ApiError::Kind::Redirect) << QString() << 1;
    // 2147484 s is past any retry budget (and past int milliseconds): given up at once.
    QTest::newRow("Retry-After beyond the budget") << QByteArray("retry-after-huge") << int(ApiError::Kind::Http)
                                                   << "FORBIDDEN_CONSECUTIVE_REQUEST" << 1;
}

void TestTossClient::hostilePaymentAnswers()
{
    QFETCH(QByteArray, fault);
    QFETCH(int, kind);
    QFETCH(QString, code);
    QFETCH(int, attempts);
    TossClient client(&m_network, config(fault));
    const ApiResponse r = wait(client.payment(QStringLiteral("ec_id20250402083921BUZL3")));
    QCOMPARE(r.attempts, attempts);
    if (kind < 0) {
        QVERIFY2(r.ok(), qPrintable(r.error ? r.error->describe() : QString()));
        return;
    }
    QVERIFY(r.error);
    QVERIFY2(int(r.error->kind) == kind, qPrintable(r.error->describe()));
    QCOMPARE(QString::fromStdString(r.error->code), code);
    QVERIFY(!r.error->describe().isEmpty());
}

void TestTossClient::hostileListAnswers_data()
{
    QTest::addColumn<QByteArray>("fault");
    QTest::addColumn<bool>("settlements");
    QTest::addColumn<QString>("says");   // in the error's detail; empty: the call succeeds
    // Pages of 50 of the generated merchant's two days: many pages, so a server that ignores the
    // paging repeats itself and is caught at the second page.
    QTest::newRow("startingAfter ignored") << QByteArray("ignore-paging") << false << "ignored startingAfter";
    QTest::newRow("page number ignored") << QByteArray("ignore-paging") << true << "repeats page 1";
    QTest::newRow("numeric transactionKey") << QByteArray("numeric-cursor") << false << "without a transactionKey";
    QTest::newRow("records that are not objects") << QByteArray("non-object-records") << false << QString();
    QTest::newRow("a list that is an object") << QByteArray("not-a-payment") << false << "expected a JSON array";
}

void TestTossClient::hostileListAnswers()
{
    QFETCH(QByteArray, fault);
    QFETCH(bool, settlements);
    QFETCH(QString, says);
    TossClient client(&m_network, config(fault));
    const ApiResponse r = wait(settlements ? client.settlements(QStringLiteral("2025-03-01"), QStringLiteral("2025-03-31"), false, 40)
                                           : client.transactions(QStringLiteral("2025-03-01T00:00:00"),
                                                                 QStringLiteral("2025-03-02T23:59:59"), 50));
    if (says.isEmpty()) {
        QVERIFY2(r.ok(), qPrintable(r.error ? r.error->describe() : QString()));
        return;
    }
    QVERIFY(r.error);
    QCOMPARE(r.error->kind, ApiError::Kind::InvalidResponse);
    QVERIFY2(r.error->detail.contains(says), qPrintable(r.error->detail));
    QVERIFY(r.error->list);
}

void TestTossClient::fetcherSurvivesEveryHostileAnswer_data()
{
    QTest::addColumn<QByteArray>("fault");
    QTest::addColumn<bool>("paymentFails");
    for (const char *fault : {"gateway-error", "odd-error", "escape-message", "redirect-away", "retry-after-huge",
                              "not-a-payment"})
        QTest::newRow(fault) << QByteArray(fault) << true;
    for (const char *fault : {"null-key", "null-key:1", "non-object-records", "numeric-cursor", "ignore-paging"})
        QTest::newRow(fault) << QByteArray(fault) << false;
}

void TestTossClient::fetcherSurvivesEveryHostileAnswer()
{
    // The whole case, fetched and analysed as the console and lookup do: every source ends once,
    // the payment fails with a message where it must, and nothing throws.
    QFETCH(QByteArray, fault);
    QFETCH(bool, paymentFails);
    TossClient client(&m_network, config(fault));
    CaseFetcher fetcher(&client);
    QSignalSpy finished(&fetcher, &CaseFetcher::finished);
    fetcher.fetch(QStringLiteral("2025040210437094"));
    QVERIFY(finished.wait(30000));
    const bool failed = std::any_of(fetcher.errors().begin(), fetcher.errors().end(),
                                    [](const auto &e) { return e.first == Source::Payment; });
    QCOMPARE(failed, paymentFails);
    for (const auto &[source, error] : fetcher.errors())
        QVERIFY(!error.describe().isEmpty());
    const SystemClock clock;
    const Catalog catalog = Catalog::builtIn();
    const Analysis analysis = Analyzer(catalog, clock).analyze(fetcher.currentCase());
    Q_UNUSED(analysis);
    QCOMPARE(finished.count(), 1);
}

void TestTossClient::listCallsStopAtTheirCaps()
{
    ClientConfig c = config();
    c.maxListRecords = 120;  // pages of 50: the third page passes it
    TossClient client(&m_network, c);
    const ApiResponse r = wait(client.transactions(QStringLiteral("2025-03-01T00:00:00"), QStringLiteral("2025-03-02T23:59:59"), 50));
    QVERIFY(r.error);
    QCOMPARE(r.error->kind, ApiError::Kind::InvalidResponse);
    QVERIFY2(r.error->detail.contains(QStringLiteral("more than 120 records")), qPrintable(r.error->detail));
    c = config();
    c.maxListBytes = 30 * 1024;
    TossClient small(&m_network, c);
    const ApiResponse bytes = wait(small.transactions(QStringLiteral("2025-03-01T00:00:00"), QStringLiteral("2025-03-02T23:59:59"), 50));
    QVERIFY(bytes.error);
    QVERIFY2(bytes.error->detail.contains(QStringLiteral("MB in one list call")), qPrintable(bytes.error->detail));
}

void TestTossClient::retryAfterForms_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<qint64>("ms");   // -1: unreadable
    // "now" is Tue, 01 Dec 2026 22:40:00 GMT in every row.
    QTest::newRow("seconds") << QByteArray("5") << qint64(5000);
    QTest::newRow("zero") << QByteArray("0") << qint64(0);
    QTest::newRow("negative seconds are now") << QByteArray("-3") << qint64(0);
    // 2147484 s = 2,147,484,000 ms: past int, read in 64 bits.
    QTest::newRow("past int milliseconds") << QByteArray("2147484") << qint64(86400000);
    QTest::newRow("IMF-fixdate 33 s ahead") << QByteArray("Tue, 01 Dec 2026 22:40:33 GMT") << qint64(33000);
    QTest::newRow("RFC 850 date 33 s ahead") << QByteArray("Tuesday, 01-Dec-26 22:40:33 GMT") << qint64(33000);
    QTest::newRow("asctime date 33 s ahead") << QByteArray("Tue Dec  1 22:40:33 2026") << qint64(33000);
    QTest::newRow("a date days ahead is a day") << QByteArray("Sat, 05 Dec 2026 22:40:00 GMT") << qint64(86400000);
    QTest::newRow("a date in the past is now") << QByteArray("Tue, 01 Dec 2026 22:39:00 GMT") << qint64(0);
    QTest::newRow("garbage") << QByteArray("soon") << qint64(-1);
    QTest::newRow("empty") << QByteArray("") << qint64(-1);
}

void TestTossClient::retryAfterForms()
{
    QFETCH(QByteArray, value);
    QFETCH(qint64, ms);
    const QDateTime now(QDate(2026, 12, 1), QTime(22, 40, 0), Qt::UTC);
    const std::optional<qint64> parsed = parseRetryAfter(value, now);
    QCOMPARE(parsed.value_or(-1), ms);
}

void TestTossClient::answersAreReadByType_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("contentType");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("list");
    QTest::addColumn<int>("outcome");      // AnswerReading::Outcome
    QTest::addColumn<int>("kind");         // ApiError::Kind when not a body
    QTest::addColumn<QString>("code");
    QTest::addColumn<bool>("keepsBody");
    using O = AnswerReading::Outcome;
    using K = ApiError::Kind;
    const QString json = QStringLiteral("application/json; charset=utf-8");
    QTest::newRow("payment") << 200 << json << QByteArray(R"({"status":"DONE"})") << false << int(O::Body) << 0 << QString() << true;
    QTest::newRow("list") << 200 << json << QByteArray("[]") << true << int(O::Body) << 0 << QString() << true;
    QTest::newRow("list that is an object") << 200 << json << QByteArray("{}") << true << int(O::Error) << int(K::InvalidResponse) << QString() << false;
    QTest::newRow("core error") << 404 << json << QByteArray(R"({"code":"NOT_FOUND_PAYMENT","message":"m"})") << false
                                << int(O::Error) << int(K::Http) << QStringLiteral("NOT_FOUND_PAYMENT") << true;
    QTest::newRow("numeric code") << 400 << json << QByteArray(R"({"code":4001,"message":null})") << false
                                  << int(O::Error) << int(K::Http) << QStringLiteral("4001") << true;
    QTest::newRow("apps-in-toss error") << 400 << json << QByteArray(R"({"resultType":"FAIL","error":{"errorCode":"E1","reason":"r"}})") << false
                                        << int(O::Error) << int(K::Http) << QStringLiteral("E1") << true;
    QTest::newRow("500 is worth another try") << 500 << json << QByteArray(R"({"code":"FAILED_INTERNAL_SYSTEM_PROCESSING"})") << false
                                              << int(O::RetryableError) << int(K::Http) << QStringLiteral("FAILED_INTERNAL_SYSTEM_PROCESSING") << true;
    QTest::newRow("502 HTML from a gateway") << 502 << QStringLiteral("text/html") << QByteArray("<html>Bad Gateway</html>") << false
                                             << int(O::RetryableError) << int(K::Http) << QString() << false;
    QTest::newRow("200 HTML") << 200 << QStringLiteral("text/html") << QByteArray("<html/>") << false
                              << int(O::RetryableError) << int(K::InvalidResponse) << QString() << false;
    QTest::newRow("200 JSON without Content-Type") << 200 << QString() << QByteArray("{}") << false
                                                   << int(O::RetryableError) << int(K::InvalidResponse) << QString() << false;
    QTest::newRow("error object that is an array") << 400 << json << QByteArray("[1,2]") << false
                                                   << int(O::Error) << int(K::Http) << QString() << true;
    QTest::newRow("error with nested nulls") << 403 << json << QByteArray(R"({"code":null,"message":{"a":1},"error":null})") << false
                                             << int(O::Error) << int(K::Http) << QString() << true;
}

void TestTossClient::answersAreReadByType()
{
    QFETCH(int, status);
    QFETCH(QString, contentType);
    QFETCH(QByteArray, bytes);
    QFETCH(bool, list);
    QFETCH(int, outcome);
    QFETCH(int, kind);
    QFETCH(QString, code);
    QFETCH(bool, keepsBody);
    Answer answer;
    answer.status = status;
    answer.contentType = contentType;
    answer.bytes = bytes;
    answer.list = list;
    const AnswerReading reading = readAnswer(answer, QDateTime::currentDateTimeUtc());
    QCOMPARE(int(reading.outcome), outcome);
    if (reading.outcome != AnswerReading::Outcome::Body) {
        QCOMPARE(int(reading.error.kind), kind);
        QCOMPARE(QString::fromStdString(reading.error.code), code);
    }
    QCOMPARE(reading.body.has_value(), keepsBody);
}

void TestTossClient::answersThatAreNotWhole()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    Answer cut;
    cut.status = 200;
    cut.contentType = QStringLiteral("application/json");
    cut.bytes = QByteArray(R"({"status":"DO)");
    cut.promisedBytes = 40;
    AnswerReading reading = readAnswer(cut, now);
    QCOMPARE(reading.outcome, AnswerReading::Outcome::RetryableError);
    QCOMPARE(reading.error.kind, ApiError::Kind::Network);

    Answer slow;
    slow.timedOut = true;
    slow.timeoutMs = 2500;
    reading = readAnswer(slow, now);
    QCOMPARE(reading.outcome, AnswerReading::Outcome::RetryableError);
    QCOMPARE(reading.error.kind, ApiError::Kind::Timeout);
    QCOMPARE(reading.error.detail, QStringLiteral("2.5 s"));

    Answer huge;
    huge.tooLarge = true;
    huge.maxBytes = 64 * 1024 * 1024;
    reading = readAnswer(huge, now);
    QCOMPARE(reading.outcome, AnswerReading::Outcome::Error);
    QCOMPARE(reading.error.kind, ApiError::Kind::TooLarge);

    Answer away;
    away.status = 302;
    away.location = "https://elsewhere.example/v1/payments/x";
    reading = readAnswer(away, now);
    QCOMPARE(reading.outcome, AnswerReading::Outcome::Error);
    QCOMPARE(reading.error.kind, ApiError::Kind::Redirect);
    QCOMPARE(reading.error.detail, QStringLiteral("https://elsewhere.example/v1/payments/x"));

    Answer refused;
    refused.networkError = QNetworkReply::ConnectionRefusedError;
    refused.networkErrorText = QStringLiteral("Connection refused");
    reading = readAnswer(refused, now);
    QCOMPARE(reading.outcome, AnswerReading::Outcome::RetryableError);
    QCOMPARE(reading.error.kind, ApiError::Kind::Network);

    Answer limited;
    limited.status = 429;
    limited.contentType = QStringLiteral("application/json");
    limited.bytes = QByteArray(R"({"code":"TOO_MANY_REQUESTS"})");
    limited.retryAfter = "7";
    reading = readAnswer(limited, now);
    QCOMPARE(reading.outcome, AnswerReading::Outcome::RetryableError);
    QCOMPARE(reading.retryAfterMs.value_or(-1), qint64(7000));
}

void TestTossClient::retryAfterAsADateIsWaitedFor()
{
    TossClient client(&m_network, config("retry-after-date:1"));
    QElapsedTimer timer;
    timer.start();
    const ApiResponse r = wait(client.payment(QStringLiteral("ec_id20250402083921BUZL3")), 60000);
    QVERIFY(r.error);
    QCOMPARE(r.error->httpStatus, 503);
    // Each retry waited for the date, a second ahead (within the date's whole-second precision).
    QVERIFY(r.attempts >= 2);
    QVERIFY2(timer.elapsed() >= 500 * (r.attempts - 1), qPrintable(QString::number(timer.elapsed())));
}

void TestTossClient::idsThatAreNoPathSegment_data()
{
    QTest::addColumn<QString>("id");
    QTest::newRow("dot") << QStringLiteral(".");
    QTest::newRow("dot dot") << QStringLiteral("..");
    QTest::newRow("blank") << QStringLiteral("  ");
    QTest::newRow("a control character") << QStringLiteral("order\u001b1");
}

void TestTossClient::idsThatAreNoPathSegment()
{
    QFETCH(QString, id);
    ScriptedServer server({jsonResponse("200 OK", R"({"paymentKey":"pk","status":"DONE"})")});
    ClientConfig c = config();
    c.baseUrl = server.url();
    TossClient client(&m_network, c);
    for (const bool byOrderId : {false, true}) {
        const ApiResponse r = wait(byOrderId ? client.paymentByOrderId(id) : client.payment(id));
        QVERIFY(r.error);
        QCOMPARE(r.error->kind, ApiError::Kind::Configuration);
        QVERIFY(!r.error->describe().isEmpty());
    }
    QVERIFY(server.m_requests.isEmpty());  // refused before anything was sent
}

void TestTossClient::baseUrlKeepsItsPathPrefix()
{
    ScriptedServer server({jsonResponse("200 OK", R"({"paymentKey":"pk","status":"DONE"})")});
    ClientConfig c = config();
    c.baseUrl = QUrl(server.url().toString() + QStringLiteral("/toss-proxy/"));
    TossClient client(&m_network, c);
    const ApiResponse r = wait(client.payment(QStringLiteral("pk")));
    QVERIFY(r.ok());
    QVERIFY2(server.m_requests.front().startsWith("GET /toss-proxy/v1/payments/pk HTTP/1.1"),
             server.m_requests.front().left(60).constData());
    // Kept under the API's path: the same evidence whichever proxy it came through.
    QCOMPARE(r.answers.front().path, QStringLiteral("/v1/payments/pk"));
}

void TestTossClient::retriesThenSucceedsHonouringRetryAfter()
{
    ScriptedServer server({jsonResponse("429 Too Many Requests", R"({"code":"FORBIDDEN_CONSECUTIVE_REQUEST","message":"잠시 후"})",
                                        "Retry-After: 1\r\n"),
                           jsonResponse("200 OK", R"({"paymentKey":"pk","status":"DONE"})")});
    ClientConfig c = config();
    c.baseUrl = server.url();
    TossClient client(&m_network, c);
    QElapsedTimer timer;
    timer.start();
    const ApiResponse r = wait(client.payment(QStringLiteral("pk")));
    QVERIFY(r.ok());
    QCOMPARE(r.attempts, 2);
    QVERIFY(timer.elapsed() >= 950);  // Retry-After: 1 was waited for (timer granularity aside)
    QCOMPARE(server.m_requests.size(), 2);
    QVERIFY(server.m_requests[0].contains("Authorization: Basic "));
}

void TestTossClient::redirectToAnotherHostIsNotFollowed()
{
    ScriptedServer elsewhere({jsonResponse("200 OK", "{}")});
    // "localhost" is another origin than 127.0.0.1 for the redirect policy.
    ScriptedServer server({"HTTP/1.1 302 Found\r\nLocation: http://localhost:" + QByteArray::number(elsewhere.serverPort())
                           + "/v1/payments/pk\r\nContent-Length: 0\r\n\r\n"});
    ClientConfig c = config();
    c.baseUrl = server.url();
    TossClient client(&m_network, c);
    const ApiResponse r = wait(client.payment(QStringLiteral("pk")));
    QVERIFY(r.error);
    QCOMPARE(r.error->kind, ApiError::Kind::Redirect);
    QTest::qWait(100);
    QVERIFY(elsewhere.m_requests.isEmpty());
}

void TestTossClient::cancelMidFlight()
{
    TossClient client(&m_network, config("slow"));
    ApiCall *call = client.payment(QStringLiteral("ec_id20250402083921BUZL3"));
    QSignalSpy spy(call, &ApiCall::finished);
    QTest::qWait(300);
    call->cancel();
    QCOMPARE(spy.size(), 1);
    QCOMPARE(spy.at(0).at(0).value<ApiResponse>().error->kind, ApiError::Kind::Canceled);
    QTest::qWait(200);
    QCOMPARE(spy.size(), 1);  // exactly once
}

void TestTossClient::configurationProblems_data()
{
    QTest::addColumn<QString>("baseUrl");
    QTest::addColumn<QString>("key");
    QTest::newRow("plain http to a remote host") << "http://api.tosspayments.com" << testKey;
    QTest::newRow("no key") << "https://api.tosspayments.com" << QString();
    QTest::newRow("not a url") << "::" << testKey;
}

void TestTossClient::configurationProblems()
{
    QFETCH(QString, baseUrl);
    QFETCH(QString, key);
    ClientConfig c;
    c.baseUrl = QUrl(baseUrl);
    c.secretKey = key;
    TossClient client(&m_network, c);
    const ApiResponse r = wait(client.payment(QStringLiteral("pk")));
    QVERIFY(r.error);
    QCOMPARE(r.error->kind, ApiError::Kind::Configuration);
    QCOMPARE(r.attempts, 0);  // nothing was sent
}

void TestTossClient::fetcherAssemblesTheSeedCase()
{
    TossClient client(&m_network, config());
    CaseFetcher fetcher(&client);
    QSignalSpy finished(&fetcher, &CaseFetcher::finished);
    QSignalSpy updated(&fetcher, &CaseFetcher::caseUpdated);
    fetcher.fetch(QStringLiteral("LIVE-V20240807160726-PAY_6367_3859"));
    QVERIFY(finished.wait(20000));
    const Case &kase = fetcher.currentCase();
    QVERIFY2(fetcher.errors().empty(), fetcher.errors().empty() ? "" : qPrintable(fetcher.errors().front().second.describe()));
    QCOMPARE(kase.of(paytriage::DocumentKind::Payment).size(), std::size_t(1));
    QCOMPARE(kase.of(paytriage::DocumentKind::Transactions).size(), std::size_t(2));  // issued, then canceled
    QVERIFY(updated.size() >= 2);
    const Catalog catalog = Catalog::builtIn();
    const SystemClock clock;
    const Analysis a = Analyzer(catalog, clock).analyze(kase);
    QVERIFY(std::any_of(a.findings.begin(), a.findings.end(),
                        [](const Finding &f) { return f.rule == "vbank-cancel-without-deposit" && f.variant == "transactions"; }));
}

void TestTossClient::fetcherKeepsWhatArrivedWhenASourceFails()
{
    // The payment and its transactions answer; settlements fail every time.
    ScriptedServer server({});
    server.m_route = [](const QByteArray &request) {
        if (request.startsWith("GET /v1/payments/"))
            return jsonResponse("200 OK", R"({"paymentKey":"tgen20250301ABCDE","orderId":"order-1","status":"DONE",
                "totalAmount":1000,"balanceAmount":1000,"requestedAt":"2025-03-01T10:00:00+09:00",
                "approvedAt":"2025-03-01T10:00:30+09:00","method":"카드","currency":"KRW"})");
        if (request.startsWith("GET /v1/transactions"))
            return jsonResponse("200 OK", R"([{"transactionKey":"t1","paymentKey":"tgen20250301ABCDE","status":"DONE",
                "transactionAt":"2025-03-01T10:00:30+09:00","amount":1000,"currency":"KRW"}])");
        return jsonResponse("503 Service Unavailable", R"({"code":"FAILED_INTERNAL_SYSTEM_PROCESSING","message":"x"})");
    };
    ClientConfig c = config();
    c.baseUrl = server.url();
    TossClient client(&m_network, c);
    CaseFetcher fetcher(&client);
    QSignalSpy failed(&fetcher, &CaseFetcher::sourceFailed);
    QSignalSpy finished(&fetcher, &CaseFetcher::finished);
    fetcher.fetch(QStringLiteral("order-1"));
    QVERIFY(finished.wait(20000));
    QCOMPARE(finished.size(), 1);
    QCOMPARE(failed.size(), 1);
    QCOMPARE(failed.at(0).at(0).value<Source>(), Source::Settlements);
    QCOMPARE(failed.at(0).at(1).value<ApiError>().httpStatus, 503);
    // The payment and its transaction stay, with the failed source's error object kept as evidence.
    QCOMPARE(fetcher.currentCase().of(paytriage::DocumentKind::Payment).size(), std::size_t(1));
    QCOMPARE(fetcher.currentCase().of(paytriage::DocumentKind::Transactions).size(), std::size_t(1));
    QCOMPARE(fetcher.currentCase().of(paytriage::DocumentKind::Error).size(), std::size_t(1));
}

void TestTossClient::fetcherKeepsTheRawAnswersOfEachSource()
{
    TossClient client(&m_network, config());
    // A payment of the generated merchant: the pages of its transactions and settlements hold
    // other payments' records too.
    const ApiResponse day = wait(client.transactions(QStringLiteral("2025-03-01T00:00:00"), QStringLiteral("2025-03-01T23:59:59")));
    QVERIFY(day.ok() && !day.body->empty());
    const std::string paymentKey = (*day.body)[0]["paymentKey"].get<std::string>();

    CaseFetcher fetcher(&client);
    std::map<Source, std::size_t> whenFinished;
    connect(&fetcher, &CaseFetcher::sourceFinished, &fetcher,
            [&](Source source, int) { whenFinished[source] = fetcher.answersOf(source).size(); });
    QSignalSpy finished(&fetcher, &CaseFetcher::finished);
    fetcher.fetch(QString::fromStdString(paymentKey), IdKind::PaymentKey);
    QVERIFY(finished.wait(20000));
    QVERIFY2(fetcher.errors().empty(), fetcher.errors().empty() ? "" : qPrintable(fetcher.errors().front().second.describe()));
    const Case &kase = fetcher.currentCase();

    const std::vector<RawAnswer> &payment = fetcher.answersOf(Source::Payment);
    QCOMPARE(payment.size(), std::size_t(1));
    QCOMPARE(payment.front().path, QStringLiteral("/v1/payments/") + QString::fromStdString(paymentKey));
    QVERIFY(documentOf(kase, DocumentKind::Payment));
    QVERIFY(Json::parse(payment.front().content.toStdString()) == documentOf(kase, DocumentKind::Payment)->value);

    const std::pair<Source, DocumentKind> lists[] = {{Source::Transactions, DocumentKind::Transactions},
                                                     {Source::Settlements, DocumentKind::Settlements}};
    for (const auto &[source, kind] : lists) {
        const std::vector<RawAnswer> &pages = fetcher.answersOf(source);
        QVERIFY2(!pages.empty(), qPrintable(sourceName(source)));
        const auto [records, mine] = recordsOf(pages, paymentKey);
        // The pages as received; the document, this payment's records among them.
        const Document *document = documentOf(kase, kind);
        QCOMPARE(document ? document->value.size() : std::size_t(0), mine);
        QVERIFY2(records.size() > mine, qPrintable(sourceName(source)));
    }
    QVERIFY(documentOf(kase, DocumentKind::Transactions));
    // Already there when each source said it had finished.
    for (const Source source : {Source::Payment, Source::Transactions, Source::Settlements})
        QCOMPARE(whenFinished[source], fetcher.answersOf(source).size());
    QVERIFY(fetcher.answersOf(Source::IapOrderStatus).empty());

    // The next lookup starts without them; one the provider refuses keeps its refusal as received.
    fetcher.fetch(QStringLiteral("no-such-order"), IdKind::OrderId);
    for (const Source source : {Source::Payment, Source::Transactions, Source::Settlements})
        QVERIFY(fetcher.answersOf(source).empty());
    QVERIFY(finished.wait(20000));
    QCOMPARE(fetcher.answersOf(Source::Payment).size(), std::size_t(1));
    QCOMPARE(fetcher.answersOf(Source::Payment).front().status, 404);
    QVERIFY(fetcher.answersOf(Source::Payment).front().content.contains("NOT_FOUND_PAYMENT"));
    QCOMPARE(fetcher.errors().size(), std::size_t(1));
}

void TestTossClient::fetcherKeepsTheInAppRawAnswer()
{
    ClientConfig c;
    c.appsInTossBaseUrl = m_sandbox->url();
    TossClient client(&m_network, c);
    CaseFetcher fetcher(&client);
    QSignalSpy finished(&fetcher, &CaseFetcher::finished);
    fetcher.fetchIapOrder(iapOrderId, QStringLiteral("user-key-1"));
    QVERIFY(finished.wait(20000));
    const std::vector<RawAnswer> &answers = fetcher.answersOf(Source::IapOrderStatus);
    QCOMPARE(answers.size(), std::size_t(1));
    QCOMPARE(answers.front().method, QStringLiteral("POST"));
    QCOMPARE(answers.front().path, QStringLiteral("/api-partner/v1/apps-in-toss/order/get-order-status"));
    QVERIFY(Json::parse(answers.front().content.toStdString()) == documentOf(fetcher.currentCase(), DocumentKind::IapOrderStatus)->value);
    // Asked again, the answer before is gone at once.
    fetcher.fetchIapOrder(QStringLiteral("no-such-order"), QStringLiteral("user-key-1"));
    QVERIFY(fetcher.answersOf(Source::IapOrderStatus).empty());
    QVERIFY(finished.wait(20000));
}

void TestTossClient::secretKeyNeverInMessages()
{
    // Every failure a key could leak into: auth, faults, configuration.
    QStringList texts = m_logged;
    for (const QByteArray &fault : {QByteArray("503"), QByteArray("reset"), QByteArray("invalid-json")}) {
        ClientConfig c = config(fault);
        c.maxAttempts = 1;
        TossClient client(&m_network, c);
        const ApiResponse r = wait(client.payment(QStringLiteral("ec_id20250402083921BUZL3")));
        texts << r.error->describe() << r.error->detail << QString::fromStdString(r.error->message) << r.endpoint;
    }
    for (const QString &text : texts) {
        QVERIFY2(!text.contains(testKey), qPrintable(text));
        QVERIFY(!text.contains(QString::fromLatin1(QByteArray(testKey.toUtf8() + ':').toBase64())));
    }
}

void TestTossClient::iapOrderStatusUsesItsOwnBaseUrl()
{
    // The core API's base URL points nowhere reachable; the Apps-in-Toss one is the sandbox,
    // over plain http on loopback, so no certificate is needed — and no secret key either.
    ClientConfig c;
    c.baseUrl = QUrl(QStringLiteral("https://api.tosspayments.invalid"));
    c.appsInTossBaseUrl = m_sandbox->url();
    TossClient client(&m_network, c);
    const ApiResponse r = wait(client.iapOrderStatus(iapOrderId, QStringLiteral("user-key-1")));
    QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error->describe()));
    QCOMPARE(r.httpStatus, 200);
    QCOMPARE(r.body->value("resultType", std::string()), std::string("SUCCESS"));
    QCOMPARE((*r.body)["success"].value("status", std::string()), std::string("PAYMENT_COMPLETED"));
}

void TestTossClient::iapNeverSendsTheSecretKey()
{
    ScriptedServer server({jsonResponse("200 OK", R"({"resultType":"SUCCESS","success":{"orderId":"o","status":"PURCHASED"}})")});
    ClientConfig c = config();  // holds the test secret key and an API version
    c.apiVersion = QStringLiteral("2022-11-16");
    c.appsInTossBaseUrl = server.url();
    TossClient client(&m_network, c);
    QVERIFY(wait(client.iapOrderStatus(QStringLiteral("o"), QStringLiteral("user-key-1"))).ok());
    QCOMPARE(server.m_requests.size(), 1);
    const QByteArray request = server.m_requests.front().toLower();
    QVERIFY(request.startsWith("post /api-partner/v1/apps-in-toss/order/get-order-status"));
    QVERIFY(request.contains("x-toss-user-key: user-key-1"));
    // The Toss Payments key belongs to another host: neither it nor its headers go here.
    QVERIFY(!request.contains("authorization"));
    QVERIFY(!request.contains("tosspayments-api-version"));
}

void TestTossClient::iapIdentityProblems_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("certificate");  // a file written in initTestCase, or "" for none
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("mentions");     // what the message must name so the user can act

    const QString remote = QStringLiteral("https://apps-in-toss-api.toss.im");
    const QString pem = QStringLiteral("valid.pem");
    const QString key = QStringLiteral("key.pem");
    QTest::newRow("the real host without a certificate") << remote << QString() << QString() << "mTLS";
    QTest::newRow("plain http to the real host") << "http://apps-in-toss-api.toss.im" << pem << key << "http://";
    QTest::newRow("certificate without its key") << remote << pem << QString() << "private key";
    QTest::newRow("key without its certificate") << remote << QString() << key << "client certificate too";
    QTest::newRow("certificate file missing") << remote << "no-such-file.pem" << key << "does not exist";
    QTest::newRow("certificate path is a directory") << remote << "a-directory.pem" << key << "Cannot read";
    QTest::newRow("certificate file is not PEM") << remote << "garbage.pem" << key << "no PEM certificate";
    // expired.pem's notAfter is 2020-01-02 00:00 UTC.
    QTest::newRow("certificate expired") << remote << "expired.pem" << key << "expired on 2020-01-02";
    QTest::newRow("key file missing") << remote << pem << "no-such-key.pem" << "does not exist";
    QTest::newRow("key behind a passphrase") << remote << pem << "encrypted-key.pem" << "passphrase";
    QTest::newRow("key file is not PEM") << remote << pem << "garbage.pem" << "no PEM private key";
    // On loopback (the sandbox) a certificate is optional, but one that is named must still load.
    QTest::newRow("broken certificate on loopback") << "http://127.0.0.1:9" << "garbage.pem" << key << "no PEM certificate";
}

void TestTossClient::iapIdentityProblems()
{
    QFETCH(QString, url);
    QFETCH(QString, certificate);
    QFETCH(QString, key);
    QFETCH(QString, mentions);
    ClientConfig c = config();
    c.appsInTossBaseUrl = QUrl(url);
    c.clientCertificatePath = pemFile(certificate);
    c.clientKeyPath = pemFile(key);
    const auto problem = c.appsInTossProblem();
    QVERIFY(problem);
    QVERIFY2(problem->contains(mentions), qPrintable(*problem));

    TossClient client(&m_network, c);
    const ApiResponse r = wait(client.iapOrderStatus(iapOrderId, QStringLiteral("user-key-1")));
    QVERIFY(r.error);
    QCOMPARE(r.error->kind, ApiError::Kind::Configuration);
    QCOMPARE(r.error->describe(), *problem);
    QCOMPARE(r.attempts, 0);  // nothing was sent
}

void TestTossClient::iapValidIdentityIsAccepted()
{
    ClientConfig c;
    c.clientCertificatePath = pemFile(QStringLiteral("valid.pem"));
    c.clientKeyPath = pemFile(QStringLiteral("key.pem"));
    // The real host: the identity loads (nothing is sent by appsInTossProblem()).
    const auto problem = c.appsInTossProblem();
    QVERIFY2(!problem, problem ? qPrintable(*problem) : "");
    // Against the sandbox on loopback http the identity is loaded and the call still answers.
    c.appsInTossBaseUrl = m_sandbox->url();
    TossClient client(&m_network, c);
    const ApiResponse r = wait(client.iapOrderStatus(iapOrderId, QStringLiteral("user-key-1")));
    QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error->describe()));
}

QTEST_GUILESS_MAIN(TestTossClient)
#include "tst_tossclient.moc"
