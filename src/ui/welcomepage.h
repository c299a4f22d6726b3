#pragma once
// The first page: what PayTriage does, and in demo mode every sandbox scenario one click away.

#include "net/profile.h"

#include <QWidget>

#include <memory>

namespace paytriage {

namespace Ui {
class WelcomePage;
}

class WelcomePage final : public QWidget
{
    Q_OBJECT
public:
    struct Scenario
    {
        QString orderId;
        const char *description;  // English source; translated in context "paytriage::sandbox"
        bool inApp = false;
    };

    explicit WelcomePage(QWidget *parent = nullptr);
    ~WelcomePage() override;

    // Empty: demo not running (the page offers to start it).
    void setScenarios(std::vector<Scenario> scenarios, const QString &sandboxUrl);
    QWidget *scenarioList() const;
    // The ids looked up last, newest first: Enter or a click looks one up again.
    void setRecent(const QStringList &ids);
    // Each merchant profile and what is known of its key (Unknown: none stored, or not read yet).
    struct ProfileKey
    {
        QString name;
        KeyMode mode = KeyMode::Unknown;
        bool checked = false;  // the keychain answered for it
    };
    void setProfiles(std::vector<ProfileKey> profiles);
    // Without an evidence history its button is not offered.
    void setHistoryAvailable(bool available);

Q_SIGNALS:
    void scenarioRequested(const QString &orderId, bool inApp);
    void demoRequested();
    void analyseTextRequested();
    void recentRequested(const QString &id);
    void settingsRequested(const QString &profile);
    void batchRequested();
    void scanRequested();
    void historyRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void fill();
    void fillProfiles();
    void openCurrent();

    std::unique_ptr<Ui::WelcomePage> m_ui;
    std::vector<Scenario> m_scenarios;
    QString m_url;
    std::vector<ProfileKey> m_profiles;
};

} // namespace paytriage
