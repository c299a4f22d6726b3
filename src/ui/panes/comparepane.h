#pragma once

// The live answer beside the pasted one: once "Look up live" has fetched the payment, what
// changed since the paste was captured, field by field (a null that is filled now, a new
// cancel), the transactions and settlement rows, and the findings that cleared or appeared.
// The same for two snapshots of one payment in the history (the older one's case shows it).
// Hidden until there is something to compare with.

#include "casepane.h"

#include <QPointer>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace paytriage {

class ComparePane final : public CasePane
{
    Q_OBJECT
public:
    explicit ComparePane(const PaneContext &context, QWidget *parent = nullptr);

    QTreeWidget *table() const { return m_table; }

    void showSnapshot(const CaseSnapshot &snapshot) override;
    void setLanguage(Language language) override;
    QLabel *caption() const override { return m_caption; }

private:
    void retranslate() override { update(); }
    void setCounterpart(CaseSession *live);
    // How a side is named in the caption and the table: a snapshot by its number and time, else
    // as pasted (before) or live (after).
    QString sideName(const CaseSession &session, bool before) const;
    void update();

    QPointer<CaseSession> m_live;
    QLabel *m_caption;
    QLabel *m_status;
    QPushButton *m_openLive;
    QTreeWidget *m_table;
};

} // namespace paytriage
