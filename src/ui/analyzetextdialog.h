#pragma once
// An editor for text to analyse (typed, pasted, or brought back from a case that failed to
// decode so it can be fixed).

#include <QDialog>
#include <QTimer>

#include <cstdint>
#include <memory>
#include <optional>

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
    // The time to analyse the text as of, when chosen (filled in from the text's log lines).
    std::optional<std::int64_t> asOf() const;

    void accept() override;

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateOk();
    void updateAsOf();
    void retranslate();

    std::unique_ptr<Ui::AnalyzeTextDialog> m_ui;
    bool m_asOfEdited = false;
    QTimer m_asOfTimer;  // the user set it: the text no longer fills it in
};

} // namespace paytriage
