#include "model/document.h"
#include "model/input.h"

#include <QTemporaryDir>
#include <QTest>

#include <stdexcept>

#include <cstdint>
#include <string>
#include <vector>

using namespace paytriage;

namespace {

// dump() does not tell an unsigned number from a signed one: the types are spelled out as well.
void appendTypes(const Json &value, std::string *out)
{
    *out += static_cast<char>('0' + static_cast<int>(value.type()));
    if (value.is_object()) {
        *out += '{';
        for (const auto &member : value.items())
            appendTypes(member.value(), out);
        *out += '}';
    } else if (value.is_array()) {
        *out += '[';
        for (const Json &element : value)
            appendTypes(element, out);
        *out += ']';
    }
}

QString describeRecord(const Json &record, const std::string &pointer)
{
    std::string types;
    appendTypes(record, &types);
    return QString::fromStdString(pointer + ' ' + record.dump() + ' ' + types);
}

// What streamRecords should deliver, from the whole file parsed at once: the objects of the
// top-level array in order, nested arrays flattened, anything else skipped.
void collectRecords(const Json &list, const std::string &pointer, QStringList *out)
{
    for (std::size_t i = 0; i < list.size(); ++i) {
        const std::string at = pointer + '/' + std::to_string(i);
        if (list[i].is_object())
            *out << describeRecord(list[i], at);
        else if (list[i].is_array())
            collectRecords(list[i], at, out);
    }
}

// A deterministic jumble of records: shapes repeated, reordered, cut short, extended, with
// duplicate keys, values changing type and nested containers changing shape.
// Writes text into tx.json in dir: its path, or an empty string when it could not be written.
QString writeFile(const QTemporaryDir &dir, const QByteArray &text)
{
    const QString path = dir.filePath(QStringLiteral("tx.json"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size())
        return {};
    return path;
}

class RecordGenerator
{
public:
    std::string file(int records)
    {
        std::string text = "[\n";
        for (int i = 0; i < records; ++i) {
            if (i > 0)
                text += ",\n";
            const unsigned roll = below(20);
            if (roll == 0) {
                text += value(2);  // a scalar or a nested list at the top level (skipped or flattened)
                continue;
            }
            std::vector<std::string> keys;
            if (roll < 12 && !m_keys.empty()) {
                keys = m_keys;  // the previous shape, new values
            } else {
                const unsigned n = below(12);
                for (unsigned k = 0; k < n; ++k)
                    keys.push_back(key());
            }
            m_keys = keys;
            text += '{';
            for (std::size_t k = 0; k < keys.size(); ++k) {
                if (k > 0)
                    text += ',';
                text += '"' + keys[k] + "\":" + value(3);
            }
            text += '}';
        }
        return text + "\n]\n";
    }

private:
    unsigned below(unsigned n)
    {
        m_state = m_state * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<unsigned>((m_state >> 33) % n);
    }
    std::string key()
    {
        static const char *const keys[] = {"mId", "transactionKey", "paymentKey", "status", "amount",
                                           "a-key-too-long-for-the-small-string-buffer", "x", "", "nested"};
        return keys[below(sizeof keys / sizeof *keys)];
    }
    std::string value(int depth)
    {
        switch (below(depth > 0 ? 14 : 11)) {
        case 0: return "null";
        case 1: return below(2) ? "true" : "false";
        case 2: return std::to_string(below(1000));
        case 3: return "-" + std::to_string(below(1000) + 1);
        case 4: return "18446744073709551615";
        case 5: return "-9223372036854775808";
        case 6: return below(2) ? "1.5" : "-2.5e-3";
        case 7: return "\"DONE\"";
        case 8: return "\"" + std::string(below(200), 'x') + "\"";
        case 9: return "\"caf\\u00e9 \\\" \\n \xea\xb2\xb0\xec\xa0\x9c\"";
        case 10: return "\"\"";
        case 11:
        case 12: {
            std::string object = "{";
            const unsigned n = below(5);
            for (unsigned k = 0; k < n; ++k)
                object += (k > 0 ? ",\"" : "\"") + key() + "\":" + value(depth - 1);
            return object + '}';
        }
        default: {
            std::string array = "[";
            const unsigned n = below(5);
            for (unsigned k = 0; k < n; ++k)
                array += (k > 0 ? "," : "") + value(depth - 1);
            return array + ']';
        }
        }
    }

    std::uint64_t m_state = 20250301;
    std::vector<std::string> m_keys;
};

} // namespace

class TestDocument final : public QObject
{
    Q_OBJECT

private slots:
    void classify_data();
    void classify();
    void caseIndexesEveryObject();
    void webhookCarriesItsPayment();
    void streamsRecordsOfAnArray();
    void arraysWithoutRecordsStream();
    void streamReportsWhereItBroke();
    void streamStops_data();
    void streamStops();
    void streamStopsWhenTheCallbackThrows();
    void streamedErrorsAreNamedLikePastedOnes_data();
    void streamedErrorsAreNamedLikePastedOnes();
    void streamedRecordsMatchTheParsedFile_data();
    void streamedRecordsMatchTheParsedFile();
};

void TestDocument::classify_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("payload");
    QTest::addColumn<QString>("version");
    QTest::newRow("payment") << R"({"paymentKey":"pk","status":"DONE","totalAmount":1,"version":"2022-11-16"})"
                             << "payment" << "" << "2022-11-16";
    QTest::newRow("version 1.x payment") << R"({"paymentKey":"pk","status":"DONE","orderName":"x","version":"1.4"})"
                                         << "payment" << "" << "1.4";
    QTest::newRow("transaction") << R"({"transactionKey":"t","paymentKey":"p","transactionAt":"2024-01-01T00:00:00+09:00"})"
                                 << "transactions" << "" << "";
    QTest::newRow("transactions list") << R"([{"transactionKey":"t","transactionAt":"x"},{"transactionKey":"u","transactionAt":"y"}])"
                                       << "transactions" << "" << "";
    QTest::newRow("settlement list") << R"([{"paymentKey":"p","transactionKey":"t","payOutAmount":1,"soldDate":"2023-11-25"}])"
                                     << "settlements" << "" << "";
    QTest::newRow("iap envelope") << R"({"resultType":"SUCCESS","success":{"orderId":"o","status":"PURCHASED","sku":"s"}})"
                                  << "iap-order-status" << "/success" << "";
    QTest::newRow("bare iap status") << R"({"orderId":"o","status":"PAYMENT_COMPLETED","reason":"결제가 완료되었어요."})"
                                     << "iap-order-status" << "" << "";
    QTest::newRow("iap failure") << R"({"resultType":"FAIL","error":{"errorCode":"INTERNAL_ERROR","reason":"x"}})"
                                 << "error" << "/error" << "";
    QTest::newRow("api error") << R"({"code":"NOT_FOUND_PAYMENT","message":"없음"})" << "error" << "" << "";
    QTest::newRow("status webhook") << R"({"eventType":"PAYMENT_STATUS_CHANGED","createdAt":"x","data":{"paymentKey":"p","status":"DONE","totalAmount":1,"version":"2022-11-16"}})"
                                    << "webhook" << "" << "2022-11-16";
    QTest::newRow("deposit callback") << R"({"createdAt":"2022-01-01T00:00:00.000000","secret":"ps_x","status":"DONE","transactionKey":"t","orderId":"o"})"
                                      << "deposit-callback" << "" << "";
    QTest::newRow("cash receipts page") << R"({"hasNext":false,"lastCursor":1,"data":[{"receiptKey":"r","issueNumber":"1","issueStatus":"COMPLETED"}]})"
                                        << "cash-receipts" << "/data" << "";
    QTest::newRow("something else") << R"({"hello":"world"})" << "unknown" << "" << "";
    QTest::newRow("a bare number") << "42" << "unknown" << "" << "";
}

void TestDocument::classify()
{
    QFETCH(QString, json);
    QFETCH(QString, kind);
    QFETCH(QString, payload);
    QFETCH(QString, version);
    const LoadedCase loaded = loadText(json.toStdString(), {"test", {}, 0});
    QVERIFY(loaded.decoded.ok());
    QCOMPARE(loaded.kase.documents.size(), std::size_t(1));
    const Document &d = loaded.kase.documents.front();
    QCOMPARE(QString::fromLatin1(kindId(d.kind).data()), kind);
    QCOMPARE(QString::fromStdString(d.payloadPointer), payload);
    QCOMPARE(QString::fromStdString(d.apiVersion), version);
}

void TestDocument::caseIndexesEveryObject()
{
    // A payment, a list of two transactions and a nested settlement list (seed 004's paste shape).
    const LoadedCase loaded = loadText(R"({"paymentKey":"p","status":"DONE","totalAmount":1}
[{"transactionKey":"a","transactionAt":"x","paymentKey":"p"},{"transactionKey":"b","transactionAt":"y","paymentKey":"p"}]
[{"paymentKey":"p","payOutAmount":1,"soldDate":"2023-11-25"},[{"paymentKey":"p","payOutAmount":2,"soldDate":"2023-11-25"}]])",
                                       {"paste", {}, 0});
    QVERIFY(loaded.decoded.ok());
    const Case &c = loaded.kase;
    QCOMPARE(c.documents.size(), std::size_t(3));
    QCOMPARE(c.of(DocumentKind::Payment).size(), std::size_t(1));
    QCOMPARE(c.of(DocumentKind::Transactions).size(), std::size_t(2));
    QCOMPARE(QString::fromStdString(c.of(DocumentKind::Transactions)[1].pointer), QStringLiteral("/1"));
    QCOMPARE(c.of(DocumentKind::Settlements).size(), std::size_t(2));
    QCOMPARE(QString::fromStdString(c.of(DocumentKind::Settlements)[1].pointer), QStringLiteral("/1/0"));
    QCOMPARE(c.of(DocumentKind::Settlements)[1].document, std::size_t(2));
}

void TestDocument::webhookCarriesItsPayment()
{
    const LoadedCase loaded = loadText(
        R"({"eventType":"PAYMENT_STATUS_CHANGED","createdAt":"2023-07-20T16:35:47.729718","data":{"paymentKey":"p","status":"DONE","totalAmount":1}})",
        {"paste", {}, 0});
    QCOMPARE(loaded.kase.of(DocumentKind::Webhook).size(), std::size_t(1));
    QCOMPARE(loaded.kase.of(DocumentKind::Payment).size(), std::size_t(1));
    QCOMPARE(QString::fromStdString(loaded.kase.of(DocumentKind::Payment)[0].pointer), QStringLiteral("/data"));
}

void TestDocument::streamsRecordsOfAnArray()
{
    QTemporaryDir dir;
    const QString path = writeFile(dir, "\xEF\xBB\xBF [ {\"transactionKey\":\"a\",\"nested\":{\"x\":[1,2]}}, 7, [ {\"transactionKey\":\"b\"} ], {\"transactionKey\":\"c\"} ]");
    QVERIFY(!path.isEmpty());
    QVERIFY(fileStartsWithArray(path));
    QStringList seen;
    const StreamResult r = streamRecords(path, 64, [&](const StreamedRecord &record) {
        seen << QString::fromStdString(record.value["transactionKey"].get<std::string>() + '@' + record.pointer);
        if (record.value["transactionKey"] == "a")
            QCOMPARE(record.value["nested"]["x"][1].get<int>(), 2);
    });
    QVERIFY(!r.error);
    QCOMPARE(r.records, std::size_t(3));
    // The scalar 7 sits at /1, so the nested list is /2 and "c" is /3.
    QCOMPARE(seen, QStringList({QStringLiteral("a@/0"), QStringLiteral("b@/2/0"), QStringLiteral("c@/3")}));
}

void TestDocument::arraysWithoutRecordsStream()
{
    QTemporaryDir dir;
    for (const QByteArray &text : {QByteArray("[]"), QByteArray("\xEF\xBB\xBF[]"), QByteArray("[1, \"two\", null]"),
                                   QByteArray("// a dump\n[[], []]\n")}) {
        const QString path = writeFile(dir, text);
        const StreamResult r = streamRecords(path, 64, [](const StreamedRecord &) {});
        QVERIFY2(!r.error, text.constData());
        QCOMPARE(r.records, std::size_t(0));
    }
}

void TestDocument::streamReportsWhereItBroke()
{
    QTemporaryDir dir;
    // Line 3 is cut short: the file ends inside the second record.
    const QString path = writeFile(dir, "[\n{\"transactionKey\":\"a\"},\n{\"transactionKey\":\"b\", \"amount\": 1");
    QVERIFY(!path.isEmpty());
    int records = 0;
    const StreamResult r = streamRecords(path, 64, [&](const StreamedRecord &) { ++records; });
    QVERIFY(r.error);
    QCOMPARE(records, 1);
    QCOMPARE(r.error->kind, DecodeError::Kind::Truncated);
    QCOMPARE(r.error->position.line, 3);
}

// The parser runs on its own thread: whatever ends the stream early must end it cleanly, with the
// records before it delivered and the reason said.
void TestDocument::streamStops_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("records");
    QTest::addColumn<int>("kind");  // DecodeError::Kind
    QTest::addColumn<int>("line");  // where the error is placed; 0: not checked
    const QByteArray many = QByteArray::fromStdString(RecordGenerator().file(60000));
    const int manyRecords = [&] {
        QStringList all;
        collectRecords(Json::parse(many.toStdString()), std::string(), &all);
        return int(all.size());
    }();
    QByteArray deep = "[{\"a\":1},\n";
    for (int i = 0; i < 100; ++i)
        deep += "{\"a\":";
    deep += "1" + QByteArray(100, '}') + "]";
    QTest::newRow("too deep after a record") << deep << 1 << int(DecodeError::Kind::TooDeep) << 0;
    QTest::newRow("not a list") << QByteArray(R"({"transactionKey":"a"})") << 0 << int(DecodeError::Kind::NoJson) << 0;
    // Part of a byte order mark is no byte order mark: nothing is skipped, and the bytes are not UTF-8.
    QTest::newRow("a broken byte order mark") << QByteArray("\xEF\xBB\xFF[]") << 0 << int(DecodeError::Kind::InvalidUtf8) << 1;
    QTest::newRow("one number, comments around it") << QByteArray("// a\n1 // b\n") << 0 << int(DecodeError::Kind::NoJson) << 0;
    // The generated file ends "…}\n]\n": its last record is an object.
    QTest::newRow("cut short after many chunks") << many.left(many.size() - 4) << manyRecords - 1
                                                 << int(DecodeError::Kind::Truncated) << 0;
    QTest::newRow("syntax error after many chunks") << many.left(many.size() - 3) + "}x]" << manyRecords
                                                    << int(DecodeError::Kind::Syntax) << int(many.count('\n')) - 1;
}

void TestDocument::streamStops()
{
    QFETCH(QByteArray, text);
    QFETCH(int, records);
    QFETCH(int, kind);
    QFETCH(int, line);
    QTemporaryDir dir;
    const QString path = writeFile(dir, text);
    QVERIFY(!path.isEmpty());
    int delivered = 0;
    const StreamResult r = streamRecords(path, 64, [&](const StreamedRecord &) { ++delivered; });
    QVERIFY(r.error);
    QCOMPARE(int(r.error->kind), kind);
    QCOMPARE(delivered, records);
    QCOMPARE(int(r.records), records);
    if (line > 0)
        QCOMPARE(r.error->position.line, line);
}

// A dump over 32 MB is streamed, strictly; what breaks it is named as decode() names it for a
// paste: where (the true line and column), what (cut, not UTF-8, a NUL, too deep, not strict
// JSON), and an excerpt that is valid UTF-8 with no control character.
void TestDocument::streamedErrorsAreNamedLikePastedOnes_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("says");
    using K = DecodeError::Kind;
    // `{"b":"unterm` is cut: the end of the text, line 3, after its 12 characters.
    QTest::newRow("cut inside a string") << QByteArray("[\n{\"a\":\"x\"},\n{\"b\":\"unterm") << int(K::Truncated) << 3 << 13
                                         << QStringLiteral("ends before");
    // Line 2 is `{"a":"caf` then the byte 0xE9 (Latin-1 é): column 10.
    QTest::newRow("Latin-1 byte in a string") << QByteArray("[\n{\"a\":\"caf\xE9\"}]") << int(K::InvalidUtf8) << 2 << 10
                                              << QStringLiteral("UTF-8");
    QTest::newRow("NUL in a string") << QByteArray("[\n{\"a\":\"x\0y\"}]", 14) << int(K::NulByte) << 2 << 8
                                     << QStringLiteral("NUL");
    // nlohmann's parser ends its input at a NUL: after a whole array, or between records, it is
    // still no JSON.
    QTest::newRow("NUL after the array") << QByteArray("[\n{\"a\":1}]\0garbage]]]", 21) << int(K::NulByte) << 2 << 9
                                         << QStringLiteral("NUL");
    QTest::newRow("NUL between records") << QByteArray("[\n{\"a\":1},\0{\"b\":2}]", 19) << int(K::NulByte) << 2 << 9
                                         << QStringLiteral("NUL");
    // Nesting passes 64 at the start of line 4: [ on line 1 (depth 1), the record's own brackets
    // close again, 63 [ on line 3 (depth 64), and the [ that opens line 4 is the 65th.
    QTest::newRow("too deep, on its true line")
        << QByteArray("[\n{\"a\":[1]},\n") + QByteArray(63, '[') + "\n[[" + QByteArray(65, ']') + "]" << int(K::TooDeep) << 4 << 1
        << QStringLiteral("too deeply");
    QTest::newRow("an unquoted key: big files are read strictly")
        << QByteArray("[\n{\"a\":1},\n{b:2}]") << int(K::Syntax) << 3 << 2 << QStringLiteral("strict JSON");
}

void TestDocument::streamedErrorsAreNamedLikePastedOnes()
{
    QFETCH(QByteArray, text);
    QFETCH(int, kind);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, says);
    QTemporaryDir dir;
    const QString path = writeFile(dir, text);
    const StreamResult r = streamRecords(path, 64, [](const StreamedRecord &) {});
    QVERIFY(r.error);
    QCOMPARE(int(r.error->kind), kind);
    QVERIFY2(r.error->position == (TextPosition{line, column}), qPrintable(QStringLiteral("%1:%2").arg(r.error->position.line).arg(r.error->position.column)));
    const QString message = r.error->message().toString();
    QVERIFY2(message.contains(says), qPrintable(message));
    // Never a raw control character or malformed byte in what is shown.
    const std::string &excerpt = r.error->excerpt;
    QVERIFY(std::none_of(excerpt.begin(), excerpt.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20; }));
    QCOMPARE(QString::fromUtf8(excerpt.data(), qsizetype(excerpt.size())).toStdString(), excerpt);
}

void TestDocument::streamStopsWhenTheCallbackThrows()
{
    QTemporaryDir dir;
    const QString path = writeFile(dir, QByteArray::fromStdString(RecordGenerator().file(60000)));
    QVERIFY(!path.isEmpty());
    int delivered = 0;
    bool thrown = false;
    try {
        streamRecords(path, 64, [&](const StreamedRecord &) {
            if (++delivered == 5)
                throw std::runtime_error("stop");
        });
    } catch (const std::runtime_error &) {
        thrown = true;
    }
    QVERIFY(thrown);
    QCOMPARE(delivered, 5);
    // The parser thread is gone and the file closed: the next stream works as before.
    delivered = 0;
    const StreamResult r = streamRecords(path, 64, [&](const StreamedRecord &) { ++delivered; });
    QVERIFY(!r.error);
    QCOMPARE(std::size_t(delivered), r.records);
}

void TestDocument::streamedRecordsMatchTheParsedFile_data()
{
    // streamRecords rebuilds one Json in place record after record: every record must still come
    // out exactly as nlohmann's DOM parser reads it, whatever the previous record looked like.
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("minSameKeys");  // records flagged as having the previous record's keys
    QTest::newRow("same shape") << QByteArray(R"([{"a":1,"b":"x"},{"a":2,"b":"a string longer than fifteen bytes"},{"a":3,"b":""}])") << 2;
    QTest::newRow("same keys, another order")
        << QByteArray(R"([{"a":1,"b":"x","c":true},{"c":false,"a":2,"b":"y"},{"b":"z","c":null,"a":3},{"a":1,"b":"x","c":true}])") << 0;
    QTest::newRow("an extra key") << QByteArray(R"([{"a":1,"b":2},{"a":1,"x":9,"b":2},{"x":0,"a":1,"b":2},{"a":1,"b":2,"x":3},{"a":1,"b":2}])") << 0;
    QTest::newRow("a missing key")
        << QByteArray(R"([{"a":1,"b":2,"c":3},{"a":1,"c":3},{"b":2},{},{"a":1,"b":2,"c":3},{"c":3,"a":1}])") << 0;
    QTest::newRow("duplicate keys")
        << QByteArray(R"([{"a":1,"b":2,"a":3},{"a":"s","a":{"x":1},"b":[1],"b":[2,3]},{"a":{"x":1,"y":2},"a":{"y":3}},{"a":1,"b":2},)"
                      R"({"b":2,"a":1,"b":"again","a":[{"k":1},{"k":2,"k":3}],"a":[{"k":4}]},{"a":1,"b":2}])") << 0;
    QTest::newRow("nested objects and arrays")
        << QByteArray(R"([{"a":{"x":1,"y":[1,2,3]},"b":[{"p":1},{"p":2,"q":3}]},{"a":{"y":[4],"x":2},"b":[{"q":1,"p":0}]},)"
                      R"({"a":{"x":{"deep":[[1],[2,[3]]]}},"b":[]},{"a":{},"b":[[],{},""]},{"a":{"x":1,"y":[1,2,3]},"b":[{"p":1}]}])") << 4;
    QTest::newRow("values changing type")
        << QByteArray(R"([{"v":"a string longer than fifteen bytes","w":1},{"v":12,"w":"one"},{"v":"s","w":-1},{"v":-5,"w":5},)"
                      R"({"v":5,"w":-5},{"v":5,"w":1.5},{"v":true,"w":null},{"v":null,"w":{"o":1}},{"v":[1],"w":"o"},{"v":{"a":[]},"w":[{}]},)"
                      R"({"v":18446744073709551615,"w":-9223372036854775808},{"v":"back to a string","w":0}])") << 11;
    QTest::newRow("flattened lists and skipped scalars")
        << QByteArray(R"([{"a":1},7,[{"a":2},"s",[{"a":3,"b":4}],[]],{"b":5,"a":6},[],null,[[{"c":[]}]],true,{"a":7}])") << 1;
    QTest::newRow("wide records reordered")
        << QByteArray(R"([{"k1":1,"k2":2,"k3":3,"k4":4,"k5":5,"k6":6,"k7":7,"k8":8,"k9":9,"k10":10},)"
                      R"({"k10":10,"k9":9,"k8":8,"k7":7,"k6":6,"k5":5,"k4":4,"k3":3,"k2":2,"k1":1},)"
                      R"({"k5":5,"k1":1,"k9":9,"k3":3,"k7":7,"k2":2,"k10":10,"k4":4,"k8":8,"k6":6},)"
                      R"({"n1":1,"n2":2,"n3":3,"n4":4,"n5":5,"n6":6,"n7":7,"n8":8,"n9":9,"n10":10,"n11":11,"n12":12,"n13":13},)"
                      R"({"k1":1,"k2":2,"k3":3,"k4":4,"k5":5,"k6":6,"k7":7,"k8":8,"k9":9,"k10":10},{"k1":"one"}])") << 0;
    QTest::newRow("empty records") << QByteArray(R"([{},{},{"a":1},{}])") << 1;
    QTest::newRow("generated") << QByteArray::fromStdString(RecordGenerator().file(3000)) << 0;
    // Some megabytes: the parser thread runs several chunks ahead and waits for the records.
    QTest::newRow("generated, many chunks") << QByteArray::fromStdString(RecordGenerator().file(60000)) << 0;
}

void TestDocument::streamedRecordsMatchTheParsedFile()
{
    QFETCH(QByteArray, text);
    QTemporaryDir dir;
    const QString path = writeFile(dir, text);
    QVERIFY(!path.isEmpty());

    QStringList expected;
    collectRecords(Json::parse(text.toStdString()), std::string(), &expected);
    QStringList streamed;
    // sameKeys: only when the record has the previous record's keys in the same order.
    std::vector<std::string> keys, previousKeys;
    std::size_t sameKeys = 0;
    const StreamResult r = streamRecords(path, 64, [&](const StreamedRecord &record) {
        streamed << describeRecord(record.value, record.pointer);
        keys.clear();
        for (auto it = record.value.begin(); it != record.value.end(); ++it)
            keys.push_back(it.key());
        if (record.sameKeys) {
            QVERIFY2(streamed.size() > 1 && keys == previousKeys, qPrintable(streamed.back()));
            ++sameKeys;
        }
        previousKeys = keys;
    });
    QVERIFY(!r.error);
    QCOMPARE(r.records, std::size_t(expected.size()));
    QCOMPARE(streamed, expected);
    QFETCH(int, minSameKeys);
    QVERIFY2(sameKeys >= std::size_t(minSameKeys), qPrintable(QString::number(sameKeys)));
}

QTEST_APPLESS_MAIN(TestDocument)
#include "tst_document.moc"
