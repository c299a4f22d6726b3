#include "catalog/catalog.h"
#include "rules/builtinrules.h"
#include "rules/rule.h"
#include "util/text.h"

#include <QTemporaryDir>
#include <QRegularExpression>
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
    void everyRuleHasANameAndSeverities();
    void enumsAndAliases();
    void overrideMergesOver();
    void malformedOverrideIsIgnored();
    void koreanParticlesAgree_data();
    void koreanParticlesAgree();
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

void TestCatalog::everyRuleHasANameAndSeverities()
{
    // Settings names each rule and says what "Default" means for it; both come from here.
    const Catalog c = Catalog::builtIn();
    for (const std::string &rule : builtinRuleIds()) {
        const LocalizedText name = c.ruleName(rule);
        QVERIFY2(!name.ko.empty() && !name.en.empty(), rule.c_str());
        const std::vector<std::string> severities = c.ruleSeverities(rule);
        QVERIFY2(!severities.empty(), rule.c_str());
        // Known ids, each once, most severe first.
        int previous = int(Severity::Critical) + 1;
        for (const std::string &id : severities) {
            Severity severity;
            QVERIFY2(severityFromId(id, &severity), (rule + ": " + id).c_str());
            QVERIFY2(int(severity) < previous, rule.c_str());
            previous = int(severity);
        }
    }
    QVERIFY(c.ruleName("a-rule-from-a-newer-version").empty());
    QVERIFY(c.ruleSeverities("a-rule-from-a-newer-version").empty());
    QCOMPARE(c.ruleSeverities("timestamp-without-offset"), std::vector<std::string>{"info"});
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

    // The evidence names the catalog: the built-in one's fingerprint, and the override's.
    const QString builtIn = Catalog::builtIn().version();
    QVERIFY2(QRegularExpression(QStringLiteral("^built-in:[0-9a-f]{12}$")).match(builtIn).hasMatch(), qPrintable(builtIn));
    QVERIFY2(QRegularExpression(QStringLiteral("^built-in:[0-9a-f]{12} \\+ override:[0-9a-f]{12}$")).match(c.version()).hasMatch(),
             qPrintable(c.version()));
    QVERIFY(c.version().startsWith(builtIn));
    // Another override is another catalog.
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(R"({"errors":{"MY_PSP_CODE":{"whoActs":["merchant"]}}})");
    file.close();
    const Catalog other = Catalog::withOverride(path, &problems);
    QVERIFY(other.version().startsWith(builtIn));
    QVERIFY(other.version() != c.version());
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
    QCOMPARE(c.version(), Catalog::builtIn().version());  // judged by the built-in catalog alone
    // A missing file is not a problem.
    problems.clear();
    Catalog::withOverride(dir.filePath(QStringLiteral("absent.json")), &problems);
    QVERIFY(problems.empty());
}


void TestCatalog::koreanParticlesAgree_data()
{
    QTest::addColumn<QString>("templ");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("korean");
    QTest::addColumn<QString>("english");

    // Amounts end in 원 (a final consonant), statuses are read letter by letter.
    QTest::newRow("amount 으로") << u"{v}로 표시됩니다"_qs << u"22,400원"_qs << u"22,400원으로 표시됩니다"_qs << u"22,400원로 표시됩니다"_qs;
    QTest::newRow("status 로") << u"{v}으로 바뀌었습니다"_qs << u"DONE"_qs << u"DONE로 바뀌었습니다"_qs << u"DONE으로 바뀌었습니다"_qs;
    QTest::newRow("ㄹ takes 로") << u"{v}로"_qs << u"1일"_qs << u"1일로"_qs << u"1일로"_qs;
    QTest::newRow("digit 1 ㄹ") << u"{v}로"_qs << u"2021"_qs << u"2021로"_qs << u"2021로"_qs;
    QTest::newRow("digit 3 consonant") << u"{v}가 왔습니다"_qs << u"503"_qs << u"503이 왔습니다"_qs << u"503가 왔습니다"_qs;
    QTest::newRow("digit 4 vowel") << u"{v}이 왔습니다"_qs << u"404"_qs << u"404가 왔습니다"_qs << u"404이 왔습니다"_qs;
    QTest::newRow("quoted value") << u"{v}는"_qs << u"`amount`"_qs << u"`amount`는"_qs << u"`amount`는"_qs;
    QTest::newRow("letter N") << u"{v}를"_qs << u"IN_PROGRESS_N"_qs << u"IN_PROGRESS_N을"_qs << u"IN_PROGRESS_N를"_qs;
    QTest::newRow("Hangul 은/는") << u"{v}는 없습니다"_qs << u"결제"_qs << u"결제는 없습니다"_qs << u"결제는 없습니다"_qs;
    QTest::newRow("Hangul 과/와") << u"{a}와 {b}"_qs << u"금액"_qs << u"금액과 금액"_qs << u"금액와 금액"_qs;
    QTest::newRow("neutral 이(가)") << u"{v}이(가) 없음"_qs << u"카드"_qs << u"카드가 없음"_qs << u"카드이(가) 없음"_qs;
    QTest::newRow("neutral 은(는)") << u"{v}은(는)"_qs << u"계좌"_qs << u"계좌는"_qs << u"계좌은(는)"_qs;
    QTest::newRow("copula stays") << u"{v}입니다"_qs << u"DONE"_qs << u"DONE입니다"_qs << u"DONE입니다"_qs;
    QTest::newRow("이다 not a particle") << u"{v}이고"_qs << u"카드"_qs << u"카드이고"_qs << u"카드이고"_qs;
    QTest::newRow("은행 not a particle") << u"{v}은행"_qs << u"국민"_qs << u"국민은행"_qs << u"국민은행"_qs;
    QTest::newRow("nothing readable") << u"{v}를"_qs << u"…"_qs << u"…를"_qs << u"…를"_qs;
    QTest::newRow("unknown placeholder") << u"{x}를"_qs << u"DONE"_qs << u"{x}를"_qs << u"{x}를"_qs;
}

void TestCatalog::koreanParticlesAgree()
{
    QFETCH(QString, templ);
    QFETCH(QString, value);
    QFETCH(QString, korean);
    QFETCH(QString, english);
    const std::vector<std::pair<std::string, std::string>> values{{"v", value.toStdString()},
                                                                  {"a", value.toStdString()},
                                                                  {"b", value.toStdString()}};
    QCOMPARE(QString::fromStdString(substitute(templ.toStdString(), values, true)), korean);
    QCOMPARE(QString::fromStdString(substitute(templ.toStdString(), values)), english);
}

QTEST_APPLESS_MAIN(TestCatalog)
#include "tst_catalog.moc"
