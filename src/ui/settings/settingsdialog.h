#pragma once

// Settings: merchant profiles (their secret keys in the SecretStore, never shown again after
// entry, only replaced), the UI language, and severity overrides per rule (as Wireshark's
// expert-item preferences).
//
// Nothing is written until OK: then ProfileCommit stores the profiles and typed keys; the dialog
// closes once the store confirmed every key (a refusal stays inline and the dialog stays open).
// What is wrong with a profile is profileProblems()'s to say; the dialog shows it beside the
// field. Preferences are returned by preferences() for the caller to apply and save
// (savePreferences), since switching language is the application's business.

#include "catalog/catalog.h"
#include "net/profilecheck.h"
#include "net/profilestore.h"
#include "net/secretstore.h"
#include "preferences.h"

#include <QDialog>
#include <QSet>

#include <memory>
#include <string>
#include <vector>

class QComboBox;
class QLabel;
class QLineEdit;

namespace paytriage {

class ProfileCommit;

namespace Ui {
class SettingsDialog;
}

class SettingsDialog final : public QDialog
{
    Q_OBJECT

public:
    // ruleIds: the rows of the Rules page (the analyzer's rules, builtinRuleIds()), named and
    // described from the catalog the analysis uses (the user's override included).
    SettingsDialog(ProfileStore &profiles, SecretStore &secrets, const Preferences &preferences,
                   const std::vector<std::string> &ruleIds, const Catalog &catalog, QWidget *parent = nullptr);
    ~SettingsDialog() override;

    Preferences preferences() const;
    // A team's PostgreSQL password as typed (empty: unchanged). Stored in the keychain under the
    // history's secretName() when the dialog is accepted; never in the settings file.
    QString historyPassword() const;
    // What the history holds now ("12.3 MB, 1,204 snapshots"), or why it cannot be told.
    void setHistoryFigure(const QString &text);
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

    void retranslate();
    void fillRules(const std::vector<std::string> &ruleIds);
    void fillSeverityCombo(QComboBox *combo, const std::string &rule);
    QString ruleName(const std::string &rule) const;
    QString defaultSeverities(const std::string &rule) const;
    void showEntry(int index);
    void formEdited();
    void refreshEntryView();
    void addProfile();
    void removeProfile();
    void browse(QLineEdit *edit, const QString &title, const QString &filter);
    std::vector<ProfileProblem> problemsOf(std::size_t index) const;
    void showProblems(const std::vector<ProfileProblem> &problems);
    QWidget *fieldWidget(ProfileField field) const;
    void showNotice(const QString &text);
    void onSecretRead(const QString &profile, const QString &secret, const QString &error);
    void onSecretStored(const QString &profile);
    void onCommitFinished(const QStringList &errors);
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
    ProfileCommit *m_commit;            // OK's work: stores profiles and keys, then says how it went
    const Catalog &m_catalog;           // the rules' names and default severities
};

} // namespace paytriage
