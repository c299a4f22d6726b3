#pragma once

// The decoded fields: every document as a tree, with what the catalog says of each field, its
// findings and whether a null is expected; follows the selection a moment later.

#include "casepane.h"

#include <QTimer>

#include <memory>

class QTreeView;

namespace paytriage {

namespace Ui {
class FieldsPane;
}

class JsonTreeModel;
class SeverityStyleProxy;

class FieldsPane final : public CasePane
{
    Q_OBJECT
public:
    explicit FieldsPane(const PaneContext &context, QWidget *parent = nullptr);
    ~FieldsPane() override;

    QTreeView *view() const;

    void showSnapshot(const CaseSnapshot &snapshot) override;
    void showSelection(const Selection &selection, const QObject *origin) override;
    void setLanguage(Language language) override;
    void saveState(QSettings &settings) const override;
    void restoreState(const QSettings &settings) override;
    QLabel *caption() const override;

private:
    void retranslate() override;
    void restyle() override;

    std::unique_ptr<Ui::FieldsPane> m_ui;
    JsonTreeModel *m_tree;
    SeverityStyleProxy *m_style;
    QTimer m_follow;
    QAction *m_copyValue;
    QAction *m_copyPointer;
};

} // namespace paytriage
