#include "comparepane.h"

#include "casewords.h"
#include "report/casediff.h"
#include "util/jsonutil.h"
#include "util/timestamp.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace paytriage {
namespace {

// A value as one line of the table: short values whole, objects and long texts cut.
QString shown(const Json &value)
{
    if (value.is_null())
        return QStringLiteral("null");
    QString text = value.is_string() ? QString::fromStdString(value.get<std::string>())
                                     : QString::fromStdString(value.dump(-1, ' ', false, nlohmann::detail::error_handler_t::replace));
    if (text.size() > 80)
        text = text.left(79) + QChar(0x2026);
    return text;
}

} // namespace

ComparePane::ComparePane(const PaneContext &context, QWidget *parent)
    : CasePane(context, parent),
      m_caption(new QLabel(this)),
      m_status(new QLabel(this)),
      m_openLive(new QPushButton(this)),
      m_table(new QTreeWidget(this))
{
    setObjectName(QStringLiteral("comparePane"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *header = new QHBoxLayout;
    header->addWidget(m_caption);
    header->addWidget(m_status, 1);
    header->addWidget(m_openLive);
    layout->addLayout(header);
    layout->addWidget(m_table);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_table->setObjectName(QStringLiteral("compareTable"));
    m_table->setRootIsDecorated(false);
    m_table->setAlternatingRowColors(true);
    m_table->setUniformRowHeights(true);
    m_table->setColumnCount(4);
    m_table->header()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->header()->setStretchLastSection(true);
    m_openLive->setObjectName(QStringLiteral("openLiveButton"));
    connect(m_openLive, &QPushButton::clicked, this, [this] {
        if (m_live)
            Q_EMIT links()->showCaseRequested(m_live);
    });
    connect(links(), &CaseLinks::counterpartChanged, this, &ComparePane::setCounterpart);
    hide();  // until there is a live answer to compare with
    update();
}

void ComparePane::setCounterpart(CaseSession *live)
{
    if (m_live)
        m_live->disconnect(this);
    m_live = live;
    if (live) {
        connect(live, &CaseSession::snapshotChanged, this, &ComparePane::update);
        connect(live, &CaseSession::stateChanged, this, &ComparePane::update);
        connect(live, &QObject::destroyed, this, &ComparePane::update, Qt::QueuedConnection);
    }
    setVisible(live != nullptr);
    update();
}

void ComparePane::showSnapshot(const CaseSnapshot &)
{
    update();
}

void ComparePane::setLanguage(Language language)
{
    CasePane::setLanguage(language);
    update();
}

QString ComparePane::sideName(const CaseSession &session, bool before) const
{
    // A snapshot by its number and the time its evidence speaks of (a paste's as-of time).
    if (const auto &stored = session.stored())
        return tr("#%1, %2").arg(stored->id).arg(QString::fromStdString(formatKstSeconds(session.asOf().value_or(stored->capturedAtMs))));
    return before ? tr("Pasted") : tr("Live now");
}

void ComparePane::update()
{
    // Pasted (or a snapshot of the history) against the live answer, or two snapshots.
    const bool snapshots = m_live && m_live->stored();
    const QString before = sideName(*session(), true);
    const QString after = m_live ? sideName(*m_live, false) : tr("Live now");
    m_caption->setText(snapshots || session()->stored() ? tr("%1 → %2").arg(before, after) : tr("Pasted and live now"));
    m_openLive->setText(snapshots ? tr("Open #%1").arg(m_live->stored()->id) : tr("Open the live case"));
    m_table->setHeaderLabels({tr("Field"), before, after, tr("What changed")});
    m_table->clear();
    if (!m_live) {
        m_openLive->setEnabled(false);
        m_status->setText(isVisible() ? tr("The live case was closed: look it up live again to compare.") : QString());
        return;
    }
    m_openLive->setEnabled(true);
    const CaseSnapshot &live = m_live->snapshot();
    const CaseSnapshot &pasted = snapshot();
    if (m_live->state() == CaseSession::State::Working || !live.documents || !pasted.documents) {
        const QString state = caseStateText(*m_live);
        m_status->setText(state.isEmpty() ? m_live->failure() : state);
        if (m_live->state() == CaseSession::State::Failed)
            m_status->setText(tr("The live lookup failed: %1").arg(m_live->failure()));
        return;
    }
    // The diff points into both analyses: used here and dropped before either can change.
    const CaseDiff diff = diffCases(*pasted.documents, pasted.analysis, *live.documents, live.analysis);
    if (snapshots)
        m_status->setText(diff.empty() ? tr("Nothing changed from %1 to %2.").arg(before, after)
                                       : tr("What changed from %1 to %2.").arg(before, after));
    else
        m_status->setText(diff.empty() ? tr("Nothing changed since the paste (%1).").arg(caseProvenance(*m_live))
                                       : tr("What the provider says now (%1), against the pasted answer.").arg(caseProvenance(*m_live)));
    const Language lang = language();
    QList<QTreeWidgetItem *> rows;
    for (const FieldChange &c : diff.fields) {
        QString what;
        switch (c.kind) {
        case FieldChange::Kind::Changed: what = tr("changed"); break;
        case FieldChange::Kind::Filled: what = tr("filled (was null)"); break;
        case FieldChange::Kind::Emptied: what = tr("now null"); break;
        case FieldChange::Kind::Added: what = snapshots ? tr("new") : tr("not in the paste"); break;
        case FieldChange::Kind::Removed: what = tr("no longer sent"); break;
        }
        const bool added = c.kind == FieldChange::Kind::Added;
        const bool removed = c.kind == FieldChange::Kind::Removed;
        rows << new QTreeWidgetItem(QStringList{QString::fromStdString(c.pointer), added ? QString() : shown(c.before),
                                                removed ? QString() : shown(c.after), what});
    }
    const auto count = [this, &rows](const QString &name, std::size_t before, std::size_t after) {
        if (before != after)
            rows << new QTreeWidgetItem(QStringList{name, QString::number(before), QString::number(after), tr("changed")});
    };
    count(tr("Transactions"), diff.transactionsBefore, diff.transactionsAfter);
    count(tr("Settlement rows"), diff.settlementsBefore, diff.settlementsAfter);
    for (const Finding *f : diff.cleared)
        rows << new QTreeWidgetItem(QStringList{tr("Finding"), f->title.qIn(lang), QString(), tr("cleared")});
    for (const Finding *f : diff.appeared)
        rows << new QTreeWidgetItem(QStringList{tr("Finding"), QString(), f->title.qIn(lang), tr("new")});
    m_table->addTopLevelItems(rows);
    // Each column as wide as what it holds, up to a third of a laptop screen: a finding's
    // title reads whole, a long value is cut (its tooltip has it all).
    const int widest = fontMetrics().horizontalAdvance(QLatin1Char('M')) * 32;
    for (int column = 0; column < 3; ++column) {
        m_table->resizeColumnToContents(column);
        m_table->setColumnWidth(column, std::min(m_table->columnWidth(column) + 12, widest));
    }
    for (QTreeWidgetItem *row : rows)
        for (int column = 1; column < 3; ++column)
            row->setToolTip(column, row->text(column));
}

} // namespace paytriage
