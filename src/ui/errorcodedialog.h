#pragma once
// A searchable view of the catalog's error codes: meaning, likely causes, what to check, who
// acts and the HTTP status (seed 003: "who has to act on this code?").

#include "catalog/catalog.h"

#include <QDialog>

#include <memory>

class QSortFilterProxyModel;

namespace paytriage {

namespace Ui {
class ErrorCodeDialog;
}

class ErrorCodeModel;

class ErrorCodeDialog final : public QDialog
{
    Q_OBJECT
public:
    ErrorCodeDialog(const Catalog &catalog, Language language, QWidget *parent = nullptr);
    ~ErrorCodeDialog() override;

    void setLanguage(Language language);
    bool showCode(const QString &code);  // selects it (clearing the search); false if unknown
    QString currentCode() const;
    int visibleCount() const;
    void updateCount();

protected:
    void changeEvent(QEvent *event) override;

private:
    void showDetail();

    std::unique_ptr<Ui::ErrorCodeDialog> m_ui;
    const Catalog &m_catalog;
    Language m_language;
    ErrorCodeModel *m_model;
    QSortFilterProxyModel *m_filter;
};

} // namespace paytriage
