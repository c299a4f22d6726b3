#include "settingsdialog.h"

#include "ui_settingsdialog.h"

#include <QComboBox>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QHeaderView>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>

#include <algorithm>

namespace paytriage {
namespace {

// Known API versions, newest first (facts §1); the field stays editable for what comes next.
const char *const apiVersions[] = {"2022-11-16", "2022-07-27", "2022-06-08", "1.4", "1.3", "1.2", "1.1", "1.0"};

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

// The problem's URL rule, the client's own: https, or plain http to loopback only.
enum class UrlVerdict {
    Ok,
    Invalid,
    PlainHttpToRemote
};

UrlVerdict judgeUrl(const QUrl &url)
{
    if (!url.isValid() || url.host().isEmpty()
        || (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")))
        return UrlVerdict::Invalid;
    if (url.scheme() == QLatin1String("http") && !isLoopbackHost(url.host()))
        return UrlVerdict::PlainHttpToRemote;
    return UrlVerdict::Ok;
}

QUrl urlFromField(const QString &text)
{
    return QUrl(text.trimmed(), QUrl::StrictMode);
}

} // namespace

SettingsDialog::SettingsDialog(ProfileStore &profiles, SecretStore &secrets, const Preferences &preferences,
                               const std::vector<std::string> &ruleIds, QWidget *parent)
    : QDialog(parent)
    , ui(std::make_unique<Ui::SettingsDialog>())
    , m_profiles(profiles)
    , m_secrets(secrets)
    , m_initial(preferences)
    , m_ruleIds(ruleIds)
{
    ui->setupUi(this);
    ui->sessionNotice->hide();
    ui->commitProblem->hide();

    // Language names in their own language: someone who cannot read the current one still
    // finds theirs.
    ui->languageCombo->addItem(QStringLiteral("한국어"), QStringLiteral("ko"));
    ui->languageCombo->addItem(QStringLiteral("English"), QStringLiteral("en"));
    ui->languageCombo->setCurrentIndex(preferences.language == Language::Korean ? 0 : 1);

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
    connect(&m_secrets, &SecretStore::writeFinished, this, &SettingsDialog::onSecretWritten);
    connect(&m_secrets, &SecretStore::removeFinished, this, &SettingsDialog::onSecretRemoved);
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

Preferences SettingsDialog::preferences() const
{
    Preferences p = m_initial;  // overrides of rules not listed here are the user's: kept
    p.language = ui->languageCombo->currentData().toString() == QLatin1String("ko") ? Language::Korean : Language::English;
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
    ui->rulesTable->setHorizontalHeaderLabels({tr("Rule"), tr("Default"), tr("Override")});
    int overrideWidth = ui->rulesTable->horizontalHeader()->sectionSizeHint(2);
    for (int row = 0; row < ui->rulesTable->rowCount(); ++row) {
        const QString rule = QString::fromStdString(m_ruleIds[std::size_t(row)]);
        if (QTableWidgetItem *item = ui->rulesTable->item(row, 1)) {
            item->setText(tr("Set by the rule"));
            item->setToolTip(tr("Each finding gets the severity its case calls for (a payment stuck past its expiry "
                                "is critical, one still in time a warning)."));
        }
        if (auto *combo = qobject_cast<QComboBox *>(ui->rulesTable->cellWidget(row, 2))) {
            fillSeverityCombo(combo);
            combo->setAccessibleName(tr("Severity of %1").arg(rule));
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

void SettingsDialog::fillRules(const std::vector<std::string> &ruleIds)
{
    ui->rulesTable->setColumnCount(3);
    ui->rulesTable->setRowCount(int(ruleIds.size()));
    for (std::size_t i = 0; i < ruleIds.size(); ++i) {
        const int row = int(i);
        auto *id = new QTableWidgetItem(QString::fromStdString(ruleIds[i]));
        id->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        ui->rulesTable->setItem(row, 0, id);
        auto *defaultSeverity = new QTableWidgetItem;
        defaultSeverity->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        ui->rulesTable->setItem(row, 1, defaultSeverity);
        auto *combo = new QComboBox;
        combo->setObjectName(QStringLiteral("severity:") + QString::fromStdString(ruleIds[i]));
        fillSeverityCombo(combo);
        const auto chosen = m_initial.severityOverrides.find(ruleIds[i]);
        if (chosen != m_initial.severityOverrides.end()) {
            const std::string_view severity = severityId(chosen->second);
            combo->setCurrentIndex(combo->findData(QString::fromLatin1(severity.data(), qsizetype(severity.size()))));
        }
        ui->rulesTable->setCellWidget(row, 2, combo);
        // Overridden rules stand out, as changed preferences do in Wireshark.
        auto markChanged = [id, combo] {
            QFont font = id->font();
            font.setBold(combo->currentIndex() > 0);
            id->setFont(font);
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

void SettingsDialog::fillSeverityCombo(QComboBox *combo)
{
    const int current = std::max(0, combo->currentIndex());
    const QSignalBlocker blocker(combo);
    combo->clear();
    combo->addItem(tr("Default"), QString());
    for (Severity s : {Severity::Critical, Severity::Warning, Severity::Info})
        combo->addItem(severityName(s), QString::fromLatin1(severityId(s).data(), qsizetype(severityId(s).size())));
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
        showProblems(Problems());
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
    showProblems(problemsOf(e));
}

SettingsDialog::Problems SettingsDialog::problemsOf(const Entry &e) const
{
    Problems p;
    const QString name = e.profile.name.trimmed();
    if (name.isEmpty()) {
        p.name = tr("Give the profile a name.");
    } else {
        for (const Entry &other : m_entries) {
            if (&other != &e && other.profile.name.trimmed().compare(name, Qt::CaseInsensitive) == 0) {
                p.name = tr("Another profile is already called \"%1\".").arg(name);
                break;
            }
        }
    }

    const QString typed = e.newSecret.trimmed();
    if (!typed.isEmpty()) {
        if (typed.contains(QRegularExpression(QStringLiteral("\\s"))))
            p.secret = tr("The key contains spaces or line breaks; paste it again without them.");
        else if (looksLikeClientKey(typed))
            p.secret = tr("This is a client key, meant for browsers. Lookups need the secret key: test_sk_… or live_sk_… "
                          "(test_gsk_… or live_gsk_… for the payment widget).");
        else if (!typed.startsWith(QLatin1String("test_")) && !typed.startsWith(QLatin1String("live_")))
            p.secret = tr("Secret keys start with test_ or live_; check that this is the secret key from the developer "
                          "center.");
        else if (keyModeOf(typed) == KeyMode::Live)
            p.secret = tr("A live key: lookups read real payments (read-only; nothing is changed).");
    } else if (e.secretChecked && !e.secretStored) {
        p.secret = tr("No secret key is stored yet: lookups with this profile need one.");
    }

    auto urlText = [](UrlVerdict verdict) {
        switch (verdict) {
        case UrlVerdict::Ok:
            return QString();
        case UrlVerdict::Invalid:
            return tr("Not a valid address: use https://host.");
        case UrlVerdict::PlainHttpToRemote:
            return tr("Plain http:// is allowed only to this computer (127.0.0.1, localhost); use https://.");
        }
        return QString();
    };
    p.baseUrl = urlText(judgeUrl(e.profile.baseUrl));

    static const QRegularExpression versionShape(QStringLiteral("^(\\d+\\.\\d+|\\d{4}-\\d{2}-\\d{2})$"));
    if (!e.profile.apiVersion.isEmpty() && !versionShape.match(e.profile.apiVersion).hasMatch())
        p.apiVersion = tr("API versions look like 2022-11-16 or 1.4; the provider may refuse this one.");

    bool appsInTossBlocking = false;
    if (!e.profile.appsInTossBaseUrl.isEmpty())
        p.appsInToss = urlText(judgeUrl(e.profile.appsInTossBaseUrl));
    appsInTossBlocking = !p.appsInToss.isEmpty();
    const bool hasCertificate = !e.profile.clientCertificatePath.isEmpty();
    const bool hasKey = !e.profile.clientKeyPath.isEmpty();
    if (p.appsInToss.isEmpty() && hasCertificate != hasKey) {
        p.appsInToss = hasCertificate ? tr("Choose the certificate's private key too.")
                                      : tr("Choose the certificate of this private key too.");
        appsInTossBlocking = true;
    } else if (p.appsInToss.isEmpty() && hasCertificate) {
        // The files as the client will load them: missing, unreadable, expired, encrypted… A
        // warning only: the files may be on a drive that is not mounted right now.
        if (const auto problem = clientConfigFor(e.profile, QString(), Language::English).appsInTossProblem())
            p.appsInToss = *problem;
    }
    p.appsInTossBlocking = appsInTossBlocking;
    p.blocking = !p.name.isEmpty() || !p.baseUrl.isEmpty() || appsInTossBlocking;
    return p;
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

void SettingsDialog::showProblems(const Problems &p)
{
    setProblem(ui->nameProblem, p.name, true);
    setProblem(ui->secretProblem, p.secret, false);
    setProblem(ui->baseUrlProblem, p.baseUrl, true);
    setProblem(ui->apiVersionProblem, p.apiVersion, false);
    setProblem(ui->appsInTossProblem, p.appsInToss, p.appsInTossBlocking);
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
    if (m_checking.remove(profile)) {
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
    if (m_phase != CommitPhase::Reading || !m_reading.remove(profile))
        return;
    // A renamed profile's key, on its way to the new name (written in startSecretWrites()).
    if (!error.isEmpty())
        m_keep.insert(profile);  // unreadable: left where it is rather than lost
    else if (!secret.isEmpty())
        m_toWrite.insert(m_moves.value(profile), secret);
    finishCommitStep(error);
}

void SettingsDialog::onSecretWritten(const QString &profile, const QString &error)
{
    if (!m_writing.remove(profile))
        return;
    const QString oldName = m_removeAfterWrite.take(profile);
    if (error.isEmpty()) {
        for (Entry &e : m_entries) {
            if (e.storedName == profile) {
                e.newSecret.clear();
                e.secretChecked = true;
                e.secretStored = true;
            }
        }
        // A moved key leaves its old name only now that the new one holds it.
        if (!oldName.isEmpty()) {
            m_removing.insert(oldName);
            ++m_pending;
            m_secrets.remove(oldName);
        }
    }
    finishCommitStep(error);
}

void SettingsDialog::onSecretRemoved(const QString &profile, const QString &error)
{
    if (m_removing.remove(profile))
        finishCommitStep(error);
}

void SettingsDialog::accept()
{
    if (m_phase != CommitPhase::Idle)
        return;
    ui->commitProblem->hide();
    m_commitErrors.clear();
    for (std::size_t i = 0; i < m_entries.size(); ++i) {
        const Problems problems = problemsOf(m_entries[i]);
        if (!problems.blocking)
            continue;
        // Stay open on the first profile that cannot be saved, its problem beside its field.
        ui->tabs->setCurrentWidget(ui->profilesTab);
        ui->profileList->setCurrentRow(int(i));
        const MerchantProfile &profile = m_entries[i].profile;
        QWidget *field = ui->keyEdit;
        if (!problems.name.isEmpty())
            field = ui->nameEdit;
        else if (!problems.baseUrl.isEmpty())
            field = ui->baseUrlEdit;
        else if (!profile.appsInTossBaseUrl.isEmpty() && judgeUrl(profile.appsInTossBaseUrl) != UrlVerdict::Ok)
            field = ui->appsInTossUrlEdit;
        else if (profile.clientCertificatePath.isEmpty())
            field = ui->certificateEdit;
        field->setFocus(Qt::OtherFocusReason);
        return;
    }
    ui->buttons->setEnabled(false);

    // Profiles first (the settings answer at once): what is gone or renamed away leaves, then
    // every profile is saved, so names that changed hands (A→B, B→A) end up right.
    const QString lastUsed = m_profiles.lastUsed();
    QString newLastUsed = lastUsed;
    m_gone = m_removedNames;
    m_removedNames.clear();
    m_moves.clear();
    m_toWrite.clear();
    m_keep.clear();
    for (Entry &e : m_entries) {
        e.profile.name = e.profile.name.trimmed();
        const QString secret = e.newSecret.trimmed();
        if (!e.storedName.isEmpty() && e.storedName != e.profile.name) {
            m_gone << e.storedName;
            if (lastUsed == e.storedName)
                newLastUsed = e.profile.name;
            if (secret.isEmpty())
                m_moves.insert(e.storedName, e.profile.name);  // its key follows it
        }
        if (!secret.isEmpty()) {
            m_toWrite.insert(e.profile.name, secret);
            e.storedMode = keyModeOf(secret);
        }
    }
    for (const QString &name : std::as_const(m_gone))
        m_profiles.remove(name);
    for (Entry &e : m_entries) {
        m_profiles.save(e.profile);
        e.storedName = e.profile.name;
    }
    if (newLastUsed != lastUsed)
        m_profiles.setLastUsed(newLastUsed);

    // Then the keys: the renamed ones are read first, so every write and removal below can be
    // decided knowing all of them.
    m_phase = CommitPhase::Reading;
    m_pending = 1;  // this function's own step: answers arriving meanwhile cannot finish early
    for (auto it = m_moves.cbegin(); it != m_moves.cend(); ++it) {
        m_reading.insert(it.key());
        ++m_pending;
        m_secrets.read(it.key());
    }
    finishCommitStep(QString());
}

void SettingsDialog::startSecretWrites()
{
    m_phase = CommitPhase::Writing;
    m_pending = 1;
    for (auto it = m_toWrite.cbegin(); it != m_toWrite.cend(); ++it) {
        m_writing.insert(it.key());
        ++m_pending;
        m_secrets.write(it.key(), it.value());
    }
    for (const QString &name : std::as_const(m_gone)) {
        if (m_keep.contains(name) || m_toWrite.contains(name))
            continue;  // kept (unreadable move), or its new owner's key replaces it
        const QString movedTo = m_moves.value(name);
        if (!movedTo.isEmpty() && m_toWrite.contains(movedTo)) {
            m_removeAfterWrite.insert(movedTo, name);
            continue;
        }
        // Removed, or renamed away with a new key typed (or none stored): its old key goes, so
        // no later profile of that name inherits it.
        m_removing.insert(name);
        ++m_pending;
        m_secrets.remove(name);
    }
    m_toWrite.clear();  // the store has the keys now; this dialog need not hold them
    m_gone.clear();
    finishCommitStep(QString());
}

void SettingsDialog::reject()
{
    if (m_phase != CommitPhase::Idle)  // keys are being stored: closing now would hide whether that worked
        return;
    QDialog::reject();
}

void SettingsDialog::finishCommitStep(const QString &error)
{
    if (!error.isEmpty())
        m_commitErrors << error;
    if (m_pending == 0 || --m_pending > 0)
        return;
    if (m_phase == CommitPhase::Reading) {
        startSecretWrites();
        return;
    }
    m_phase = CommitPhase::Idle;
    m_moves.clear();
    m_keep.clear();
    ui->buttons->setEnabled(true);
    if (!m_commitErrors.isEmpty()) {
        setProblem(ui->commitProblem, m_commitErrors.join(QLatin1Char('\n')), true);
        showEntry(m_current);  // keys that were stored leave the form; the others stay typed
        return;
    }
    ui->secretEdit->clear();
    QDialog::accept();
}

} // namespace paytriage
