#include "util/jsonutil.h"

#include <QTest>

#include <string>

using namespace paytriage;
using Json = json::Json;

class TestJsonUtil final : public QObject
{
    Q_OBJECT

private slots:
    void sameText_data();
    void sameText();
    void sameTextAtEveryLengthAndPosition();
    void keyCursorFollowsTheLayout_data();
    void keyCursorFollowsTheLayout();
};

void TestJsonUtil::sameText_data()
{
    QTest::addColumn<QByteArray>("a");
    QTest::addColumn<QByteArray>("b");
    QTest::addColumn<bool>("same");
    QTest::newRow("both empty") << QByteArray() << QByteArray() << true;
    QTest::newRow("empty and not") << QByteArray() << QByteArray("a") << false;
    QTest::newRow("short key") << QByteArray("mId") << QByteArray("mId") << true;
    QTest::newRow("short, last byte") << QByteArray("mId") << QByteArray("mIe") << false;
    QTest::newRow("four") << QByteArray("fees") << QByteArray("fees") << true;
    QTest::newRow("six, same size") << QByteArray("status") << QByteArray("method") << false;
    QTest::newRow("eight") << QByteArray("currency") << QByteArray("currency") << true;
    QTest::newRow("nine, last byte") << QByteArray("cardType1") << QByteArray("cardType2") << false;
    QTest::newRow("size differs") << QByteArray("amount") << QByteArray("amounts") << false;
    QTest::newRow("prefix of the other") << QByteArray("transaction") << QByteArray("transactionAt") << false;
    QTest::newRow("thirteen") << QByteArray("transactionAt") << QByteArray("transactionAt") << true;
    QTest::newRow("thirteen, middle") << QByteArray("transactionAt") << QByteArray("transacTionAt") << false;
    QTest::newRow("Korean") << QByteArray("가상계좌") << QByteArray("가상계좌") << true;
    QTest::newRow("Korean, last syllable") << QByteArray("가상계좌") << QByteArray("가상계정") << false;
    QTest::newRow("long, over 32") << QByteArray(40, 'x') << QByteArray(40, 'x') << true;
    QTest::newRow("long, last byte") << QByteArray(40, 'x') << QByteArray(39, 'x') + 'y' << false;
    QTest::newRow("embedded NUL") << QByteArray("ab\0cdefghij", 11) << QByteArray("ab\0cdefghiJ", 11) << false;
}

void TestJsonUtil::sameText()
{
    QFETCH(QByteArray, a);
    QFETCH(QByteArray, b);
    QFETCH(bool, same);
    const std::string_view x(a.constData(), std::size_t(a.size()));
    const std::string_view y(b.constData(), std::size_t(b.size()));
    QCOMPARE(json::sameText(x, y), same);
    QCOMPARE(json::sameText(y, x), same);
}

// The loads overlap and step by four and eight: a difference at any byte of any length is seen.
void TestJsonUtil::sameTextAtEveryLengthAndPosition()
{
    for (std::size_t n = 0; n <= 48; ++n) {
        std::string a(n, '\0');
        for (std::size_t i = 0; i < n; ++i)
            a[i] = static_cast<char>('a' + i % 26);
        std::string b = a;
        QVERIFY2(json::sameText(a, b), qPrintable(QStringLiteral("length %1").arg(n)));
        for (std::size_t i = 0; i < n; ++i) {
            b[i] = '#';
            QVERIFY2(!json::sameText(a, b), qPrintable(QStringLiteral("length %1, byte %2").arg(n).arg(i)));
            b[i] = a[i];
        }
    }
}

void TestJsonUtil::keyCursorFollowsTheLayout_data()
{
    QTest::addColumn<QByteArrayList>("objects");   // looked up in this order with one cursor
    QTest::addColumn<QByteArrayList>("expected");  // the value found in each, or "(none)"
    QTest::newRow("same layout")
        << QByteArrayList{R"({"a":1,"status":"DONE"})", R"({"a":2,"status":"CANCELED"})"}
        << QByteArrayList{R"("DONE")", R"("CANCELED")"};
    QTest::newRow("key moves")
        << QByteArrayList{R"({"a":1,"status":"DONE"})", R"({"status":"READY","a":1})", R"({"a":1,"b":2,"status":"X"})"}
        << QByteArrayList{R"("DONE")", R"("READY")", R"("X")"};
    QTest::newRow("key missing, then back")
        << QByteArrayList{R"({"status":"DONE"})", R"({"a":1})", R"({"status":null})"}
        << QByteArrayList{R"("DONE")", "(none)", "null"};
    QTest::newRow("fewer members than the hint")
        << QByteArrayList{R"({"a":1,"b":2,"status":"DONE"})", R"({"status":"READY"})"}
        << QByteArrayList{R"("DONE")", R"("READY")"};
    QTest::newRow("not an object")
        << QByteArrayList{R"(["status"])", R"("status")", R"({"status":1})"}
        << QByteArrayList{"(none)", "(none)", "1"};
    QTest::newRow("a longer key with the same start")
        << QByteArrayList{R"({"statusCode":"X","status":"DONE"})"}
        << QByteArrayList{R"("DONE")"};
}

void TestJsonUtil::keyCursorFollowsTheLayout()
{
    QFETCH(QByteArrayList, objects);
    QFETCH(QByteArrayList, expected);
    json::KeyCursor cursor("status");
    for (qsizetype i = 0; i < objects.size(); ++i) {
        const Json object = Json::parse(objects[i].toStdString());
        const Json *found = cursor.find(object);
        QCOMPARE(found ? QByteArray::fromStdString(found->dump()) : QByteArray("(none)"), expected[i]);
        const std::string *text = cursor.string(object);
        QCOMPARE(text != nullptr, found && found->is_string());
    }
}

QTEST_GUILESS_MAIN(TestJsonUtil)
#include "tst_jsonutil.moc"
