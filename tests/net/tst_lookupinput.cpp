// What people paste into the lookup field, read as ids.

#include "net/lookupinput.h"

#include <QTest>

using namespace paytriage;

class TestLookupInput final : public QObject
{
    Q_OBJECT

private slots:
    void ids_data();
    void ids();
};

void TestLookupInput::ids_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("ids");     // "id" or "id:o" (labelled orderId) or "id:p" (labelled paymentKey)
    QTest::addColumn<bool>("cleaned");
    const auto list = [](std::initializer_list<const char *> items) {
        QStringList out;
        for (const char *item : items)
            out << QString::fromUtf8(item);
        return out;
    };
    QTest::newRow("an id as it is") << "2025040210437094" << list({"2025040210437094"}) << false;
    QTest::newRow("spaces around") << "  2025040210437094 \t" << list({"2025040210437094"}) << false;
    QTest::newRow("Korean label") << "주문번호: 2025040210437094" << list({"2025040210437094:o"}) << true;
    QTest::newRow("Korean label, full-width colon") << "주문 번호：2025040210437094" << list({"2025040210437094:o"}) << true;
    QTest::newRow("orderId=") << "orderId=LIVE-V20240807160726-PAY_6367_3859" << list({"LIVE-V20240807160726-PAY_6367_3859:o"}) << true;
    QTest::newRow("paymentKey label") << "paymentKey: ec_id20250402083921BUZL3" << list({"ec_id20250402083921BUZL3:p"}) << true;
    QTest::newRow("two labels on one line") << "주문번호: A20250101-01, 결제키: tgen_20250101123456abc"
                                            << list({"A20250101-01:o", "tgen_20250101123456abc:p"}) << true;
    QTest::newRow("straight quotes") << "\"2025040210437094\"" << list({"2025040210437094"}) << true;
    QTest::newRow("curly quotes from a chat") << "“2025040210437094”" << list({"2025040210437094"}) << true;
    QTest::newRow("payment URL") << "https://api.tosspayments.com/v1/payments/ec_id20250402083921BUZL3"
                                 << list({"ec_id20250402083921BUZL3:p"}) << true;
    QTest::newRow("order URL") << "https://api.tosspayments.com/v1/payments/orders/2025040210437094"
                               << list({"2025040210437094:o"}) << true;
    QTest::newRow("checkout URL") << "https://api.tosspayments.com/v1/payments/ec_id20250402083921BUZL3/checkout"
                                  << list({"ec_id20250402083921BUZL3:p"}) << true;
    QTest::newRow("a link with the id in its query") << "https://shop.example/success?paymentKey=tgen_20250101123456abc&orderId=A-1&amount=1000"
                                                     << list({"tgen_20250101123456abc:p"}) << true;
    QTest::newRow("a sentence around it") << "Please check order 2025040210437094 for the customer"
                                          << list({"2025040210437094"}) << true;
    QTest::newRow("a Korean ticket line") << "고객 문의) 주문번호 2025040210437094 결제 확인 부탁드립니다."
                                          << list({"2025040210437094:o"}) << true;
    QTest::newRow("a spreadsheet column") << "2025040210437094\nLIVE-V20240807160726-PAY_6367_3859\r\n2025040210437094\n"
                                          << list({"2025040210437094", "LIVE-V20240807160726-PAY_6367_3859"}) << false;
    QTest::newRow("commas") << "A20250101-01, A20250101-02,A20250101-03" << list({"A20250101-01", "A20250101-02", "A20250101-03"}) << false;
    QTest::newRow("an in-app UUID") << "8f0a1e2b-1111-2222-3333-444455556666" << list({"8f0a1e2b-1111-2222-3333-444455556666"}) << false;
    QTest::newRow("an id without a digit, typed alone") << "FAULT-SLOW" << list({"FAULT-SLOW"}) << false;
    QTest::newRow("nothing id-shaped") << "결제가 안 돼요" << QStringList() << true;
    QTest::newRow("empty") << "" << QStringList() << false;
}

void TestLookupInput::ids()
{
    QFETCH(QString, text);
    QFETCH(QStringList, ids);
    QFETCH(bool, cleaned);
    const LookupInput input = parseLookupInput(text);
    QStringList got;
    for (const LookupInput::Id &id : input.ids)
        got << id.id + (id.kind == IdKind::OrderId ? QStringLiteral(":o") : id.kind == IdKind::PaymentKey ? QStringLiteral(":p") : QString());
    QCOMPARE(got, ids);
    QCOMPARE(input.cleaned, cleaned);
}

QTEST_GUILESS_MAIN(TestLookupInput)
#include "tst_lookupinput.moc"
