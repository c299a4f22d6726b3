#pragma once
// The period scan as a view of the console: a merchant's days, every transaction and settlement
// record read page by page (session/periodscan), with progress, stop and read-on, findings per day
// and the status mix as charts, and the payments with findings ranked; a row opens its payment
// as a case.

#include "net/tossclient.h"
#include "util/i18n.h"

#include <QDate>
#include <QElapsedTimer>
#include <QWidget>

#include <memory>

class QChart;
class QChartView;
class QNetworkAccessManager;
class QTableView;

namespace paytriage {

namespace Ui {
class ScanView;
}

class Catalog;
class PeriodScan;
class ScanResultModel;

class ScanView final : public QWidget
{
    Q_OBJECT
public:
    ScanView(const Catalog &catalog, QNetworkAccessManager *network, QWidget *parent = nullptr);
    ~ScanView() override;

    void setLanguage(Language language);
    // The period offered (the demo's generated merchant, or the last days).
    void setPeriod(QDate from, QDate to);
    // Scans the period with this merchant's client settings (the window reads its key).
    void start(const ClientConfig &config, const QString &merchant);

    PeriodScan *scan() const { return m_scan.get(); }
    ScanResultModel *model() const { return m_model; }
    QTableView *table() const;
    bool running() const;
    // The table as a report (Markdown, HTML or PDF by the file's suffix); path empty: asks where.
    bool exportReport(QString path = {});

Q_SIGNALS:
    // Scan pressed: the window finds the merchant's settings and calls start().
    void scanRequested(QDate from, QDate to);
    void openRequested(const QString &paymentKey);
    void message(const QString &text);

protected:
    void changeEvent(QEvent *event) override;

private:
    void refresh(bool now);
    void updateProgress();
    void updateCharts();
    void updateButtons();
    void retranslate();

    std::unique_ptr<Ui::ScanView> m_ui;
    const Catalog &m_catalog;
    QNetworkAccessManager *m_network;
    std::unique_ptr<TossClient> m_client;
    std::unique_ptr<PeriodScan> m_scan;
    QString m_merchant;
    ScanResultModel *m_model;
    class RankedTable *m_rows;
    QChartView *m_perDay;
    QChartView *m_statuses;
    QElapsedTimer m_sinceRefresh;
    QElapsedTimer m_clock;
    Language m_language = Language::English;
};

} // namespace paytriage
