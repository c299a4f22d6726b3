#include "mainwindow.h"
#include "ui_mainwindow.h"

#include "analyzetextdialog.h"
#include "casereport/bundle.h"
#include "casereport/casereport.h"
#include "caseview.h"
#include "session/evidencehistory.h"
#include "errorcodedialog.h"
#include "batchview.h"
#include "historyview.h"
#include "scanview.h"
#include "net/profilestore.h"
#include "net/secretstore.h"
#include "sandboxdata.h"
#include "sandboxserver.h"
#include "session/casesession.h"
#include "settings/settingsdialog.h"
#include "store/evidencemask.h"
#include "store/evidencestore.h"
#include "severitystyle.h"
#include "util/clock.h"
#include "util/i18n.h"
#include "util/jsonutil.h"
#include "welcomepage.h"

#include <QActionGroup>

#include <climits>
#include <QClipboard>
#include <QCloseEvent>
#include <QDateTime>
#include <QDir>
#include <QDropEvent>
#include <QLocale>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QLabel>
#include <QMessageBox>
#include <QRegularExpression>
#include <QMenu>
#include <QToolButton>
#include <QPushButton>
#include <QTimer>
#include <QMimeData>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QStatusBar>
#include <QStyle>
#include <QTableView>
#include <QToolBar>

namespace paytriage {

namespace {

// The demo profile's key: the sandbox accepts any test key; this one is not a secret.
constexpr const char *demoSecretKey = "test_sk_paytriage_demo";

} // namespace

struct MainWindow::DemoProfile
{
    MerchantProfile profile;
};

MainWindow::MainWindow(const Catalog &catalog, Options options, QWidget *parent)
    : QMainWindow(parent), m_ui(std::make_unique<Ui::MainWindow>()), m_catalog(catalog)
{
    m_ui->setupUi(this);
    if (options.settings) {
        m_settings = options.settings;
    } else {
        m_ownSettings = std::make_unique<QSettings>();
        m_settings = m_ownSettings.get();
    }
    m_profiles = std::make_unique<ProfileStore>(*m_settings);
    m_secrets = options.secrets ? std::move(options.secrets) : makeSecretStore(nullptr);
    m_preferences = loadPreferences(*m_settings);
    m_network = new QNetworkAccessManager(this);
    if (options.history) {
        m_history = new EvidenceHistory(*options.history, this);
        connect(m_history, &EvidenceHistory::recorded, this, [this] {
            if (m_historyView)
                m_historyView->reload();
        });
        connect(m_history, &EvidenceHistory::failed, this,
                [this](const QString &message) { statusBar()->showMessage(message, 20000); });
    }
    m_ui->actionHistory->setEnabled(m_history != nullptr);

    m_lookupBar = new LookupBar(this);
    auto *bar = addToolBar(tr("Lookup"));
    bar->setObjectName(QStringLiteral("lookupToolBar"));
    bar->setMovable(false);
    bar->addWidget(m_lookupBar);
    m_lookupBar->setRecent(m_settings->value(QStringLiteral("lookup/recent")).toStringList());

    m_welcome = new WelcomePage(this);
    m_severityLabel = new QLabel(this);
    m_severityLabel->setAccessibleName(tr("Worst finding of the current case"));
    m_demoLabel = new QLabel(this);
    statusBar()->addPermanentWidget(m_demoLabel);
    statusBar()->addPermanentWidget(m_severityLabel);

    auto *languages = new QActionGroup(this);
    languages->addAction(m_ui->actionKorean);
    languages->addAction(m_ui->actionEnglish);
    m_ui->actionKorean->setChecked(m_preferences.language == Language::Korean);
    m_ui->actionEnglish->setChecked(m_preferences.language == Language::English);

    connect(m_ui->actionLookup, &QAction::triggered, m_lookupBar, &LookupBar::focusInput);
    connect(m_ui->actionAnalyzeText, &QAction::triggered, this, [this] { showAnalyseTextDialog(); });
    connect(m_ui->actionAnalyzeClipboard, &QAction::triggered, this, &MainWindow::analyseClipboard);
    connect(m_ui->actionOpenFile, &QAction::triggered, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Analyse a file"), {},
                                                          tr("JSON and text (*.json *.txt *.log);;All files (*)"));
        if (!path.isEmpty())
            openFile(path);
    });
    connect(m_ui->actionOpenBundle, &QAction::triggered, this, [this] {
        const QString folder = QFileDialog::getExistingDirectory(this, tr("Open a case bundle"));
        if (!folder.isEmpty())
            openBundle(folder);
    });
    connect(m_ui->actionRefresh, &QAction::triggered, this, [this] {
        if (CaseView *view = currentCase())
            view->session()->refresh();
    });
    connect(m_ui->actionCloseCase, &QAction::triggered, this, [this] { closeCase(m_ui->caseTabs->currentIndex()); });
    connect(m_ui->actionQuit, &QAction::triggered, this, &QWidget::close);
    connect(m_ui->actionFind, &QAction::triggered, this, [this] {
        if (CaseView *view = currentCase())
            view->showFind();
    });
    connect(m_ui->actionErrorCodes, &QAction::triggered, this, [this] {
        errorCodes()->show();
        errorCodes()->raise();
        errorCodes()->activateWindow();
    });
    connect(m_ui->actionWelcome, &QAction::triggered, this, &MainWindow::showWelcome);
    connect(m_ui->actionHistory, &QAction::triggered, this, &MainWindow::showHistory);
    connect(m_ui->actionScan, &QAction::triggered, this, &MainWindow::showScan);
    connect(m_ui->actionBatch, &QAction::triggered, this, &MainWindow::showBatch);
    connect(m_ui->actionComparePrevious, &QAction::triggered, this, &MainWindow::compareWithPrevious);
    connect(m_ui->actionExportReport, &QAction::triggered, this, [this] {
        if (CaseView *view = currentCase())
            exportReport(view);
    });
    connect(m_ui->actionExportUnmasked, &QAction::triggered, this, [this] {
        if (CaseView *view = currentCase())
            exportReport(view, {}, true);
    });
    connect(m_ui->actionExportBundle, &QAction::triggered, this, [this] {
        if (CaseView *view = currentCase())
            exportBundle(view);
    });
    // Ctrl++ as well as Ctrl+=: the plus sits on the equals key of most keyboards.
    m_ui->actionZoomIn->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Equal), QKeySequence::ZoomIn});
    connect(m_ui->actionZoomIn, &QAction::triggered, this, [this] { setZoom(m_zoom + 10); });
    connect(m_ui->actionZoomOut, &QAction::triggered, this, [this] { setZoom(m_zoom - 10); });
    connect(m_ui->actionZoomReset, &QAction::triggered, this, [this] { setZoom(100); });
    m_zoom = std::clamp(m_settings->value(QStringLiteral("view/zoom"), 100).toInt(), 50, 200);

    // When tabs overflow, a menu lists every case (and the welcome page) by title.
    auto *tabList = new QToolButton(m_ui->caseTabs);
    tabList->setObjectName(QStringLiteral("tabListButton"));
    tabList->setArrowType(Qt::DownArrow);
    tabList->setAutoRaise(true);
    tabList->setPopupMode(QToolButton::InstantPopup);
    auto *tabMenu = new QMenu(tabList);
    tabList->setMenu(tabMenu);
    connect(tabMenu, &QMenu::aboutToShow, this, [this, tabMenu] {
        tabMenu->clear();
        for (int i = 0; i < m_ui->caseTabs->count(); ++i) {
            QAction *item = tabMenu->addAction(m_ui->caseTabs->tabIcon(i), m_ui->caseTabs->tabToolTip(i).section(QLatin1Char('\n'), 0, 0));
            if (item->text().isEmpty())
                item->setText(m_ui->caseTabs->tabText(i));
            item->setCheckable(true);
            item->setChecked(i == m_ui->caseTabs->currentIndex());
            connect(item, &QAction::triggered, this, [this, i] { m_ui->caseTabs->setCurrentIndex(i); });
        }
    });
    m_ui->caseTabs->setCornerWidget(tabList, Qt::TopRightCorner);
    connect(m_ui->actionKorean, &QAction::triggered, this, [this] { setLanguage(Language::Korean); });
    connect(m_ui->actionEnglish, &QAction::triggered, this, [this] { setLanguage(Language::English); });
    connect(m_ui->actionDemo, &QAction::triggered, this, &MainWindow::startDemo);
    connect(m_ui->actionSettings, &QAction::triggered, this, [this] { showSettings(); });
    connect(m_ui->actionAbout, &QAction::triggered, this, &MainWindow::showAbout);

    connect(m_lookupBar, &LookupBar::lookupRequested, this, &MainWindow::lookUp);
    connect(m_lookupBar, &LookupBar::profileChanged, this, &MainWindow::updateKeyBadge);
    connect(m_lookupBar, &LookupBar::inputProblem, this,
            [this](const QString &message) { statusBar()->showMessage(message, 10000); });
    connect(m_welcome, &WelcomePage::scenarioRequested, this, [this](const QString &orderId, bool inApp) {
        m_lookupBar->requestLookup(orderId, IdKind::OrderId, inApp);
    });
    connect(m_welcome, &WelcomePage::demoRequested, this, &MainWindow::startDemo);
    connect(m_welcome, &WelcomePage::analyseTextRequested, this, [this] { showAnalyseTextDialog(); });
    connect(m_welcome, &WelcomePage::recentRequested, this,
            [this](const QString &id) { m_lookupBar->requestLookup(id, IdKind::Auto); });
    connect(m_welcome, &WelcomePage::settingsRequested, this, [this](const QString &profile) { showSettings(profile); });
    connect(m_welcome, &WelcomePage::batchRequested, this, &MainWindow::showBatch);
    connect(m_welcome, &WelcomePage::scanRequested, this, &MainWindow::showScan);
    connect(m_welcome, &WelcomePage::historyRequested, this, &MainWindow::showHistory);
    m_welcome->setHistoryAvailable(m_history != nullptr);
    connect(m_secrets.get(), &SecretStore::readFinished, this, &MainWindow::onSecretRead);
    if (auto *keychain = qobject_cast<KeychainSecretStore *>(m_secrets.get()))
        connect(keychain, &KeychainSecretStore::persistenceUnavailable, this, [this](const QString &reason) {
            statusBar()->showMessage(tr("No keychain available: secret keys are kept for this session only. %1").arg(reason), 15000);
        });

    connect(m_ui->caseTabs, &QTabWidget::tabCloseRequested, this, &MainWindow::closeCase);
    connect(m_ui->caseTabs, &QTabWidget::currentChanged, this, &MainWindow::updateSeverityIndicator);

    refreshProfiles();
    restoreGeometry(m_settings->value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(m_settings->value(QStringLiteral("window/state")).toByteArray());
    showWelcome();
    if (options.demo)
        startDemo();
    updateSeverityIndicator();
    // The cases open when the window last closed on this history come back as they were kept.
    m_restoreCases = options.restoreCases;
    // What the history is asked at start (pruning, the cases to open again) waits for a team's
    // PostgreSQL password from the keychain; without one, ~/.pgpass may still serve.
    const auto startHistory = [this] {
        pruneHistory();
        if (m_history && m_restoreCases
            && m_settings->value(QStringLiteral("history/openCasesIn")).toString() == m_history->location().displayName())
            for (const QVariant &id : m_settings->value(QStringLiteral("history/openCases")).toList())
                openSnapshot(id.toLongLong());
    };
    if (m_history && m_history->location().backend == StoreLocation::Backend::PostgreSQL && m_history->location().password.isEmpty()) {
        const QString name = m_history->location().secretName();
        m_keyWaiters.emplace_back(name, [this, startHistory](const QString &secret, const QString &) {
            if (!secret.isEmpty())
                m_history->setPassword(secret);
            startHistory();
        });
        readKey(name);
    } else {
        startHistory();
    }
}

MainWindow::~MainWindow()
{
    // Case views (and their sessions' network calls) go before the sandbox they may talk to.
    while (m_ui->caseTabs->count() > 0) {
        QWidget *w = m_ui->caseTabs->widget(0);
        m_ui->caseTabs->removeTab(0);
        if (w != m_welcome)
            delete w;
    }
}

bool MainWindow::startDemo()
{
    if (!m_sandbox) {
        SandboxOptions options;
        auto server = std::make_unique<SandboxServer>(options);
        if (!server->listen(0)) {
            statusBar()->showMessage(tr("The demo sandbox could not start: %1").arg(server->errorString()), 15000);
            return false;
        }
        m_sandbox = std::move(server);
        m_demo = std::make_unique<DemoProfile>();
        m_demo->profile.name = tr("Demo sandbox");
        m_demo->profile.baseUrl = m_sandbox->url();
        m_demo->profile.appsInTossBaseUrl = m_sandbox->url();
        m_demo->profile.mid = QStringLiteral("tvivarepublica");
        m_keyModes[m_demo->profile.name] = KeyMode::Test;
        refreshProfiles(m_demo->profile.name);
    }
    std::vector<WelcomePage::Scenario> scenarios;
    for (const auto &s : m_sandbox->data().namedScenarios())
        scenarios.push_back({QString::fromStdString(s.orderId), s.description, s.inApp});
    m_welcome->setScenarios(std::move(scenarios), m_sandbox->url().toString());
    m_demoLabel->setText(tr("Demo sandbox: %1").arg(m_sandbox->url().toString()));
    m_ui->actionDemo->setEnabled(false);
    showWelcome();
    return true;
}

QUrl MainWindow::demoUrl() const
{
    return m_sandbox ? m_sandbox->url() : QUrl();
}

void MainWindow::refreshProfiles(const QString &select)
{
    QStringList names;
    if (m_demo)
        names << m_demo->profile.name;
    for (const MerchantProfile &p : m_profiles->profiles())
        names << p.name;
    QString current = select;
    if (current.isEmpty())
        current = names.contains(m_lookupBar->currentProfile()) ? m_lookupBar->currentProfile() : m_profiles->lastUsed();
    m_lookupBar->setProfiles(names, current);
    updateKeyBadge();
    updateWelcome();
}

void MainWindow::setZoom(int percent)
{
    m_zoom = std::clamp(percent, 50, 200);
    m_settings->setValue(QStringLiteral("view/zoom"), m_zoom);
    for (int i = 0; i < m_ui->caseTabs->count(); ++i)
        if (auto *view = qobject_cast<CaseView *>(m_ui->caseTabs->widget(i)))
            view->setZoom(m_zoom);
    statusBar()->showMessage(tr("Zoom %1%").arg(m_zoom), 2000);
}

void MainWindow::updateWelcome()
{
    m_welcome->setRecent(m_lookupBar->recent().mid(0, 8));
    std::vector<WelcomePage::ProfileKey> keys;
    for (const MerchantProfile &p : m_profiles->profiles()) {
        const auto mode = m_keyModes.find(p.name);
        keys.push_back({p.name, mode != m_keyModes.end() ? mode->second : KeyMode::Unknown, m_keyChecked.contains(p.name)});
    }
    m_welcome->setProfiles(std::move(keys));
}

void MainWindow::updateKeyBadge()
{
    const QString name = m_lookupBar->currentProfile();
    const auto known = m_keyModes.find(name);
    if (known != m_keyModes.end()) {
        m_lookupBar->setKeyMode(known->second);
        return;
    }
    m_lookupBar->setKeyMode(KeyMode::Unknown);
    if (!name.isEmpty() && m_profiles->profile(name))
        readKey(name);  // onSecretRead learns the mode; the key itself is not kept
}

void MainWindow::lookUp(const LookupBar::Query &query)
{
    // The same id again: show its case rather than a second copy.
    for (int i = 0; i < m_ui->caseTabs->count(); ++i) {
        auto *view = qobject_cast<CaseView *>(m_ui->caseTabs->widget(i));
        if (view && view->session()->isLookup() && view->session()->lookup()->id == query.id
            && view->session()->lookup()->profileName == query.profile) {
            m_ui->caseTabs->setCurrentIndex(i);
            if (!view->session()->busy() && !view->session()->failure().isEmpty())
                view->session()->refresh();
            return;
        }
    }
    m_settings->setValue(QStringLiteral("lookup/recent"), m_lookupBar->recent());
    updateWelcome();
    if (m_demo && query.profile == m_demo->profile.name) {
        startLookup(query, m_demo->profile, QString::fromLatin1(demoSecretKey));
        return;
    }
    const auto profile = m_profiles->profile(query.profile);
    if (!profile) {
        offerSettingsForKey(query, true);
        return;
    }
    m_profiles->setLastUsed(query.profile);
    m_waitingForSecret.push_back(query);
    readKey(query.profile);
}

void MainWindow::readKey(const QString &profile)
{
    // One read per profile at a time: its answer serves every lookup waiting for that key and
    // every badge that asked meanwhile.
    if (!m_keyReading.contains(profile)) {
        m_keyReading.insert(profile);
        m_secrets->read(profile);
    }
}

void MainWindow::onSecretRead(const QString &profileName, const QString &secret, const QString &error)
{
    m_keyReading.remove(profileName);
    std::vector<std::pair<QString, std::function<void(const QString &, const QString &)>>> keyWaiters;
    std::swap(keyWaiters, m_keyWaiters);
    for (auto &[profile, then] : keyWaiters)
        if (profile == profileName)
            then(secret, error);
        else
            m_keyWaiters.emplace_back(profile, std::move(then));
    if (m_history && profileName == m_history->location().secretName())
        return;  // the history's password, not a merchant's key
    if (!secret.isEmpty())
        m_keyModes[profileName] = keyModeOf(secret);
    m_keyChecked.insert(profileName);
    updateWelcome();
    if (profileName == m_lookupBar->currentProfile())
        m_lookupBar->setKeyMode(secret.isEmpty() ? KeyMode::Unknown : keyModeOf(secret));
    std::vector<LookupBar::Query> waiting;
    std::swap(waiting, m_waitingForSecret);
    for (const LookupBar::Query &query : waiting) {
        if (query.profile != profileName) {
            m_waitingForSecret.push_back(query);
            continue;
        }
        if (!error.isEmpty())
            statusBar()->showMessage(tr("Could not read the secret key of %1: %2").arg(profileName, error), 15000);
        if (secret.isEmpty() && !query.inApp) {
            // After this handler: the offer waits for the user, and the store may answer meanwhile.
            QTimer::singleShot(0, this, [this, query] { offerSettingsForKey(query, false); });
            continue;
        }
        startLookup(query, m_profiles->profile(profileName).value_or(MerchantProfile{}), secret);
    }
}

void MainWindow::startLookup(const LookupBar::Query &query, const MerchantProfile &profile, const QString &secret)
{
    CaseSession::LookupRequest request;
    request.id = query.id;
    request.kind = query.kind;
    request.inApp = query.inApp;
    request.iapUserKey = query.userKey;
    // The sandbox answers any user key; a demo visitor need not invent one.
    if (query.inApp && request.iapUserKey.isEmpty() && m_demo && query.profile == m_demo->profile.name)
        request.iapUserKey = QStringLiteral("sandbox-user");
    request.profileName = query.profile;
    request.mid = profile.mid;
    request.config = clientConfigFor(profile, secret, m_preferences.language);
    // The same payment, by its orderId or its paymentKey, through the same profile: one case,
    // looked up again.
    CaseView *view = caseOf(query.profile, query.id, query.inApp);
    if (view)
        m_ui->caseTabs->setCurrentWidget(view);
    else
        view = addCase(query.id);
    view->session()->startLookup(m_network, std::move(request));
    updateTab(view);
    // "Look up live" from a pasted case: the live answer is shown beside it, where the user is;
    // the live case has its own tab too.
    if (m_compareFor && m_compareId == query.id && m_compareFor != view) {
        m_compareFor->compareWith(view->session());
        m_ui->caseTabs->setCurrentWidget(m_compareFor);
    }
    m_compareFor.clear();
}

CaseView *MainWindow::caseOf(const QString &profile, const QString &id, bool inApp) const
{
    for (int i = 0; i < m_ui->caseTabs->count(); ++i) {
        auto *view = qobject_cast<CaseView *>(m_ui->caseTabs->widget(i));
        if (!view || !view->session()->isLookup())
            continue;
        const CaseSession::LookupRequest &lookup = *view->session()->lookup();
        if (lookup.profileName != profile || lookup.inApp != inApp)
            continue;
        if (lookup.id == id)
            return view;
        if (const auto &documents = view->session()->snapshot().documents)
            for (const Document &d : *documents)
                if (d.kind == DocumentKind::Payment && d.payload().is_object()
                    && (json::string(d.payload(), "paymentKey") == id.toStdString()
                        || json::string(d.payload(), "orderId") == id.toStdString()))
                    return view;
    }
    return nullptr;
}

CaseView *MainWindow::analyseText(const QString &title, std::string text, std::optional<std::int64_t> asOf)
{
    CaseView *view = addCase(title);
    view->session()->startText(title, std::move(text), asOf);
    return view;
}

CaseView *MainWindow::openFile(const QString &path)
{
    // Any size: a big dump is streamed record by record, anything else too big is refused by
    // the case itself, which says why (pipeline/caseinput).
    const QString title = QFileInfo(path).fileName();
    CaseView *view = addCase(title);
    view->session()->startFile(title, path);
    return view;
}

CaseView *MainWindow::openBundle(const QString &folder)
{
    const BundleCheck check = readBundle(folder);
    if (!check.readable) {
        statusBar()->showMessage(check.problems.join(QLatin1Char(' ')), 15000);
        return nullptr;
    }
    CaseView *view = addCase(QString());
    view->session()->startStored(check.snapshot);
    updateTab(view);
    if (check.verified())
        statusBar()->showMessage(tr("Bundle verified: its %n file(s) match the manifest.", nullptr, int(check.files.size())), 10000);
    else
        statusBar()->showMessage(tr("The bundle does not verify, so it may not be what was kept: %1").arg(check.problems.join(QLatin1Char(' '))),
                                 30000);
    return view;
}

void MainWindow::analyseClipboard()
{
    const QString text = QGuiApplication::clipboard()->text();
    if (text.trimmed().isEmpty()) {
        statusBar()->showMessage(tr("The clipboard holds no text to analyse."), 8000);
        return;
    }
    analyseText(tr("Clipboard %1").arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss"))), text.toStdString());
}

CaseView *MainWindow::addCase(const QString &title)
{
    auto *session = new CaseSession(m_catalog, analyzerOptions());
    session->setInputLimits(m_inputLimits);
    auto *view = new CaseView(session, m_catalog, m_preferences.language);
    view->restoreState(*m_settings);
    if (m_zoom != 100)
        view->setZoom(m_zoom);
    const int index = m_ui->caseTabs->addTab(view, title);
    m_ui->caseTabs->setTabToolTip(index, title);
    m_ui->caseTabs->setCurrentIndex(index);
    connect(view, &CaseView::findingsChanged, this, [this, view] {
        updateTab(view);
        updateSeverityIndicator();
    });
    connect(session, &CaseSession::stateChanged, this, [this, view, session](CaseSession::State state) {
        updateTab(view);
        updateSeverityIndicator();
        // Once its answers are in (or its text analysed), the case is kept as it stands: each
        // refresh adds a snapshot, none is overwritten.
        // A lookup the provider refused is kept too (its error answer as received: "not found at
        // 10:02" is evidence); snapshotOf keeps nothing where nothing came back.
        if (m_history && (state == CaseSession::State::Complete || state == CaseSession::State::PartlyFailed
                          || (state == CaseSession::State::Failed && session->isLookup())))
            if (auto snapshot = snapshotOf(*session))
                m_history->record(std::move(*snapshot), view, [this, view, title = session->title()](qint64 id) {
                    const qint64 before = m_keptAs.value(view);
                    m_keptAs[view] = id;
                    // A refresh adds a snapshot; the diff with the one before is a key away.
                    statusBar()->showMessage(before ? tr("%1 kept in the evidence history as #%2; Ctrl+D shows what changed since #%3")
                                                          .arg(title)
                                                          .arg(id)
                                                          .arg(before)
                                                    : tr("%1 kept in the evidence history as #%2").arg(title).arg(id),
                                             before ? 10000 : 4000);
                    updateSeverityIndicator();
                });
    });
    connect(view, &CaseView::copied, this,
            [this](const QString &what) { statusBar()->showMessage(tr("Copied: %1").arg(what), 4000); });
    connect(view, &CaseView::errorCodeRequested, this, [this](const QString &code) {
        errorCodes()->showCode(code);
        errorCodes()->show();
        errorCodes()->raise();
    });
    connect(view, &CaseView::lookUpLiveRequested, this, [this, view](const QString &id, IdKind kind) {
        m_compareFor = view;
        m_compareId = id;
        // A snapshot is looked up live through the profile that looked it up, when it is here.
        if (const auto &stored = view->session()->stored(); stored && m_lookupBar->profiles().contains(stored->profile))
            refreshProfiles(stored->profile);
        m_lookupBar->requestLookup(id, kind);
    });
    connect(view, &CaseView::showCaseRequested, this, [this](CaseSession *session) {
        for (int i = 0; i < m_ui->caseTabs->count(); ++i)
            if (auto *other = qobject_cast<CaseView *>(m_ui->caseTabs->widget(i)); other && other->session() == session)
                m_ui->caseTabs->setCurrentIndex(i);
    });
    connect(view, &CaseView::editTextRequested, this, [this, view](const QString &caseTitle, const QString &text) {
        showAnalyseTextDialog(caseTitle, text, view);
    });
    return view;
}

void MainWindow::updateTab(CaseView *view)
{
    const int index = m_ui->caseTabs->indexOf(view);
    if (index < 0)
        return;
    m_ui->caseTabs->setTabIcon(index, severityIcon(view->caseSeverity(), palette()));
    QString title = view->session()->title();
    if (title.size() > 28)
        title = title.left(26) + QStringLiteral("…");
    m_ui->caseTabs->setTabText(index, view->session()->state() == CaseSession::State::Working ? title + QStringLiteral(" ⋯") : title);
    QStringList tip{view->session()->title()};
    for (const QString &line : {view->provenance(), view->stateText()})
        if (!line.isEmpty())
            tip << line;
    m_ui->caseTabs->setTabToolTip(index, tip.join(QLatin1Char('\n')));
}

void MainWindow::updateSeverityIndicator()
{
    CaseView *view = currentCase();
    m_ui->actionRefresh->setEnabled(view != nullptr);
    m_ui->actionExportReport->setEnabled(view != nullptr);
    m_ui->actionExportUnmasked->setEnabled(view != nullptr);
    m_ui->actionExportBundle->setEnabled(view != nullptr);
    m_ui->actionComparePrevious->setEnabled(
        m_history && ((view && (view->session()->stored() || m_keptAs.contains(view))) || (m_historyView && m_ui->caseTabs->currentWidget() == m_historyView)));
    m_ui->actionCloseCase->setEnabled(m_ui->caseTabs->count() > 0);
    m_ui->actionFind->setEnabled(view != nullptr);
    if (!view) {
        m_severityLabel->clear();
        m_severityLabel->setToolTip({});
        return;
    }
    const int worst = view->caseSeverity();
    const QString text = view->findingsSummary();
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize);
    const QString icon = worst >= 0 ? QStringLiteral("<span style=\"color:%1\">●</span> ").arg(severityColor(worst, palette()).name())
                                    : QString();
    m_severityLabel->setText(icon + text.toHtmlEscaped());
    m_severityLabel->setMinimumHeight(size);
    m_severityLabel->setToolTip(worst >= 0 ? tr("Severity of this case: %1").arg(severityName(static_cast<Severity>(worst))) : QString());
}

CaseView *MainWindow::currentCase() const
{
    return qobject_cast<CaseView *>(m_ui->caseTabs->currentWidget());
}

int MainWindow::caseCount() const
{
    int n = 0;
    for (int i = 0; i < m_ui->caseTabs->count(); ++i)
        n += qobject_cast<CaseView *>(m_ui->caseTabs->widget(i)) != nullptr;
    return n;
}

void MainWindow::showWelcome()
{
    // What the page says of each profile's key is asked of the keychain now (only whether one is
    // stored and its mode are kept, never the key).
    for (const MerchantProfile &p : m_profiles->profiles())
        if (!m_keyChecked.contains(p.name))
            readKey(p.name);
    updateWelcome();
    int index = m_ui->caseTabs->indexOf(m_welcome);
    if (index < 0)
        index = m_ui->caseTabs->insertTab(0, m_welcome, tr("Welcome"));
    m_ui->caseTabs->setCurrentIndex(index);
}

void MainWindow::closeCase(int index)
{
    QWidget *w = m_ui->caseTabs->widget(index);
    if (!w)
        return;
    if (auto *view = qobject_cast<CaseView *>(w))
        view->saveState(*m_settings);
    m_ui->caseTabs->removeTab(index);
    m_keptAs.remove(qobject_cast<CaseView *>(w));
    if (w != m_welcome && w != m_historyView && w != m_scanView && w != m_batchView)
        w->deleteLater();
    // The last case closed: the welcome page (recent lookups, profiles, paste or drop) is back,
    // never an empty window.
    if (m_ui->caseTabs->count() == 0)
        showWelcome();
    updateSeverityIndicator();
}

HistoryView *MainWindow::showHistory()
{
    if (!m_history)
        return nullptr;
    if (!m_historyView) {
        m_historyView = new HistoryView(m_history, this);
        m_historyView->setLanguage(m_preferences.language);
        const SystemClock clock;
        m_historyView->setRules(Analyzer(m_catalog, clock).ruleIds());
        connect(m_historyView, &HistoryView::openRequested, this, [this](qint64 id) { openSnapshot(id); });
        connect(m_historyView, &HistoryView::compareRequested, this, &MainWindow::compareSnapshots);
        connect(m_historyView, &HistoryView::message, this, [this](const QString &text) { statusBar()->showMessage(text, 10000); });
    }
    m_historyView->setMerchants(m_lookupBar->profiles());
    int index = m_ui->caseTabs->indexOf(m_historyView);
    if (index < 0)
        index = m_ui->caseTabs->addTab(m_historyView, tr("History"));
    else
        m_historyView->reload();
    m_ui->caseTabs->setCurrentIndex(index);
    m_historyView->table()->setFocus();
    return m_historyView;
}

void MainWindow::openSnapshot(qint64 id, std::function<void(CaseView *)> then)
{
    for (int i = 0; i < m_ui->caseTabs->count(); ++i)
        if (auto *view = qobject_cast<CaseView *>(m_ui->caseTabs->widget(i)); view && view->session()->stored()
                                                                             && view->session()->stored()->id == id) {
            m_ui->caseTabs->setCurrentIndex(i);
            if (then)
                then(view);
            return;
        }
    // Asked for already (a double-click's second press): its case is on the way.
    if (!m_history || m_opening.contains(id))
        return;
    m_opening.insert(id);
    m_history->ask<std::optional<StoredSnapshot>>(
        [id](EvidenceStore &store) { return store.snapshot(id); }, this,
        [this, id, then](const StoreResult<std::optional<StoredSnapshot>> &result) {
            m_opening.remove(id);
            if (const auto *error = std::get_if<StoreError>(&result)) {
                statusBar()->showMessage(error->message(), 20000);
                return;
            }
            const auto &stored = std::get<std::optional<StoredSnapshot>>(result);
            if (!stored) {
                statusBar()->showMessage(tr("Snapshot #%1 is no longer in the evidence history (pruned, or another history).").arg(id),
                                         10000);
                return;
            }
            CaseView *view = addCase(QString());
            view->session()->startStored(*stored);
            updateTab(view);
            if (then)
                then(view);
        });
}

void MainWindow::compareSnapshots(qint64 older, qint64 newer)
{
    openSnapshot(newer, [this, older](CaseView *after) {
        QPointer<CaseView> later(after);
        openSnapshot(older, [this, later](CaseView *before) {
            if (!later)
                return;
            before->compareWith(later->session());
            m_ui->caseTabs->setCurrentWidget(before);
        });
    });
}

void MainWindow::compareWithPrevious()
{
    if (m_historyView && m_ui->caseTabs->currentWidget() == m_historyView) {
        m_historyView->compareSelected();
        return;
    }
    CaseView *view = currentCase();
    if (!view || !m_history)
        return;
    const auto &stored = view->session()->stored();
    const qint64 id = stored ? stored->id : m_keptAs.value(view);
    if (!id) {
        statusBar()->showMessage(tr("This case is not in the evidence history yet."), 8000);
        return;
    }
    // The snapshot of the same payment kept before this one: by its case key, on the store's thread.
    m_history->ask<qint64>(
        [id](EvidenceStore &store) -> StoreResult<qint64> {
            auto self = store.snapshot(id);
            if (const auto *error = std::get_if<StoreError>(&self))
                return *error;
            const auto &snapshot = std::get<std::optional<StoredSnapshot>>(self);
            if (!snapshot)
                return qint64(0);
            auto rows = store.snapshotsOfCase(snapshot->caseKey);
            if (const auto *error = std::get_if<StoreError>(&rows))
                return *error;
            qint64 previous = 0;
            for (const HistoryRow &row : std::get<std::vector<HistoryRow>>(rows))
                if (row.id != id && (row.capturedAtMs < snapshot->snapshot.capturedAtMs
                                     || (row.capturedAtMs == snapshot->snapshot.capturedAtMs && row.id < id)))
                    previous = row.id;
            return previous;
        },
        this,
        [this, id, live = QPointer<CaseView>(view)](const StoreResult<qint64> &result) {
            if (const auto *error = std::get_if<StoreError>(&result)) {
                statusBar()->showMessage(error->message(), 20000);
                return;
            }
            const qint64 previous = std::get<qint64>(result);
            if (!previous) {
                statusBar()->showMessage(tr("#%1 is the first snapshot of this payment: there is none before it to compare with.").arg(id),
                                         8000);
                return;
            }
            if (!live)
                return;
            if (live->session()->stored()) {
                compareSnapshots(previous, id);
                return;
            }
            // A case looked up now: the earlier snapshot against what it shows live.
            openSnapshot(previous, [this, live](CaseView *before) {
                if (!live)
                    return;
                before->compareWith(live->session());
                m_ui->caseTabs->setCurrentWidget(before);
            });
        });
}

void MainWindow::withClientConfig(const QString &profileName, std::function<void(std::optional<ClientConfig>)> then)
{
    if (m_demo && profileName == m_demo->profile.name) {
        then(clientConfigFor(m_demo->profile, QString::fromLatin1(demoSecretKey), m_preferences.language));
        return;
    }
    const auto profile = m_profiles->profile(profileName);
    if (!profile) {
        statusBar()->showMessage(tr("No merchant profile is chosen: add one in Settings, or start the demo."), 10000);
        then(std::nullopt);
        return;
    }
    m_keyWaiters.emplace_back(profileName, [this, profile = *profile, then](const QString &secret, const QString &error) {
        if (secret.isEmpty()) {
            statusBar()->showMessage(error.isEmpty() ? tr("The profile %1 has no secret key stored: store it in Settings.").arg(profile.name)
                                                     : tr("Could not read the secret key of %1: %2").arg(profile.name, error),
                                     15000);
            then(std::nullopt);
            return;
        }
        then(clientConfigFor(profile, secret, m_preferences.language));
    });
    readKey(profileName);
}

ScanView *MainWindow::showScan()
{
    if (!m_scanView) {
        m_scanView = new ScanView(m_catalog, m_network, this);
        m_scanView->setLanguage(m_preferences.language);
        // The demo's generated merchant starts on its first day: its first three days are offered.
        if (m_sandbox) {
            const QDate first = m_sandbox->data().merchant().config().firstDay;
            m_scanView->setPeriod(first, first.addDays(2));
        }
        connect(m_scanView, &ScanView::scanRequested, this, [this] {
            const QString profile = m_lookupBar->currentProfile();
            withClientConfig(profile, [this, profile](std::optional<ClientConfig> config) {
                if (config && m_scanView)
                    m_scanView->start(*config, profile);
            });
        });
        connect(m_scanView, &ScanView::openRequested, this,
                [this](const QString &paymentKey) { m_lookupBar->requestLookup(paymentKey, IdKind::PaymentKey); });
        connect(m_scanView, &ScanView::message, this, [this](const QString &text) { statusBar()->showMessage(text, 10000); });
    }
    int index = m_ui->caseTabs->indexOf(m_scanView);
    if (index < 0)
        index = m_ui->caseTabs->addTab(m_scanView, tr("Scan"));
    m_ui->caseTabs->setCurrentIndex(index);
    return m_scanView;
}

BatchView *MainWindow::showBatch()
{
    if (!m_batchView) {
        m_batchView = new BatchView(m_catalog, m_network, m_history, this);
        m_batchView->setLanguage(m_preferences.language);
        connect(m_batchView, &BatchView::runRequested, this, [this] {
            const QString profile = m_lookupBar->currentProfile();
            withClientConfig(profile, [this, profile](std::optional<ClientConfig> config) {
                if (!config || !m_batchView)
                    return;
                const QString mid = m_demo && profile == m_demo->profile.name ? m_demo->profile.mid
                                                                                : m_profiles->profile(profile).value_or(MerchantProfile{}).mid;
                m_batchView->run(*config, profile, mid);
            });
        });
        connect(m_batchView, &BatchView::openRequested, this, [this](const QString &id) { m_lookupBar->requestLookup(id, IdKind::Auto); });
        connect(m_batchView, &BatchView::message, this, [this](const QString &text) { statusBar()->showMessage(text, 10000); });
    }
    int index = m_ui->caseTabs->indexOf(m_batchView);
    if (index < 0)
        index = m_ui->caseTabs->addTab(m_batchView, tr("Batch"));
    m_ui->caseTabs->setCurrentIndex(index);
    return m_batchView;
}

std::optional<MainWindow::Reportable> MainWindow::reportable(CaseView *view)
{
    CaseSession *session = view->session();
    // What the history keeps of the case is what the report shows (the snapshot, if it is one).
    Reportable r;
    if (const auto stored = session->storedSnapshot()) {
        r.snapshot = *stored;
        r.id = session->stored()->id;
        r.caseKey = session->stored()->caseKey;
        return r;
    }
    std::optional<Snapshot> snapshot = snapshotOf(*session);
    if (!snapshot) {
        statusBar()->showMessage(session->busy() ? tr("The case is still being looked up: export it once its answers are in.")
                                                 : tr("This case has nothing to report: no answer arrived, or it is a dump read record "
                                                      "by record (use paytriage-cli for those)."),
                                 10000);
        return std::nullopt;
    }
    r.snapshot = std::move(*snapshot);
    r.caseKey = caseKeyOf(r.snapshot.paymentKey, r.snapshot.orderId,
                          r.snapshot.bodies.empty() ? QByteArray() : maskBody(r.snapshot.bodies.front().content).content);
    return r;
}

namespace {

// A case's title as a file name: what a file system on any desktop takes.
QString fileNameOf(QString title)
{
    title.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9_.-]+")), QStringLiteral("_"));
    return title.isEmpty() ? QStringLiteral("case") : title;
}

} // namespace

bool MainWindow::exportReport(CaseView *view, QString path, bool unmasked)
{
    const std::optional<Reportable> r = reportable(view);
    if (!r)
        return false;
    if (unmasked) {
        // Asked every time, the safe answer first: such a file must go only where personal data may.
        QMessageBox confirm(QMessageBox::Warning, tr("Export unmasked?"),
                            tr("This report shows personal data as received: customer names, e-mail addresses, phone numbers, "
                               "card and account numbers and the payment secret. Send it only where personal data may go."),
                            QMessageBox::Cancel, this);
        confirm.setObjectName(QStringLiteral("unmaskedBox"));
        confirm.setInformativeText(tr("Secret keys and credentials are never included, masked or not."));
        QPushButton *go = confirm.addButton(tr("Export unmasked"), QMessageBox::AcceptRole);
        confirm.setDefaultButton(QMessageBox::Cancel);
        confirm.exec();
        if (confirm.clickedButton() != go)
            return false;
    }
    if (path.isEmpty()) {
        const QString name = fileNameOf(view->session()->title()) + (unmasked ? QStringLiteral("-UNMASKED") : QString());
        path = QFileDialog::getSaveFileName(this, unmasked ? tr("Export the case as an unmasked report") : tr("Export the case as a report"),
                                            name + QStringLiteral(".pdf"), tr("PDF (*.pdf);;HTML (*.html);;Markdown (*.md)"));
        if (path.isEmpty())
            return false;
    }
    CaseReportOptions options;
    options.language = m_preferences.language;
    options.unmasked = unmasked;
    const CaseReport report = buildCaseReport(r->snapshot, r->id, m_catalog, options);
    QString error;
    if (!writeReport(report, path, &error)) {
        statusBar()->showMessage(error, 15000);
        return false;
    }
    statusBar()->showMessage(unmasked ? tr("Report written to %1 (UNMASKED: personal data as received)").arg(path)
                                      : tr("Report written to %1 (personal data masked)").arg(path),
                             8000);
    return true;
}

bool MainWindow::exportBundle(CaseView *view, QString parent)
{
    const std::optional<Reportable> r = reportable(view);
    if (!r)
        return false;
    if (parent.isEmpty()) {
        parent = QFileDialog::getExistingDirectory(this, tr("Where the case bundle's folder goes"));
        if (parent.isEmpty())
            return false;
    }
    // A new folder each time: a bundle is never written over another.
    const QDir where(parent);
    const QString base = fileNameOf(view->session()->title()) + QStringLiteral("-bundle");
    QString folder = where.filePath(base);
    for (int n = 2; QFileInfo::exists(folder); ++n)
        folder = where.filePath(base + QStringLiteral("-%1").arg(n));
    CaseReportOptions options;
    options.language = m_preferences.language;
    QString error;
    if (!writeBundle(r->snapshot, r->id, r->caseKey, m_catalog, options, folder, &error)) {
        statusBar()->showMessage(error, 15000);
        return false;
    }
    statusBar()->showMessage(tr("Case bundle written to %1 (personal data masked): File ▸ Open a case bundle verifies it").arg(folder), 10000);
    return true;
}

void MainWindow::closeAllCases()
{
    for (int i = m_ui->caseTabs->count() - 1; i >= 0; --i)
        if (qobject_cast<CaseView *>(m_ui->caseTabs->widget(i)))
            closeCase(i);
}

ErrorCodeDialog *MainWindow::errorCodes()
{
    if (!m_errorCodes) {
        m_errorCodes = new ErrorCodeDialog(m_catalog, m_preferences.language, this);
        m_errorCodes->restoreGeometry(m_settings->value(QStringLiteral("errorCodes/geometry")).toByteArray());
    }
    return m_errorCodes;
}

void MainWindow::showAnalyseTextDialog(const QString &title, const QString &text, CaseView *replacing)
{
    AnalyzeTextDialog dialog(this);
    dialog.setCaseTitle(title);
    dialog.setText(text.isEmpty() && !replacing ? m_draftText : text);
    const bool accepted = dialog.exec() == QDialog::Accepted;
    if (!replacing)
        m_draftText = accepted ? QString() : dialog.text();  // a canceled editor keeps its text for next time
    if (!accepted)
        return;
    const QString caseTitle = dialog.caseTitle().isEmpty() ? tr("Text %1").arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss")))
                                                           : dialog.caseTitle();
    if (replacing && m_ui->caseTabs->indexOf(replacing) >= 0) {
        replacing->session()->startText(caseTitle, dialog.text().toStdString(), dialog.asOf());
        updateTab(replacing);
        m_ui->caseTabs->setCurrentWidget(replacing);
    } else {
        analyseText(caseTitle, dialog.text().toStdString(), dialog.asOf());
    }
}

AnalyzerOptions MainWindow::analyzerOptions() const
{
    AnalyzerOptions options;
    options.severityOverrides = m_preferences.severityOverrides;
    return options;
}

bool MainWindow::showSettings(const QString &profile)
{
    const SystemClock clock;
    const std::vector<std::string> ruleIds = Analyzer(m_catalog, clock).ruleIds();
    SettingsDialog dialog(*m_profiles, *m_secrets, m_preferences, ruleIds, m_catalog, this);
    if (!profile.isEmpty())
        dialog.selectProfile(profile);
    // What the history takes, told when the store answers (the dialog does not wait for it).
    if (m_history) {
        dialog.setHistoryFigure(tr("Measuring %1…").arg(m_history->location().displayName()));
        QPointer<SettingsDialog> open(&dialog);
        m_history->ask<std::pair<qint64, qint64>>(
            [](EvidenceStore &store) -> StoreResult<std::pair<qint64, qint64>> {
                auto size = store.sizeBytes();
                if (const auto *error = std::get_if<StoreError>(&size))
                    return *error;
                auto count = store.count();
                if (const auto *error = std::get_if<StoreError>(&count))
                    return *error;
                return std::pair(std::get<qint64>(size), std::get<qint64>(count));
            },
            &dialog,
            [this, open](const StoreResult<std::pair<qint64, qint64>> &result) {
                if (!open)
                    return;
                if (const auto *error = std::get_if<StoreError>(&result)) {
                    open->setHistoryFigure(error->message());
                    return;
                }
                const auto [bytes, snapshots] = std::get<std::pair<qint64, qint64>>(result);
                open->setHistoryFigure(tr("%1 holds %n snapshot(s) in %2.", nullptr, int(std::min<qint64>(snapshots, INT_MAX)))
                                           .arg(m_history->location().displayName(), locale().formattedDataSize(bytes)));
            });
    }
    if (dialog.exec() != QDialog::Accepted)
        return false;
    // A password typed for the history in use serves from now on (the keychain has it too).
    if (m_history && !dialog.historyPassword().isEmpty() && m_history->location().backend == StoreLocation::Backend::PostgreSQL
        && (dialog.preferences().historyLocation.isEmpty() || dialog.preferences().historyLocation == m_preferences.historyLocation))
        m_history->setPassword(dialog.historyPassword());
    m_keyModes.clear();
    m_keyChecked.clear();
    for (const MerchantProfile &p : m_profiles->profiles())
        readKey(p.name);  // what the welcome page and the badge say of each key, learnt again
    if (m_demo)
        m_keyModes[m_demo->profile.name] = KeyMode::Test;
    applyPreferences(dialog.preferences());
    refreshProfiles();
    return true;
}

void MainWindow::offerSettingsForKey(const LookupBar::Query &query, bool noProfile)
{
    QMessageBox box(QMessageBox::Information, tr("No secret key"),
                    noProfile ? tr("No merchant profile is set up, so %1 cannot be looked up. Add the merchant's profile "
                                   "and its secret key (test_sk_… or live_sk_…) in Settings.").arg(query.id)
                              : tr("The profile %1 has no secret key stored, so %2 cannot be looked up. Store its secret "
                                   "key (test_sk_… or live_sk_…) in Settings; it is kept in the system keychain.")
                                    .arg(query.profile, query.id),
                    QMessageBox::Cancel, this);
    box.setObjectName(QStringLiteral("noKeyBox"));
    QPushButton *open = box.addButton(tr("Open settings…"), QMessageBox::AcceptRole);
    box.setDefaultButton(open);
    box.exec();
    if (box.clickedButton() != open || !showSettings(noProfile ? QString() : query.profile))
        return;
    // Saved: look it up with what is stored now (asked again, and offered again if still no key).
    if (m_profiles->profile(query.profile) || (noProfile && m_profiles->profile(m_lookupBar->currentProfile()))) {
        LookupBar::Query again = query;
        if (noProfile)
            again.profile = m_lookupBar->currentProfile();
        lookUp(again);
    }
}

void MainWindow::pruneHistory()
{
    if (!m_history || m_preferences.keepDays <= 0)
        return;
    const int days = m_preferences.keepDays;
    m_history->ask<int>([days](EvidenceStore &store) { return store.prune(days, QDateTime::currentMSecsSinceEpoch()); }, this,
                        [this, days](const StoreResult<int> &result) {
                            if (const auto *error = std::get_if<StoreError>(&result))
                                statusBar()->showMessage(error->message(), 20000);
                            else if (const int removed = std::get<int>(result); removed > 0)
                                statusBar()->showMessage(tr("%n snapshot(s) older than %1 days removed from the evidence history (pinned ones kept).",
                                                            nullptr, removed)
                                                             .arg(days),
                                                         8000);
                        });
}

void MainWindow::applyPreferences(const Preferences &preferences)
{
    const bool rulesChanged = preferences.severityOverrides != m_preferences.severityOverrides;
    const bool placeChanged = preferences.historyLocation != m_preferences.historyLocation;
    const Language language = preferences.language;
    m_preferences = preferences;
    savePreferences(*m_settings, m_preferences);
    setLanguage(language);
    pruneHistory();
    if (placeChanged)
        statusBar()->showMessage(tr("The evidence history moves to %1 from the next start.")
                                     .arg(preferences.historyLocation.isEmpty() ? defaultStorePath() : preferences.historyLocation),
                                 15000);
    if (rulesChanged)
        for (int i = 0; i < m_ui->caseTabs->count(); ++i)
            if (auto *view = qobject_cast<CaseView *>(m_ui->caseTabs->widget(i)))
                view->session()->setAnalyzerOptions(analyzerOptions());
}

void MainWindow::setLanguage(Language language)
{
    const bool changed = language != m_preferences.language;
    m_preferences.language = language;
    m_ui->actionKorean->setChecked(language == Language::Korean);
    m_ui->actionEnglish->setChecked(language == Language::English);
    if (changed)
        savePreferences(*m_settings, m_preferences);
    // Qt sends every widget a LanguageChange event; catalog texts are switched explicitly.
    installTranslators(language);
    for (int i = 0; i < m_ui->caseTabs->count(); ++i)
        if (auto *view = qobject_cast<CaseView *>(m_ui->caseTabs->widget(i))) {
            view->setLanguage(language);
            updateTab(view);  // its tooltip: provenance and state, in the new language
        }
    if (m_errorCodes)
        m_errorCodes->setLanguage(language);
    if (m_historyView)
        m_historyView->setLanguage(language);
    if (m_scanView)
        m_scanView->setLanguage(language);
    if (m_batchView)
        m_batchView->setLanguage(language);
}

void MainWindow::retranslate()
{
    const int welcome = m_ui->caseTabs->indexOf(m_welcome);
    if (welcome >= 0)
        m_ui->caseTabs->setTabText(welcome, tr("Welcome"));
    if (const int history = m_historyView ? m_ui->caseTabs->indexOf(m_historyView) : -1; history >= 0)
        m_ui->caseTabs->setTabText(history, tr("History"));
    if (const int scan = m_scanView ? m_ui->caseTabs->indexOf(m_scanView) : -1; scan >= 0)
        m_ui->caseTabs->setTabText(scan, tr("Scan"));
    if (const int batch = m_batchView ? m_ui->caseTabs->indexOf(m_batchView) : -1; batch >= 0)
        m_ui->caseTabs->setTabText(batch, tr("Batch"));
    if (m_demo) {
        const QString old = m_demo->profile.name;
        m_demo->profile.name = tr("Demo sandbox");
        m_keyModes.erase(old);
        m_keyModes[m_demo->profile.name] = KeyMode::Test;
        refreshProfiles(m_lookupBar->currentProfile() == old ? m_demo->profile.name : QString());
        m_demoLabel->setText(tr("Demo sandbox: %1").arg(m_sandbox->url().toString()));
    }
    updateSeverityIndicator();
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About PayTriage"),
                       tr("<h3>PayTriage %1</h3><p>A support console for the Toss Payments API: look payments up, read the raw "
                          "responses beside a decoded timeline, and see what looks wrong and what to do.</p><p>Read-only by "
                          "design: it never calls an endpoint that moves money.</p><p>Catalog: %2</p>")
                           .arg(QStringLiteral(PAYTRIAGE_VERSION), m_catalog.version().toHtmlEscaped()));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    m_settings->setValue(QStringLiteral("window/geometry"), saveGeometry());
    m_settings->setValue(QStringLiteral("window/state"), saveState());
    m_settings->setValue(QStringLiteral("lookup/recent"), m_lookupBar->recent());
    if (CaseView *view = currentCase())
        view->saveState(*m_settings);
    if (m_history && m_restoreCases) {
        // What is open now, as the history keeps it, is what the next start opens again.
        QVariantList open;
        for (int i = 0; i < m_ui->caseTabs->count(); ++i)
            if (const auto *view = qobject_cast<CaseView *>(m_ui->caseTabs->widget(i))) {
                const auto &stored = view->session()->stored();
                if (const qint64 id = stored ? stored->id : m_keptAs.value(view))
                    open << id;
            }
        m_settings->setValue(QStringLiteral("history/openCases"), open);
        m_settings->setValue(QStringLiteral("history/openCasesIn"), m_history->location().displayName());
    }
    if (m_errorCodes)
        m_settings->setValue(QStringLiteral("errorCodes/geometry"), m_errorCodes->saveGeometry());
    QMainWindow::closeEvent(event);
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        retranslate();
    }
    QMainWindow::changeEvent(event);
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls() || event->mimeData()->hasText())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QMimeData *mime = event->mimeData();
    bool opened = false;
    if (mime->hasUrls()) {
        for (const QUrl &url : mime->urls())
            if (url.isLocalFile()) {
                openFile(url.toLocalFile());
                opened = true;
            }
    }
    if (!opened && mime->hasText())
        analyseText(tr("Dropped text"), mime->text().toStdString());
    event->acceptProposedAction();
}

} // namespace paytriage
