#include "batchview.h"
#include "ui_batchview.h"

#include "casereport/listreports.h"
#include "catalog/catalog.h"
#include "models/batchmodel.h"
#include "net/idlist.h"
#include "report/casesummary.h"
#include "rules/analyzer.h"
#include "session/batchrun.h"
#include "session/evidencehistory.h"
#include "rankedtable.h"
#include "util/clock.h"

#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QHeaderView>
#include <QShortcut>

#include <algorithm>

namespace paytriage {

BatchView::BatchView(const Catalog &catalog, QNetworkAccessManager *network, EvidenceHistory *history, QWidget *parent)
    : QWidget(parent),
      m_ui(std::make_unique<Ui::BatchView>()),
      m_catalog(catalog),
      m_network(network),
      m_history(history),
      m_model(new BatchModel(this))
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("batchView"));
    QTableView *view = m_ui->table;
    m_rows = new RankedTable(view, m_model, BatchModel::StatusColumn, BatchModel::WorstColumn, BatchModel::IdColumn, Qt::AscendingOrder);
    connect(view, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        if (const BatchRow *row = m_model->row(m_rows->sourceRow(index)))
            Q_EMIT openRequested(row->id);
    });
    connect(m_ui->idsEdit, &QPlainTextEdit::textChanged, this, &BatchView::readList);
    connect(m_ui->columnCombo, &QComboBox::currentIndexChanged, this, &BatchView::readList);
    connect(m_ui->openButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Open a list of ids"), {}, tr("Ids and CSV (*.csv *.txt);;All files (*)"));
        if (path.isEmpty())
            return;
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            Q_EMIT message(tr("Cannot read %1: %2").arg(path, file.errorString()));
            return;
        }
        // A list is small; a file of gigabytes is not a list of ids.
        const QByteArray bytes = file.read(64 << 20);
        setIds(QString::fromUtf8(bytes));
    });
    connect(m_ui->runButton, &QPushButton::clicked, this, [this] {
        if (m_ids.isEmpty()) {
            Q_EMIT message(tr("No ids to look up: paste them one per line, or a CSV with an orderId or paymentKey column."));
            return;
        }
        Q_EMIT runRequested();
    });
    // Ctrl+Enter runs from the ids field, as it analyses in the Analyse-text editor.
    auto *runKey = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), this);
    runKey->setContext(Qt::WidgetWithChildrenShortcut);
    connect(runKey, &QShortcut::activated, m_ui->runButton, &QPushButton::click);
    connect(m_ui->stopButton, &QPushButton::clicked, this, [this] {
        if (m_run)
            m_run->stop();
    });
    connect(m_ui->retryButton, &QPushButton::clicked, this, [this] {
        if (!m_run)
            return;
        QList<int> again;
        for (int i = 0; i < m_model->rowCount(); ++i)
            if (const BatchRow *row = m_model->row(i); row->state == BatchRow::State::Failed || row->state == BatchRow::State::Stopped) {
                BatchRow waiting = *row;
                waiting.state = BatchRow::State::Waiting;
                waiting.error.clear();
                m_model->setRow(i, std::move(waiting));
                again << i;
            }
        m_run->retry(again);
        updateButtons();
        updateProgress();
    });
    connect(m_ui->exportButton, &QPushButton::clicked, this, [this] { exportReport(); });
    retranslate();
    readList();
}

bool BatchView::exportReport(QString path)
{
    if (m_model->rowCount() == 0)
        return false;
    if (path.isEmpty()) {
        path = QFileDialog::getSaveFileName(this, tr("Export the batch as a report"), QStringLiteral("batch.pdf"),
                                            tr("PDF (*.pdf);;HTML (*.html);;Markdown (*.md)"));
        if (path.isEmpty())
            return false;
    }
    const ListReport report = batchReport(*m_model, {m_language, m_profile, m_ui->progressLabel->text()});
    QString error;
    if (!writeListReport(report, path, &error)) {
        Q_EMIT message(error);
        return false;
    }
    Q_EMIT message(tr("Report written to %1").arg(path));
    return true;
}

BatchView::~BatchView()
{
    if (m_run)
        m_run->disconnect(this);
}

QTableView *BatchView::table() const
{
    return m_ui->table;
}

bool BatchView::running() const
{
    return m_run && m_run->running();
}

void BatchView::setLanguage(Language language)
{
    m_language = language;
    m_model->setLanguage(language);
}

void BatchView::setIds(const QString &text)
{
    m_ui->idsEdit->setPlainText(text);
}

void BatchView::readList()
{
    const QString chosen = m_ui->columnCombo->isVisible() ? m_ui->columnCombo->currentText() : QString();
    const IdList list = readIdList(m_ui->idsEdit->toPlainText().toUtf8(), chosen);
    m_ids = list.ids;
    m_repeats = list.repeats;
    // A CSV's columns are offered once its header is seen; the one read is chosen.
    const bool csv = !list.headers.isEmpty();
    {
        const QSignalBlocker quiet(m_ui->columnCombo);
        if (csv && list.headers != QStringList([this] {
                QStringList items;
                for (int i = 0; i < m_ui->columnCombo->count(); ++i)
                    items << m_ui->columnCombo->itemText(i);
                return items;
            }())) {
            m_ui->columnCombo->clear();
            m_ui->columnCombo->addItems(list.headers);
        }
        if (csv)
            m_ui->columnCombo->setCurrentText(list.column);
    }
    m_ui->columnCombo->setVisible(csv);
    m_ui->columnLabel->setVisible(csv);
    updateProgress();
    updateButtons();
}

void BatchView::run(const ClientConfig &config, const QString &profile, const QString &mid)
{
    if (m_run)
        m_run->disconnect(this);
    m_run.reset();
    m_client = std::make_unique<TossClient>(m_network, config);
    m_profile = profile;
    m_mid = mid;
    std::vector<BatchRow> rows;
    for (const QString &id : m_ids) {
        BatchRow row;
        row.id = id;
        rows.push_back(std::move(row));
    }
    m_model->setRows(std::move(rows));
    BatchOptions options;
    options.concurrency = m_ui->concurrencySpin->value();
    options.full = m_ui->fullCheck->isChecked();
    options.ratePerSecond = m_ui->rateSpin->value();
    m_clock = std::make_unique<SystemClock>();
    m_analyzer = std::make_unique<Analyzer>(m_catalog, *m_clock);
    m_run = std::make_unique<BatchRun>(m_client.get(), m_ids, options);
    connect(m_run.get(), &BatchRun::started, this, [this](int index) {
        if (const BatchRow *row = m_model->row(index)) {
            BatchRow running = *row;
            running.state = BatchRow::State::Running;
            m_model->setRow(index, std::move(running));
        }
        updateProgress();
    });
    connect(m_run.get(), &BatchRun::finished, this, &BatchView::onFinished);
    connect(m_run.get(), &BatchRun::idle, this, [this] {
        updateButtons();
        updateProgress();
        // Each column as wide as what arrived, up to a paymentKey's width; the finding takes the rest.
        const int widest = fontMetrics().horizontalAdvance(QLatin1Char('M')) * 26;
        for (int column : {BatchModel::IdColumn, BatchModel::StatusColumn, BatchModel::MethodColumn, BatchModel::AmountColumn,
                           BatchModel::RulesColumn}) {
            m_ui->table->resizeColumnToContents(column);
            m_ui->table->setColumnWidth(column, std::min(m_ui->table->columnWidth(column) + 12, widest));
        }
    });
    m_run->start();
    updateButtons();
    updateProgress();
}

void BatchView::onFinished(int index, CaseFetcher *fetcher)
{
    const BatchRow *old = m_model->row(index);
    if (!old)
        return;
    const Case &kase = fetcher->currentCase();
    const Analysis analysis = m_analyzer->analyze(kase);
    const CaseFacts facts = caseFactsOf(kase, m_catalog);
    const std::optional<ApiError> failure = fetcher->paymentError();
    const bool canceled = failure && failure->kind == ApiError::Kind::Canceled;
    m_model->setRow(index, batchRowOf(old->id, facts, analysis, failure));
    // Every answer goes into the history, as the console keeps a lookup.
    if (m_history && !canceled) {
        Snapshot snapshot = lookupSnapshot({m_run->ids().value(index), m_profile, m_mid, keyModeOf(m_client->config().secretKey), &facts,
                                            &analysis, [fetcher](Source source) -> const std::vector<RawAnswer> & {
                                                return fetcher->answersOf(source);
                                            }});
        if (!snapshot.bodies.empty())
            m_history->record(std::move(snapshot));
    }
    updateProgress();
}

void BatchView::updateProgress()
{
    int done = 0, failed = 0, running = 0, flagged = 0;
    for (const BatchRow &row : m_model->rows()) {
        done += row.state == BatchRow::State::Done || row.state == BatchRow::State::Failed || row.state == BatchRow::State::Stopped;
        failed += row.state == BatchRow::State::Failed;
        running += row.state == BatchRow::State::Running;
        flagged += row.state == BatchRow::State::Done && row.worst >= int(Severity::Warning);
    }
    const int total = m_model->rowCount();
    m_ui->progressBar->setRange(0, std::max(total, 1));
    m_ui->progressBar->setValue(done);
    QString text;
    if (total == 0 || (!m_run && !m_ids.isEmpty()))
        text = m_ids.isEmpty() ? tr("Paste ids or open a list, then Run (Ctrl+Enter).")
                               : tr("%n id(s) to look up", nullptr, int(m_ids.size()))
                                     + (m_repeats > 0 ? QStringLiteral(" · ") + tr("%n repeated, looked up once", nullptr, m_repeats) : QString());
    else
        text = tr("%1 of %2 done · %3 with findings at warning or above · %4 failed · %5 running")
                   .arg(done)
                   .arg(total)
                   .arg(flagged)
                   .arg(failed)
                   .arg(running)
               + (m_profile.isEmpty() ? QString() : QStringLiteral(" · ") + m_profile);
    m_ui->progressLabel->setText(text);
}

void BatchView::updateButtons()
{
    const bool busy = running();
    bool failed = false;
    for (const BatchRow &row : m_model->rows())
        failed = failed || row.state == BatchRow::State::Failed || row.state == BatchRow::State::Stopped;
    m_ui->runButton->setEnabled(!busy && !m_ids.isEmpty());
    m_ui->exportButton->setEnabled(!busy && m_model->rowCount() > 0);
    m_ui->stopButton->setEnabled(busy);
    m_ui->retryButton->setEnabled(!busy && failed);
    m_ui->idsEdit->setReadOnly(busy);
}

void BatchView::retranslate()
{
    m_ui->runButton->setToolTip(tr("Look every id up with the merchant chosen in the lookup bar (Ctrl+Enter)"));
    m_ui->retryButton->setToolTip(tr("Look the failed and stopped ids up again"));
    m_ui->stopButton->setToolTip(tr("Stop the lookups in flight and those waiting; what arrived stays"));
    m_ui->rateSpin->setSpecialValueText(tr("no limit"));
    updateProgress();
}

void BatchView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        retranslate();
    } else if (event->type() == QEvent::PaletteChange) {
        m_rows->setPalette(palette());
    }
    QWidget::changeEvent(event);
}

} // namespace paytriage
