#pragma once
// The lookup bar: one field for an orderId or paymentKey (its detected kind shown, overridable),
// the merchant profile with a TEST/LIVE badge, Enter to search, recent lookups.

#include "net/casefetcher.h"
#include "net/lookupinput.h"
#include "net/profile.h"

#include <QWidget>

#include <memory>

namespace paytriage {

namespace Ui {
class LookupBar;
}

class LookupBar final : public QWidget
{
    Q_OBJECT
public:
    explicit LookupBar(QWidget *parent = nullptr);
    ~LookupBar() override;

    // What the id is: Auto, OrderId, PaymentKey; inApp when "In-app order" is chosen.
    struct Query
    {
        QString id;
        IdKind kind = IdKind::Auto;
        bool inApp = false;
        QString userKey;  // Apps-in-Toss: the Toss user's key (x-toss-user-key)
        QString profile;
    };

    void setProfiles(const QStringList &names, const QString &current);
    QString currentProfile() const;
    QStringList profiles() const;
    void setKeyMode(KeyMode mode);       // the badge for the current profile's key
    void setRecent(const QStringList &ids);
    QStringList recent() const;
    // Shows id in the bar and looks it up as kind, as Enter would (the welcome page's scenarios).
    void requestLookup(const QString &id, IdKind kind, bool inApp = false);
    QString text() const;
    void focusInput();                   // Ctrl+L: focus and select all

Q_SIGNALS:
    void lookupRequested(const paytriage::LookupBar::Query &query);
    void profileChanged(const QString &name);
    // What was typed holds no id: the window says why.
    void inputProblem(const QString &message);

protected:
    void changeEvent(QEvent *event) override;

private:
    void submit();
    void lookUpId(const LookupInput::Id &id, bool cleaned);
    void offerIds(const QList<LookupInput::Id> &ids);
    void unpinnedKindBackToAuto();
    void addRecent(const QString &id);
    Query currentQuery() const;  // what the widgets say
    void updateDetected();
    void fillKinds();

    std::unique_ptr<Ui::LookupBar> m_ui;
    KeyMode m_mode = KeyMode::Unknown;
};

} // namespace paytriage
