#include "analyzetextdialog.h"
#include "ui_analyzetextdialog.h"

#include <QEvent>
#include <QFontDatabase>
#include <QPushButton>

namespace paytriage {

AnalyzeTextDialog::AnalyzeTextDialog(QWidget *parent) : QDialog(parent), m_ui(std::make_unique<Ui::AnalyzeTextDialog>())
{
    m_ui->setupUi(this);
    m_ui->textEdit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_ui->buttons->button(QDialogButtonBox::Ok)->setText(tr("Analyse"));
    connect(m_ui->buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_ui->textEdit, &QPlainTextEdit::textChanged, this, &AnalyzeTextDialog::updateOk);
    updateOk();
    m_ui->textEdit->setFocus();
}

AnalyzeTextDialog::~AnalyzeTextDialog() = default;

void AnalyzeTextDialog::setCaseTitle(const QString &title)
{
    m_ui->titleEdit->setText(title);
}

QString AnalyzeTextDialog::caseTitle() const
{
    return m_ui->titleEdit->text().trimmed();
}

void AnalyzeTextDialog::setText(const QString &text)
{
    m_ui->textEdit->setPlainText(text);
}

QString AnalyzeTextDialog::text() const
{
    return m_ui->textEdit->toPlainText();
}

void AnalyzeTextDialog::updateOk()
{
    m_ui->buttons->button(QDialogButtonBox::Ok)->setEnabled(!m_ui->textEdit->document()->isEmpty());
}

void AnalyzeTextDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        m_ui->buttons->button(QDialogButtonBox::Ok)->setText(tr("Analyse"));
    }
    QDialog::changeEvent(event);
}

} // namespace paytriage
