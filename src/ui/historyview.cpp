#include "historyview.h"
#include "ui_historyview.h"

#include "models/historymodel.h"
#include "session/evidencehistory.h"
#include "rankedtable.h"
#include "store/evidencestore.h"

#include <QAction>
#include <QClipboard>
#include <QDateTime>
#include <QEvent>
#include <QGuiApplication>
#include <QHeaderView>
#include <QTimer>

#include <algorithm>

namespace paytriage {
namespace {

constexpr int pageSize = 200;

// The statuses offered before any row shows others: a payment's and an in-app order's.
const char *const knownStatuses[] = {"READY", "IN_PROGRESS", "WAITING_FOR_DEPOSIT", "DONE", "CANCELED", "PARTIAL_CANCELED",
                                     "ABORTED", "EXPIRED", "PAYMENT_COMPLETED", "PURCHASED", "FAILED", "REFUNDED"};

// Replaces a combo's items, keeping the one chosen (by its data) and sending no signal.
void refill(QComboBox *combo, const QList<QPair<QString, QVariant>> &items)
{
    const QVariant chosen = combo->currentData();
    const QSignalBlocker quiet(combo);
    combo->clear();
    for (const auto &[text, data] : items)
        combo->addItem(text, data);
    combo->setCurrentIndex(std::max(0, combo->findData(chosen)));
}

} // namespace

HistoryView::HistoryView(EvidenceHistory *history, QWidget *parent)
    : QWidget(parent),
      m_ui(std::make_unique<Ui::HistoryView>()),
      m_history(history),
      m_model(new HistoryModel(this)),
      m_typing(new QTimer(this))
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("historyView"));
    QTableView *view = m_ui->table;
    m_rows = new RankedTable(view, m_model, HistoryModel::StatusColumn, HistoryModel::WorstColumn, HistoryModel::CapturedColumn,
                             Qt::DescendingOrder);

    // The status filter offers what the rows show too: a status the guide does not list
    // (seed 002's PAYMENT_COMPLETED) can be looked for once it was seen.
    for (const char *status : knownStatuses)
        m_ui->statusFilter->addItem(QString::fromLatin1(status), QString::fromLatin1(status));
    m_ui->statusFilter->insertItem(0, QString(), QString());
    m_ui->merchantFilter->addItem(QString(), QString());
    m_ui->ruleFilter->addItem(QString(), QString());
    for (int i = 0; i < 4; ++i)
        m_ui->severityFilter->addItem(QString(), i - 1);  // -1 any, else the least Severity
    for (int days : {0, 1, 7, 30})
        m_ui->periodFilter->addItem(QString(), days);
    for (QComboBox *combo : {m_ui->statusFilter, m_ui->merchantFilter, m_ui->ruleFilter, m_ui->severityFilter, m_ui->periodFilter}) {
        combo->setCurrentIndex(0);
        connect(combo, &QComboBox::currentIndexChanged, this, [this] { fetch(false); });
    }
    m_typing->setSingleShot(true);
    m_typing->setInterval(250);
    connect(m_typing, &QTimer::timeout, this, [this] { fetch(false); });
    connect(m_ui->idFilter, &QLineEdit::textChanged, m_typing, qOverload<>(&QTimer::start));
    connect(m_ui->idFilter, &QLineEdit::returnPressed, this, [this] {
        m_typing->stop();
        fetch(false);
    });

    // The rows' context menu: open, compare, pin, copy.
    const auto action = [this, view](const char *objectName, QKeySequence key, void (HistoryView::*slot)()) {
        auto *a = new QAction(view);
        a->setObjectName(QString::fromLatin1(objectName));
        a->setShortcut(key);
        a->setShortcutContext(Qt::WidgetShortcut);
        connect(a, &QAction::triggered, this, slot);
        view->addAction(a);
        return a;
    };
    // Enter and double-click arrive as activated (the item view's own keys).
    action("openAction", QKeySequence(), &HistoryView::openSelected);
    // Ctrl+D is the window's "Compare with the previous snapshot", which asks this view here.
    action("compareAction", QKeySequence(), &HistoryView::compareSelected);
    action("pinAction", QKeySequence(Qt::CTRL | Qt::Key_P), &HistoryView::pinSelected);
    action("copyAction", QKeySequence::Copy, &HistoryView::copySelected);
    connect(view, &QAbstractItemView::activated, this, &HistoryView::openSelected);
    connect(view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &HistoryView::updateButtons);
    connect(m_ui->openButton, &QPushButton::clicked, this, &HistoryView::openSelected);
    connect(m_ui->compareButton, &QPushButton::clicked, this, &HistoryView::compareSelected);
    connect(m_ui->pinButton, &QPushButton::clicked, this, &HistoryView::pinSelected);
    connect(m_ui->moreButton, &QPushButton::clicked, this, [this] { fetch(true); });
    retranslate();
    updateButtons();
    fetch(false);
}

HistoryView::~HistoryView() = default;

QTableView *HistoryView::table() const
{
    return m_ui->table;
}

void HistoryView::setLanguage(Language language)
{
    m_model->setLanguage(language);
}

void HistoryView::setMerchants(const QStringList &profiles)
{
    QList<QPair<QString, QVariant>> items{{m_ui->merchantFilter->itemText(0), QString()}};
    for (const QString &p : profiles)
        items.append({p, p});
    refill(m_ui->merchantFilter, items);
}

void HistoryView::setRules(const std::vector<std::string> &ruleIds)
{
    QList<QPair<QString, QVariant>> items{{m_ui->ruleFilter->itemText(0), QString()}};
    for (const std::string &rule : ruleIds)
        items.append({QString::fromStdString(rule), QString::fromStdString(rule)});
    refill(m_ui->ruleFilter, items);
}

void HistoryView::reload()
{
    fetch(false);
}

HistoryQuery HistoryView::query() const
{
    HistoryQuery q;
    q.id = m_ui->idFilter->text().trimmed();
    q.profile = m_ui->merchantFilter->currentData().toString();
    q.status = m_ui->statusFilter->currentData().toString();
    q.rule = m_ui->ruleFilter->currentData().toString();
    if (const int least = m_ui->severityFilter->currentData().toInt(); least >= 0)
        q.atLeast = static_cast<Severity>(least);
    if (const int days = m_ui->periodFilter->currentData().toInt(); days > 0)
        q.fromMs = QDateTime::currentMSecsSinceEpoch() - qint64(days) * 24 * 3600 * 1000;
    q.limit = pageSize;
    return q;
}

void HistoryView::fetch(bool more)
{
    if (!m_history)
        return;
    HistoryQuery q = query();
    if (more) {
        if (!m_next)
            return;
        q.after = m_next;
    }
    const int generation = more ? m_generation : ++m_generation;
    m_loading = true;
    updateSummary();
    m_history->ask<HistoryPage>([q](EvidenceStore &store) { return store.search(q); }, this,
                                [this, generation, more](const StoreResult<HistoryPage> &result) {
                                    if (generation != m_generation)
                                        return;  // the filters changed since: a newer answer comes
                                    m_loading = false;
                                    if (const auto *error = std::get_if<StoreError>(&result)) {
                                        m_error = error->message();
                                        Q_EMIT message(m_error);
                                    } else {
                                        m_error.clear();
                                        const HistoryPage &page = std::get<HistoryPage>(result);
                                        m_next = page.next;
                                        for (const HistoryRow &row : page.rows)
                                            if (!row.status.isEmpty() && m_ui->statusFilter->findData(row.status) < 0) {
                                                const QSignalBlocker quiet(m_ui->statusFilter);
                                                m_ui->statusFilter->addItem(row.status, row.status);
                                            }
                                        if (more)
                                            m_model->appendRows(page.rows);
                                        else
                                            replaceRows(page.rows);
                                    }
                                    updateButtons();
                                    updateSummary();
                                    Q_EMIT loaded();
                                });
}

void HistoryView::replaceRows(const std::vector<HistoryRow> &rows)
{
    // The rows chosen stay chosen when the list is read again (a new snapshot was kept); the
    // first row is chosen when none was, so Enter opens it.
    const QList<qint64> chosen = selectedIds();
    const bool first = m_model->rowCount() == 0;
    m_model->setRows(rows);
    if (first && !rows.empty()) {
        // Each column as wide as what it holds, up to the width of a paymentKey; the worst
        // finding takes what is left. Widths the user set stay.
        QHeaderView *header = m_ui->table->horizontalHeader();
        const int widest = fontMetrics().horizontalAdvance(QLatin1Char('M')) * 26;
        for (int column = 0; column < HistoryModel::ColumnCount; ++column)
            if (column != HistoryModel::WorstColumn) {
                m_ui->table->resizeColumnToContents(column);
                header->resizeSection(column, std::min(header->sectionSize(column) + 8, widest));
            }
    }
    QItemSelection selection;
    for (const qint64 id : chosen)
        if (const int row = m_model->rowOf(id); row >= 0) {
            const QModelIndex index = m_rows->viewIndex(row);
            selection.select(index, index.siblingAtColumn(HistoryModel::ColumnCount - 1));
        }
    QItemSelectionModel *model = m_ui->table->selectionModel();
    if (!selection.isEmpty()) {
        model->select(selection, QItemSelectionModel::ClearAndSelect);
        model->setCurrentIndex(selection.indexes().front(), QItemSelectionModel::NoUpdate);
    } else if (m_model->rowCount() > 0) {
        m_ui->table->selectRow(0);
    }
}

QList<qint64> HistoryView::selectedIds() const
{
    QModelIndexList rows = m_ui->table->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(), [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    QList<qint64> ids;
    for (const QModelIndex &index : rows)
        if (const HistoryRow *row = m_model->row(m_rows->sourceRow(index)))
            ids << row->id;
    return ids;
}

void HistoryView::openSelected()
{
    for (const qint64 id : selectedIds())
        Q_EMIT openRequested(id);
}

void HistoryView::compareSelected()
{
    const QList<qint64> ids = selectedIds();
    if (ids.size() == 2) {
        const HistoryRow *a = m_model->row(m_model->rowOf(ids[0]));
        const HistoryRow *b = m_model->row(m_model->rowOf(ids[1]));
        if (a->caseKey != b->caseKey) {
            Q_EMIT message(tr("Snapshots #%1 and #%2 are not of one payment: choose two snapshots of the same payment.").arg(a->id).arg(b->id));
            return;
        }
        const bool aFirst = std::pair(a->capturedAtMs, a->id) < std::pair(b->capturedAtMs, b->id);
        Q_EMIT compareRequested(aFirst ? a->id : b->id, aFirst ? b->id : a->id);
        return;
    }
    if (ids.size() != 1)
        return;
    // One snapshot: compared with the one of its payment before it.
    const HistoryRow *row = m_model->row(m_model->rowOf(ids.front()));
    const qint64 id = row->id;
    const QString key = row->caseKey;
    m_history->ask<std::vector<HistoryRow>>([key](EvidenceStore &store) { return store.snapshotsOfCase(key); }, this,
                                            [this, id](const StoreResult<std::vector<HistoryRow>> &result) {
                                                if (const auto *error = std::get_if<StoreError>(&result)) {
                                                    Q_EMIT message(error->message());
                                                    return;
                                                }
                                                const auto &rows = std::get<std::vector<HistoryRow>>(result);
                                                const auto it = std::find_if(rows.begin(), rows.end(),
                                                                             [id](const HistoryRow &r) { return r.id == id; });
                                                if (it == rows.begin() || it == rows.end()) {
                                                    Q_EMIT message(tr("#%1 is the first snapshot of its payment: there is none before it to "
                                                                      "compare with.").arg(id));
                                                    return;
                                                }
                                                Q_EMIT compareRequested(std::prev(it)->id, id);
                                            });
}

void HistoryView::pinSelected()
{
    const QList<qint64> ids = selectedIds();
    if (ids.isEmpty())
        return;
    // Pins them all, unless all are pinned: then unpins them.
    const bool pin = std::any_of(ids.begin(), ids.end(), [this](qint64 id) { return !m_model->row(m_model->rowOf(id))->pinned; });
    for (const qint64 id : ids)
        m_history->ask<bool>([id, pin](EvidenceStore &store) { return store.pin(id, pin); }, this,
                             [this, id, pin](const StoreResult<bool> &result) {
                                 if (const auto *error = std::get_if<StoreError>(&result)) {
                                     Q_EMIT message(error->message());
                                     return;
                                 }
                                 m_model->setPinned(id, pin);
                                 updateButtons();
                             });
}

void HistoryView::copySelected()
{
    QStringList lines;
    for (const qint64 id : selectedIds())
        if (const HistoryRow *row = m_model->row(m_model->rowOf(id)))
            lines << QStringLiteral("#%1\t%2\t%3\t%4")
                         .arg(row->id)
                         .arg(row->orderId.isEmpty() ? row->paymentKey : row->orderId, row->status,
                              m_model->data(m_model->index(m_model->rowOf(id), HistoryModel::CapturedColumn)).toString());
    if (lines.isEmpty())
        return;
    QGuiApplication::clipboard()->setText(lines.join(QLatin1Char('\n')));
    Q_EMIT message(tr("Copied %n snapshot(s)", nullptr, int(lines.size())));
}

void HistoryView::updateButtons()
{
    const QList<qint64> ids = selectedIds();
    const bool allPinned = !ids.isEmpty() && std::all_of(ids.begin(), ids.end(), [this](qint64 id) {
        const HistoryRow *row = m_model->row(m_model->rowOf(id));
        return row && row->pinned;
    });
    m_ui->openButton->setEnabled(!ids.isEmpty());
    m_ui->compareButton->setEnabled(ids.size() == 1 || ids.size() == 2);
    m_ui->pinButton->setEnabled(!ids.isEmpty());
    m_ui->pinButton->setText(allPinned ? tr("Unpin") : tr("Pin"));
    m_ui->moreButton->setEnabled(m_next.has_value() && !m_loading);
}

void HistoryView::updateSummary()
{
    if (!m_error.isEmpty()) {
        m_ui->summaryLabel->setText(m_error);
        return;
    }
    if (m_loading && m_model->rowCount() == 0) {
        m_ui->summaryLabel->setText(tr("Reading the history…"));
        return;
    }
    QString text = m_model->rowCount() == 0 ? tr("No snapshot matches.") : tr("%n snapshot(s) shown", nullptr, m_model->rowCount());
    if (m_next)
        text += QStringLiteral(" · ") + tr("older ones follow");
    text += QStringLiteral(" · ") + tr("history: %1").arg(m_history->location().displayName());
    m_ui->summaryLabel->setText(text);
}

void HistoryView::retranslate()
{
    m_ui->statusFilter->setItemText(0, tr("Any status"));
    m_ui->merchantFilter->setItemText(0, tr("Any merchant"));
    m_ui->ruleFilter->setItemText(0, tr("Any finding"));
    const QString severities[] = {tr("Any severity"), tr("Info or worse"), tr("Warning or worse"), tr("Critical only")};
    for (int i = 0; i < 4; ++i)
        m_ui->severityFilter->setItemText(i, severities[i]);
    const QString periods[] = {tr("Any time"), tr("Last 24 hours"), tr("Last 7 days"), tr("Last 30 days")};
    for (int i = 0; i < 4; ++i)
        m_ui->periodFilter->setItemText(i, periods[i]);
    const auto named = [this](const char *objectName, const QString &text) {
        if (auto *a = m_ui->table->findChild<QAction *>(QString::fromLatin1(objectName)))
            a->setText(text);
    };
    named("openAction", tr("Open as a case"));
    named("compareAction", tr("Compare with the snapshot before it, or the two selected"));
    named("pinAction", tr("Pin or unpin (kept when older snapshots are pruned)"));
    named("copyAction", tr("Copy"));
    m_ui->compareButton->setToolTip(tr("Two snapshots of one payment: what changed between them (Ctrl+D). One: what changed since "
                                       "the snapshot of that payment before it."));
    m_ui->pinButton->setToolTip(tr("A pinned snapshot is kept when the history prunes older ones (Ctrl+P)."));
    updateButtons();
    updateSummary();
}

void HistoryView::changeEvent(QEvent *event)
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
