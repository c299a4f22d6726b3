// ErrorCodeModel over the built-in catalog: one row per code, parties in words, and search
// through a plain QSortFilterProxyModel in either language whatever the UI shows.

#include "models/errorcodemodel.h"

#include "catalog/catalog.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

using namespace paytriage;

namespace {

const Catalog &catalog()
{
    static const Catalog c = Catalog::builtIn();
    return c;
}

QStringList codesShown(const QAbstractItemModel &proxy)
{
    QStringList codes;
    for (int row = 0; row < proxy.rowCount(); ++row)
        codes << proxy.data(proxy.index(row, ErrorCodeModel::CodeColumn)).toString();
    return codes;
}

} // namespace

class TestErrorCodeModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void oneRowPerCode()
    {
        ErrorCodeModel model(catalog());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const std::vector<std::string> codes = catalog().errorCodes();
        QVERIFY(codes.size() > 100);  // errors.json holds 116 codes today; a lost file would show 0
        QCOMPARE(model.rowCount(), static_cast<int>(codes.size()));
        for (int row = 0; row < model.rowCount(); ++row) {
            QCOMPARE(model.code(row), QString::fromStdString(codes[static_cast<std::size_t>(row)]));
            QCOMPARE(model.rowOf(model.code(row)), row);
        }
        QCOMPARE(model.rowOf(QStringLiteral("NO_SUCH_CODE")), -1);
        QCOMPARE(model.code(-1), QString());
        QCOMPARE(model.code(model.rowCount()), QString());
    }

    void columns_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("whoActs");
        QTest::addColumn<QString>("http");
        QTest::addColumn<QString>("meaningStart");

        // errors.json: INVALID_API_KEY → whoActs [merchant], http [400].
        QTest::newRow("merchant alone") << QStringLiteral("INVALID_API_KEY") << QStringLiteral("merchant")
                                        << QStringLiteral("400") << QStringLiteral("The secret key is wrong");
        // PROVIDER_ERROR → [toss, issuer]: the issuer id reads as card company or bank.
        QTest::newRow("two parties") << QStringLiteral("PROVIDER_ERROR")
                                     << QStringLiteral("Toss Payments, card company or bank") << QStringLiteral("400")
                                     << QString();
        QTest::newRow("customer and issuer") << QStringLiteral("INVALID_STOPPED_CARD")
                                             << QStringLiteral("customer, card company or bank") << QStringLiteral("400")
                                             << QString();
    }

    void columns()
    {
        QFETCH(QString, code);
        QFETCH(QString, whoActs);
        QFETCH(QString, http);
        QFETCH(QString, meaningStart);
        ErrorCodeModel model(catalog());
        const int row = model.rowOf(code);
        QVERIFY(row >= 0);
        QCOMPARE(model.data(model.index(row, ErrorCodeModel::WhoActsColumn)).toString(), whoActs);
        QCOMPARE(model.data(model.index(row, ErrorCodeModel::HttpColumn)).toString(), http);
        const QString meaning = model.data(model.index(row, ErrorCodeModel::MeaningColumn)).toString();
        QVERIFY(!meaning.isEmpty());
        QVERIFY2(meaning.startsWith(meaningStart), qPrintable(meaning));
        QVERIFY(!model.data(model.index(row, 0), Qt::ToolTipRole).toString().isEmpty());
    }

    void languageSwitchesWithoutReset()
    {
        ErrorCodeModel model(catalog());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
        const int row = model.rowOf(QStringLiteral("INVALID_API_KEY"));
        model.setLanguage(Language::Korean);
        QCOMPARE(model.data(model.index(row, ErrorCodeModel::MeaningColumn)).toString(),
                 QStringLiteral("시크릿 키가 잘못되었거나 요청 대상과 맞지 않습니다."));
        QCOMPARE(resets.count(), 0);
        QCOMPARE(changes.count(), 1);
    }

    void searchInEitherLanguage_data()
    {
        QTest::addColumn<int>("language");
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("expected");   // a code that must be shown

        // INVALID_API_KEY's Korean meaning: "시크릿 키가 잘못되었거나…".
        QTest::newRow("Korean query, English UI") << int(Language::English) << QStringLiteral("시크릿 키가 잘못")
                                                  << QStringLiteral("INVALID_API_KEY");
        // …and its English one: "The secret key is wrong…".
        QTest::newRow("English query, Korean UI") << int(Language::Korean) << QStringLiteral("secret key is wrong")
                                                  << QStringLiteral("INVALID_API_KEY");
        QTest::newRow("code in lower case") << int(Language::English) << QStringLiteral("not_found_payment")
                                            << QStringLiteral("NOT_FOUND_PAYMENT");
        // Words of the causes count too: INVALID_API_KEY's causes mention "MID".
        QTest::newRow("word from the causes") << int(Language::English) << QStringLiteral("another MID")
                                              << QStringLiteral("INVALID_API_KEY");
    }

    void searchInEitherLanguage()
    {
        QFETCH(int, language);
        QFETCH(QString, query);
        QFETCH(QString, expected);
        ErrorCodeModel model(catalog());
        model.setLanguage(static_cast<Language>(language));
        // Exactly what the UI does: a plain proxy on SearchTextRole.
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setFilterRole(SearchTextRole);
        proxy.setFilterCaseSensitivity(Qt::CaseInsensitive);
        proxy.setFilterFixedString(query);
        const QStringList shown = codesShown(proxy);
        QVERIFY2(shown.contains(expected), qPrintable(shown.join(QLatin1Char(' '))));
        // A query narrows the list: not every code mentions it.
        QVERIFY(proxy.rowCount() < model.rowCount());

        proxy.setFilterFixedString(QStringLiteral("no code says this"));
        QCOMPARE(proxy.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestErrorCodeModel)
#include "tst_errorcodemodel.moc"
