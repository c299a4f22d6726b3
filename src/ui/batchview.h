#pragma once
// The batch as a view of the console: ids pasted or opened (one per line, or a CSV column), looked
// up a few at a time with the lookup bar's merchant (session/batchrun, the CLI's batch too), a
// sortable table filled as answers arrive, progress, stop and retry of failed rows; every answer
// is kept in the evidence history; a row opens its payment as a case.

#include "net/tossclient.h"
#include "util/i18n.h"

#include <QWidget>

#include <memory>

class QNetworkAccessManager;
class QTableView;

namespace paytriage {

namespace Ui {
class BatchView;
}

class BatchModel;
class BatchRun;
class CaseFetcher;
class Catalog;
class EvidenceHistory;

class BatchView final : public QWidget
{
    Q_OBJECT
public:
    // history: where each answer is kept (may be null).
    BatchView(const Catalog &catalog, QNetworkAccessManager *network, EvidenceHistory *history, QWidget *parent = nullptr);
    ~BatchView() override;

    void setLanguage(Language language);
    void setIds(const QString &text);
    // Runs the ids with this merchant's client settings (the window reads its key).
    void run(const ClientConfig &config, const QString &profile, const QString &mid);

    BatchModel *model() const { return m_model; }
    QTableView *table() const;
    bool running() const;
    // The table as a report (Markdown, HTML or PDF by the file's suffix); path empty: asks where.
    bool exportReport(QString path = {});

Q_SIGNALS:
    // Run pressed: the window finds the merchant's settings and calls run().
    void runRequested();
    void openRequested(const QString &id);
    void message(const QString &text);

protected:
    void changeEvent(QEvent *event) override;

private:
    void readList();
    void onFinished(int index, CaseFetcher *fetcher);
    void updateProgress();
    void updateButtons();
    void retranslate();

    std::unique_ptr<Ui::BatchView> m_ui;
    const Catalog &m_catalog;
    QNetworkAccessManager *m_network;
    EvidenceHistory *m_history;
    std::unique_ptr<TossClient> m_client;
    std::unique_ptr<BatchRun> m_run;
    // One analyzer for the run's answers (its rules are built once), reading the system clock.
    std::unique_ptr<class SystemClock> m_clock;
    std::unique_ptr<class Analyzer> m_analyzer;
    QString m_profile;
    QString m_mid;
    BatchModel *m_model;
    class RankedTable *m_rows;
    QStringList m_ids;       // read from the text as it stands
    int m_repeats = 0;
    Language m_language = Language::English;
};

} // namespace paytriage
