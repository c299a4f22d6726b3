#include "catalog/catalog.h"
#include "rules/rule.h"

#include <QTemporaryDir>
#include <QTest>

using namespace paytriage;

namespace {

// Every {"ko","en"} object anywhere in the catalog must have both languages.
void collectIncomplete(const Json &node, const std::string &path, QStringList *out)
{
    if (node.is_object()) {
        if (node.contains("ko") || node.contains("en")) {
            const bool ok = node.contains("ko") && node.contains("en") && node["ko"].is_string() && node["en"].is_string()
                            && !node["ko"].get<std::string>().empty() && !node["en"].get<std::string>().empty();
            if (!ok)
                out->append(QString::fromStdString(path));
            return;
        }
        for (auto it = node.begin(); it != node.end(); ++it)
            collectIncomplete(*it, path + '/' + it.key(), out);
    } else if (node.is_array()) {
        for (std::size_t i = 0; i < node.size(); ++i)
            collectIncomplete(node[i], path + '/' + std::to_string(i), out);
    }
}

} // namespace

class TestCatalog final : public QObject
{
    Q_OBJECT

private slots:
    void bothLanguagesEverywhere();
    void referencesResolve();
    void everyRuleVariantHasWording_data();
    void everyRuleVariantHasWording();
    void enumsAndAliases();
    void overrideMergesOver();
    void malformedOverrideIsIgnored();
};

void TestCatalog::bothLanguagesEverywhere()
{
    const Catalog c = Catalog::builtIn();
    QVERIFY(c.root().contains("documents"));
    QVERIFY(c.root().contains("enums"));
    QVERIFY(c.root().contains("errors"));
    QVERIFY(c.root().contains("messages"));
    QStringList incomplete;
    collectIncomplete(c.root(), {}, &incomplete);
    QVERIFY2(incomplete.isEmpty(), qPrintable(incomplete.join(QLatin1Char('\n'))));
}

void TestCatalog::referencesResolve()
{
    const Catalog c = Catalog::builtIn();
    QStringList broken;
    auto checkFields = [&](const Json &fields, const std::string &where) {
        for (auto it = fields.begin(); it != fields.end(); ++it) {
            if (it->contains("enum") && !c.enumSpec((*it)["enum"].get<std::string>()))
                broken << QString::fromStdString(where + '.' + it.key() + " enum");
            if (it->contains("object") && !c.objectFields((*it)["object"].get<std::string>()))
                broken << QString::fromStdString(where + '.' + it.key() + " object");
        }
    };
    for (auto it = c.root()["documents"].begin(); it != c.root()["documents"].end(); ++it)
        checkFields((*it)["fields"], it.key());
    for (auto it = c.root()["objects"].begin(); it != c.root()["objects"].end(); ++it)
        checkFields((*it)["fields"], it.key());
    QVERIFY2(broken.isEmpty(), qPrintable(broken.join(QLatin1Char('\n'))));
    // Every error names who acts, from the four parties.
    for (const std::string &code : c.errorCodes()) {
        const Json *e = c.error(code);
        QVERIFY2(e->contains("whoActs") && !(*e)["whoActs"].empty(), code.c_str());
        for (const Json &who : (*e)["whoActs"])
            QVERIFY2(who == "merchant" || who == "customer" || who == "issuer" || who == "toss", code.c_str());
    }
    QVERIFY(c.errorCodes().size() >= 100);
}

void TestCatalog::everyRuleVariantHasWording_data()
{
    QTest::addColumn<QString>("key");
    for (const char *key : {"null-field-for-status.fields", "null-field-for-status.detail",
                            "status-stuck-in-progress.contradicted", "status-stuck-in-progress.confirm",
                            "status-stuck-in-progress.ready", "status-stuck-in-progress.in-progress",
                            "status-stuck-in-progress.deposit-overdue", "vbank-cancel-without-deposit.transactions",
                            "vbank-cancel-without-deposit.transactions-no-amount",
                            "vbank-cancel-without-deposit.payment-only", "unknown-enum-value.newer",
                            "unknown-enum-value.unknown", "amount-mismatch.balance-range", "amount-mismatch.supply-vat",
                            "amount-mismatch.balance", "amount-mismatch.refundable", "amount-mismatch.canceled-balance",
                            "amount-mismatch.partial-balance", "settlement-arithmetic.payout",
                            "settlement-arithmetic.fees", "settlement-arithmetic.fee-vat",
                            "settlement-arithmetic.cancel-sign", "settlement-arithmetic.approval-sign",
                            "settlement-payment-mismatch.default", "timestamp-order.default",
                            "timestamp-order.transactions", "timestamp-without-offset.default", "api-error.known",
                            "api-error.unknown", "unknown-field.default", "status-transition.default",
                            "partial-document.default", "partial-document.elided", "unrecognised-document.default",
                            "unrecognised-document.records", "unknown-enum-value.variant", "unknown-enum-value.open",
                            "unknown-field.legacy", "unknown-field.undocumented",
                            "status-stuck-in-progress.iap-payment-completed", "status-stuck-in-progress.iap-not-granted",
                            "api-error.iap-status", "api-error.gateway", "settlement-arithmetic.no-breakdown",
                            "settlement-arithmetic.high-fee", "settlement-arithmetic.high-fee-instalment",
                            "null-field-for-status.webhook-empty"})
        QTest::newRow(key) << QString::fromLatin1(key);
}

void TestCatalog::everyRuleVariantHasWording()
{
    QFETCH(QString, key);
    const Json &messages = Catalog::builtIn().root()["messages"];
    QVERIFY(messages.contains(key.toStdString()));
    const MessageTexts t = Catalog::builtIn().message(key.toStdString());
    QVERIFY(!t.title.ko.empty() && !t.title.en.empty());
    QVERIFY(!t.detail.ko.empty() && !t.detail.en.empty());
    QVERIFY(!t.advice.ko.empty() && !t.advice.en.empty());
}

void TestCatalog::enumsAndAliases()
{
    const Catalog c = Catalog::builtIn();
    QVERIFY(c.enumValue("payment.status", "DONE"));
    QVERIFY(!c.enumValue("payment.status", "SETTLING"));
    // PAYMENT_COMPLETED is documented now: a known value that carries its history.
    const Json *completed = c.enumValue("iap.status", "PAYMENT_COMPLETED");
    QVERIFY(completed && completed->contains("history"));
    QVERIFY(!c.isNewerEnumValue("iap.status", "PAYMENT_COMPLETED"));
    const Json *card = c.enumValue("payment.method", "카드");
    QVERIFY(card);
    QCOMPARE(QString::fromStdString((*card)["detailField"].get<std::string>()), QStringLiteral("card"));
    QCOMPARE(QString::fromStdString(c.aliasOf("settlement", "suppliedAmount")), QStringLiteral("supplyAmount"));
    QVERIFY(c.field(c.documentFields("settlement"), "suppliedAmount", "settlement"));
}

void TestCatalog::overrideMergesOver()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("catalog-override.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"errors":{"MY_PSP_CODE":{"whoActs":["toss"],"meaning":{"ko":"사내 코드","en":"in-house code"}}},
                  "enums":{"payment.status":{"values":{"SETTLING":{"label":{"ko":"정산 중","en":"Settling"}}}}}})");
    file.close();
    std::vector<QString> problems;
    const Catalog c = Catalog::withOverride(path, &problems);
    QVERIFY(problems.empty());
    QVERIFY(c.error("MY_PSP_CODE"));
    QVERIFY(c.enumValue("payment.status", "SETTLING"));
    QVERIFY(c.enumValue("payment.status", "DONE"));   // merged, not replaced
    QVERIFY(c.error("NOT_FOUND_PAYMENT"));
}

void TestCatalog::malformedOverrideIsIgnored()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("catalog-override.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\"errors\": {");
    file.close();
    std::vector<QString> problems;
    const Catalog c = Catalog::withOverride(path, &problems);
    QCOMPARE(problems.size(), std::size_t(1));
    QVERIFY(c.error("NOT_FOUND_PAYMENT"));
    // A missing file is not a problem.
    problems.clear();
    Catalog::withOverride(dir.filePath(QStringLiteral("absent.json")), &problems);
    QVERIFY(problems.empty());
}

QTEST_APPLESS_MAIN(TestCatalog)
#include "tst_catalog.moc"
