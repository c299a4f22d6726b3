#include "decode/decoder.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QString>
#include <QStringList>
#include <QtTest>

#include <algorithm>
#include <cstddef>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

using paytriage::decode;
using paytriage::groupRepairs;
using paytriage::isCosmetic;
using paytriage::RepairGroup;
using paytriage::DecodeError;
using paytriage::DecodeOptions;
using paytriage::DecodeResult;
using paytriage::Json;
using paytriage::RepairKind;
using paytriage::TextPosition;

Q_DECLARE_METATYPE(paytriage::DecodeError::Kind)

namespace {

// Keeps embedded NUL bytes, which a plain const char * constructor would stop at.
template <std::size_t N>
QByteArray bytes(const char (&literal)[N])
{
    return QByteArray(literal, static_cast<qsizetype>(N - 1));
}

std::string toStd(const QByteArray &data)
{
    return std::string(data.constData(), static_cast<std::size_t>(data.size()));
}

const char *kindName(RepairKind kind)
{
    switch (kind) {
    case RepairKind::ByteOrderMark:
        return "ByteOrderMark";
    case RepairKind::SurroundingText:
        return "SurroundingText";
    case RepairKind::UnquotedKey:
        return "UnquotedKey";
    case RepairKind::SingleQuotedString:
        return "SingleQuotedString";
    case RepairKind::CurlyQuotes:
        return "CurlyQuotes";
    case RepairKind::TrailingComma:
        return "TrailingComma";
    case RepairKind::Comment:
        return "Comment";
    case RepairKind::MultipleDocuments:
        return "MultipleDocuments";
    case RepairKind::JavaScriptLiteral:
        return "JavaScriptLiteral";
    case RepairKind::NumberOutOfRange:
        return "NumberOutOfRange";
    case RepairKind::MissingComma:
        return "MissingComma";
    case RepairKind::TruncatedText:
        return "TruncatedText";
    case RepairKind::Elision:
        return "Elision";
    case RepairKind::ToStringForm:
        return "ToStringForm";
    case RepairKind::CommentedOut:
        return "CommentedOut";
    case RepairKind::EscapedJson:
        return "EscapedJson";
    }
    return "?";
}

// The distinct repair kinds of a result, sorted and comma-joined: "SingleQuotedString,UnquotedKey".
QByteArray repairKinds(const DecodeResult &result)
{
    QList<QByteArray> names;
    for (const auto &repair : result.repairs) {
        const QByteArray name = kindName(repair.kind);
        if (!names.contains(name))
            names.append(name);
    }
    std::sort(names.begin(), names.end());
    return names.join(',');
}

qsizetype countRepairs(const DecodeResult &result, RepairKind kind)
{
    return std::count_if(result.repairs.begin(), result.repairs.end(),
                         [kind](const auto &repair) { return repair.kind == kind; });
}

// Every document as compact JSON, one per line; ordered_json keeps the field order.
QByteArray dumps(const DecodeResult &result)
{
    QByteArray out;
    for (const auto &document : result.documents) {
        if (!out.isEmpty())
            out += '\n';
        out += QByteArray::fromStdString(document.value.dump());
    }
    return out;
}

std::string readFixture(const char *name)
{
    const std::string path = std::string(PAYTRIAGE_TEST_DATA) + "/decode/" + name;
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::string slice(const DecodeResult &result, paytriage::ByteRange range)
{
    return result.text.substr(range.begin, range.size());
}

// Round-tripping through QString replaces malformed bytes, so equality proves valid UTF-8.
bool isValidUtf8(const std::string &s)
{
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size())).toUtf8() == QByteArray::fromStdString(s);
}

DecodeOptions strictOptions()
{
    DecodeOptions options;
    options.lenient = false;
    return options;
}

QByteArray describeError(const DecodeResult &result)
{
    if (result.ok())
        return "no error";
    return result.error->message().toString().toUtf8();
}

std::vector<std::string> keysOf(const Json &object)
{
    std::vector<std::string> keys;
    for (const auto &item : object.items())
        keys.push_back(item.key());
    return keys;
}

} // namespace

class TestDecoder final : public QObject
{
    Q_OBJECT

private slots:
    void repairsGroupByKind_data();
    void repairsGroupByKind();
    void strictValid_data();
    void strictValid();
    void keyOrderIsPreserved();
    void stringEscapes();
    void numberTypes_data();
    void numberTypes();
    void thirtyDigitInteger();
    void sourceMap_data();
    void sourceMap();
    void sourceMapAt_data();
    void sourceMapAt();
    void sourceMapAcrossDocuments();
    void sourceMapIndexAgreesWithAScan_data();
    void sourceMapIndexAgreesWithAScan();
    void sourceMapCanBeSkipped();
    void sourceMapOfRecordsOnly_data();
    void sourceMapOfRecordsOnly();
    void duplicateKeysKeepTheLastValue();
    void lenient_data();
    void lenient();
    void consoleLogPaste();
    void curlyQuotedWebhook();
    void koreanTicketWithCurlyQuotes();
    void truncatedPaste();
    void lenientSuccessHidesStrictError();
    void elisions_data();
    void elisions();
    void elisionOfAWholeValue();
    void brokenDocumentIsSkippedOthersKept();
    void toStringForms_data();
    void toStringForms();
    void toStringFormSourceMap();
    void commentedOutJson_data();
    void commentedOutJson();
    void escapedJsonInALogLine();
    void errors_data();
    void errors();
    void invalidUtf8_data();
    void invalidUtf8();
    void nulByte_data();
    void nulByte();
    void excerptsShowNoControlCharacter();
    void tooDeep_data();
    void tooDeep();
    void maxDepthOption();
    void tooLarge();
    void byteOrderMark();
    void errorExcerptIsOneValidLine();
    void positionOf_data();
    void positionOf();
    void messagesAreComplete();
    void randomGarbage_data();
    void randomGarbage();
};

void TestDecoder::repairsGroupByKind_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("groups");  // kind×count, what changed data first
    // Three unquoted keys and two single-quoted strings are cosmetic; undefined read as null
    // changed a value, so it leads although it came last.
    QTest::newRow("console.log object") << QByteArray("{a: 'x', b: 'y', c: undefined}")
                                        << QByteArray("JavaScriptLiteral×1,UnquotedKey×3,SingleQuotedString×2");
    QTest::newRow("one kind") << QByteArray("{\"a\": 1, \"b\": 2,}") << QByteArray("TrailingComma×1");
    QTest::newRow("strict JSON") << QByteArray("{\"a\": 1}") << QByteArray();
}

void TestDecoder::repairsGroupByKind()
{
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, groups);
    const DecodeResult result = decode(text.toStdString());
    QList<QByteArray> got;
    for (const RepairGroup &g : groupRepairs(result.repairs)) {
        got << QByteArray(kindName(g.kind)) + "\xC3\x97" + QByteArray::number(qulonglong(g.count));
        QCOMPARE(result.repairs[g.first].kind, g.kind);
        QVERIFY(!g.name().toString().isEmpty());
    }
    QCOMPARE(got.join(','), groups);
    QVERIFY(!isCosmetic(RepairKind::TruncatedText));
    QVERIFY(isCosmetic(RepairKind::CurlyQuotes));
}

void TestDecoder::strictValid_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("object keeps its field order")
        << bytes(R"({"status":"DONE","amount":1000,"orderId":"a-1"})")
        << bytes(R"({"status":"DONE","amount":1000,"orderId":"a-1"})");
    QTest::newRow("nested card and cancels")
        << bytes(R"({"card": {"number": "1234****"}, "cancels": [{"cancelAmount": 1000}]})")
        << bytes(R"({"card":{"number":"1234****"},"cancels":[{"cancelAmount":1000}]})");
    QTest::newRow("string at top level") << bytes(R"("DONE")") << bytes(R"("DONE")");
    QTest::newRow("number at top level") << bytes("-12.5e3") << bytes("-12500.0");
    QTest::newRow("true, false and null") << bytes("[true,false,null]") << bytes("[true,false,null]");
    QTest::newRow("empty object and empty array") << bytes(R"({"a":{},"b":[]})") << bytes(R"({"a":{},"b":[]})");
    QTest::newRow("white space around the value") << bytes(" \n\t{\"a\" : 1 }\r\n  ") << bytes(R"({"a":1})");
    QTest::newRow("CRLF line endings are white space")
        << bytes("{\r\n  \"a\": 1,\r\n  \"b\": [\r\n    2\r\n  ]\r\n}\r\n") << bytes(R"({"a":1,"b":[2]})");
    QTest::newRow("Korean text in keys and values")
        << bytes(R"({"결제수단":"카드","orderName":"토스 티셔츠 외 2건"})")
        << bytes(R"({"결제수단":"카드","orderName":"토스 티셔츠 외 2건"})");
    QTest::newRow("curly quotes inside a normal string are content")
        << bytes(R"({"reason":"“취소” 요청"})") << bytes(R"({"reason":"“취소” 요청"})");
    QTest::newRow("negative zero and exponents") << bytes("[-0, 1E2, 2e-1]") << bytes("[0,100.0,0.2]");
}

void TestDecoder::strictValid()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);

    for (const bool lenient : {false, true}) {
        DecodeOptions options;
        options.lenient = lenient;
        const DecodeResult result = decode(toStd(input), options);
        QVERIFY2(result.ok(), describeError(result).constData());
        QCOMPARE(result.documents.size(), std::size_t(1));
        QVERIFY(result.repairs.empty());
        QCOMPARE(dumps(result), expected);
        QCOMPARE(result.text, toStd(input));
        // The document range is the value itself, without the white space around it.
        const std::string literal = slice(result, result.documents.front().range);
        QVERIFY(!literal.empty());
        QVERIFY(literal.front() != ' ' && literal.front() != '\n');
        QVERIFY(literal.back() != ' ' && literal.back() != '\n');
    }
}

void TestDecoder::keyOrderIsPreserved()
{
    const DecodeResult result = decode(readFixture("payment.json"), strictOptions());
    QVERIFY2(result.ok(), describeError(result).constData());
    const Json &payment = result.documents.front().value;
    const std::vector<std::string> expectedRoot = {
        "mId",      "lastTransactionKey", "paymentKey", "orderId",     "orderName",     "status",
        "requestedAt", "approvedAt",      "card",       "cancels",     "metadata",      "totalAmount",
        "balanceAmount", "vat",           "currency",   "method"};
    QCOMPARE(keysOf(payment), expectedRoot);
    const std::vector<std::string> expectedCard = {"issuerCode",     "acquirerCode", "number",
                                                   "installmentPlanMonths", "isInterestFree",
                                                   "approveNo",      "cardType",     "ownerType",
                                                   "acquireStatus"};
    QCOMPARE(keysOf(payment["card"]), expectedCard);
}

void TestDecoder::stringEscapes()
{
    const DecodeResult result = decode(R"(["\"\\\/\b\f\n\r\t", "\u00e9\uD83D\uDE00", "a\u0000b"])", strictOptions());
    QVERIFY2(result.ok(), describeError(result).constData());
    const Json &array = result.documents.front().value;
    QCOMPARE(array[0].get<std::string>(), std::string("\"\\/\b\f\n\r\t"));
    QCOMPARE(array[1].get<std::string>(), std::string("\xC3\xA9\xF0\x9F\x98\x80"));
    // An escaped NUL is valid JSON (only a raw NUL byte in the text is refused).
    QCOMPARE(array[2].get<std::string>(), std::string("a\0b", 3));
}

void TestDecoder::numberTypes_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("type");
    QTest::addColumn<bool>("outOfRange");

    QTest::newRow("small positive integer") << bytes("42") << bytes("integer") << false;
    QTest::newRow("largest int64") << bytes("9223372036854775807") << bytes("integer") << false;
    QTest::newRow("one above int64 is unsigned") << bytes("9223372036854775808") << bytes("unsigned") << false;
    QTest::newRow("largest uint64") << bytes("18446744073709551615") << bytes("unsigned") << false;
    QTest::newRow("smallest int64") << bytes("-9223372036854775808") << bytes("integer") << false;
    QTest::newRow("one above uint64") << bytes("18446744073709551616") << bytes("float") << true;
    QTest::newRow("one below int64") << bytes("-9223372036854775809") << bytes("float") << true;
    QTest::newRow("decimal fraction") << bytes("0.1") << bytes("float") << false;
    QTest::newRow("integer with exponent is a float") << bytes("1e2") << bytes("float") << false;
}

void TestDecoder::numberTypes()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, type);
    QFETCH(bool, outOfRange);

    // Out-of-range integers are a repair even in strict mode, which still succeeds.
    const DecodeResult result = decode(toStd(input), strictOptions());
    QVERIFY2(result.ok(), describeError(result).constData());
    const Json &value = result.documents.front().value;
    if (type == "integer")
        QCOMPARE(value.type(), Json::value_t::number_integer);
    else if (type == "unsigned")
        QCOMPARE(value.type(), Json::value_t::number_unsigned);
    else
        QCOMPARE(value.type(), Json::value_t::number_float);
    QCOMPARE(countRepairs(result, RepairKind::NumberOutOfRange), qsizetype(outOfRange ? 1 : 0));
    QCOMPARE(result.repairs.size(), std::size_t(outOfRange ? 1 : 0));

    if (input == "9223372036854775808")
        QCOMPARE(value.get<std::uint64_t>(), std::uint64_t(9223372036854775808ULL));
    if (input == "-9223372036854775808")
        QCOMPARE(value.get<std::int64_t>(), std::numeric_limits<std::int64_t>::min());
    if (input == "0.1")
        QCOMPARE(value.get<double>(), 0.1); // full double precision, bit for bit
}

void TestDecoder::thirtyDigitInteger()
{
    const std::string text = R"({"amount": 123456789012345678901234567890, "currency": "KRW"})";
    const DecodeResult result = decode(text, strictOptions());
    QVERIFY2(result.ok(), describeError(result).constData());
    const Json &amount = result.documents.front().value["amount"];
    QVERIFY(amount.is_number_float());
    QVERIFY(qAbs(amount.get<double>() / 1.2345678901234568e29 - 1.0) < 1e-15);
    QCOMPARE(result.repairs.size(), std::size_t(1));
    const auto &repair = result.repairs.front();
    QCOMPARE(repair.kind, RepairKind::NumberOutOfRange);
    // `{"amount": ` is 11 bytes, so the number starts at offset 11, column 12.
    QCOMPARE(repair.offset, std::size_t(11));
    QCOMPARE(repair.position, (TextPosition{1, 12}));
    QCOMPARE(repair.excerpt, std::string("123456789012345678901234567890"));
}

void TestDecoder::sourceMap_data()
{
    QTest::addColumn<QByteArray>("pointer");
    QTest::addColumn<QByteArray>("literal");

    QTest::newRow("card number") << bytes("/card/number") << bytes(R"("12345678****000*")");
    QTest::newRow("flag inside card") << bytes("/card/isInterestFree") << bytes("false");
    QTest::newRow("amount of the first cancel") << bytes("/cancels/0/cancelAmount") << bytes("1000");
    QTest::newRow("status of the first cancel") << bytes("/cancels/0/cancelStatus") << bytes(R"("DONE")");
    QTest::newRow("Korean order name") << bytes("/orderName") << bytes(R"("토스 티셔츠 외 2건")");
    QTest::newRow("slash in a key is ~1") << bytes("/metadata/a~1b") << bytes(R"("slash")");
    QTest::newRow("tilde in a key is ~0") << bytes("/metadata/m~0n") << bytes(R"("tilde")");
    QTest::newRow("empty key") << bytes("/metadata/") << bytes(R"("empty key")");
    QTest::newRow("last member") << bytes("/method") << bytes(R"("카드")");
}

void TestDecoder::sourceMap()
{
    QFETCH(QByteArray, pointer);
    QFETCH(QByteArray, literal);

    const DecodeResult result = decode(readFixture("payment.json"));
    QVERIFY2(result.ok(), describeError(result).constData());
    const auto range = result.sourceMap.find(0, toStd(pointer));
    QVERIFY(range.has_value());
    QCOMPARE(QByteArray::fromStdString(slice(result, *range)), literal);

    // The root covers the whole object; containers span their brackets.
    const auto root = result.sourceMap.find(0, "");
    QVERIFY(root.has_value());
    QCOMPARE(*root, result.documents.front().range);
    QCOMPARE(slice(result, *root), result.text.substr(0, result.text.size() - 1)); // minus final newline
    const std::string cancels = slice(result, *result.sourceMap.find(0, "/cancels"));
    QVERIFY(cancels.front() == '[' && cancels.back() == ']');
    QVERIFY(!result.sourceMap.find(0, "/nope").has_value());
    QVERIFY(!result.sourceMap.find(1, "").has_value());
}

void TestDecoder::sourceMapAt_data()
{
    QTest::addColumn<QByteArray>("needle");
    QTest::addColumn<int>("offsetInNeedle");
    QTest::addColumn<QByteArray>("pointer");

    QTest::newRow("click inside the card number") << bytes(R"("12345678****000*")") << 3 << bytes("/card/number");
    QTest::newRow("click on the cancel amount") << bytes("1000,") << 1 << bytes("/cancels/0/cancelAmount");
    QTest::newRow("click on a key selects its object") << bytes(R"("issuerCode")") << 2 << bytes("/card");
    QTest::newRow("click between members selects the root") << bytes("{\n  \"mId\"") << 1 << bytes("");
    QTest::newRow("click on the bracket of cancels") << bytes("\"cancels\": [") << 11 << bytes("/cancels");
}

void TestDecoder::sourceMapAt()
{
    QFETCH(QByteArray, needle);
    QFETCH(int, offsetInNeedle);
    QFETCH(QByteArray, pointer);

    const DecodeResult result = decode(readFixture("payment.json"));
    QVERIFY2(result.ok(), describeError(result).constData());
    const std::size_t found = result.text.find(toStd(needle));
    QVERIFY(found != std::string::npos);
    QCOMPARE(result.text.rfind(toStd(needle)), found); // the needle is unambiguous
    const auto hit = result.sourceMap.at(found + static_cast<std::size_t>(offsetInNeedle));
    QVERIFY(hit.has_value());
    QCOMPARE(hit->first, std::size_t(0));
    QCOMPARE(QByteArray::fromStdString(hit->second), pointer);
}

void TestDecoder::sourceMapIndexAgreesWithAScan_data()
{
    QTest::addColumn<QByteArray>("text");
    const auto add = [](const QString &name, const QString &path) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            qFatal("missing %s", qPrintable(path));
        const QByteArray text = file.readAll();
        QTest::newRow(qPrintable(name)) << text;
        // The same text cut at a third and at two thirds: what truncation recovery keeps and drops
        // must leave no entry behind that the index would disagree on.
        QTest::newRow(qPrintable(name + QStringLiteral(", cut at a third"))) << text.left(text.size() / 3);
        QTest::newRow(qPrintable(name + QStringLiteral(", cut at two thirds"))) << text.left(text.size() * 2 / 3);
    };
    for (const char *sample : {"seed000-confirm-in-progress.json", "seed001-vbank-console-log.txt",
                               "seed002-iap-payment-completed.txt", "seed004-settlement-paste.txt"})
        add(QLatin1String(sample), QStringLiteral(PAYTRIAGE_SAMPLES "/") + QLatin1String(sample));
    add(QStringLiteral("truncated_paste.txt"), QStringLiteral(PAYTRIAGE_TEST_DATA "/decode/truncated_paste.txt"));
    const QDir shapes(QStringLiteral(PAYTRIAGE_TEST_DATA "/real-shapes"));
    for (const QString &name : shapes.entryList(QDir::Files))
        if (name != QLatin1String("expected.json"))
            add(name, shapes.filePath(name));
}

void TestDecoder::sourceMapIndexAgreesWithAScan()
{
    QFETCH(QByteArray, text);
    const paytriage::DecodeResult result = paytriage::decode(toStd(text));
    if (!result.ok())
        return;  // a cut that leaves nothing complete: no map to check
    paytriage::SourceMap scanned = result.sourceMap;
    // Adding drops the index; an empty range holds no offset, so the probe never answers.
    scanned.add(0, "/probe-that-holds-nothing", paytriage::ByteRange{0, 0});
    for (std::size_t offset = 0; offset <= result.text.size(); ++offset)
        QCOMPARE(result.sourceMap.at(offset), scanned.at(offset));
    // Every entry lies inside its document's range and inside its parent's.
    for (std::size_t d = 0; d < result.documents.size(); ++d) {
        const auto root = result.sourceMap.find(d, "");
        QVERIFY(root.has_value());
    }
}

void TestDecoder::sourceMapAcrossDocuments()
{
    const DecodeResult result = decode(readFixture("console_log_two_payments.txt"));
    QVERIFY2(result.ok(), describeError(result).constData());
    QCOMPARE(result.documents.size(), std::size_t(2));
    QCOMPARE(slice(result, *result.sourceMap.find(0, "/amount")), std::string("0"));
    QCOMPARE(slice(result, *result.sourceMap.find(1, "/amount")), std::string("22400"));
    QCOMPARE(slice(result, *result.sourceMap.find(1, "/status")), std::string("'CANCELED'"));

    const std::size_t cancelled = result.text.find("'CANCELED'");
    const auto hit = result.sourceMap.at(cancelled + 2);
    QVERIFY(hit.has_value());
    QCOMPARE(hit->first, std::size_t(1));
    QCOMPARE(hit->second, std::string("/status"));
    // The comma between the documents belongs to neither.
    QVERIFY(!result.sourceMap.at(result.documents[0].range.end).has_value());
    QCOMPARE(result.sourceMap.size(), std::size_t(11 + 4)); // root + 10 members, root + 3 members

    // Prose around an embedded document is outside the map too.
    const DecodeResult ticket = decode(readFixture("ticket_curly_quotes.txt"));
    QVERIFY2(ticket.ok(), describeError(ticket).constData());
    QVERIFY(!ticket.sourceMap.at(0).has_value());
    QCOMPARE(slice(ticket, *ticket.sourceMap.find(0, "/reason")), std::string("“결제가 완료되었어요.”"));
}

void TestDecoder::sourceMapOfRecordsOnly_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("asked");
    QTest::addColumn<QByteArray>("nearest");
    QTest::addColumn<QByteArray>("literal");
    const QByteArray dump = R"([{"paymentKey":"a","amount":100},{"paymentKey":"b","amount":200,"card":{"number":"4330"}}])";
    const QByteArray list = R"({"version":"2022-11-16","data":[{"amount":1},{"amount":-1}]})";
    const QByteArray console = "{ data: [ { amount: 1 }, { amount: -1 } ] }";  // console.log's form, read leniently
    QTest::newRow("dump: a field finds its record") << dump << bytes("/1/amount") << bytes("/1") << bytes(R"({"paymentKey":"b","amount":200,"card":{"number":"4330"}})");
    QTest::newRow("dump: deeper still") << dump << bytes("/1/card/number") << bytes("/1") << bytes(R"({"paymentKey":"b","amount":200,"card":{"number":"4330"}})");
    QTest::newRow("dump: the record itself") << dump << bytes("/0") << bytes("/0") << bytes(R"({"paymentKey":"a","amount":100})");
    QTest::newRow("list answer: a record's field") << list << bytes("/data/1/amount") << bytes("/data/1") << bytes(R"({"amount":-1})");
    QTest::newRow("list answer: a top field is mapped") << list << bytes("/version") << bytes("/version") << bytes(R"("2022-11-16")");
    QTest::newRow("console.log form") << console << bytes("/data/0/amount") << bytes("/data/0") << bytes("{ amount: 1 }");
    QTest::newRow("not there at all: the document") << dump << bytes("/7/amount") << bytes("") << dump;
}

void TestDecoder::sourceMapOfRecordsOnly()
{
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, asked);
    QFETCH(QByteArray, nearest);
    QFETCH(QByteArray, literal);
    DecodeOptions options;
    options.sourceMapScope = DecodeOptions::MapScope::Records;
    const DecodeResult result = decode(toStd(text), options);
    QVERIFY2(result.ok(), describeError(result).constData());
    // Nothing inside a record is mapped …
    QVERIFY(!result.sourceMap.find(0, "/1/card/number").has_value());
    QVERIFY(!result.sourceMap.find(0, "/1/amount").has_value());
    QVERIFY(!result.sourceMap.find(0, "/data/0/amount").has_value());
    // … and a pointer below it finds the record that holds it.
    const auto found = result.sourceMap.nearestMapped(0, toStd(asked));
    QVERIFY(found.has_value());
    QCOMPARE(QByteArray::fromStdString(*found), nearest);
    QCOMPARE(QByteArray::fromStdString(slice(result, *result.sourceMap.find(0, *found))), literal);
    QVERIFY(!result.sourceMap.nearestMapped(1, toStd(asked)).has_value());
    // Without the limit every value is mapped, so the nearest is the pointer itself.
    const DecodeResult full = decode(toStd(text));
    if (full.sourceMap.find(0, toStd(asked)))
        QCOMPARE(QByteArray::fromStdString(*full.sourceMap.nearestMapped(0, toStd(asked))), asked);
}

void TestDecoder::sourceMapCanBeSkipped()
{
    DecodeOptions options;
    options.buildSourceMap = false;
    const DecodeResult result = decode(readFixture("payment.json"), options);
    QVERIFY2(result.ok(), describeError(result).constData());
    QCOMPARE(result.sourceMap.size(), std::size_t(0));
    QVERIFY(!result.sourceMap.at(10).has_value());
    QCOMPARE(result.documents.front().value["card"]["number"].get<std::string>(), std::string("12345678****000*"));
}

void TestDecoder::duplicateKeysKeepTheLastValue()
{
    const DecodeResult result = decode(R"({"a": {"x": 1}, "b": 2, "a": 3})", strictOptions());
    QVERIFY2(result.ok(), describeError(result).constData());
    // First position, last value, as nlohmann's own parser does.
    QCOMPARE(dumps(result), bytes(R"({"a":3,"b":2})"));
    QCOMPARE(slice(result, *result.sourceMap.find(0, "/a")), std::string("3"));
    QVERIFY(!result.sourceMap.find(0, "/a/x").has_value());

    // Past the size where the decoder switches to a hash index for keys.
    std::string big = "{";
    for (int i = 0; i < 100; ++i)
        big += "\"k" + std::to_string(i) + "\": " + std::to_string(i) + ", ";
    big += "\"k7\": \"last\"}";
    const DecodeResult bigResult = decode(big, strictOptions());
    QVERIFY2(bigResult.ok(), describeError(bigResult).constData());
    const Json &object = bigResult.documents.front().value;
    QCOMPARE(object.size(), std::size_t(100));
    QCOMPARE(object["k7"].get<std::string>(), std::string("last"));
    QCOMPARE(keysOf(object)[7], std::string("k7"));
}

void TestDecoder::lenient_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");
    QTest::addColumn<QByteArray>("kinds");

    QTest::newRow("unquoted keys with $, _ and digits")
        << bytes(R"({ mId: "x", $ref: 1, _id2: 2 })") << bytes(R"({"mId":"x","$ref":1,"_id2":2})")
        << bytes("UnquotedKey");
    QTest::newRow("single-quoted strings with an escaped quote")
        << bytes(R"({"a": 'it\'s', "b": 'say "hi"'})") << bytes(R"({"a":"it's","b":"say \"hi\""})")
        << bytes("SingleQuotedString");
    QTest::newRow("trailing comma in an object")
        << bytes("{\"a\": 1,\n}") << bytes(R"({"a":1})") << bytes("TrailingComma");
    QTest::newRow("trailing comma in an array") << bytes("[1, 2, ]") << bytes("[1,2]") << bytes("TrailingComma");
    QTest::newRow("curly double quotes as delimiters")
        << bytes("{“status”: “DONE”}") << bytes(R"({"status":"DONE"})") << bytes("CurlyQuotes");
    QTest::newRow("curly single quotes as delimiters")
        << bytes("{‘status’: ‘DONE’}") << bytes(R"({"status":"DONE"})") << bytes("CurlyQuotes");
    QTest::newRow("line comments")
        << bytes("// 응답 본문\n{\"a\": 1 // 금액\n}") << bytes(R"({"a":1})") << bytes("Comment");
    QTest::newRow("block comments")
        << bytes("{/* id */ \"a\": [1, /* two */ 2]}") << bytes(R"({"a":[1,2]})") << bytes("Comment");
    QTest::newRow("documents separated by a comma")
        << bytes(R"({"a":1},{"b":2})") << bytes("{\"a\":1}\n{\"b\":2}") << bytes("MultipleDocuments");
    QTest::newRow("documents separated by blank lines")
        << bytes("{\"a\":1}\n\n\n[2, 3]") << bytes("{\"a\":1}\n[2,3]") << bytes("MultipleDocuments");
    QTest::newRow("prose before and after the JSON")
        << bytes("요청 본문입니다:\n{\"a\": 1}\n감사합니다") << bytes(R"({"a":1})") << bytes("SurroundingText");
    QTest::newRow("prose between two documents")
        << bytes("요청: {\"a\": 1} 응답: {\"b\": 2}") << bytes("{\"a\":1}\n{\"b\":2}")
        << bytes("MultipleDocuments,SurroundingText");
    QTest::newRow("brackets in prose that start no value are skipped")
        << bytes("[긴급] 결제 {오류} 문의 드립니다 {\"code\": \"REJECT_CARD_COMPANY\"}")
        << bytes(R"({"code":"REJECT_CARD_COMPANY"})") << bytes("SurroundingText");
    QTest::newRow("undefined, NaN and Infinity become null")
        << bytes("{ a: undefined, b: NaN, c: Infinity, d: -Infinity }")
        << bytes(R"({"a":null,"b":null,"c":null,"d":null})") << bytes("JavaScriptLiteral,UnquotedKey");
    QTest::newRow("missing comma between members")
        << bytes("{\"a\": 1\n \"b\": 2}") << bytes(R"({"a":1,"b":2})") << bytes("MissingComma");
    QTest::newRow("missing comma between elements")
        << bytes("[{\"a\": 1}\n{\"b\": 2}]") << bytes(R"([{"a":1},{"b":2}])") << bytes("MissingComma");
    QTest::newRow("paste cut off with an ellipsis")
        << bytes("[{\"a\": 1}, {\"b\": 2}, …") << bytes(R"([{"a":1},{"b":2}])") << bytes("TruncatedText");
    QTest::newRow("paste cut off with 이하생략")
        << bytes("[{\"a\": 1}, {\"b\": [1, 2]},\n이하생략") << bytes(R"([{"a":1},{"b":[1,2]}])") << bytes("TruncatedText");
    // A record cut inside a string is dropped whole; the complete records before it stay.
    QTest::newRow("text ends inside a string")
        << bytes(R"([{"a": "x"}, {"b": "unterminat)") << bytes(R"([{"a":"x"}])") << bytes("TruncatedText");
    QTest::newRow("a number at the very end may be cut and is left out")
        << bytes("[1, 22") << bytes("[1]") << bytes("TruncatedText");
    QTest::newRow("Node placeholder in prose is no document")
        << bytes("결과: [Object] 본문 {\"a\": 1}") << bytes(R"({"a":1})") << bytes("SurroundingText");
    // console.log's depth limit: the values are unknown, left out like any elision.
    QTest::newRow("Node placeholders for deep values")
        << bytes("{ card: [Object], cancels: [Array], status: 'DONE' }") << bytes(R"({"status":"DONE"})")
        << bytes("Elision,SingleQuotedString,UnquotedKey");
    QTest::newRow("a cut inside a string at the end of a line")
        << bytes("[{\"a\": 1}, {\"url\": \"https://dashboard.tosspayments.com/rece\n  \n")
        << bytes(R"([{"a":1}])") << bytes("TruncatedText");
    QTest::newRow("Node summary of a long array") << bytes("[ 1, 2, ... 98 more items ]") << bytes("[1,2]")
                                                   << bytes("Elision");
    QTest::newRow("lone scalar in single quotes")
        << bytes("'DONE'") << bytes(R"("DONE")") << bytes("SingleQuotedString");
    QTest::newRow("trailing comma after the last document")
        << bytes(R"({"a":1},)") << bytes(R"({"a":1})") << bytes("TrailingComma");
    QTest::newRow("comma before the first document is skipped text")
        << bytes(R"(, {"a":1})") << bytes(R"({"a":1})") << bytes("SurroundingText");
    QTest::newRow("JavaScript escapes in single quotes")
        << bytes(R"(['\x41\'\v'])") << bytes("[\"A'\\u000b\"]") << bytes("SingleQuotedString");
}

void TestDecoder::lenient()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    QFETCH(QByteArray, kinds);

    const DecodeResult result = decode(toStd(input));
    QVERIFY2(result.ok(), describeError(result).constData());
    QCOMPARE(dumps(result), expected);
    QCOMPARE(repairKinds(result), kinds);
    for (const auto &repair : result.repairs) {
        QVERIFY(repair.offset <= result.text.size());
        QVERIFY(isValidUtf8(repair.excerpt));
        QVERIFY(!repair.description().toString().isEmpty());
    }
    // Repairs are listed in text order.
    QVERIFY(std::is_sorted(result.repairs.begin(), result.repairs.end(),
                           [](const auto &a, const auto &b) { return a.offset < b.offset; }));

    // None of these is strict JSON.
    const DecodeResult strict = decode(toStd(input), strictOptions());
    QVERIFY(!strict.ok());
    QVERIFY(strict.documents.empty());
}

void TestDecoder::consoleLogPaste()
{
    const DecodeResult result = decode(readFixture("console_log_two_payments.txt"));
    QVERIFY2(result.ok(), describeError(result).constData());
    QCOMPARE(result.documents.size(), std::size_t(2));
    const Json &first = result.documents[0].value;
    const Json &second = result.documents[1].value;
    const std::vector<std::string> expectedKeys = {"mId",        "transactionKey", "paymentKey",
                                                   "method",     "customerKey",    "useEscrow",
                                                   "status",     "transactionAt",  "currency",
                                                   "amount"};
    QCOMPARE(keysOf(first), expectedKeys);
    QCOMPARE(first["method"].get<std::string>(), std::string("가상계좌"));
    QCOMPARE(first["useEscrow"].get<bool>(), false);
    QCOMPARE(first["amount"].get<std::int64_t>(), std::int64_t(0));
    QCOMPARE(QByteArray::fromStdString(second.dump()),
             bytes(R"({"mId":"estagehwpp","status":"CANCELED","amount":22400})"));

    QCOMPARE(repairKinds(result), bytes("MultipleDocuments,SingleQuotedString,TrailingComma,UnquotedKey"));
    QCOMPARE(countRepairs(result, RepairKind::UnquotedKey), qsizetype(10 + 3));
    QCOMPARE(countRepairs(result, RepairKind::SingleQuotedString), qsizetype(8 + 2));
    const auto trailing = std::find_if(result.repairs.begin(), result.repairs.end(),
                                       [](const auto &r) { return r.kind == RepairKind::TrailingComma; });
    // The last line is "}," so the dangling comma is at line 17, column 2.
    QCOMPARE(trailing->position, (TextPosition{17, 2}));
    const auto secondStart = std::find_if(result.repairs.begin(), result.repairs.end(),
                                         [](const auto &r) { return r.kind == RepairKind::MultipleDocuments; });
    QCOMPARE(secondStart->position, (TextPosition{13, 1}));

    // Strict mode stops at the first unquoted key: line 2, column 1.
    const DecodeResult strict = decode(readFixture("console_log_two_payments.txt"), strictOptions());
    QVERIFY(!strict.ok());
    QCOMPARE(strict.error->kind, DecodeError::Kind::Syntax);
    QCOMPARE(strict.error->position, (TextPosition{2, 1}));
    QCOMPARE(strict.error->expected, std::string("a key in double quotes or }"));
}

void TestDecoder::curlyQuotedWebhook()
{
    const std::string text =
        "{“orderId”:“20e47c63-47e5-4972-a74c-9804fd584648”,“status”:“PAYMENT_COMPLETED”,"
        "“statusDeterminedAt”:“2025-09-25T16:30:26”,“reason”:“결제가 완료되었어요.”}";
    const DecodeResult result = decode(text);
    QVERIFY2(result.ok(), describeError(result).constData());
    QCOMPARE(repairKinds(result), bytes("CurlyQuotes"));
    QCOMPARE(countRepairs(result, RepairKind::CurlyQuotes), qsizetype(8)); // four keys, four values
    const Json &value = result.documents.front().value;
    QCOMPARE(value["reason"].get<std::string>(), std::string("결제가 완료되었어요."));
    QCOMPARE(value["orderId"].get<std::string>(), std::string("20e47c63-47e5-4972-a74c-9804fd584648"));
    QCOMPARE(keysOf(value), (std::vector<std::string>{"orderId", "status", "statusDeterminedAt", "reason"}));
    // The fourth repair is the value “PAYMENT_COMPLETED”; `{“orderId”:“20e47c63-…”,“status”:` is
    // 1 + 9 + 1 + 38 + 1 + 8 + 1 = 59 code points, so it starts at column 60.
    QCOMPARE(result.repairs[3].position, (TextPosition{1, 60}));
    QCOMPARE(result.repairs[3].excerpt, std::string("“PAYMENT_COMPLETED”"));
}

void TestDecoder::koreanTicketWithCurlyQuotes()
{
    const DecodeResult result = decode(readFixture("ticket_curly_quotes.txt"));
    QVERIFY2(result.ok(), describeError(result).constData());
    QCOMPARE(result.documents.size(), std::size_t(1));
    QCOMPARE(repairKinds(result), bytes("CurlyQuotes,SurroundingText"));
    QCOMPARE(countRepairs(result, RepairKind::SurroundingText), qsizetype(2)); // greeting and sign-off
    const Json &value = result.documents.front().value;
    QCOMPARE(value["status"].get<std::string>(), std::string("PAYMENT_COMPLETED"));
    QCOMPARE(value["reason"].get<std::string>(), std::string("결제가 완료되었어요."));
    const std::string literal = slice(result, result.documents.front().range);
    QVERIFY(literal.starts_with("{“orderId”"));
    QVERIFY(literal.ends_with("”}"));
    // The greeting is skipped from its first character; the JSON sits on line 4.
    QCOMPARE(result.repairs.front().kind, RepairKind::SurroundingText);
    QCOMPARE(result.repairs.front().position, (TextPosition{1, 1}));
    QVERIFY(result.repairs.front().excerpt.starts_with("안녕하세요"));
    QCOMPARE(result.repairs[1].position, (TextPosition{4, 2}));
    QCOMPARE(result.repairs.back().kind, RepairKind::SurroundingText);
    QCOMPARE(result.repairs.back().position, (TextPosition{6, 1}));
}

void TestDecoder::truncatedPaste()
{
    // A list of settlement records cut off in the third record (seed 004's shape).
    const DecodeResult result = decode(readFixture("truncated_paste.txt"));
    QVERIFY2(result.ok(), describeError(result).constData());
    QCOMPARE(repairKinds(result), bytes("SurroundingText,TruncatedText"));
    const auto &document = result.documents.front();
    const Json &value = document.value;
    // The third record was cut after its second member: it is kept with the two members it has,
    // and the list and the record are partial, so the keys the record lacks read as unknown.
    QCOMPARE(value.size(), std::size_t(3));
    QCOMPARE(value[1]["orderId"].get<std::string>(), std::string("order-2"));
    QCOMPARE(QByteArray::fromStdString(value[2].dump()), bytes(R"({"paymentKey":"tgen_3","orderId":"order-3"})"));
    QVERIFY(document.partial);
    QCOMPARE(document.elided, (std::vector<std::string>{"/2", ""}));
    const auto &truncation = result.repairs.back();
    QCOMPARE(truncation.kind, RepairKind::TruncatedText);
    // What was left out begins right after "order-3": line 5 holds 2 spaces and 45 characters
    // up to its closing quote, so the comma after it is column 48.
    QCOMPARE(truncation.position, (TextPosition{5, 48}));
    QVERIFY(truncation.excerpt.find("이하생략") != std::string::npos);

    // One object cut by a log line keeps its complete members and is partial.
    const DecodeResult half = decode("{\"status\": \"DONE\", \"amount\": ");
    QVERIFY2(half.ok(), describeError(half).constData());
    QCOMPARE(dumps(half), bytes(R"({"status":"DONE"})"));
    QVERIFY(half.documents.front().partial);
    // Nothing complete at all: an error, not an empty document.
    const DecodeResult nothing = decode(R"({"payment": {"cancels": [{"cancelAmount": )");
    QVERIFY(!nothing.ok());
    QCOMPARE(nothing.error->kind, DecodeError::Kind::Truncated);
}

void TestDecoder::lenientSuccessHidesStrictError()
{
    const DecodeResult result = decode("{status: 'DONE'}");
    QVERIFY(result.ok());
    QVERIFY(!result.error.has_value());
    QCOMPARE(dumps(result), bytes(R"({"status":"DONE"})"));
}

void TestDecoder::elisions_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");
    QTest::addColumn<QStringList>("elided");   // pointers of the containers that lost members
    QTest::addColumn<QByteArray>("kinds");

    QTest::newRow("a line of three dots among members")
        << bytes("{\n  \"status\": \"DONE\",\n  ...\n  \"totalAmount\": 15000\n}")
        << bytes(R"({"status":"DONE","totalAmount":15000})") << QStringList{QString()} << bytes("Elision");
    QTest::newRow("five dots at the end of an object")
        << bytes("{\"status\": \"DONE\", .....}") << bytes(R"({"status":"DONE"})") << QStringList{QString()}
        << bytes("Elision");
    QTest::newRow("an ellipsis character after a comma")
        << bytes("{\"status\": \"DONE\", …}") << bytes(R"({"status":"DONE"})") << QStringList{QString()}
        << bytes("Elision");
    QTest::newRow("a // ... comment line")
        << bytes("{\n  \"status\": \"DONE\",\n  // ...\n  \"method\": \"카드\"\n}")
        << bytes(R"({"status":"DONE","method":"카드"})") << QStringList{QString()} << bytes("Elision");
    QTest::newRow("a /* ... */ comment")
        << bytes("{\"status\": \"DONE\", /* ... */ \"method\": \"카드\"}")
        << bytes(R"({"status":"DONE","method":"카드"})") << QStringList{QString()} << bytes("Elision");
    QTest::newRow("a // 생략 comment")
        << bytes("{\"status\": \"DONE\",\n // 생략\n\"method\": \"카드\"}")
        << bytes(R"({"status":"DONE","method":"카드"})") << QStringList{QString()} << bytes("Elision");
    QTest::newRow("a quoted mark as a value drops its member")
        << bytes(R"({"status": "DONE", "card": "...", "method": "카드"})")
        << bytes(R"({"status":"DONE","method":"카드"})") << QStringList{QString()} << bytes("Elision");
    QTest::newRow("a quoted mark where a member would be")
        << bytes(R"({"status": "DONE", "..."})") << bytes(R"({"status":"DONE"})") << QStringList{QString()}
        << bytes("Elision");
    QTest::newRow("a bare mark as a value drops its member")
        << bytes("{\"status\": \"DONE\", \"card\": ..., \"method\": \"카드\"}")
        << bytes(R"({"status":"DONE","method":"카드"})") << QStringList{QString()} << bytes("Elision");
    QTest::newRow("an object holding only a mark drops its member")
        << bytes(R"({"status": "DONE", "card": {...}, "method": "카드"})")
        << bytes(R"({"status":"DONE","method":"카드"})") << QStringList{QString()} << bytes("Elision");
    QTest::newRow("a nested object that lost members keeps the rest")
        << bytes(R"({"status": "DONE", "card": {"issuerCode": "61", ...}})")
        << bytes(R"({"status":"DONE","card":{"issuerCode":"61"}})") << QStringList{QStringLiteral("/card")}
        << bytes("Elision");
    QTest::newRow("a trailing , ... in a list of records")
        << bytes(R"([{"a": 1}, {"a": 2}, ...])") << bytes(R"([{"a":1},{"a":2}])") << QStringList{QString()}
        << bytes("Elision");
    QTest::newRow("an elided element between records")
        << bytes(R"([{"a": 1}, …, {"a": 3}])") << bytes(R"([{"a":1},{"a":3}])") << QStringList{QString()}
        << bytes("Elision");
    QTest::newRow("(생략) in parentheses")
        << bytes("{\"status\": \"DONE\",\n(생략)\n}") << bytes(R"({"status":"DONE"})") << QStringList{QString()}
        << bytes("Elision");
    // A fuzzer's find: the container that lost members was overwritten by a repeated key.
    QTest::newRow("a key repeated after its elided value")
        << bytes("{\"cancels\": [{\"a\": 1,\n ... 3 more items \"b\": 2}], \"cancels\": null}") << bytes(R"({"cancels":null})")
        << QStringList{} << bytes("Elision");
    QTest::newRow("unquoted keys and a mark, as console.log is trimmed")
        << bytes("{ status: 'DONE',\n  ...\n  amount: 22400 }") << bytes(R"({"status":"DONE","amount":22400})")
        << QStringList{QString()} << bytes("Elision,SingleQuotedString,UnquotedKey");
}

void TestDecoder::elisions()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    QFETCH(QStringList, elided);
    QFETCH(QByteArray, kinds);

    const DecodeResult result = decode(toStd(input));
    QVERIFY2(result.ok(), describeError(result).constData());
    QCOMPARE(dumps(result), expected);
    QCOMPARE(repairKinds(result), kinds);
    QCOMPARE(result.documents.size(), std::size_t(1));
    QVERIFY(result.documents.front().partial);
    QStringList pointers;
    for (const std::string &pointer : result.documents.front().elided)
        pointers << QString::fromStdString(pointer);
    QCOMPARE(pointers, elided);
    // The source map holds every value that is there, and nothing of what was left out.
    for (const auto &item : result.documents.front().value.items())
        QVERIFY(result.sourceMap.find(0, "/" + item.key()).has_value());
    QVERIFY(!result.sourceMap.find(0, "/card").has_value() || result.documents.front().value.contains("card"));
}

void TestDecoder::elisionOfAWholeValue()
{
    // A string that merely holds dots inside a real value is content, not a mark.
    const DecodeResult result = decode(R"({"orderName": "티셔츠... 외 2건", "status": "DONE"})");
    QVERIFY(result.ok());
    QVERIFY(!result.documents.front().partial);
    QCOMPARE(result.documents.front().value["orderName"].get<std::string>(), std::string("티셔츠... 외 2건"));
    // Strict JSON is never partial.
    const DecodeResult strict = decode(R"({"status": "DONE"})");
    QVERIFY(!strict.documents.front().partial);
    QVERIFY(strict.documents.front().elided.empty());
}

void TestDecoder::brokenDocumentIsSkippedOthersKept()
{
    // Three responses pasted one after another; the second broke in its fourth line. The two
    // others are kept and the broken one is reported where it broke, not where the text ends.
    const std::string text = "{\n  \"status\": \"DONE\"\n}\n"
                             "{\n  \"status\": \"CANCELED\",\n  \"amount\": 1000,\n  \"method\": 카드\n}\n"
                             "{\n  \"status\": \"EXPIRED\"\n}\n";
    const DecodeResult result = decode(text);
    QVERIFY2(result.ok(), describeError(result).constData());
    QCOMPARE(dumps(result), bytes("{\"status\":\"DONE\"}\n{\"status\":\"EXPIRED\"}"));
    QCOMPARE(result.skipped.size(), std::size_t(1));
    const DecodeError &broken = result.skipped.front();
    QCOMPARE(broken.kind, DecodeError::Kind::Syntax);
    // Line 7 is `  "method": 카드`; the value starts after 2 + 8 + 2 characters.
    QCOMPARE(broken.position, (TextPosition{7, 13}));
    QVERIFY(broken.excerpt.find("카드") != std::string::npos);
    QVERIFY(!broken.message().toString().isEmpty());

    // The same with the broken one inline: `{"a": 1, "b": ` is 14 characters.
    const DecodeResult inline_ = decode(R"({"a": 1, "b": tru} {"c": 2})");
    QVERIFY(inline_.ok());
    QCOMPARE(dumps(inline_), bytes(R"({"c":2})"));
    QCOMPARE(inline_.skipped.front().position, (TextPosition{1, 15}));
}

void TestDecoder::toStringForms_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("a Java Map with nested maps")
        << bytes("{status=DONE, totalAmount=15000, card={issuerCode=61, number=43301234****123*}}")
        << bytes(R"({"status":"DONE","totalAmount":15000,"card":{"issuerCode":61,"number":"43301234****123*"}})");
    QTest::newRow("a Lombok or data class form with a list")
        << bytes("PaymentResponse(paymentKey=tgen_20250402abc, status=CANCELED, cancels=[Cancel(cancelAmount=1000, "
                 "cancelReason=고객 변심, canceledAt=2025-04-02T10:00:00+09:00)], failure=null)")
        << bytes(R"({"paymentKey":"tgen_20250402abc","status":"CANCELED","cancels":[{"cancelAmount":1000,)"
                 R"("cancelReason":"고객 변심","canceledAt":"2025-04-02T10:00:00+09:00"}],"failure":null})");
    // 16 digits and more stay strings; so do leading zeros, and text with commas and brackets.
    QTest::newRow("ids, names with commas and brackets, empty values")
        << bytes("{orderId=2025040210437094, code=0012, orderName=티셔츠 (L), 양말, method=, useEscrow=false, "
                 "balanceAmount=726.24}")
        << bytes(R"({"orderId":"2025040210437094","code":"0012","orderName":"티셔츠 (L), 양말","method":"",)"
                 R"("useEscrow":false,"balanceAmount":726.24})");
    QTest::newRow("in a log line, after a logger name")
        << bytes("2025-04-02 08:40:01.123 INFO  c.e.pay.TossClient - confirm response: {status=IN_PROGRESS, "
                 "method=null} 처리 완료")
        << bytes(R"({"status":"IN_PROGRESS","method":null})");
    QTest::newRow("a nested class name with dots")
        << bytes("TossPaymentResponse.Payment(status=DONE, card=TossPaymentResponse.Card(amount=1000))")
        << bytes(R"({"status":"DONE","card":{"amount":1000}})");
}

void TestDecoder::toStringForms()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    const DecodeResult result = decode(toStd(input));
    QVERIFY2(result.ok(), describeError(result).constData());
    QCOMPARE(dumps(result), expected);
    QVERIFY(repairKinds(result).contains("ToStringForm"));
    QVERIFY(!result.repairs.front().description().toString().isEmpty());
}

void TestDecoder::toStringFormSourceMap()
{
    const std::string text = "resp={status=DONE, card={number=4330****}}";
    const DecodeResult result = decode(text);
    QVERIFY(result.ok());
    const auto number = result.sourceMap.find(0, "/card/number");
    QVERIFY(number.has_value());
    QCOMPARE(slice(result, *number), std::string("4330****"));
    QCOMPARE(slice(result, *result.sourceMap.find(0, "/status")), std::string("DONE"));
    QCOMPARE(slice(result, result.documents.front().range), std::string("{status=DONE, card={number=4330****}}"));

    // A key given twice: the map keeps nothing of the value the second one replaced.
    const DecodeResult twice = decode("{card={number=4330****, issuerCode=61}, card=null}");
    QVERIFY(twice.ok());
    QCOMPARE(twice.documents.front().value.dump(), std::string(R"({"card":null})"));
    QVERIFY(!twice.sourceMap.find(0, "/card/number").has_value());
    QCOMPARE(twice.sourceMap.size(), std::size_t(2));
}

void TestDecoder::commentedOutJson_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("// before every line, as in a Java or JS source file")
        << bytes("// 응답 예시\n// {\n//   \"status\": \"DONE\",\n//   \"totalAmount\": 1000\n// }\n")
        << bytes(R"({"status":"DONE","totalAmount":1000})");
    QTest::newRow("# before every line, as in Python or a shell script")
        << bytes("# {\n#   \"code\": \"NOT_FOUND_PAYMENT\",\n#   \"message\": \"존재하지 않는 결제 정보 입니다.\"\n# }")
        << bytes(R"({"code":"NOT_FOUND_PAYMENT","message":"존재하지 않는 결제 정보 입니다."})");
    QTest::newRow("one commented line")
        << bytes("// {\"status\": \"DONE\"}") << bytes(R"({"status":"DONE"})");
}

void TestDecoder::commentedOutJson()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    const DecodeResult result = decode(toStd(input));
    QVERIFY2(result.ok(), describeError(result).constData());
    QCOMPARE(dumps(result), expected);
    QVERIFY(repairKinds(result).contains("CommentedOut"));
    // Offsets point into the text as given: the status value is where it was written.
    const auto status = result.sourceMap.find(0, result.documents.front().value.contains("status") ? "/status" : "/code");
    QVERIFY(status.has_value());
    QVERIFY(slice(result, *status).starts_with("\""));
}

void TestDecoder::escapedJsonInALogLine()
{
    // Spring's RestClient error, with the body's quotes escaped by a JSON logger.
    const std::string text =
        R"(2025-04-02T08:40:01.123Z ERROR TossClient - 401 Unauthorized: "{\"code\":\"UNAUTHORIZED_KEY\",)"
        R"(\"message\":\"인증되지 않은 시크릿 키 혹은 클라이언트 키 입니다.\"}")";
    const DecodeResult result = decode(text);
    QVERIFY2(result.ok(), describeError(result).constData());
    QCOMPARE(dumps(result),
             bytes(R"({"code":"UNAUTHORIZED_KEY","message":"인증되지 않은 시크릿 키 혹은 클라이언트 키 입니다."})"));
    QVERIFY(repairKinds(result).contains("EscapedJson"));
    // Ranges are in the text as given, escapes included.
    QCOMPARE(slice(result, *result.sourceMap.find(0, "/code")), std::string(R"(\"UNAUTHORIZED_KEY\")"));
    QVERIFY(slice(result, result.documents.front().range).starts_with(R"({\"code\")"));
    QVERIFY(slice(result, result.documents.front().range).ends_with(R"(\"})"));

    // Spring's own message quotes the body without escaping it: read as plain JSON in prose.
    const DecodeResult plain = decode(R"(401 Unauthorized: "{"code":"UNAUTHORIZED_KEY","message":"x"}")");
    QVERIFY(plain.ok());
    QCOMPARE(dumps(plain), bytes(R"({"code":"UNAUTHORIZED_KEY","message":"x"})"));
}

void TestDecoder::errors_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<bool>("lenient");
    QTest::addColumn<DecodeError::Kind>("kind");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QByteArray>("expected");

    using K = DecodeError::Kind;
    // A missing fixture would read as empty and pass the Empty rows for the wrong reason.
    for (const char *name : {"empty.json", "blank_lines.txt"})
        QVERIFY(std::ifstream(std::string(PAYTRIAGE_TEST_DATA) + "/decode/" + name).good());
    // Nothing to point at: Empty always reports the start, 1:1.
    QTest::newRow("empty text") << bytes("") << true << K::Empty << 1 << 1 << QByteArray();
    QTest::newRow("white space only") << bytes(" \n\t\r\n  ") << true << K::Empty << 1 << 1 << QByteArray();
    QTest::newRow("empty file") << QByteArray::fromStdString(readFixture("empty.json")) << true << K::Empty
                                << 1 << 1 << QByteArray();
    QTest::newRow("file with blank lines only")
        << QByteArray::fromStdString(readFixture("blank_lines.txt")) << false << K::Empty << 1 << 1 << QByteArray();
    QTest::newRow("byte order mark only") << bytes("\xEF\xBB\xBF \n") << false << K::Empty << 1 << 1 << QByteArray();
    // `{"a": [1, 2` is 11 characters; the error points just past them, column 12.
    QTest::newRow("strict text ends inside an array")
        << bytes(R"({"a": [1, 2)") << false << K::Truncated << 1 << 12 << QByteArray();
    // Trailing blank lines are ignored: the error is after `{"a":` (5 characters), column 6.
    QTest::newRow("strict text ends after a colon, then blank lines")
        << bytes("{\"a\":\n\n  ") << false << K::Truncated << 1 << 6 << QByteArray();
    // Lenient cannot keep anything (no complete member): still Truncated, after `{"a": [` (7 characters).
    QTest::newRow("lenient text ends before anything is complete")
        << bytes(R"({"a": [)") << true << K::Truncated << 1 << 8 << QByteArray();
    // `{"a" ` is 5 characters; the 1 where the colon should be is column 6.
    QTest::newRow("missing colon")
        << bytes(R"({"a" 1})") << true << K::Syntax << 1 << 6 << bytes("a colon after the key");
    // The single quote right after `{` is column 2.
    QTest::newRow("strict refuses single quotes")
        << bytes("{'a': 1}") << false << K::Syntax << 1 << 2 << bytes("a key in double quotes or }");
    // `[1,` is 3 characters; the ] is column 4.
    QTest::newRow("strict refuses a trailing comma")
        << bytes("[1,]") << false << K::Syntax << 1 << 4 << bytes("a value (an object, an array, a string, a number, true, false or null)");
    // `{} ` is 3 characters; the second { is column 4.
    QTest::newRow("strict refuses a second document")
        << bytes("{} {}") << false << K::Syntax << 1 << 4 << bytes("the end of the text");
    // { " 이 름 " : and a space are 7 code points (13 bytes); `tru` starts at column 8.
    QTest::newRow("columns count code points, not bytes")
        << bytes(R"({"이름": tru})") << true << K::Syntax << 1 << 8
        << bytes("a value (an object, an array, a string, a number, true, false or null)");
    // Line 3 is `  "b": x`: two spaces, "b" (3), colon, space, so x is column 8. CR LF counts once.
    QTest::newRow("CRLF counts as one line break")
        << bytes("{\r\n  \"a\": 1,\r\n  \"b\": x\r\n}") << true << K::Syntax << 3 << 8
        << bytes("a value (an object, an array, a string, a number, true, false or null)");
    // A lone CR is a line break too: line 2 is `"a": x`, x is column 6.
    QTest::newRow("lone CR counts as a line break")
        << bytes("{\r\"a\": x}") << false << K::Syntax << 2 << 6
        << bytes("a value (an object, an array, a string, a number, true, false or null)");
    // `{"a": "x` is 8 characters; the raw tab is column 9.
    QTest::newRow("raw tab inside a string")
        << bytes("{\"a\": \"x\ty\"}") << true << K::Syntax << 1 << 9
        << bytes("a closing quote (line breaks and tabs inside a string must be written as \\n and \\t)");
    // The backslash after `["` is column 3.
    QTest::newRow("unknown escape") << bytes(R"(["\q"])") << false << K::Syntax << 1 << 3
                                    << bytes("a valid escape sequence such as \\n, \\\" or \\u00E9");
    QTest::newRow("lone surrogate escape")
        << bytes(R"(["\uD800"])") << false << K::Syntax << 1 << 3
        << bytes("a complete surrogate pair (\\uD800 to \\uDBFF followed by \\uDC00 to \\uDFFF)");
    // Prose without any bracket: NoJson, pointing at the first character.
    QTest::newRow("prose without JSON")
        << bytes("고객님 안녕하세요. 결제 내역 확인 부탁드립니다.") << true << K::NoJson << 1 << 1 << QByteArray();
    // Two attempts fail: `[가]` after one byte, `{"a": [1, 2}` after 11. The second wins:
    // 참 고 space [ 가 ] space is 7 code points, { is 8, and the } is column 19.
    QTest::newRow("the most promising attempt is reported")
        << bytes(R"(참고 [가] {"a": [1, 2})") << true << K::Syntax << 1 << 19 << bytes("a comma or ]");
    // A broken object with complete members is JSON that broke, not prose: with nothing else
    // to read, that is the error. `{"a": 1, "b": ` is 14 characters.
    QTest::newRow("broken JSON alone is an error")
        << bytes(R"({"a": 1, "b": tru})") << true << K::Syntax << 1 << 15
        << bytes("a value (an object, an array, a string, a number, true, false or null)");
}

void TestDecoder::errors()
{
    QFETCH(QByteArray, input);
    QFETCH(bool, lenient);
    QFETCH(DecodeError::Kind, kind);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QByteArray, expected);

    DecodeOptions options;
    options.lenient = lenient;
    const DecodeResult result = decode(toStd(input), options);
    QVERIFY(!result.ok());
    QVERIFY(result.documents.empty());
    QVERIFY(result.repairs.empty());
    QCOMPARE(result.sourceMap.size(), std::size_t(0));
    QCOMPARE(result.error->kind, kind);
    QCOMPARE(result.error->position, (TextPosition{line, column}));
    QCOMPARE(result.error->position, paytriage::positionOf(result.text, result.error->offset));
    if (!expected.isNull())
        QCOMPARE(QByteArray::fromStdString(result.error->expected), expected);
    QVERIFY(isValidUtf8(result.error->excerpt));
    QVERIFY(result.error->excerpt.find('\n') == std::string::npos);
    const QString message = result.error->message().toString();
    QVERIFY(!message.isEmpty());
    if (kind != DecodeError::Kind::Empty && kind != DecodeError::Kind::NoJson)
        QVERIFY2(message.contains(QStringLiteral("line %1, column %2").arg(line).arg(column)),
                 message.toUtf8().constData());
}

void TestDecoder::invalidUtf8_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("offset");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");

    // `{"a": "x` is 8 bytes, so the 0xFF is offset 8, column 9.
    QTest::newRow("lone 0xFF") << bytes("{\"a\": \"x\xFFy\"}") << 8 << 1 << 9;
    // E2 82 needs a third byte but gets a quote: the sequence starts after `["`, offset 2.
    QTest::newRow("truncated three-byte sequence") << bytes("[\"\xE2\x82\"]") << 2 << 1 << 3;
    QTest::newRow("sequence cut by the end of the text") << bytes("[\"\xEA\xB0") << 2 << 1 << 3;
    QTest::newRow("overlong slash C0 AF") << bytes("[\"\xC0\xAF\"]") << 2 << 1 << 3;
    QTest::newRow("UTF-16 surrogate encoded in UTF-8") << bytes("[\"\xED\xA0\x80\"]") << 2 << 1 << 3;
    QTest::newRow("stray continuation byte on line 2") << bytes("{\n\x80}") << 2 << 2 << 1;
    // 가 is three bytes but one column, so the bad byte at offset 3 is column 2.
    QTest::newRow("invalid byte after Korean text") << bytes("가\xFF") << 3 << 1 << 2;
    QTest::newRow("EUC-KR encoded Korean") << bytes("{\"a\": \"\xB0\xA1\"}") << 7 << 1 << 8;
}

void TestDecoder::invalidUtf8()
{
    QFETCH(QByteArray, input);
    QFETCH(int, offset);
    QFETCH(int, line);
    QFETCH(int, column);

    for (const bool lenient : {false, true}) {
        DecodeOptions options;
        options.lenient = lenient;
        const DecodeResult result = decode(toStd(input), options);
        QVERIFY(!result.ok());
        QCOMPARE(result.error->kind, DecodeError::Kind::InvalidUtf8);
        QCOMPARE(result.error->offset, std::size_t(offset));
        QCOMPARE(result.error->position, (TextPosition{line, column}));
        QVERIFY(isValidUtf8(result.error->excerpt));
        QVERIFY(result.error->excerpt.find('\n') == std::string::npos);
        QCOMPARE(result.text, toStd(input)); // kept as given, offsets into it
    }
}

void TestDecoder::nulByte_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("offset");
    QTest::addColumn<int>("column");

    // `{"a": "x` is 8 bytes: the NUL is offset 8, column 9.
    QTest::newRow("NUL inside a string") << bytes("{\"a\": \"x\0y\"}") << 8 << 9;
    QTest::newRow("NUL between values") << bytes("[1,\0 2]") << 3 << 4;
    QTest::newRow("NUL at the start") << bytes("\0{}") << 0 << 1;
    // UTF-16LE text is ASCII interleaved with NULs; the first NUL follows the {.
    QTest::newRow("UTF-16 text") << bytes("{\0}\0") << 1 << 2;
}

void TestDecoder::nulByte()
{
    QFETCH(QByteArray, input);
    QFETCH(int, offset);
    QFETCH(int, column);

    const DecodeResult result = decode(toStd(input));
    QVERIFY(!result.ok());
    QCOMPARE(result.error->kind, DecodeError::Kind::NulByte);
    QCOMPARE(result.error->offset, std::size_t(offset));
    QCOMPARE(result.error->position, (TextPosition{1, column}));
    QVERIFY(isValidUtf8(result.error->excerpt));
    QVERIFY(result.error->excerpt.find('\0') == std::string::npos);
    QVERIFY(result.error->excerpt.find("\xE2\x90\x80") != std::string::npos); // shown as ␀
}

void TestDecoder::excerptsShowNoControlCharacter()
{
    // C1 controls are valid UTF-8 (NEL C2 85, CSI C2 9B, OSC C2 9D) and act on a terminal.
    const std::string text = "{\"a\": \"x\xC2\x9B" "2J\xC2\x85y\xC2\x9D" "0;t\x07\", }}";
    const DecodeResult result = decode(text, strictOptions());
    QVERIFY(!result.ok());
    const std::string &excerpt = result.error->excerpt;
    QVERIFY(isValidUtf8(excerpt));
    for (const char *control : {"\xC2\x9B", "\xC2\x85", "\xC2\x9D", "\x07"})
        QVERIFY2(excerpt.find(control) == std::string::npos, excerpt.c_str());
    QVERIFY(excerpt.find("2J") != std::string::npos);
}

void TestDecoder::tooDeep_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<bool>("lenient");
    QTest::addColumn<int>("column");

    std::string arrays(100000, '[');
    std::string objects;
    objects.reserve(500000);
    for (int i = 0; i < 100000; ++i)
        objects += "{\"a\":";
    std::string balanced = arrays + std::string(100000, ']');
    // With the default maxDepth of 512, the 513th bracket is refused: offset 512 for `[`,
    // 512 * 5 = 2560 for `{"a":`, so columns 513 and 2561.
    for (const bool lenient : {false, true}) {
        const char *mode = lenient ? "lenient" : "strict";
        QTest::addRow("100,000 nested arrays, %s", mode) << QByteArray::fromStdString(arrays) << lenient << 513;
        QTest::addRow("100,000 nested objects, %s", mode) << QByteArray::fromStdString(objects) << lenient << 2561;
        QTest::addRow("100,000 nested arrays, closed again, %s", mode)
            << QByteArray::fromStdString(balanced) << lenient << 513;
    }
    QTest::newRow("deep arrays after prose, lenient")
        << QByteArray("본문: ") + QByteArray::fromStdString(arrays) << true << 513 + 4;
}

void TestDecoder::tooDeep()
{
    QFETCH(QByteArray, input);
    QFETCH(bool, lenient);
    QFETCH(int, column);

    DecodeOptions options;
    options.lenient = lenient;
    const DecodeResult result = decode(toStd(input), options);
    QVERIFY(!result.ok());
    QCOMPARE(result.error->kind, DecodeError::Kind::TooDeep);
    QCOMPARE(result.error->position, (TextPosition{1, column}));
    // No English fragment in the message: it reads whole in Korean too.
    QVERIFY(result.error->expected.empty());
    QVERIFY(result.error->message().toString().contains(QStringLiteral("nested too deeply")));
}

void TestDecoder::maxDepthOption()
{
    DecodeOptions options;
    options.maxDepth = 3;
    QVERIFY(decode("[[[1]]]", options).ok());
    const DecodeResult result = decode(R"({"a": [{"b": [1]}]})", options);
    QVERIFY(!result.ok());
    QCOMPARE(result.error->kind, DecodeError::Kind::TooDeep);
    QCOMPARE(result.error->offset, std::size_t(13)); // the fourth bracket, after `{"a": [{"b": `

    options.maxDepth = 0; // only scalars
    QVERIFY(decode("42", options).ok());
    QCOMPARE(decode("[]", options).error->kind, DecodeError::Kind::TooDeep);
}

void TestDecoder::tooLarge()
{
    std::string text = "[";
    for (int i = 0; i < 498; ++i)
        text += "1,";
    text += "11]"; // 1 + 996 + 3: exactly 1000 bytes of valid JSON
    QCOMPARE(text.size(), std::size_t(1000));

    DecodeOptions options;
    options.maxBytes = 1000;
    QVERIFY(decode(text, options).ok());

    text.insert(0, " ");
    const DecodeResult result = decode(text, options);
    QVERIFY(!result.ok());
    QCOMPARE(result.error->kind, DecodeError::Kind::TooLarge);
    // The size check comes before anything else, so no line is counted: the start, 1:1.
    QCOMPARE(result.error->position, (TextPosition{1, 1}));
    QVERIFY(result.error->message().toString().contains(QStringLiteral("1000 bytes")));

    // Checked first: even a NUL byte further on is not looked at.
    text += '\0';
    QCOMPARE(decode(text, options).error->kind, DecodeError::Kind::TooLarge);
}

void TestDecoder::byteOrderMark()
{
    const std::string text = "\xEF\xBB\xBF{\"a\": 1}";
    const DecodeResult strict = decode(text, strictOptions());
    QVERIFY2(strict.ok(), describeError(strict).constData());
    QCOMPARE(repairKinds(strict), bytes("ByteOrderMark"));
    QCOMPARE(strict.repairs.front().offset, std::size_t(0));
    QCOMPARE(strict.documents.front().range, (paytriage::ByteRange{3, text.size()}));
    QCOMPARE(strict.text, text); // offsets still count the BOM

    const DecodeResult lenient = decode("\xEF\xBB\xBF{a: 1}");
    QVERIFY2(lenient.ok(), describeError(lenient).constData());
    QCOMPARE(repairKinds(lenient), bytes("ByteOrderMark,UnquotedKey"));
}

void TestDecoder::errorExcerptIsOneValidLine()
{
    // A long Korean line: the excerpt must be cut at character boundaries, about 60 bytes.
    std::string text = "{\"memo\": \"";
    for (int i = 0; i < 40; ++i)
        text += "가나다";
    text += "\", \"x\": ?, \"after\": \"";
    for (int i = 0; i < 40; ++i)
        text += "라마바";
    text += "\"}\n{\"second\": \"line\"}";
    const DecodeResult result = decode(text, strictOptions());
    QVERIFY(!result.ok());
    QCOMPARE(result.error->kind, DecodeError::Kind::Syntax);
    const std::string &excerpt = result.error->excerpt;
    QVERIFY(isValidUtf8(excerpt));
    QVERIFY(excerpt.find('\n') == std::string::npos);
    QVERIFY(excerpt.size() >= 40 && excerpt.size() <= 64);
    QVERIFY(excerpt.find('?') != std::string::npos);

    // A Truncated error at the end still shows the last visible text, not the empty end.
    const DecodeResult cut = decode("{\n  \"status\": \"DONE\",\n\n", strictOptions());
    QVERIFY(!cut.ok());
    QCOMPARE(cut.error->kind, DecodeError::Kind::Truncated);
    QCOMPARE(cut.error->position, (TextPosition{2, 20})); // just after the comma
    QVERIFY(!cut.error->excerpt.empty());
}

void TestDecoder::positionOf_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("offset");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");

    QTest::newRow("start of the text") << bytes("abc") << 0 << 1 << 1;
    QTest::newRow("after three Korean syllables") << bytes("가나다x") << 9 << 1 << 4;
    QTest::newRow("an emoji is one code point") << bytes("\xF0\x9F\x98\x80x") << 4 << 1 << 2;
    QTest::newRow("after LF") << bytes("a\nb") << 2 << 2 << 1;
    QTest::newRow("after CR LF") << bytes("a\r\nb") << 3 << 2 << 1;
    QTest::newRow("after a lone CR") << bytes("a\rb") << 2 << 2 << 1;
    QTest::newRow("offset past the end is clamped") << bytes("ab") << 99 << 1 << 3;
}

void TestDecoder::positionOf()
{
    QFETCH(QByteArray, text);
    QFETCH(int, offset);
    QFETCH(int, line);
    QFETCH(int, column);

    QCOMPARE(paytriage::positionOf(toStd(text), std::size_t(offset)), (TextPosition{line, column}));
}

void TestDecoder::messagesAreComplete()
{
    for (int k = 0; k <= static_cast<int>(RepairKind::TruncatedText); ++k) {
        paytriage::Repair repair{static_cast<RepairKind>(k), 10, TextPosition{3, 5}, "excerpt"};
        const paytriage::TrText text = repair.description();
        QCOMPARE(QByteArray(text.context), bytes("paytriage::Decoder"));
        QVERIFY(text.source != nullptr);
        const QString shown = text.toString();
        QVERIFY2(shown.contains(QStringLiteral("line 3, column 5")), shown.toUtf8().constData());
        QVERIFY2(!shown.contains(QLatin1Char('%')), shown.toUtf8().constData());
    }
    for (int k = 0; k <= static_cast<int>(DecodeError::Kind::NoJson); ++k) {
        for (const char *expected : {"", "a comma or }"}) {
            DecodeError error;
            error.kind = static_cast<DecodeError::Kind>(k);
            error.offset = 1000;
            error.position = TextPosition{7, 9};
            error.excerpt = "near here";
            error.expected = expected;
            const paytriage::TrText text = error.message();
            QCOMPARE(QByteArray(text.context), bytes("paytriage::Decoder"));
            const QString shown = text.toString();
            QVERIFY(shown.endsWith(QLatin1Char('.')));
            QVERIFY2(!shown.contains(QLatin1Char('%')), shown.toUtf8().constData());
            const bool located = error.kind != DecodeError::Kind::Empty && error.kind != DecodeError::Kind::TooLarge
                                 && error.kind != DecodeError::Kind::NoJson;
            if (located) {
                QVERIFY2(shown.contains(QStringLiteral("line 7, column 9")), shown.toUtf8().constData());
                QVERIFY(shown.contains(QStringLiteral("near here")));
            }
        }
    }
}

void TestDecoder::randomGarbage_data()
{
    QTest::addColumn<QByteArray>("input");

    constexpr std::size_t kSize = 64 * 1024;
    const auto generate = [](std::uint32_t seed, std::string_view alphabet) {
        std::mt19937 random(seed);
        std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1);
        QByteArray out(kSize, '\0');
        for (char &c : out)
            c = alphabet[pick(random)];
        return out;
    };
    std::mt19937 random(20240807);
    QByteArray raw(kSize, '\0');
    for (char &c : raw)
        c = static_cast<char>(random() & 0xFF);
    QTest::newRow("random bytes") << raw;
    QByteArray rawNoNul = raw;
    rawNoNul.replace('\0', ' ');
    QTest::newRow("random bytes without NUL") << rawNoNul;
    QTest::newRow("random printable ASCII")
        << generate(7, " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~\n");
    QTest::newRow("random JSON punctuation")
        << generate(11, "{}[]{}[]\"\"'',,,::  \n0123456789.-eE+tfnrulsaNIy\\/*x$_");
    QTest::newRow("random brackets and quotes") << generate(13, "{[\"'\"]}: ,");
    QTest::newRow("random Korean and curly quotes")
        << generate(17, "{}[]\":,\xE2\x80\x9C\xE2\x80\x9D\xEA\xB0\x80 ab1");
    QTest::newRow("only opening brackets and strings")
        << generate(19, "[{\"a\":");

    // Whole tokens rather than bytes, so that values, repairs and prose actually occur.
    const std::vector<std::string_view> tokens = {
        "{", "}", "[", "]", ",", ":", " ", "\n", "\r\n", "\"key\"", "'value'", "mId", "1",
        "-2.5e3", "true", "null", "undefined", "NaN", "“curly”", "// comment\n", "/* block */",
        "…", "이하생략", "안녕하세요 ", "12345678901234567890123", "\"\\u00e9\"", "[Object]",
        "... 3 more items", "{\"a\": 1}", "[1, 2]"};
    for (const std::uint32_t seed : {23u, 29u, 31u}) {
        std::mt19937 tokenRandom(seed);
        std::uniform_int_distribution<std::size_t> pick(0, tokens.size() - 1);
        std::string text;
        while (text.size() < kSize)
            text += tokens[pick(tokenRandom)];
        QTest::addRow("random JSON tokens, seed %u", seed) << QByteArray::fromStdString(text);
    }
}

void TestDecoder::randomGarbage()
{
    QFETCH(QByteArray, input);

    for (const bool lenient : {false, true}) {
        DecodeOptions options;
        options.lenient = lenient;
        const DecodeResult result = decode(toStd(input), options);
        QCOMPARE(result.text.size(), std::size_t(input.size()));
        if (result.ok()) {
            QVERIFY(!result.documents.empty());
            for (const auto &document : result.documents)
                QVERIFY(document.range.end <= result.text.size());
            for (const auto &repair : result.repairs)
                QVERIFY(isValidUtf8(repair.excerpt));
        } else {
            QVERIFY(result.documents.empty());
            QVERIFY(isValidUtf8(result.error->excerpt));
            QVERIFY(!result.error->message().toString().isEmpty());
        }
    }
}

QTEST_APPLESS_MAIN(TestDecoder)
#include "tst_decoder.moc"
