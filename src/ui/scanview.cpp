#include "scanview.h"
#include "ui_scanview.h"

#include "casereport/listreports.h"
#include "catalog/catalog.h"
#include "models/scanresultmodel.h"
#include "session/periodscan.h"
#include "rankedtable.h"
#include "severitystyle.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLocale>
#include <QPieSeries>
#include <QPieSlice>
#include <QStackedBarSeries>
#include <QValueAxis>

#include <algorithm>

namespace paytriage {
namespace {

constexpr int refreshEveryMs = 400;

QChartView *chartView(QWidget *parent)
{
    auto *chart = new QChart;
    chart->setBackgroundVisible(false);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->legend()->setAlignment(Qt::AlignBottom);
    auto *view = new QChartView(chart, parent);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(180);
    return view;
}

} // namespace

ScanView::ScanView(const Catalog &catalog, QNetworkAccessManager *network, QWidget *parent)
    : QWidget(parent),
      m_ui(std::make_unique<Ui::ScanView>()),
      m_catalog(catalog),
      m_network(network),
      m_model(new ScanResultModel(this))
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("scanView"));
    QTableView *view = m_ui->table;
    m_rows = new RankedTable(view, m_model, -1, ScanResultModel::WhatColumn, ScanResultModel::PaymentColumn, Qt::DescendingOrder);
    connect(view, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        if (const ScanRow *row = m_model->row(m_rows->sourceRow(index)))
            Q_EMIT openRequested(row->paymentKey);
    });

    auto *charts = new QHBoxLayout(m_ui->charts);
    charts->setContentsMargins(0, 0, 0, 0);
    m_perDay = chartView(m_ui->charts);
    m_perDay->setObjectName(QStringLiteral("findingsPerDayChart"));
    m_statuses = chartView(m_ui->charts);
    m_statuses->setObjectName(QStringLiteral("statusMixChart"));
    charts->addWidget(m_perDay, 3);
    charts->addWidget(m_statuses, 2);
    m_ui->splitter->setStretchFactor(0, 2);
    m_ui->splitter->setStretchFactor(1, 3);

    const QDate today = QDate::currentDate();
    setPeriod(today.addDays(-7), today.addDays(-1));
    connect(m_ui->startButton, &QPushButton::clicked, this, [this] {
        if (m_ui->toDate->date() < m_ui->fromDate->date()) {
            Q_EMIT message(tr("The period ends before it starts: choose a To day on or after the From day."));
            return;
        }
        Q_EMIT scanRequested(m_ui->fromDate->date(), m_ui->toDate->date());
    });
    connect(m_ui->cancelButton, &QPushButton::clicked, this, [this] {
        if (m_scan)
            m_scan->cancel();
    });
    connect(m_ui->resumeButton, &QPushButton::clicked, this, [this] {
        if (m_scan && !m_scan->running()) {
            m_scan->resume();
            updateButtons();
            updateProgress();
        }
    });
    connect(m_ui->exportButton, &QPushButton::clicked, this, [this] { exportReport(); });
    m_ui->progressBar->setRange(0, 1);
    m_ui->progressBar->setValue(0);
    retranslate();
    updateButtons();
}

ScanView::~ScanView()
{
    if (m_scan)
        m_scan->disconnect(this);
}

QTableView *ScanView::table() const
{
    return m_ui->table;
}

bool ScanView::running() const
{
    return m_scan && m_scan->running();
}

void ScanView::setLanguage(Language language)
{
    m_language = language;
    m_model->setLanguage(language);
    updateCharts();
}

void ScanView::setPeriod(QDate from, QDate to)
{
    m_ui->fromDate->setDate(from);
    m_ui->toDate->setDate(to);
}

void ScanView::start(const ClientConfig &config, const QString &merchant)
{
    if (m_scan)
        m_scan->disconnect(this);
    m_scan.reset();
    m_client = std::make_unique<TossClient>(m_network, config);
    PeriodScanOptions options;
    options.from = m_ui->fromDate->date();
    options.to = m_ui->toDate->date();
    options.settlements = m_ui->settlementsCheck->isChecked();
    options.ratePerSecond = m_ui->rateSpin->value();
    m_scan = std::make_unique<PeriodScan>(m_client.get(), m_catalog, options);
    m_merchant = merchant;
    connect(m_scan.get(), &PeriodScan::progressed, this, [this] { refresh(false); });
    connect(m_scan.get(), &PeriodScan::finished, this, [this] {
        refresh(true);
        updateButtons();
    });
    m_model->setRows({});
    m_clock.start();
    m_sinceRefresh.start();
    m_scan->start();
    updateButtons();
    refresh(true);
}

bool ScanView::exportReport(QString path)
{
    if (!m_scan)
        return false;
    if (path.isEmpty()) {
        path = QFileDialog::getSaveFileName(this, tr("Export the scan as a report"),
                                            QStringLiteral("scan-%1-%2.pdf").arg(m_ui->fromDate->date().toString(Qt::ISODate),
                                                                                 m_ui->toDate->date().toString(Qt::ISODate)),
                                            tr("PDF (*.pdf);;HTML (*.html);;Markdown (*.md)"));
        if (path.isEmpty())
            return false;
    }
    refresh(true);  // the table as the scan stands
    const ListReport report = scanReport(*m_scan, *m_model, m_ui->fromDate->date(), m_ui->toDate->date(),
                                         {m_language, m_merchant, m_ui->progressLabel->text()});
    QString error;
    if (!writeListReport(report, path, &error)) {
        Q_EMIT message(error);
        return false;
    }
    Q_EMIT message(tr("Report written to %1").arg(path));
    return true;
}

void ScanView::refresh(bool now)
{
    // The table and charts follow the scan a few times a second, not at every page.
    if (!now && m_sinceRefresh.isValid() && m_sinceRefresh.elapsed() < refreshEveryMs) {
        updateProgress();
        return;
    }
    m_sinceRefresh.start();
    updateProgress();
    if (!m_scan)
        return;
    std::vector<ScanRow> rows = scanRowsOf(*m_scan, m_catalog);
    const bool first = m_model->rowCount() == 0 && !rows.empty();
    m_model->setRows(std::move(rows));
    if (first)
        for (int column : {ScanResultModel::PaymentColumn, ScanResultModel::OrderColumn, ScanResultModel::DayColumn,
                           ScanResultModel::FindingsColumn})
            m_ui->table->resizeColumnToContents(column);
    updateCharts();
}

void ScanView::updateProgress()
{
    if (!m_scan) {
        m_ui->progressLabel->setText(tr("Choose the days and press Scan: every transaction and settlement of the merchant in "
                                        "them is read and checked, page by page."));
        return;
    }
    const ScanProgress &p = m_scan->progress();
    const QLocale locale = m_language == Language::Korean ? QLocale(QLocale::Korean) : QLocale(QLocale::English);
    // Payments are counted as their records are weighed together, once everything is read; an
    // estimate until then.
    const QString read = tr("%1 pages · %2 transactions · %3 settlement records")
                             .arg(locale.toString(p.pages), locale.toString(p.transactions), locale.toString(p.settlements));
    const QString counts = p.phase == ScanProgress::Phase::Transactions || p.phase == ScanProgress::Phase::Settlements
                               ? tr("%1 · about %2 payments · %3 findings").arg(read, locale.toString(p.paymentsAbout), locale.toString(p.findings))
                               : tr("%1 · %2 payments · %3 findings").arg(read, locale.toString(p.payments), locale.toString(p.findings));
    QString text;
    if (m_scan->running()) {
        switch (p.phase) {
        case ScanProgress::Phase::Transactions: text = tr("%1: reading transactions… %2").arg(m_merchant, counts); break;
        case ScanProgress::Phase::Settlements: text = tr("%1: reading settlements… %2").arg(m_merchant, counts); break;
        default:
            text = tr("%1: weighing each payment's records together (part %2 of %3)… %4")
                       .arg(m_merchant, locale.toString(p.sharesJudged + 1), locale.toString(p.shares), counts);
            break;
        }
        if (p.resumes > 0)
            text += QStringLiteral(" · ") + tr("%n page(s) asked again after a failure", nullptr, p.resumes);
    } else if (p.phase == ScanProgress::Phase::Done) {
        text = tr("%1: done in %2 s, %3 requests. %4")
                   .arg(m_merchant, locale.toString(double(m_clock.elapsed()) / 1000.0, 'f', 1), locale.toString(p.requests), counts);
        if (p.notJudged > 0)
            text += QStringLiteral(" · ")
                    + tr("%n payment(s) began before these days (their first record here is a cancel): not judged across their "
                         "records; look one up to see it whole.",
                         nullptr, int(p.notJudged));
    } else if (const auto &error = m_scan->error(); error && !m_scan->canResume()) {
        text = tr("Stopped after %1 pages: %2").arg(p.pages).arg(error->describe());
    } else if (error) {
        text = tr("Stopped by a failure after %1 pages: %2. Read on continues from where it stopped.").arg(p.pages).arg(error->describe());
    } else {
        text = tr("Stopped after %1 pages; what was read is shown. Read on continues from where it stopped.").arg(p.pages);
    }
    m_ui->progressLabel->setText(text);
    // Busy while it reads (the API tells no total); then the parts judged of all.
    if (p.phase == ScanProgress::Phase::Judging && p.shares > 0) {
        m_ui->progressBar->setRange(0, p.shares);
        m_ui->progressBar->setValue(p.sharesJudged);
    } else {
        m_ui->progressBar->setRange(0, m_scan->running() ? 0 : 1);
        m_ui->progressBar->setValue(p.phase == ScanProgress::Phase::Done ? 1 : 0);
    }
}

void ScanView::updateCharts()
{
    // Drawn afresh each time: series and axes of the last drawing go with their chart.
    const auto fresh = [](QChartView *view) {
        QChart *old = view->chart();
        auto *chart = new QChart;
        chart->setBackgroundVisible(false);
        chart->setMargins(old->margins());
        chart->legend()->setAlignment(Qt::AlignBottom);
        view->setChart(chart);
        delete old;
        return chart;
    };
    QChart *perDay = fresh(m_perDay);
    QChart *statuses = fresh(m_statuses);
    perDay->setTitle(tr("Findings per day (KST)"));
    statuses->setTitle(tr("Transactions by status"));
    const QColor text = palette().color(QPalette::WindowText);
    for (QChart *chart : {perDay, statuses}) {
        chart->setTitleBrush(text);
        chart->legend()->setLabelColor(text);
    }
    if (!m_scan)
        return;

    // One stacked bar a day of the period, by severity: where the trouble sits in time.
    auto *series = new QStackedBarSeries;
    const Severity order[] = {Severity::Critical, Severity::Warning, Severity::Info};
    QBarSet *sets[3];
    for (int i = 0; i < 3; ++i) {
        sets[i] = new QBarSet(severityName(order[i]));
        sets[i]->setColor(severityColor(int(order[i]), palette()));
        sets[i]->setBorderColor(sets[i]->color());
    }
    QStringList days;
    qint64 most = 0;
    const auto &perDayCounts = m_scan->findingsPerDay();
    for (QDate day = m_ui->fromDate->date(); day <= m_ui->toDate->date() && days.size() < 400; day = day.addDays(1)) {
        const auto it = perDayCounts.find(day);
        qint64 total = 0;
        for (int i = 0; i < 3; ++i) {
            const qint64 n = it == perDayCounts.end() ? 0 : it->second[std::size_t(order[i])];
            *sets[i] << double(n);
            total += n;
        }
        most = std::max(most, total);
        days << day.toString(QStringLiteral("MM-dd"));
    }
    for (QBarSet *set : sets)
        series->append(set);
    perDay->addSeries(series);
    auto *x = new QBarCategoryAxis;
    x->append(days);
    x->setLabelsColor(text);
    x->setLabelsAngle(days.size() > 10 ? -90 : 0);
    auto *y = new QValueAxis;
    y->setRange(0, std::max<qint64>(most, 1));
    y->setLabelFormat(QStringLiteral("%d"));
    y->setTickCount(std::min<int>(int(std::max<qint64>(most, 1)) + 1, 6));
    y->setLabelsColor(text);
    perDay->addAxis(x, Qt::AlignBottom);
    perDay->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);

    auto *pie = new QPieSeries;
    for (const auto &[status, n] : m_scan->statusMix()) {
        QPieSlice *slice = pie->append(QStringLiteral("%1 %2").arg(QString::fromStdString(status)).arg(n), double(n));
        slice->setLabelColor(text);
    }
    pie->setLabelsVisible(pie->count() <= 8);
    statuses->addSeries(pie);
    statuses->legend()->setVisible(pie->count() > 8);
}

void ScanView::updateButtons()
{
    const bool running = this->running();
    const bool stopped = m_scan && m_scan->canResume();
    m_ui->startButton->setEnabled(!running);
    m_ui->exportButton->setEnabled(m_scan && !running);
    m_ui->cancelButton->setEnabled(running);
    m_ui->resumeButton->setVisible(stopped);
    for (QWidget *w : std::initializer_list<QWidget *>{m_ui->fromDate, m_ui->toDate, m_ui->settlementsCheck, m_ui->rateSpin})
        w->setEnabled(!running);
}

void ScanView::retranslate()
{
    m_ui->startButton->setToolTip(tr("Read every transaction and settlement of the merchant in these days and check them (Enter)"));
    m_ui->cancelButton->setToolTip(tr("Stop after the page being read; what was read stays"));
    m_ui->resumeButton->setToolTip(tr("Read on from the page where the scan stopped"));
    m_ui->rateSpin->setSpecialValueText(tr("no limit"));
    updateProgress();
    updateCharts();
}

void ScanView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        retranslate();
    } else if (event->type() == QEvent::PaletteChange) {
        m_rows->setPalette(palette());
        updateCharts();
    }
    QWidget::changeEvent(event);
}

} // namespace paytriage
