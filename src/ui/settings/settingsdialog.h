#pragma once

// Settings: merchant profiles (their secret keys in the SecretStore, never shown again after
// entry, only replaced), the UI language, and severity overrides per rule (as Wireshark's
// expert-item preferences).
//
// Nothing is written until OK: then profiles go to the ProfileStore and typed keys to the
// SecretStore; the dialog closes once the store confirmed every key (a refusal stays inline
// and the dialog stays open). Preferences are returned by preferences() for the caller to
// apply and save (savePreferences), since switching language is the application's business.

#include "net/profilestore.h"
#include "net/secretstore.h"
#include "preferences.h"

#include <QDialog>
#include <QHash>
#include <QSet>

#include <memory>
#include <string>
#include <vector>

class QComboBox;
class QLabel;
class QLineEdit;

namespace paytriage {

namespace Ui {
class SettingsDialog;
}

class SettingsDialog final : public QDialog
{
    Q_OBJECT

public:
    // ruleIds: the rows of the Rules page (the analyzer's rules, builtinRuleIds()).
    SettingsDialog(ProfileStore &profiles, SecretStore &secrets, const Preferences &preferences,
                   const std::vector<std::string> &ruleIds, QWidget *parent = nullptr);
    ~SettingsDialog() override;

    Preferences preferences() const;
    // Opens the Profiles page on this profile (e.g. from the lookup bar's "Edit profile…").
    void selectProfile(const QString &name);

    // OK (or Enter): checks every profile, stores them, and closes once the keys are confirmed.
    void accept() override;
    void reject() override;

protected:
    void changeEvent(QEvent *event) override;

private:
    // A profile being edited. The stored secret never enters it: only whether one is stored
    // and its key mode (test/live), which are not secret.
    struct Entry
    {
        MerchantProfile profile;
        QString storedName;       // its name in the stores; empty for a new profile
        QString newSecret;        // typed in this dialog, not yet stored
        bool secretChecked = false;
        bool secretStored = false;
        KeyMode storedMode = KeyMode::Unknown;
    };
    struct Problems
    {
        QString name;             // blocking
        QString secret;           // a warning
        QString baseUrl;          // blocking
        QString apiVersion;       // a warning
        QString appsInToss;       // blocking when the URL or the pair is wrong, else a warning
        bool appsInTossBlocking = false;
        bool blocking = false;
    };

    void retranslate();
    void fillRules(const std::vector<std::string> &ruleIds);
    void fillSeverityCombo(QComboBox *combo);
    void showEntry(int index);
    void formEdited();
    void refreshEntryView();
    void addProfile();
    void removeProfile();
    void browse(QLineEdit *edit, const QString &title, const QString &filter);
    Problems problemsOf(const Entry &entry) const;
    void showProblems(const Problems &problems);
    void showNotice(const QString &text);
    void onSecretRead(const QString &profile, const QString &secret, const QString &error);
    void onSecretWritten(const QString &profile, const QString &error);
    void onSecretRemoved(const QString &profile, const QString &error);
    void startSecretWrites();
    void finishCommitStep(const QString &error);
    static void setProblem(QLabel *label, const QString &text, bool blocking);

    std::unique_ptr<Ui::SettingsDialog> ui;
    ProfileStore &m_profiles;
    SecretStore &m_secrets;
    Preferences m_initial;
    std::vector<std::string> m_ruleIds;
    std::vector<Entry> m_entries;
    QStringList m_removedNames;         // stored profiles removed in this dialog
    int m_current = -1;
    bool m_loading = false;             // filling the form: edits are not the user's
    QString m_storeNotice;              // why secrets are session-only, as the store said

    QSet<QString> m_checking;           // reads asked to learn whether a key is stored

    // Saving, in two steps: read the keys of renamed profiles, then write and remove.
    enum class CommitPhase {
        Idle,
        Reading,
        Writing
    };
    CommitPhase m_phase = CommitPhase::Idle;
    int m_pending = 0;                  // answers still awaited in this phase (+1 while issuing)
    QStringList m_gone;                 // stored names removed or renamed away
    QHash<QString, QString> m_moves;    // renamed without a new key: old name → new name
    QHash<QString, QString> m_toWrite;  // name → key (typed, or read for a move): held only until written
    QSet<QString> m_keep;               // old names whose key could not be read: left in place
    QHash<QString, QString> m_removeAfterWrite;  // new name → old name, removed once the write is confirmed
    QSet<QString> m_reading;
    QSet<QString> m_writing;
    QSet<QString> m_removing;
    QStringList m_commitErrors;
};

} // namespace paytriage
