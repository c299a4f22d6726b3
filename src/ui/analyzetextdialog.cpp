#include "analyzetextdialog.h"
#include "ui_analyzetextdialog.h"

#include "util/timestamp.h"

#include <QAction>
#include <QCheckBox>
#include <QDateTime>
#include <QEvent>
#include <QFontDatabase>
#include <QPushButton>

namespace paytriage {

namespace {
constexpr qint64 kstOffsetMs = qint64(kstOffsetMinutes) * 60 * 1000;
}

AnalyzeTextDialog::AnalyzeTextDialog(QWidget *parent) : QDialog(parent), m_ui(std::make_unique<Ui::AnalyzeTextDialog>())
{
    m_ui->setupUi(this);
    m_ui->textEdit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    retranslate();
    connect(m_ui->buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_ui->textEdit, &QPlainTextEdit::textChanged, this, &AnalyzeTextDialog::updateOk);
    // Read once typing or pasting settles, not at every key: a paste can be megabytes.
    m_asOfTimer.setSingleShot(true);
    m_asOfTimer.setInterval(300);
    connect(&m_asOfTimer, &QTimer::timeout, this, &AnalyzeTextDialog::updateAsOf);
    connect(m_ui->textEdit, &QPlainTextEdit::textChanged, &m_asOfTimer, qOverload<>(&QTimer::start));
    // The editor shows KST wall-clock time (Qt 6.4's editor has no time zone of its own): it holds
    // UTC shifted by +09:00, and asOf() shifts back.
    m_ui->asOfEdit->setTimeSpec(Qt::UTC);
    m_ui->asOfEdit->setDateTime(QDateTime::fromMSecsSinceEpoch(QDateTime::currentMSecsSinceEpoch() + kstOffsetMs, Qt::UTC));
    m_ui->asOfEdit->setEnabled(false);
    connect(m_ui->asOfCheck, &QCheckBox::toggled, m_ui->asOfEdit, &QWidget::setEnabled);
    connect(m_ui->asOfCheck, &QCheckBox::clicked, this, [this] { m_asOfEdited = true; });
    connect(m_ui->asOfEdit, &QDateTimeEdit::dateTimeChanged, this, [this] {
        if (m_ui->asOfEdit->hasFocus())
            m_asOfEdited = true;
    });
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

std::optional<std::int64_t> AnalyzeTextDialog::asOf() const
{
    if (!m_ui->asOfCheck->isChecked())
        return std::nullopt;
    return m_ui->asOfEdit->dateTime().toMSecsSinceEpoch() - kstOffsetMs;
}

void AnalyzeTextDialog::accept()
{
    // Text changed just before Analyse: its log lines are read now, not after the dialog closed.
    if (m_asOfTimer.isActive()) {
        m_asOfTimer.stop();
        updateAsOf();
    }
    QDialog::accept();
}

void AnalyzeTextDialog::updateAsOf()
{
    if (m_asOfEdited)
        return;
    // A log line the paste came with says when it was captured: analysed as of then, a payment
    // "in progress" in it is judged by its age at that moment, not by its age today.
    constexpr int kScanLimit = 4 * 1024 * 1024;  // characters: log lines sit at a paste's edges
    const QString text = m_ui->textEdit->toPlainText();
    const QString scanned = text.size() <= kScanLimit ? text : text.left(kScanLimit / 2) + QLatin1Char('\n') + text.right(kScanLimit / 2);
    const auto captured = captureTime(scanned.toStdString());
    m_ui->asOfCheck->setChecked(captured.has_value());
    if (captured) {
        m_ui->asOfEdit->setDateTime(QDateTime::fromMSecsSinceEpoch(captured->msSinceEpoch + kstOffsetMs, Qt::UTC));
        m_ui->asOfSource->setText(tr("from the text's log lines"));
    } else {
        m_ui->asOfSource->clear();
    }
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
