// The settings dialog driven as a user would, with key and mouse events, against a temporary
// settings file and the session-only secret store.

#include "ui/settings/settingsdialog.h"
#include "util/i18n.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include "store/storelocation.h"
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace paytriage;

namespace {

const QString secret = QStringLiteral("test_sk_DialogSecretNeverShown0042");

// The analyzer's rule ids (design: Findings), as the console passes them.
const std::vector<std::string> ruleIds = {
    "null-field-for-status", "status-stuck-in-progress", "vbank-cancel-without-deposit", "unknown-enum-value",
    "amount-mismatch", "settlement-arithmetic", "settlement-payment-mismatch", "timestamp-order",
    "timestamp-without-offset", "api-error", "unknown-field"};

// Marks every text of the dialog's context, so a test sees which texts followed a language change.
class MarkingTranslator final : public QTranslator
{
public:
    QString translate(const char *context, const char *source, const char *, int) const override
    {
        if (qstrcmp(context, "paytriage::SettingsDialog") != 0)
            return QString();
        return QLatin1Char('[') + QString::fromUtf8(source) + QLatin1Char(']');
    }
    bool isEmpty() const override { return false; }
};

// English source → Korean from the TSV handed to the lead (context, source, translation), so the
// screenshots can show Korean before the .ts files are merged. "\n" in the file is a newline.
class TsvTranslator final : public QTranslator
{
public:
    explicit TsvTranslator(const QString &path)
    {
        QFile file(path);
        if (path.isEmpty() || !file.open(QIODevice::ReadOnly))
            return;
        for (const QByteArray &line : file.readAll().split('\n')) {
            const QList<QByteArray> fields = line.split('\t');
            if (fields.size() != 3)
                continue;
            auto unescape = [](QByteArray text) { return QString::fromUtf8(text.replace("\\n", "\n")); };
            m_texts.insert({QString::fromUtf8(fields[0]), unescape(fields[1])}, unescape(fields[2]));
        }
    }
    QString translate(const char *context, const char *source, const char *, int) const override
    {
        return m_texts.value({QString::fromUtf8(context), QString::fromUtf8(source)});
    }
    bool isEmpty() const override { return m_texts.isEmpty(); }

private:
    QHash<QPair<QString, QString>, QString> m_texts;
};

// A keychain that answers but refuses to store anything.
class RefusingSecretStore final : public SecretStore
{
public:
    void read(const QString &profile) override
    {
        QMetaObject::invokeMethod(this, [this, profile] { emit readFinished(profile, QString(), QString()); },
                                  Qt::QueuedConnection);
    }
    void write(const QString &profile, const QString &) override
    {
        QMetaObject::invokeMethod(
            this, [this, profile] { emit writeFinished(profile, QStringLiteral("The test keychain refuses.")); },
            Qt::QueuedConnection);
    }
    void remove(const QString &profile) override
    {
        QMetaObject::invokeMethod(this, [this, profile] { emit removeFinished(profile, QString()); }, Qt::QueuedConnection);
    }
    bool persistent() const override { return true; }
};

template<typename T>
T *child(const QWidget &parent, const char *name)
{
    T *widget = parent.findChild<T *>(QLatin1String(name));
    if (!widget)
        qFatal("no %s in the dialog", name);
    return widget;
}

QPushButton *okButton(const QWidget &dialog)
{
    return child<QDialogButtonBox>(dialog, "buttons")->button(QDialogButtonBox::Ok);
}

// Replaces a line edit's text by typing, as a user does: select all, then type.
void retype(QLineEdit *edit, const QString &text)
{
    QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier);
    if (text.isEmpty())
        QTest::keyClick(edit, Qt::Key_Delete);
    else
        QTest::keyClicks(edit, text);
}

// The dialog accepts once the secret store confirmed every write (queued answers).
bool waitAccepted(QSignalSpy &accepted)
{
    return !accepted.isEmpty() || accepted.wait(5000);
}

} // namespace

class TestSettingsDialog final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void addProfileStoresTheKeyOutsideTheFile();
    void reopenedDialogNeverShowsTheKey();
    void invalidAddressKeepsTheDialogOpen();
    void keyWarnings_data();
    void keyWarnings();
    void renameMovesTheKey();
    void namesChangingHandsKeepTheirKeys();
    void refusedKeyStaysTypedAndSaysWhy();
    void removeForgetsProfileAndKey();
    void cancelWritesNothing();
    void ruleOverridesAndLanguage();
    void theHistorysPlaceAndKeeping();
    void sessionOnlyStoreIsAnnounced();
    void followsLanguageChanges();
    void rulesAreNamedInTheInterfaceLanguage();
    void screenshots();

private:
    void addShopProfile();
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<ProfileStore> m_store;
    std::unique_ptr<SessionSecretStore> m_secrets;
    Preferences m_preferences;
    const Catalog m_catalog = Catalog::builtIn();
};

void TestSettingsDialog::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_settings = std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    m_store = std::make_unique<ProfileStore>(*m_settings);
    m_secrets = std::make_unique<SessionSecretStore>();
    m_preferences = Preferences();
    m_preferences.language = Language::English;
}

void TestSettingsDialog::cleanup()
{
    m_secrets.reset();
    m_store.reset();
    m_settings.reset();
    m_dir.reset();
}

static QString readSecret(SecretStore &store, const QString &profile)
{
    QSignalSpy read(&store, &SecretStore::readFinished);
    store.read(profile);
    if (!read.wait(5000))
        qFatal("the secret store did not answer");
    return read.takeFirst().at(1).toString();
}

// Add → name, MID, key, a loopback sandbox address → OK.
void TestSettingsDialog::addShopProfile()
{
    SettingsDialog dialog(*m_store, *m_secrets, m_preferences, ruleIds, m_catalog);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTest::mouseClick(child<QPushButton>(dialog, "addButton"), Qt::LeftButton);
    auto *name = child<QLineEdit>(dialog, "nameEdit");
    QCOMPARE(name->selectedText(), QStringLiteral("New profile"));  // ready to be typed over
    QTest::keyClicks(name, QStringLiteral("Sandbox shop"));
    QTest::keyClicks(child<QLineEdit>(dialog, "midEdit"), QStringLiteral("tvivarepublica"));
    QTest::keyClicks(child<QLineEdit>(dialog, "secretEdit"), secret);
    auto *badge = child<QLabel>(dialog, "modeBadge");
    QVERIFY(badge->isVisibleTo(&dialog));
    QCOMPARE(badge->text(), QStringLiteral("TEST"));  // test_sk_ prefix
    QTest::keyClicks(child<QLineEdit>(dialog, "baseUrlEdit"), QStringLiteral("http://127.0.0.1:8080"));
    QVERIFY(!child<QLabel>(dialog, "baseUrlProblem")->isVisibleTo(&dialog));
    QCOMPARE(child<QListWidget>(dialog, "profileList")->currentItem()->text(), QStringLiteral("Sandbox shop"));

    QSignalSpy accepted(&dialog, &QDialog::accepted);
    QTest::mouseClick(okButton(dialog), Qt::LeftButton);
    QVERIFY(waitAccepted(accepted));
}

void TestSettingsDialog::addProfileStoresTheKeyOutsideTheFile()
{
    addShopProfile();
    const auto saved = m_store->profile(QStringLiteral("Sandbox shop"));
    QVERIFY(saved);
    QCOMPARE(saved->mid, QStringLiteral("tvivarepublica"));
    QCOMPARE(saved->baseUrl, QUrl(QStringLiteral("http://127.0.0.1:8080")));
    QVERIFY(saved->apiVersion.isEmpty());  // left empty: the merchant's own version
    QCOMPARE(readSecret(*m_secrets, QStringLiteral("Sandbox shop")), secret);

    m_settings->sync();
    QFile file(m_settings->fileName());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray onDisk = file.readAll();
    QVERIFY(onDisk.contains("tvivarepublica"));
    QVERIFY(!onDisk.contains("DialogSecretNeverShown"));
}

void TestSettingsDialog::reopenedDialogNeverShowsTheKey()
{
    addShopProfile();
    QSignalSpy read(m_secrets.get(), &SecretStore::readFinished);
    SettingsDialog dialog(*m_store, *m_secrets, m_preferences, ruleIds, m_catalog);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(!read.isEmpty() || read.wait());  // the dialog asked whether a key is stored

    auto *secretEdit = child<QLineEdit>(dialog, "secretEdit");
    QVERIFY(secretEdit->text().isEmpty());
    QCOMPARE(secretEdit->echoMode(), QLineEdit::Password);
    QVERIFY2(secretEdit->placeholderText().contains(QLatin1String("stored")), qPrintable(secretEdit->placeholderText()));
    QCOMPARE(child<QLabel>(dialog, "modeBadge")->text(), QStringLiteral("TEST"));  // the mode is no secret

    // Nowhere in the dialog: no field, label, tooltip or accessible text holds the key.
    const auto widgets = dialog.findChildren<QWidget *>();
    for (const QWidget *w : widgets) {
        QStringList texts{w->toolTip(), w->accessibleName(), w->accessibleDescription(), w->windowTitle()};
        if (const auto *edit = qobject_cast<const QLineEdit *>(w))
            texts << edit->text() << edit->displayText() << edit->placeholderText();
        if (const auto *label = qobject_cast<const QLabel *>(w))
            texts << label->text();
        for (const QString &text : texts)
            QVERIFY2(!text.contains(QLatin1String("DialogSecretNeverShown")), qPrintable(w->objectName()));
    }
    // Still stored, untouched by opening and closing.
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    QTest::mouseClick(okButton(dialog), Qt::LeftButton);
    QVERIFY(waitAccepted(accepted));
    QCOMPARE(readSecret(*m_secrets, QStringLiteral("Sandbox shop")), secret);
}

void TestSettingsDialog::invalidAddressKeepsTheDialogOpen()
{
    SettingsDialog dialog(*m_store, *m_secrets, m_preferences, ruleIds, m_catalog);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTest::mouseClick(child<QPushButton>(dialog, "addButton"), Qt::LeftButton);
    auto *baseUrl = child<QLineEdit>(dialog, "baseUrlEdit");
    QTest::keyClicks(baseUrl, QStringLiteral("http://api.tosspayments.com"));
    auto *problem = child<QLabel>(dialog, "baseUrlProblem");
    QVERIFY(problem->isVisibleTo(&dialog));  // said at once, beside the field, not in a box
    QVERIFY(problem->text().contains(QLatin1String("http://")));

    QTest::mouseClick(okButton(dialog), Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Rejected));  // not accepted…
    QVERIFY(dialog.isVisible());                         // …and still open
    QVERIFY(m_store->profiles().empty());

    retype(baseUrl, QStringLiteral("https://api.tosspayments.com"));
    QVERIFY(!problem->isVisibleTo(&dialog));
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    QTest::mouseClick(okButton(dialog), Qt::LeftButton);
    QVERIFY(waitAccepted(accepted));
    QCOMPARE(m_store->profiles().size(), std::size_t(1));
}

void TestSettingsDialog::keyWarnings_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("badge");     // "" = no badge
    QTest::addColumn<QString>("mentions");  // "" = no warning
    QTest::newRow("test secret key") << "test_sk_abc" << "TEST" << "";
    QTest::newRow("live secret key is flagged") << "live_sk_abc" << "LIVE" << "real payments";
    QTest::newRow("client key instead of secret key") << "test_ck_abc" << "" << "client key";
    QTest::newRow("not a Toss key at all") << "sk_abc" << "" << "start with test_ or live_";
    QTest::newRow("pasted with a space inside") << "test_sk_abc def" << "TEST" << "spaces";
}

void TestSettingsDialog::keyWarnings()
{
    QFETCH(QString, typed);
    QFETCH(QString, badge);
    QFETCH(QString, mentions);
    SettingsDialog dialog(*m_store, *m_secrets, m_preferences, ruleIds, m_catalog);
    dialog.show();
    QTest::mouseClick(child<QPushButton>(dialog, "addButton"), Qt::LeftButton);
    QTest::keyClicks(child<QLineEdit>(dialog, "secretEdit"), typed);
    auto *badgeLabel = child<QLabel>(dialog, "modeBadge");
    QCOMPARE(badgeLabel->isVisibleTo(&dialog), !badge.isEmpty());
    if (!badge.isEmpty())
        QCOMPARE(badgeLabel->text(), badge);
    auto *warning = child<QLabel>(dialog, "secretProblem");
    QCOMPARE(warning->isVisibleTo(&dialog), !mentions.isEmpty());
    QVERIFY2(warning->text().contains(mentions), qPrintable(warning->text()));
}

void TestSettingsDialog::renameMovesTheKey()
{
    addShopProfile();
    SettingsDialog dialog(*m_store, *m_secrets, m_preferences, ruleIds, m_catalog);
    dialog.show();
    retype(child<QLineEdit>(dialog, "nameEdit"), QStringLiteral("Sandbox HQ"));
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    QTest::mouseClick(okButton(dialog), Qt::LeftButton);
    QVERIFY(waitAccepted(accepted));
    QCOMPARE(m_store->profiles().size(), std::size_t(1));
    QVERIFY(m_store->profile(QStringLiteral("Sandbox HQ")));
    // The key follows the name (read, written anew, then the old entry removed).
    QCOMPARE(readSecret(*m_secrets, QStringLiteral("Sandbox HQ")), secret);
    QVERIFY(readSecret(*m_secrets, QStringLiteral("Sandbox shop")).isEmpty());
}

void TestSettingsDialog::namesChangingHandsKeepTheirKeys()
{
    // A holds key a, B key b. In one visit: A becomes C, B becomes A.
    for (const QString &name : {QStringLiteral("A"), QStringLiteral("B")}) {
        MerchantProfile p;
        p.name = name;
        m_store->save(p);
        QSignalSpy written(m_secrets.get(), &SecretStore::writeFinished);
        m_secrets->write(name, QStringLiteral("test_sk_key-of-") + name);
        QVERIFY(written.wait());
    }
    SettingsDialog dialog(*m_store, *m_secrets, m_preferences, ruleIds, m_catalog);
    dialog.show();
    auto *list = child<QListWidget>(dialog, "profileList");
    auto *name = child<QLineEdit>(dialog, "nameEdit");
    list->setCurrentRow(0);  // A (sorted)
    retype(name, QStringLiteral("C"));
    list->setCurrentRow(1);  // B
    retype(name, QStringLiteral("A"));
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    QTest::mouseClick(okButton(dialog), Qt::LeftButton);
    QVERIFY(waitAccepted(accepted));
    // Each key followed its profile, and the name no profile has any more holds none.
    QCOMPARE(readSecret(*m_secrets, QStringLiteral("C")), QStringLiteral("test_sk_key-of-A"));
    QCOMPARE(readSecret(*m_secrets, QStringLiteral("A")), QStringLiteral("test_sk_key-of-B"));
    QVERIFY(readSecret(*m_secrets, QStringLiteral("B")).isEmpty());
    QCOMPARE(m_store->profiles().size(), std::size_t(2));
    QVERIFY(!m_store->profile(QStringLiteral("B")));
}

void TestSettingsDialog::refusedKeyStaysTypedAndSaysWhy()
{
    RefusingSecretStore refusing;
    SettingsDialog dialog(*m_store, refusing, m_preferences, ruleIds, m_catalog);
    dialog.show();
    QTest::mouseClick(child<QPushButton>(dialog, "addButton"), Qt::LeftButton);
    auto *secretEdit = child<QLineEdit>(dialog, "secretEdit");
    QTest::keyClicks(secretEdit, secret);
    QSignalSpy written(&refusing, &SecretStore::writeFinished);
    QTest::mouseClick(okButton(dialog), Qt::LeftButton);
    QVERIFY(written.wait());
    QCoreApplication::processEvents();
    auto *problem = child<QLabel>(dialog, "commitProblem");
    QVERIFY(problem->isVisibleTo(&dialog));  // inline, not a message box
    QCOMPARE(problem->text(), QStringLiteral("The test keychain refuses."));
    QVERIFY(dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QCOMPARE(secretEdit->text(), secret);  // nothing the user typed is lost: OK can be tried again
    QVERIFY(okButton(dialog)->isEnabled());
}

void TestSettingsDialog::removeForgetsProfileAndKey()
{
    addShopProfile();
    SettingsDialog dialog(*m_store, *m_secrets, m_preferences, ruleIds, m_catalog);
    dialog.show();
    QTest::mouseClick(child<QPushButton>(dialog, "removeButton"), Qt::LeftButton);
    QCOMPARE(child<QListWidget>(dialog, "profileList")->count(), 0);
    QVERIFY(!child<QWidget>(dialog, "profileForm")->isEnabled());  // nothing to edit
    QVERIFY(m_store->profile(QStringLiteral("Sandbox shop")));    // not before OK
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    QTest::mouseClick(okButton(dialog), Qt::LeftButton);
    QVERIFY(waitAccepted(accepted));
    QVERIFY(m_store->profiles().empty());
    QVERIFY(readSecret(*m_secrets, QStringLiteral("Sandbox shop")).isEmpty());
}

void TestSettingsDialog::cancelWritesNothing()
{
    SettingsDialog dialog(*m_store, *m_secrets, m_preferences, ruleIds, m_catalog);
    dialog.show();
    QTest::mouseClick(child<QPushButton>(dialog, "addButton"), Qt::LeftButton);
    QTest::keyClicks(child<QLineEdit>(dialog, "secretEdit"), secret);
    QSignalSpy rejected(&dialog, &QDialog::rejected);
    QTest::keyClick(&dialog, Qt::Key_Escape);
    QCOMPARE(rejected.size(), 1);
    QVERIFY(m_store->profiles().empty());
    QVERIFY(readSecret(*m_secrets, QStringLiteral("New profile")).isEmpty());
}

void TestSettingsDialog::ruleOverridesAndLanguage()
{
    m_preferences.language = Language::Korean;
    m_preferences.severityOverrides = {{"timestamp-without-offset", Severity::Warning},
                                       {"a-rule-from-a-newer-version", Severity::Info}};
    SettingsDialog dialog(*m_store, *m_secrets, m_preferences, ruleIds, m_catalog);
    dialog.show();
    auto *tabs = child<QTabWidget>(dialog, "tabs");
    tabs->setCurrentWidget(child<QWidget>(dialog, "rulesTab"));
    auto *table = child<QTableWidget>(dialog, "rulesTable");
    QCOMPARE(table->rowCount(), int(ruleIds.size()));

    auto *unknownField = child<QComboBox>(dialog, "severity:unknown-field");
    QCOMPARE(unknownField->currentText(), QStringLiteral("Default (Info)"));  // unknown-field reports at info
    QTest::keyClick(unknownField, Qt::Key_Down);  // Default → Critical (the next item)
    auto *offset = child<QComboBox>(dialog, "severity:timestamp-without-offset");
    QCOMPARE(offset->currentText(), QStringLiteral("Warning"));  // the saved override is shown
    QTest::keyClick(offset, Qt::Key_Home);                        // back to the rule's own

    tabs->setCurrentWidget(child<QWidget>(dialog, "generalTab"));
    auto *language = child<QComboBox>(dialog, "languageCombo");
    QCOMPARE(language->currentText(), QStringLiteral("한국어"));
    QTest::keyClick(language, Qt::Key_Down);

    QSignalSpy accepted(&dialog, &QDialog::accepted);
    QTest::mouseClick(okButton(dialog), Qt::LeftButton);
    QVERIFY(waitAccepted(accepted));
    const Preferences chosen = dialog.preferences();
    QCOMPARE(chosen.language, Language::English);
    // unknown-field raised; timestamp-without-offset reset (gone); the unlisted rule's override kept.
    const std::map<std::string, Severity> expected = {{"unknown-field", Severity::Critical},
                                                      {"a-rule-from-a-newer-version", Severity::Info}};
    QVERIFY(chosen.severityOverrides == expected);

    // And through the settings file.
    savePreferences(*m_settings, chosen);
    QVERIFY(loadPreferences(*m_settings) == chosen);
}

// The History page: where the history is kept and for how long; a PostgreSQL URL that carries
// its password is refused beside the field (the password belongs in ~/.pgpass), then a clean
// one is saved with the days to keep, through the settings file too.
void TestSettingsDialog::theHistorysPlaceAndKeeping()
{
    SettingsDialog dialog(*m_store, *m_secrets, m_preferences, ruleIds, m_catalog);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *tabs = child<QTabWidget>(dialog, "tabs");
    tabs->setCurrentWidget(child<QWidget>(dialog, "historyTab"));
    auto *place = child<QLineEdit>(dialog, "historyLocationEdit");
    QVERIFY(place->text().isEmpty());
    QVERIFY(!place->placeholderText().isEmpty());  // the user's own file, shown
    dialog.setHistoryFigure(QStringLiteral("1.2 MB, 3 snapshots"));
    QCOMPARE(child<QLabel>(dialog, "historyFigure")->text(), QStringLiteral("1.2 MB, 3 snapshots"));

    place->setFocus();
    QTest::keyClicks(place, QStringLiteral("postgresql://support:hunter2@db.example:5432/paytriage"));
    QTest::mouseClick(okButton(dialog), Qt::LeftButton);
    QVERIFY(dialog.isVisible());  // refused, and said beside the field
    QCOMPARE(tabs->currentWidget(), child<QWidget>(dialog, "historyTab"));
    QVERIFY2(child<QLabel>(dialog, "historyLocationHint")->text().contains(QLatin1String("password")),
             qPrintable(child<QLabel>(dialog, "historyLocationHint")->text()));

    retype(place, QStringLiteral("postgresql://support@db.example:5432/paytriage?sslmode=require"));
    QTest::keyClicks(child<QLineEdit>(dialog, "historyPasswordEdit"), QStringLiteral("team-Password-1"));
    auto *keep = child<QSpinBox>(dialog, "keepSpin");
    QCOMPARE(keep->value(), 0);
    QCOMPARE(keep->text(), QStringLiteral("for ever"));
    keep->setValue(90);
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    QTest::mouseClick(okButton(dialog), Qt::LeftButton);
    QVERIFY(waitAccepted(accepted));
    const Preferences chosen = dialog.preferences();
    QCOMPARE(chosen.historyLocation, QStringLiteral("postgresql://support@db.example:5432/paytriage?sslmode=require"));
    QCOMPARE(chosen.keepDays, 90);
    savePreferences(*m_settings, chosen);
    QVERIFY(loadPreferences(*m_settings) == chosen);
    // The password went to the key store under the history's name, and nowhere in the settings.
    const auto location = std::get<StoreLocation>(StoreLocation::parse(chosen.historyLocation));
    QSignalSpy read(m_secrets.get(), &SecretStore::readFinished);
    m_secrets->read(location.secretName());
    QTRY_COMPARE(read.size(), 1);
    QCOMPARE(read.front().at(1).toString(), QStringLiteral("team-Password-1"));
    m_settings->sync();
    QFile file(m_settings->fileName());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains("team-Password-1"));
}

void TestSettingsDialog::sessionOnlyStoreIsAnnounced()
{
    SettingsDialog dialog(*m_store, *m_secrets, m_preferences, ruleIds, m_catalog);
    dialog.show();
    auto *notice = child<QLabel>(dialog, "sessionNotice");
    QVERIFY(notice->isVisibleTo(&dialog));  // the session store keeps nothing past this run
    QVERIFY(notice->text().contains(QLatin1String("until PayTriage quits")));
    // A keychain that gives up later says why; the dialog shows its words.
    emit m_secrets->persistenceUnavailable(QStringLiteral("No keychain service is available (test)."));
    QCOMPARE(notice->text(), QStringLiteral("No keychain service is available (test)."));
}

void TestSettingsDialog::followsLanguageChanges()
{
    addShopProfile();
    QSignalSpy read(m_secrets.get(), &SecretStore::readFinished);
    SettingsDialog dialog(*m_store, *m_secrets, m_preferences, ruleIds, m_catalog);
    dialog.show();
    QVERIFY(!read.isEmpty() || read.wait());
    MarkingTranslator marking;
    QVERIFY(QCoreApplication::installTranslator(&marking));  // sends LanguageChange to every widget
    QCoreApplication::processEvents();
    auto *tabs = child<QTabWidget>(dialog, "tabs");
    // From the .ui (retranslateUi) and from code (retranslate): both follow.
    QCOMPARE(tabs->tabText(0), QStringLiteral("[&Profiles]"));
    QCOMPARE(child<QTableWidget>(dialog, "rulesTable")->horizontalHeaderItem(0)->text(), QStringLiteral("[Rule]"));
    // api-error reports at warning (a gateway error) or info (a failure's own code): both named.
    QCOMPARE(child<QComboBox>(dialog, "severity:api-error")->itemText(0), QStringLiteral("[Default ([Warning or Info])]"));
    QCOMPARE(child<QLabel>(dialog, "modeBadge")->text(), QStringLiteral("[TEST]"));
    QVERIFY(child<QLineEdit>(dialog, "secretEdit")->placeholderText().startsWith(QLatin1Char('[')));
    QVERIFY(QCoreApplication::removeTranslator(&marking));
    QCoreApplication::processEvents();
    QCOMPARE(tabs->tabText(0), QStringLiteral("&Profiles"));
}

void TestSettingsDialog::rulesAreNamedInTheInterfaceLanguage()
{
    SettingsDialog dialog(*m_store, *m_secrets, m_preferences, ruleIds, m_catalog);
    dialog.show();
    child<QTabWidget>(dialog, "tabs")->setCurrentWidget(child<QWidget>(dialog, "rulesTab"));
    auto *table = child<QTableWidget>(dialog, "rulesTable");
    // Row 6 is settlement-payment-mismatch (see ruleIds), which reports at warning only.
    QCOMPARE(ruleIds[6], std::string("settlement-payment-mismatch"));
    auto *combo = child<QComboBox>(dialog, "severity:settlement-payment-mismatch");
    QCOMPARE(table->item(6, 0)->text(), QStringLiteral("Settlements that do not match the payment"));
    QVERIFY(table->item(6, 0)->toolTip().contains(QLatin1String("settlement-payment-mismatch")));  // the id at hand
    QCOMPARE(table->item(6, 1)->text(), QStringLiteral("Warning"));
    QCOMPARE(combo->itemText(0), QStringLiteral("Default (Warning)"));
    QCOMPARE(combo->accessibleName(), QStringLiteral("Severity of Settlements that do not match the payment"));

    // The console switching to Korean (what Settings' OK and the View menu do): the catalog's
    // names and the severities follow, like every tr() text.
    QVERIFY(installTranslators(Language::Korean));
    QCoreApplication::processEvents();
    QCOMPARE(table->item(6, 0)->text(), QStringLiteral("결제와 맞지 않는 정산"));
    QCOMPARE(table->item(0, 0)->text(), QStringLiteral("상태에 비해 비어 있는 필드"));  // null-field-for-status
    QCOMPARE(table->item(6, 1)->text(), QStringLiteral("경고"));
    // "Default (…)" as the Korean catalogue words it, around the Korean severity.
    const QString korean = QCoreApplication::translate("paytriage::SettingsDialog", "Default (%1)").arg(QStringLiteral("경고"));
    QCOMPARE(combo->itemText(0), korean);
    QVERIFY(table->item(6, 0)->toolTip().contains(QLatin1String("settlement-payment-mismatch")));

    QVERIFY(installTranslators(Language::English));
    QCoreApplication::processEvents();
    QCOMPARE(table->item(6, 0)->text(), QStringLiteral("Settlements that do not match the payment"));
    QCOMPARE(combo->itemText(0), QStringLiteral("Default (Warning)"));
}

void TestSettingsDialog::screenshots()
{
    // PAYTRIAGE_SCREENSHOT_DIR=/tmp writes settings.png (and settings-ko.png when
    // PAYTRIAGE_KO_TSV names the Korean strings); otherwise the pictures are only made.
    const QString dir = qEnvironmentVariable("PAYTRIAGE_SCREENSHOT_DIR");
    addShopProfile();
    MerchantProfile live;
    live.name = QStringLiteral("Live merchant");
    live.mid = QStringLiteral("mid-live-01");
    live.apiVersion = QStringLiteral("2022-11-16");
    live.clientCertificatePath = QStringLiteral("/home/support/ait/client.pem");
    m_store->save(live);

    std::unique_ptr<TsvTranslator> korean;
    for (const QString &suffix : {QString(), QStringLiteral("-ko")}) {
        if (!suffix.isEmpty()) {
            korean = std::make_unique<TsvTranslator>(qEnvironmentVariable("PAYTRIAGE_KO_TSV"));
            if (korean->isEmpty())
                break;
            QCoreApplication::installTranslator(korean.get());
        }
        QSignalSpy read(m_secrets.get(), &SecretStore::readFinished);
        SettingsDialog dialog(*m_store, *m_secrets, m_preferences, ruleIds, m_catalog);
        dialog.resize(780, 600);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        while (read.size() < 2 && read.wait(5000)) {
        }
        dialog.selectProfile(QStringLiteral("Live merchant"));
        QTest::keyClicks(child<QLineEdit>(dialog, "secretEdit"), QStringLiteral("live_sk_typedJustNow"));
        const QPixmap profiles = dialog.grab();
        QVERIFY(!profiles.isNull());
        child<QTabWidget>(dialog, "tabs")->setCurrentWidget(child<QWidget>(dialog, "rulesTab"));
        QTest::keyClick(child<QComboBox>(dialog, "severity:unknown-field"), Qt::Key_End);
        const QPixmap rules = dialog.grab();
        if (!dir.isEmpty()) {
            QVERIFY(profiles.save(QDir(dir).filePath(QStringLiteral("settings%1.png").arg(suffix))));
            QVERIFY(rules.save(QDir(dir).filePath(QStringLiteral("settings-rules%1.png").arg(suffix))));
        }
        dialog.reject();
    }
    if (korean)
        QCoreApplication::removeTranslator(korean.get());
}

QTEST_MAIN(TestSettingsDialog)
#include "tst_settingsdialog.moc"
