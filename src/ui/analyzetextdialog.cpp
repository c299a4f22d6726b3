#include "analyzetextdialog.h"
#include "ui_analyzetextdialog.h"

#include <QAction>
#include <QEvent>
#include <QFontDatabase>
#include <QPushButton>

namespace paytriage {

AnalyzeTextDialog::AnalyzeTextDialog(QWidget *parent) : QDialog(parent), m_ui(std::make_unique<Ui::AnalyzeTextDialog>())
{
    m_ui->setupUi(this);
    m_ui->textEdit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    retranslate();
    connect(m_ui->buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_ui->textEdit, &QPlainTextEdit::textChanged, this, &AnalyzeTextDialog::updateOk);
    // Enter belongs to the text (a paste is edited here); Ctrl+Enter analyses, from anywhere in the dialog.
    auto *analyse = new QAction(this);
    analyse->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    addAction(analyse);
    connect(analyse, &QAction::triggered, this, [this] {
        if (m_ui->buttons->button(QDialogButtonBox::Ok)->isEnabled())
            accept();
    });
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

void AnalyzeTextDialog::retranslate()
{
    QPushButton *ok = m_ui->buttons->button(QDialogButtonBox::Ok);
    ok->setText(tr("Analyse"));
    ok->setToolTip(tr("Analyse the text (Ctrl+Enter)"));
}

void AnalyzeTextDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        retranslate();
    }
    QDialog::changeEvent(event);
}

} // namespace paytriage
