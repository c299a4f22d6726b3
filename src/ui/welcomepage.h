#pragma once
// The first page: what PayTriage does, and in demo mode every sandbox scenario one click away.

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

Q_SIGNALS:
    void scenarioRequested(const QString &orderId, bool inApp);
    void demoRequested();
    void analyseTextRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void fill();
    void openCurrent();

    std::unique_ptr<Ui::WelcomePage> m_ui;
    std::vector<Scenario> m_scenarios;
    QString m_url;
};

} // namespace paytriage
