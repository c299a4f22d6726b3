#pragma once
// An editor for text to analyse (typed, pasted, or brought back from a case that failed to
// decode so it can be fixed).

#include <QDialog>

#include <memory>

namespace paytriage {

namespace Ui {
class AnalyzeTextDialog;
}

class AnalyzeTextDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit AnalyzeTextDialog(QWidget *parent = nullptr);
    ~AnalyzeTextDialog() override;

    void setCaseTitle(const QString &title);
    QString caseTitle() const;
    void setText(const QString &text);
    QString text() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateOk();
    void retranslate();

    std::unique_ptr<Ui::AnalyzeTextDialog> m_ui;
};

} // namespace paytriage
