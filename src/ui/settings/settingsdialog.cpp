#include "settingsdialog.h"

#include "store/storelocation.h"

#include "net/profilecommit.h"
#include "ui_settingsdialog.h"
#include "util/i18n.h"

#include <QComboBox>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QHeaderView>
#include <QLineEdit>
#include <QPushButton>

#include <algorithm>
#include <utility>

namespace paytriage {
namespace {

// Known API versions, newest first (facts §1); the field stays editable for what comes next.
const char *const apiVersions[] = {"2022-11-16", "2022-07-27", "2022-06-08", "1.4", "1.3", "1.2", "1.1", "1.0"};

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

QUrl urlFromField(const QString &text)
{
    return QUrl(text.trimmed(), QUrl::StrictMode);
}

QString severityIdText(Severity severity)
{
    const std::string_view id = severityId(severity);
    return QString::fromLatin1(id.data(), qsizetype(id.size()));
}

} // namespace

SettingsDialog::SettingsDialog(ProfileStore &profiles, SecretStore &secrets, const Preferences &preferences,
                               const std::vector<std::string> &ruleIds, const Catalog &catalog, QWidget *parent)
    : QDialog(parent)
    , ui(std::make_unique<Ui::SettingsDialog>())
    , m_profiles(profiles)
    , m_secrets(secrets)
    , m_initial(preferences)
    , m_ruleIds(ruleIds)
    , m_commit(new ProfileCommit(profiles, secrets, this))
    , m_catalog(catalog)
{
    ui->setupUi(this);
    ui->sessionNotice->hide();
    ui->commitProblem->hide();

    // Language names in their own language: someone who cannot read the current one still
    // finds theirs.
    ui->languageCombo->addItem(QStringLiteral("한국어"), QStringLiteral("ko"));
    ui->languageCombo->addItem(QStringLiteral("English"), QStringLiteral("en"));
    ui->languageCombo->setCurrentIndex(preferences.language == Language::Korean ? 0 : 1);
    ui->historyLocationEdit->setText(preferences.historyLocation);
    ui->historyLocationEdit->setPlaceholderText(defaultStorePath());
    ui->keepSpin->setValue(preferences.keepDays);
    connect(ui->historyBrowseButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Keep the evidence history in"), ui->historyLocationEdit->text(),
                                                          tr("History (*.sqlite);;All files (*)"), nullptr,
                                                          QFileDialog::DontConfirmOverwrite);
        if (!path.isEmpty())
            ui->historyLocationEdit->setText(path);
    });

    ui->apiVersionCombo->addItem(QString());
    for (const char *version : apiVersions)
        ui->apiVersionCombo->addItem(QLatin1String(version));
    fillRules(ruleIds);

    for (const MerchantProfile &profile : m_profiles.profiles()) {
        Entry entry;
        entry.profile = profile;
        entry.storedName = profile.name;
        m_entries.push_back(std::move(entry));
        ui->profileList->addItem(profile.name);
    }

    connect(ui->profileList, &QListWidget::currentRowChanged, this, &SettingsDialog::showEntry);
    connect(ui->addButton, &QPushButton::clicked, this, &SettingsDialog::addProfile);
    connect(ui->removeButton, &QPushButton::clicked, this, &SettingsDialog::removeProfile);
    for (QLineEdit *edit : {ui->nameEdit, ui->midEdit, ui->secretEdit, ui->baseUrlEdit, ui->appsInTossUrlEdit,
                            ui->certificateEdit, ui->keyEdit})
        connect(edit, &QLineEdit::textEdited, this, &SettingsDialog::formEdited);
    connect(ui->apiVersionCombo, &QComboBox::editTextChanged, this, &SettingsDialog::formEdited);
    connect(ui->certificateBrowse, &QToolButton::clicked, this, [this] {
        browse(ui->certificateEdit, tr("Apps-in-Toss client certificate"),
               tr("PEM files (*.pem *.crt *.cer);;All files (*)"));
    });
    connect(ui->keyBrowse, &QToolButton::clicked, this, [this] {
        browse(ui->keyEdit, tr("Private key of the client certificate"), tr("PEM files (*.pem *.key);;All files (*)"));
    });
    connect(ui->buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(ui->buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);

    connect(&m_secrets, &SecretStore::readFinished, this, &SettingsDialog::onSecretRead);
    connect(m_commit, &ProfileCommit::secretStored, this, &SettingsDialog::onSecretStored);
    connect(m_commit, &ProfileCommit::finished, this, &SettingsDialog::onCommitFinished);
    connect(&m_secrets, &SecretStore::persistenceUnavailable, this, &SettingsDialog::showNotice);
    if (!m_secrets.persistent())
        showNotice(QString());
    m_secrets.probe();
    // Whether each profile has a key, and its mode: read once, kept as two facts, never shown.
    for (const Entry &entry : m_entries) {
        m_checking.insert(entry.storedName);
        m_secrets.read(entry.storedName);
    }

    retranslate();
    const QString last = m_profiles.lastUsed();
    const auto lastEntry = std::find_if(m_entries.begin(), m_entries.end(),
                                        [&last](const Entry &e) { return e.storedName == last; });
    if (!m_entries.empty())
        ui->profileList->setCurrentRow(lastEntry == m_entries.end() ? 0 : int(lastEntry - m_entries.begin()));
    else
        showEntry(-1);
}

SettingsDialog::~SettingsDialog() = default;

void SettingsDialog::selectProfile(const QString &name)
{
    ui->tabs->setCurrentWidget(ui->profilesTab);
    for (std::size_t i = 0; i < m_entries.size(); ++i) {
        if (m_entries[i].storedName == name || m_entries[i].profile.name == name) {
            ui->profileList->setCurrentRow(int(i));
            return;
        }
    }
}

QString SettingsDialog::historyPassword() const
{
    return ui->historyPasswordEdit->text();
}

void SettingsDialog::setHistoryFigure(const QString &text)
{
    ui->historyFigure->setText(text);
}

Preferences SettingsDialog::preferences() const
{
    Preferences p = m_initial;  // overrides of rules not listed here are the user's: kept
    p.language = ui->languageCombo->currentData().toString() == QLatin1String("ko") ? Language::Korean : Language::English;
    p.historyLocation = ui->historyLocationEdit->text().trimmed();
    p.keepDays = ui->keepSpin->value();
    for (int row = 0; row < ui->rulesTable->rowCount(); ++row) {
        const std::string &rule = m_ruleIds[std::size_t(row)];
        const auto *combo = qobject_cast<QComboBox *>(ui->rulesTable->cellWidget(row, 2));
        Severity severity;
        if (combo && severityFromId(combo->currentData().toString().toStdString(), &severity))
            p.severityOverrides[rule] = severity;
        else
            p.severityOverrides.erase(rule);
    }
    return p;
}

void SettingsDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        ui->retranslateUi(this);
        retranslate();
    }
    QDialog::changeEvent(event);
}

void SettingsDialog::retranslate()
{
    ui->historyLocationHint->setText(
        tr("Empty: your own file. Or another SQLite file, or a team's PostgreSQL as postgresql://user@host:5432/db?sslmode=require, "
           "its password below (kept in the system keychain, never in the address or the settings file; else ~/.pgpass). "
           "PAYTRIAGE_STORE, when set, wins. A new place is used from the next start."));
    ui->keepSpin->setSpecialValueText(tr("for ever"));
    ui->keepSpin->setSuffix(tr(" days"));
    ui->rulesTable->setHorizontalHeaderLabels({tr("Rule"), tr("Default"), tr("Override")});
    int overrideWidth = ui->rulesTable->horizontalHeader()->sectionSizeHint(2);
    for (int row = 0; row < ui->rulesTable->rowCount(); ++row) {
        const std::string &rule = m_ruleIds[std::size_t(row)];
        const QString id = QString::fromStdString(rule);
        const QString name = ruleName(rule);
        if (QTableWidgetItem *item = ui->rulesTable->item(row, 0)) {
            item->setText(name);
            // The id is what the CLI prints and reports carry: at hand, not in the way.
            item->setToolTip(tr("Rule id: %1").arg(id));
        }
        if (QTableWidgetItem *item = ui->rulesTable->item(row, 1)) {
            const QString severities = defaultSeverities(rule);
            item->setText(severities.isEmpty() ? tr("Set by the rule") : severities);
            const bool several = m_catalog.ruleSeverities(rule).size() != 1;
            item->setToolTip(several ? tr("Each finding gets the severity its case calls for (a payment stuck past its "
                                          "expiry is critical, one still in time a warning).")
                                     : QString());
        }
        if (auto *combo = qobject_cast<QComboBox *>(ui->rulesTable->cellWidget(row, 2))) {
            fillSeverityCombo(combo, rule);
            combo->setAccessibleName(tr("Severity of %1").arg(name));
            overrideWidth = std::max(overrideWidth, combo->sizeHint().width());
        }
    }
    // Cell widgets do not count for ResizeToContents: the column takes its combos' width.
    ui->rulesTable->horizontalHeader()->resizeSection(2, overrideWidth + 8);
    ui->apiVersionCombo->lineEdit()->setPlaceholderText(tr("The merchant's own (developer center)"));
    for (std::size_t i = 0; i < m_entries.size(); ++i) {
        const QString name = m_entries[i].profile.name.trimmed();
        ui->profileList->item(int(i))->setText(name.isEmpty() ? tr("(no name)") : name);
    }
    if (ui->sessionNotice->isVisible() || !m_secrets.persistent())
        showNotice(m_storeNotice);
    refreshEntryView();
}

QString SettingsDialog::ruleName(const std::string &rule) const
{
    // The catalog's name in the language the interface shows now (it follows LanguageChange);
    // a rule the catalog does not name yet shows its id.
    const LocalizedText name = m_catalog.ruleName(rule);
    return name.empty() ? QString::fromStdString(rule) : name.qIn(uiLanguage());
}

QString SettingsDialog::defaultSeverities(const std::string &rule) const
{
    // Rules choose a severity per finding, so a rule may come at several: "Warning or Info".
    QStringList names;
    for (const std::string &id : m_catalog.ruleSeverities(rule)) {
        Severity severity;
        if (severityFromId(id, &severity))
            names << severityName(severity);
    }
    if (names.size() < 2)
        return names.join(QString());
    const QString last = names.takeLast();
    const QString separator = tr(", ", "between severities in a list");
    return tr("%1 or %2", "severities a rule may report, e.g. Warning or Info").arg(names.join(separator), last);
}

void SettingsDialog::fillRules(const std::vector<std::string> &ruleIds)
{
    ui->rulesTable->setColumnCount(3);
    ui->rulesTable->setRowCount(int(ruleIds.size()));
    for (std::size_t i = 0; i < ruleIds.size(); ++i) {
        const int row = int(i);
        auto *name = new QTableWidgetItem;  // named in retranslate(), in the interface's language
        name->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        ui->rulesTable->setItem(row, 0, name);
        auto *defaultSeverity = new QTableWidgetItem;
        defaultSeverity->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        ui->rulesTable->setItem(row, 1, defaultSeverity);
        auto *combo = new QComboBox;
        combo->setObjectName(QStringLiteral("severity:") + QString::fromStdString(ruleIds[i]));
        fillSeverityCombo(combo, ruleIds[i]);
        const auto chosen = m_initial.severityOverrides.find(ruleIds[i]);
        if (chosen != m_initial.severityOverrides.end())
            combo->setCurrentIndex(combo->findData(severityIdText(chosen->second)));
        ui->rulesTable->setCellWidget(row, 2, combo);
        // Overridden rules stand out, as changed preferences do in Wireshark.
        auto markChanged = [name, combo] {
            QFont font = name->font();
            font.setBold(combo->currentIndex() > 0);
            name->setFont(font);
        };
        connect(combo, &QComboBox::currentIndexChanged, this, markChanged);
        markChanged();
    }
    QHeaderView *header = ui->rulesTable->horizontalHeader();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(0, QHeaderView::Stretch);
    header->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(2, QHeaderView::Fixed);  // sized to its combos in retranslate()
}

void SettingsDialog::fillSeverityCombo(QComboBox *combo, const std::string &rule)
{
    const int current = std::max(0, combo->currentIndex());
    const QSignalBlocker blocker(combo);
    combo->clear();
    // "Default (Warning)": what leaving the rule alone means, without looking at the next column.
    const QString severities = defaultSeverities(rule);
    combo->addItem(severities.isEmpty() ? tr("Default") : tr("Default (%1)").arg(severities), QString());
    for (Severity s : {Severity::Critical, Severity::Warning, Severity::Info})
        combo->addItem(severityName(s), severityIdText(s));
    combo->setCurrentIndex(current);
}

void SettingsDialog::showEntry(int index)
{
    m_current = index >= 0 && std::size_t(index) < m_entries.size() ? index : -1;
    m_loading = true;
    ui->profileForm->setEnabled(m_current >= 0);
    ui->removeButton->setEnabled(m_current >= 0);
    if (m_current >= 0) {
        const Entry &e = m_entries[std::size_t(m_current)];
        const bool defaultUrl = e.profile.baseUrl == MerchantProfile().baseUrl;
        ui->nameEdit->setText(e.profile.name);
        ui->midEdit->setText(e.profile.mid);
        // Only what the user typed in this dialog and has not stored yet; a stored key is
        // never put back into the widget.
        ui->secretEdit->setText(e.newSecret);
        ui->baseUrlEdit->setText(defaultUrl ? QString() : e.profile.baseUrl.toString());
        ui->apiVersionCombo->setCurrentText(e.profile.apiVersion);
        ui->appsInTossUrlEdit->setText(e.profile.appsInTossBaseUrl.toString());
        ui->certificateEdit->setText(QDir::toNativeSeparators(e.profile.clientCertificatePath));
        ui->keyEdit->setText(QDir::toNativeSeparators(e.profile.clientKeyPath));
    } else {
        for (QLineEdit *edit : {ui->nameEdit, ui->midEdit, ui->secretEdit, ui->baseUrlEdit, ui->appsInTossUrlEdit,
                                ui->certificateEdit, ui->keyEdit})
            edit->clear();
        ui->apiVersionCombo->setCurrentText(QString());
    }
    m_loading = false;
    refreshEntryView();
}

void SettingsDialog::formEdited()
{
    if (m_loading || m_current < 0)
        return;
    Entry &e = m_entries[std::size_t(m_current)];
    e.profile.name = ui->nameEdit->text();
    e.profile.mid = ui->midEdit->text().trimmed();
    e.newSecret = ui->secretEdit->text();
    const QString baseUrl = ui->baseUrlEdit->text().trimmed();
    e.profile.baseUrl = baseUrl.isEmpty() ? MerchantProfile().baseUrl : urlFromField(baseUrl);
    e.profile.apiVersion = ui->apiVersionCombo->currentText().trimmed();
    const QString appsInTossUrl = ui->appsInTossUrlEdit->text().trimmed();
    e.profile.appsInTossBaseUrl = appsInTossUrl.isEmpty() ? QUrl() : urlFromField(appsInTossUrl);
    e.profile.clientCertificatePath = QDir::fromNativeSeparators(ui->certificateEdit->text().trimmed());
    e.profile.clientKeyPath = QDir::fromNativeSeparators(ui->keyEdit->text().trimmed());
    const QString name = e.profile.name.trimmed();
    ui->profileList->item(m_current)->setText(name.isEmpty() ? tr("(no name)") : name);
    refreshEntryView();
}

void SettingsDialog::refreshEntryView()
{
    if (m_current < 0) {
        ui->modeBadge->hide();
        ui->secretEdit->setPlaceholderText(QString());
        showProblems({});
        return;
    }
    const Entry &e = m_entries[std::size_t(m_current)];
    const QString typed = e.newSecret.trimmed();
    const KeyMode mode = !typed.isEmpty() ? keyModeOf(typed) : e.secretStored ? e.storedMode : KeyMode::Unknown;
    // The badge carries its own colours, so it reads the same on light and dark palettes.
    ui->modeBadge->setVisible(mode != KeyMode::Unknown);
    if (mode == KeyMode::Test) {
        ui->modeBadge->setText(tr("TEST"));
        ui->modeBadge->setStyleSheet(QStringLiteral(
            "QLabel { background: #2e7d32; color: white; border-radius: 3px; padding: 1px 6px; font-weight: bold; }"));
    } else if (mode == KeyMode::Live) {
        ui->modeBadge->setText(tr("LIVE"));
        ui->modeBadge->setStyleSheet(QStringLiteral(
            "QLabel { background: #c62828; color: white; border-radius: 3px; padding: 1px 6px; font-weight: bold; }"));
    }
    if (!e.secretChecked)
        ui->secretEdit->setPlaceholderText(tr("Checking the keychain…"));
    else if (e.secretStored)
        ui->secretEdit->setPlaceholderText(tr("A key is stored; type a new one to replace it"));
    else
        ui->secretEdit->setPlaceholderText(tr("No key stored; type the secret key (test_sk_… or live_sk_…)"));
    showProblems(problemsOf(std::size_t(m_current)));
}

std::vector<ProfileProblem> SettingsDialog::problemsOf(std::size_t index) const
{
    const Entry &e = m_entries[index];
    QStringList otherNames;
    for (std::size_t i = 0; i < m_entries.size(); ++i)
        if (i != index)
            otherNames << m_entries[i].profile.name;
    return profileProblems(e.profile, {e.newSecret, e.secretChecked, e.secretStored}, otherNames);
}

void SettingsDialog::setProblem(QLabel *label, const QString &text, bool blocking)
{
    label->setVisible(!text.isEmpty());
    label->setText(text);
    QPalette palette = label->palette();
    const bool dark = isDark(palette);
    const QColor colour = blocking ? (dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xb0, 0x00, 0x20))
                                   : (dark ? QColor(0xff, 0xcc, 0x80) : QColor(0x8a, 0x53, 0x00));
    palette.setColor(QPalette::WindowText, colour);
    label->setPalette(palette);
}

void SettingsDialog::showProblems(const std::vector<ProfileProblem> &problems)
{
    // One label per row of the form; the Apps-in-Toss address, certificate and key share one.
    auto labelOf = [this](ProfileField field) {
        switch (field) {
        case ProfileField::Name: return ui->nameProblem;
        case ProfileField::SecretKey: return ui->secretProblem;
        case ProfileField::BaseUrl: return ui->baseUrlProblem;
        case ProfileField::ApiVersion: return ui->apiVersionProblem;
        case ProfileField::AppsInTossUrl:
        case ProfileField::ClientCertificate:
        case ProfileField::ClientKey: break;
        }
        return ui->appsInTossProblem;
    };
    for (QLabel *label : {ui->nameProblem, ui->secretProblem, ui->baseUrlProblem, ui->apiVersionProblem,
                          ui->appsInTossProblem})
        setProblem(label, QString(), false);
    for (const ProfileProblem &problem : problems) {
        QLabel *label = labelOf(problem.field);
        if (label->text().isEmpty())  // the first problem of a row is the one to fix first
            setProblem(label, problem.message, problem.blocking);
    }
}

QWidget *SettingsDialog::fieldWidget(ProfileField field) const
{
    switch (field) {
    case ProfileField::Name: return ui->nameEdit;
    case ProfileField::SecretKey: return ui->secretEdit;
    case ProfileField::BaseUrl: return ui->baseUrlEdit;
    case ProfileField::ApiVersion: return ui->apiVersionCombo;
    case ProfileField::AppsInTossUrl: return ui->appsInTossUrlEdit;
    case ProfileField::ClientCertificate: return ui->certificateEdit;
    case ProfileField::ClientKey: break;
    }
    return ui->keyEdit;
}

void SettingsDialog::showNotice(const QString &reason)
{
    m_storeNotice = reason;
    ui->sessionNotice->setText(reason.isEmpty()
                                   ? tr("Secret keys are kept only until PayTriage quits: no keychain is in use. Enter "
                                        "them again next time.")
                                   : reason);
    ui->sessionNotice->show();
}

void SettingsDialog::addProfile()
{
    const QString base = tr("New profile");
    QString name = base;
    for (int n = 2; std::any_of(m_entries.begin(), m_entries.end(),
                                [&name](const Entry &e) { return e.profile.name.trimmed() == name; });
         ++n)
        name = base + QLatin1Char(' ') + QString::number(n);
    Entry entry;
    entry.profile.name = name;
    entry.secretChecked = true;  // new: nothing can be stored under it yet
    m_entries.push_back(std::move(entry));
    ui->profileList->addItem(name);
    ui->tabs->setCurrentWidget(ui->profilesTab);
    ui->profileList->setCurrentRow(int(m_entries.size()) - 1);
    ui->nameEdit->setFocus(Qt::OtherFocusReason);
    ui->nameEdit->selectAll();
}

void SettingsDialog::removeProfile()
{
    if (m_current < 0)
        return;
    const int row = m_current;
    const Entry &e = m_entries[std::size_t(row)];
    if (!e.storedName.isEmpty())
        m_removedNames << e.storedName;
    m_current = -1;  // the list's row change below must not write the form into another entry
    m_entries.erase(m_entries.begin() + row);
    delete ui->profileList->takeItem(row);
    showEntry(ui->profileList->currentRow());
}

void SettingsDialog::browse(QLineEdit *edit, const QString &title, const QString &filter)
{
    const QString start = edit->text().isEmpty() ? QDir::homePath() : edit->text();
    const QString path = QFileDialog::getOpenFileName(this, title, start, filter);
    if (path.isEmpty())
        return;
    edit->setText(QDir::toNativeSeparators(path));
    formEdited();
}

void SettingsDialog::onSecretRead(const QString &profile, const QString &secret, const QString &error)
{
    if (!m_checking.remove(profile))
        return;  // a read of the commit's, or of someone else's
    for (Entry &e : m_entries) {
        if (e.storedName != profile)
            continue;
        e.secretChecked = true;
        e.secretStored = !secret.isEmpty();
        e.storedMode = keyModeOf(secret);  // test/live is no secret; the key goes no further
    }
    if (!error.isEmpty())
        setProblem(ui->commitProblem, error, true);
    refreshEntryView();
}

void SettingsDialog::accept()
{
    if (m_commit->running())
        return;
    // A history's place that cannot be used (a URL with its password in it) is said beside it.
    if (const QString location = ui->historyLocationEdit->text().trimmed(); !location.isEmpty()) {
        const auto parsed = StoreLocation::parse(location);
        if (std::holds_alternative<StoreError>(parsed)) {
            ui->tabs->setCurrentWidget(ui->historyTab);
            ui->historyLocationHint->setText(std::get<StoreError>(parsed).message());
            ui->historyLocationEdit->setFocus(Qt::OtherFocusReason);
            return;
        }
        // A team server's password goes to the keychain, as a merchant's key does.
        const StoreLocation &place = std::get<StoreLocation>(parsed);
        if (place.backend == StoreLocation::Backend::PostgreSQL && !ui->historyPasswordEdit->text().isEmpty())
            m_secrets.write(place.secretName(), ui->historyPasswordEdit->text());
    }
    ui->commitProblem->hide();
    for (std::size_t i = 0; i < m_entries.size(); ++i) {
        const std::vector<ProfileProblem> problems = problemsOf(i);
        const auto blocking = std::find_if(problems.begin(), problems.end(),
                                           [](const ProfileProblem &p) { return p.blocking; });
        if (blocking == problems.end())
            continue;
        // Stay open on the first profile that cannot be saved, its problem beside its field.
        ui->tabs->setCurrentWidget(ui->profilesTab);
        ui->profileList->setCurrentRow(int(i));
        fieldWidget(blocking->field)->setFocus(Qt::OtherFocusReason);
        return;
    }
    ui->buttons->setEnabled(false);

    std::vector<ProfileEdit> edits;
    for (Entry &e : m_entries) {
        e.profile.name = e.profile.name.trimmed();  // as the commit stores it
        edits.push_back({e.profile, e.storedName, e.newSecret});
        const QString secret = e.newSecret.trimmed();
        if (!secret.isEmpty())
            e.storedMode = keyModeOf(secret);
        e.storedName = e.profile.name;  // the profile store has it under this name from now on
    }
    m_commit->start(std::move(edits), std::exchange(m_removedNames, {}));
}

void SettingsDialog::onSecretStored(const QString &profile)
{
    for (Entry &e : m_entries) {
        if (e.storedName == profile) {
            e.newSecret.clear();
            e.secretChecked = true;
            e.secretStored = true;
        }
    }
}

void SettingsDialog::reject()
{
    if (m_commit->running())  // keys are being stored: closing now would hide whether that worked
        return;
    QDialog::reject();
}

void SettingsDialog::onCommitFinished(const QStringList &errors)
{
    ui->buttons->setEnabled(true);
    if (!errors.isEmpty()) {
        setProblem(ui->commitProblem, errors.join(QLatin1Char('\n')), true);
        showEntry(m_current);  // keys that were stored leave the form; the others stay typed
        return;
    }
    ui->secretEdit->clear();
    QDialog::accept();
}

} // namespace paytriage
