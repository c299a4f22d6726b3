#pragma once
// The console's window: the lookup bar, one tab per case, the welcome page, the error-code
// reference, settings and the demo sandbox. It owns the shared state (catalog, profiles,
// preferences, the network manager) and hands each case view what it needs.

#include "catalog/catalog.h"
#include "lookupbar.h"
#include "net/profile.h"
#include "pipeline/caseinput.h"
#include "store/snapshot.h"
#include "store/storelocation.h"
#include "rules/analyzer.h"
#include "settings/preferences.h"

#include <QMainWindow>
#include <QPointer>
#include <QHash>
#include <QSet>

#include <functional>

#include <memory>
#include <optional>

class QLabel;
class QNetworkAccessManager;
class QSettings;

namespace paytriage {

namespace Ui {
class MainWindow;
}

class CaseView;
class ErrorCodeDialog;
class ProfileStore;
class SandboxServer;
class SecretStore;
class WelcomePage;

class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    struct Options
    {
        bool demo = false;
        QSettings *settings = nullptr;            // null: the user's settings
        std::unique_ptr<SecretStore> secrets;     // null: the OS keychain (session-only without one)
        // Where each case is kept once its answers are in (the evidence history); none: nowhere.
        std::optional<StoreLocation> history;
        // Opens again, as snapshots of the history, the cases open when the window last closed
        // on this history; and, on close, keeps the list of those open now.
        bool restoreCases = false;
    };

    MainWindow(const Catalog &catalog, Options options, QWidget *parent = nullptr);
    ~MainWindow() override;

    bool startDemo();                   // in-process sandbox + demo profile; false if it cannot listen
    QUrl demoUrl() const;
    void setLanguage(Language language);
    Language language() const { return m_preferences.language; }

    // asOf: analyse as of that time (ms since the epoch), as the evidence was when captured.
    CaseView *analyseText(const QString &title, std::string text, std::optional<std::int64_t> asOf = std::nullopt);
    CaseView *openFile(const QString &path);
    // A case bundle (casereport/bundle): every file checked against its manifest, then the case
    // opened read-only as it was kept; the status bar says whether it verified. Null when the
    // folder holds no bundle.
    CaseView *openBundle(const QString &folder);
    void analyseClipboard();
    // Size limits of texts and files opened from now on (pipeline/caseinput); tests use small ones.
    void setInputLimits(const InputLimits &limits) { m_inputLimits = limits; }

    // For tests and the screenshot tour.
    LookupBar *lookupBar() const { return m_lookupBar; }
    CaseView *currentCase() const;
    WelcomePage *welcomePage() const { return m_welcome; }
    ErrorCodeDialog *errorCodes();
    QLabel *severityIndicator() const { return m_severityLabel; }
    int caseCount() const;
    void showWelcome();
    void closeAllCases();
    // The History view (null without a history), shown as a tab of its own.
    class HistoryView *showHistory();
    // Opens a snapshot of the history as a read-only case (or shows it, when open); then runs
    // with its view once it is there.
    void openSnapshot(qint64 id, std::function<void(CaseView *)> then = {});
    // The older snapshot's case with a diff against the newer one.
    void compareSnapshots(qint64 older, qint64 newer);
    // The current case against the snapshot of its payment kept before (Ctrl+D).
    void compareWithPrevious();
    // Writes the case as a report (Markdown, HTML or PDF by the file's suffix), masked unless
    // unmasked is chosen, which is confirmed first (personal data as received; secret keys and
    // credentials never); path empty: asks where. False, with why in the status bar, when it
    // cannot or the user declined.
    bool exportReport(CaseView *view, QString path = {}, bool unmasked = false);
    // Writes the case as a bundle (casereport/bundle: the bodies, the report, a manifest of
    // hashes) into a new folder of parent, named after the case; parent empty: asks where.
    bool exportBundle(CaseView *view, QString parent = {});
    // The period scan view, shown as a tab of its own; it scans with the lookup bar's merchant.
    class ScanView *showScan();
    // The batch view, shown as a tab of its own; it looks up with the lookup bar's merchant.
    class BatchView *showBatch();

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    struct DemoProfile;
    void lookUp(const LookupBar::Query &query);
    void readKey(const QString &profile);
    // The client settings of a merchant profile, its key read from the store first; then gets
    // them, or none (and the user was told why).
    void withClientConfig(const QString &profile, std::function<void(std::optional<ClientConfig>)> then);
    CaseView *addCase(const QString &title);  // a new tab with a fresh session, not started yet
    // The open lookup case of this profile for this id, by the id it was looked up with or the
    // payment's orderId or paymentKey; null when there is none.
    CaseView *caseOf(const QString &profile, const QString &id, bool inApp) const;
    void startLookup(const LookupBar::Query &query, const MerchantProfile &profile, const QString &secret);
    void onSecretRead(const QString &profile, const QString &secret, const QString &error);
    // Lists the demo profile and the stored ones in the lookup bar, selecting select when given,
    // else the current one while it exists, else the last used.
    void refreshProfiles(const QString &select = {});
    void updateKeyBadge();
    void updateWelcome();
    void setZoom(int percent);
    void updateSeverityIndicator();
    void updateTab(CaseView *view);
    void closeCase(int index);
    void showAnalyseTextDialog(const QString &title = {}, const QString &text = {}, CaseView *replacing = nullptr);
    // Opens Settings (on a profile's page when named); true when the user saved.
    bool showSettings(const QString &profile = {});
    // A lookup needs a secret key (an in-app order does not: its certificate speaks). Without one
    // the lookup does not start; the user is offered the profile's settings, and the lookup runs
    // once a key is stored.
    void offerSettingsForKey(const LookupBar::Query &query, bool noProfile);
    void showAbout();
    // What a report or bundle of a case shows: the snapshot it is (opened from the history), or
    // what the history keeps of it; none, and the user told why, when there is nothing to show.
    struct Reportable
    {
        Snapshot snapshot;
        std::optional<qint64> id;
        QString caseKey;
    };
    std::optional<Reportable> reportable(CaseView *view);
    void applyPreferences(const Preferences &preferences);
    // Removes the snapshots older than the preferences keep, pinned ones excepted (none: keep all).
    void pruneHistory();
    AnalyzerOptions analyzerOptions() const;
    void retranslate();

    std::unique_ptr<Ui::MainWindow> m_ui;
    const Catalog &m_catalog;
    std::unique_ptr<QSettings> m_ownSettings;
    QSettings *m_settings;
    std::unique_ptr<ProfileStore> m_profiles;
    std::unique_ptr<SecretStore> m_secrets;
    Preferences m_preferences;
    QNetworkAccessManager *m_network;
    LookupBar *m_lookupBar;
    WelcomePage *m_welcome;
    ErrorCodeDialog *m_errorCodes = nullptr;
    QLabel *m_severityLabel;
    QLabel *m_demoLabel;
    std::unique_ptr<SandboxServer> m_sandbox;
    std::unique_ptr<DemoProfile> m_demo;
    std::vector<LookupBar::Query> m_waitingForSecret;
    // A pasted case waiting for its "Look up live" to start: the live case is shown beside it.
    QPointer<CaseView> m_compareFor;
    QString m_compareId;
    QString m_draftText;                 // the Analyse-text editor keeps what was typed
    std::map<QString, KeyMode> m_keyModes;  // per profile, learnt when its secret was read
    InputLimits m_inputLimits;
    class EvidenceHistory *m_history = nullptr;  // keeps each case in the history; null: none
    class HistoryView *m_historyView = nullptr;
    class ScanView *m_scanView = nullptr;
    class BatchView *m_batchView = nullptr;
    // Waiting for a profile's key from the store, besides lookups (a scan).
    std::vector<std::pair<QString, std::function<void(const QString &secret, const QString &error)>>> m_keyWaiters;
    // The snapshot each open case was last kept as: what Ctrl+D compares with, what is opened
    // again at the next start.
    QHash<const CaseView *, qint64> m_keptAs;
    bool m_restoreCases = false;
    QSet<qint64> m_opening;                 // snapshots asked of the history to open as cases
    int m_zoom = 100;                       // text size of the cases, percent
    QSet<QString> m_keyReading;             // profiles whose key the store is reading now
    QSet<QString> m_keyChecked;             // profiles whose key the store answered for (stored or not)
};

} // namespace paytriage
