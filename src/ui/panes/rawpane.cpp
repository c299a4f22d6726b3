#include "rawpane.h"
#include "ui_rawpane.h"

#include "jsonview/jsontextview.h"
#include "util/jsonutil.h"

#include <QAction>
#include <QFontDatabase>
#include <QLocale>
#include <QPlainTextEdit>

#include <algorithm>
#include <climits>

namespace paytriage {
namespace {

void collectNulls(const Json &value, std::string &pointer, std::size_t document, const SourceMap &map,
                  const QString &tip, std::vector<TextMarker> &out, std::size_t &budget)
{
    if (budget == 0)
        return;
    if (value.is_null()) {
        --budget;
        if (const auto range = map.find(document, pointer))
            out.push_back({TextMarker::Kind::Null, *range, -1, tip});
        return;
    }
    const std::size_t length = pointer.size();
    if (value.is_object()) {
        for (auto it = value.begin(); it != value.end(); ++it) {
            pointer = pointerAppend(pointer, it.key());
            collectNulls(*it, pointer, document, map, tip, out, budget);
            pointer.resize(length);
        }
    } else if (value.is_array()) {
        for (std::size_t i = 0; i < value.size(); ++i) {
            pointer = pointerAppend(pointer, i);
            collectNulls(value[i], pointer, document, map, tip, out, budget);
            pointer.resize(length);
        }
    }
}

} // namespace

RawPane::RawPane(const PaneContext &context, QWidget *parent)
    : CasePane(context, parent), m_ui(std::make_unique<Ui::RawPane>())
{
    m_ui->setupUi(this);
    JsonTextView *view = m_ui->rawView;
    m_ui->formatButton->setDefaultAction(view->formatJsonAction());
    connect(view, &JsonTextView::pointerActivated, this, [this](std::size_t document, const QString &pointer) {
        mediator()->select(Selection(document, pointer.toStdString()), this);
    });
    // In a case, Ctrl+F is the window's one Find (which opens this same find bar) and Ctrl+Shift+C
    // the case's Copy summary, from every pane: the view's own actions keep their menu entries
    // but not those keys, since two actions on one key cancel each other out.
    view->findAction()->setShortcutContext(Qt::WidgetShortcut);
    view->copyValueAction()->setShortcut({});
    connect(m_ui->rawNotice, &QLabel::linkActivated, this, [this](const QString &link) {
        if (link == QLatin1String("documents"))
            Q_EMIT links()->answerRequested(std::nullopt);
    });
    connect(links(), &CaseLinks::answerRequested, this, [this](std::optional<Source> source) {
        m_answerOf = source;
        present();
    });
}

RawPane::~RawPane() = default;

JsonTextView *RawPane::view() const
{
    return m_ui->rawView;
}

QLabel *RawPane::caption() const
{
    return m_ui->rawCaption;
}

void RawPane::showFind()
{
    m_ui->rawView->showFindBar();
}

void RawPane::setZoom(int percent)
{
    // The view sets its own (fixed) font, which a parent's does not reach.
    QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    font.setPointSizeF(font.pointSizeF() * percent / 100.0);
    m_ui->rawView->editor()->setFont(font);
}

void RawPane::setLanguage(Language language)
{
    CasePane::setLanguage(language);
    updateMarkers();  // their tooltips are the findings' titles
}

void RawPane::retranslate()
{
    m_ui->retranslateUi(this);
    if (laidOut())
        present();  // the notice's words
}

void RawPane::showSnapshot(const CaseSnapshot &)
{
    // The text follows a turn later (showSnapshotLater): a 50 MB response never holds the
    // window longer than one of these steps.
    m_failureShown.reset();
}

void RawPane::showSnapshotLater(const CaseSnapshot &snapshot)
{
    m_laidOut = snapshot.rawText;
    present();
    showState();
}

void RawPane::showState()
{
    // A state that changes with a new snapshot (Working → Complete) arrives before it: the text
    // is laid out a turn later, by showSnapshotLater(), not here.
    if (!laidOut())
        return;
    present();
    const auto position = session()->failurePosition();
    if (position && position != m_failureShown)
        m_ui->rawView->selectBytes(*position);
    m_failureShown = position;
}

void RawPane::showSelection(const Selection &selection, const QObject *origin)
{
    if (origin == this)
        return;
    // A map of records only (a big text) takes the record that holds the value.
    const auto &map = snapshot().sourceMap;
    if (const auto mapped = map ? map->nearestMapped(selection.document, selection.pointer) : std::nullopt)
        m_ui->rawView->selectPointer(selection.document, *mapped);
}

void RawPane::updateMarkers()
{
    const CaseSnapshot &snap = snapshot();
    std::vector<TextMarker> markers;
    // Nulls are marked where every value is mapped: a map of records only has none of them.
    if (snap.sourceMap && snap.documents && snap.mapping == SourceMapping::Full) {
        std::size_t budget = 20000;  // null marks beyond this add nothing a user could read
        const QString tip = tr("null");
        for (std::size_t d = 0; d < snap.documents->size(); ++d) {
            std::string pointer;
            collectNulls((*snap.documents)[d].value, pointer, d, *snap.sourceMap, tip, markers, budget);
        }
        for (const Finding &f : snap.analysis.findings)
            for (const std::string &p : f.pointers)
                if (const auto range = snap.sourceMap->find(f.document, p))
                    markers.push_back({TextMarker::Kind::Finding, *range, static_cast<int>(f.severity), f.title.qIn(language())});
    }
    for (const Repair &r : snap.repairs)
        if (!isCosmetic(r.kind))  // only what changed or lost data is marked in the margin
            markers.push_back({TextMarker::Kind::Repair, ByteRange{r.offset, r.offset + std::max<std::size_t>(1, r.excerpt.size())},
                               -1, r.description().toString()});
    for (const DecodeError &e : snap.skipped)
        markers.push_back({TextMarker::Kind::Error, ByteRange{e.offset, e.offset + 1}, 2, e.message().toString()});
    if (const auto at = session()->failurePosition())
        markers.push_back({TextMarker::Kind::Error, *at, 2, session()->failure()});
    m_ui->rawView->setMarkers(std::move(markers));
}

std::optional<Source> RawPane::answerToShow() const
{
    if (!session()->isLookup())
        return std::nullopt;
    if (m_answerOf) {
        if (const auto &error = session()->status(*m_answerOf).error; error && error->received)
            return m_answerOf;
        return std::nullopt;
    }
    // A case with nothing else to show shows what its main source sent back.
    if (snapshot().rawText)
        return std::nullopt;
    for (const Source source : {Source::Payment, Source::IapOrderStatus})
        if (const auto &error = session()->status(source).error; error && error->received)
            return source;
    return std::nullopt;
}

void RawPane::present()
{
    const CaseSnapshot &snap = snapshot();
    const std::optional<Source> answerOf = answerToShow();
    // The pane is filled again only when what it should show changed: a failure or a language
    // switch comes here too, and a 50 MB paste is not laid out twice for it.
    if (!answerOf) {
        // Big inputs are linked to the other panes by record, or (streamed) not at all: said
        // plainly rather than leaving a selection that goes nowhere unexplained.
        QString notice;
        const QString size = QLocale().formattedDataSize(qint64(snap.inputBytes));
        if (snap.route == InputRoute::Streamed)
            notice = tr("%1 (%2, %n record(s)) was analysed record by record, without keeping the records. The raw "
                        "pane shows its beginning, not linked to the other panes; a finding names its record by "
                        "number (/123).", nullptr, int(std::min<std::size_t>(snap.analysis.records, INT_MAX)))
                         .arg(session()->title().toHtmlEscaped(), size);
        else if (snap.mapping == SourceMapping::Records)
            notice = tr("This text is %1: a selection shows its record here, not the field itself (fields are linked "
                        "in texts up to %2).")
                         .arg(size, QLocale().formattedDataSize(qint64(session()->inputLimits().fullMapUpTo)));
        m_ui->rawNotice->setText(notice);
        m_ui->rawNotice->setVisible(!notice.isEmpty());
        if (!snap.rawText || m_shown != snap.rawText) {
            m_shown = snap.rawText;
            if (snap.rawText)
                m_ui->rawView->setContent(snap.rawText, snap.sourceMap);
            else
                m_ui->rawView->clear();
        }
        updateMarkers();
        return;
    }
    const ApiError &error = *session()->status(*answerOf).error;
    const ReceivedAnswer &answer = *error.received;
    if (m_shown != error.received) {
        m_shown = error.received;
        m_ui->rawView->setContent(std::make_shared<const std::string>(answer.text().toStdString()), nullptr);
        m_ui->rawView->setMarkers({});
    }
    QStringList facts{QStringLiteral("HTTP %1").arg(answer.status)};
    facts << (answer.contentType.isEmpty() ? tr("no Content-Type") : answer.contentType.toHtmlEscaped());
    facts << tr("%1 bytes").arg(QLocale().toString(answer.size));
    QString notice = tr("What %1 sent back, as received: it could not be used as the API's JSON (%2).")
                         .arg(error.endpoint.toHtmlEscaped(), facts.join(QStringLiteral(", ")));
    if (snap.rawText)
        notice += QStringLiteral(" <a href=\"documents\">%1</a>").arg(tr("Back to the documents"));
    m_ui->rawNotice->setText(notice);
    m_ui->rawNotice->show();
}

} // namespace paytriage
