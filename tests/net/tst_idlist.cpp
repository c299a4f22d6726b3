// Lists of ids as people bring them to a batch: lines, comments, CSV exports with a header, an
// Excel byte-order mark, quoted cells with commas, CRLF, repeats, a column named or not there.

#include "net/idlist.h"

#include <QTest>

using namespace paytriage;

namespace {

QStringList list(std::initializer_list<const char *> items)
{
    QStringList out;
    for (const char *item : items)
        out << QString::fromUtf8(item);
    return out;
}

} // namespace

class TestIdList final : public QObject
{
    Q_OBJECT

private slots:
    void reads_data();
    void reads();
    void csvCellsFollowQuotes();
};

void TestIdList::reads_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("column");
    QTest::addColumn<QStringList>("ids");
    QTest::addColumn<int>("repeats");
    QTest::addColumn<QString>("read");  // the header of the column read; empty: the first, no header
    QTest::addColumn<bool>("unknown");

    QTest::newRow("lines, blanks, comments, a repeat")
        << QByteArray("a1\n\n# from the ticket\nb2\r\na1\n  c3  \n") << QString() << list({"a1", "b2", "c3"}) << 1 << QString() << false;
    QTest::newRow("CSV with orderId, not first")
        << QByteArray("note,orderId,amount\nx,o-1,100\ny,o-2,200\n") << QString() << list({"o-1", "o-2"}) << 0 << QStringLiteral("orderId")
        << false;
    QTest::newRow("Excel UTF-8 CSV: byte-order mark, CRLF, quoted comma")
        << QByteArray("\xEF\xBB\xBF" "orderId,memo\r\no-1,\"a, b\"\r\n\"o-2\",c\r\n") << QString() << list({"o-1", "o-2"}) << 0
        << QStringLiteral("orderId") << false;
    QTest::newRow("paymentKey column when there is no orderId")
        << QByteArray("paymentKey,status\ntgen_1,DONE\ntgen_2,CANCELED\n") << QString() << list({"tgen_1", "tgen_2"}) << 0
        << QStringLiteral("paymentKey") << false;
    QTest::newRow("a column named, any case")
        << QByteArray("orderId,주문번호\nx,o-1\ny,o-2\n") << QStringLiteral("주문번호") << list({"o-1", "o-2"}) << 0
        << QStringLiteral("주문번호") << false;
    QTest::newRow("a column named that is not there")
        << QByteArray("orderId,amount\no-1,1\n") << QStringLiteral("paymentKey") << list({"orderId", "o-1"}) << 0 << QString() << true;
    QTest::newRow("a quoted id with a comma stays whole")
        << QByteArray("orderId\n\"o,1\"\n") << QString() << list({"o,1"}) << 0 << QStringLiteral("orderId") << false;
}

void TestIdList::reads()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, column);
    QFETCH(QStringList, ids);
    QFETCH(int, repeats);
    QFETCH(QString, read);
    QFETCH(bool, unknown);
    const IdList list = readIdList(text, column);
    QCOMPARE(list.ids, ids);
    QCOMPARE(list.repeats, repeats);
    QCOMPARE(list.column, read);
    QCOMPARE(list.unknownColumn, unknown);
}

void TestIdList::csvCellsFollowQuotes()
{
    QCOMPARE(csvCells(QStringLiteral("a,\"b, c\",\"say \"\"hi\"\"\", d ")), (list({"a", "b, c", "say \"hi\"", "d"})));
    QCOMPARE(csvCells(QString()), QStringList{QString()});
}

QTEST_GUILESS_MAIN(TestIdList)
#include "tst_idlist.moc"
