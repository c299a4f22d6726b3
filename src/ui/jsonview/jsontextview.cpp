#include "jsontextview.h"

#include "jsoneditor.h"
#include "jsonfindbar.h"
#include "jsonhighlighter.h"
#include "textindex.h"
#include "textsearch.h"

#include <QAction>
#include <QClipboard>
#include <QElapsedTimer>
#include <QEvent>
#include <QFontDatabase>
#include <QFrame>
#include <QFutureWatcher>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QSignalBlocker>
#include <QStringList>
#include <QTextBlock>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace paytriage {

namespace {

// Bytes converted and inserted per slice. QTextDocument takes in about 5 MB/s of
// pretty-printed JSON (its block bookkeeping dominates), so a slice is ~15 ms.
constexpr std::size_t chunkBytes = std::size_t(64) * 1024;
// Time for the slices of one event-loop turn: well under the 100 ms that feels like a stall.
constexpr int firstStepBudgetMs = 40;
constexpr int stepBudgetMs = 30;
// Matches counted per needle; past this the bar says "N+".
constexpr std::size_t matchCountLimit = 100000;
// Above this much loaded text, counting waits until typing pauses.
constexpr std::size_t countNowLimit = std::size_t(8) * 1024 * 1024;

struct ProgrammaticMove
{
    explicit ProgrammaticMove(int &depth)
        : m_depth(depth)
    {
        ++m_depth;
    }
    ~ProgrammaticMove() { --m_depth; }
    ProgrammaticMove(const ProgrammaticMove &) = delete;
    ProgrammaticMove &operator=(const ProgrammaticMove &) = delete;

private:
    int &m_depth;
};

QString dataSize(std::size_t bytes)
{
    return QLocale().formattedDataSize(qint64(bytes), 0, QLocale::DataSizeTraditionalFormat);
}

bool startsWithQuote(std::string_view text)
{
    return text.starts_with('"') || text.starts_with('\'') || text.starts_with("\xE2\x80\x9C") // “
           || text.starts_with("\xE2\x80\x98");                                                 // ‘
}

// A value's text for the clipboard: strings without their quotes (and with escapes resolved,
// even in single or curly quotes), everything else exactly as written.
QString valueText(std::string_view slice)
{
    if (startsWithQuote(slice)) {
        const DecodeResult decoded = decode(std::string(slice));
        if (decoded.ok() && decoded.documents.size() == 1 && decoded.documents.front().value.is_string())
            return QString::fromStdString(decoded.documents.front().value.get<std::string>());
    }
    return QString::fromUtf8(slice.data(), qsizetype(slice.size()));
}

} // namespace

JsonTextView::JsonTextView(QWidget *parent)
    : QWidget(parent)
    , m_index(std::make_unique<TextIndex>())
    , m_editor(new JsonEditor(*m_index, this))
    , m_highlighter(new JsonHighlighter(m_editor->document()))
    , m_findBar(new JsonFindBar(this))
    , m_notice(new QFrame(this))
    , m_noticeLabel(new QLabel(m_notice))
    , m_showAll(new QPushButton(m_notice))
    , m_loadTimer(new QTimer(this))
    , m_activationTimer(new QTimer(this))
    , m_countTimer(new QTimer(this))
    , m_copyValue(new QAction(this))
    , m_copyPointer(new QAction(this))
    , m_find(new QAction(this))
    , m_findNext(new QAction(this))
    , m_findPrevious(new QAction(this))
    , m_formatJson(new QAction(this))
{
    m_index->reset({});
    m_editor->setObjectName(QStringLiteral("jsonEditor"));
    m_editor->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_editor->setHighlighter(m_highlighter);
    m_editor->setSelectionTextProvider([this] { return selectionText(); });
    m_editor->setContextMenuExtender([this](QMenu *menu) { extendContextMenu(menu); });
    m_highlighter->setContinuationTest([this](int block) { return m_index->isContinuationBlock(block); });

    m_notice->setObjectName(QStringLiteral("noticeBar"));
    m_noticeLabel->setObjectName(QStringLiteral("noticeText"));
    m_showAll->setObjectName(QStringLiteral("showAllButton"));
    m_notice->setAutoFillBackground(true);
    m_noticeLabel->setWordWrap(true);
    auto *noticeLayout = new QHBoxLayout(m_notice);
    const int gap = fontMetrics().horizontalAdvance(QLatin1Char(' '));
    noticeLayout->setContentsMargins(gap, gap / 2, gap, gap / 2);
    noticeLayout->addWidget(m_noticeLabel, 1);
    noticeLayout->addWidget(m_showAll);
    m_notice->hide();
    m_findBar->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_notice);
    layout->addWidget(m_editor, 1);
    layout->addWidget(m_findBar);
    setFocusProxy(m_editor);

    m_copyValue->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    m_copyPointer->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    m_find->setShortcut(QKeySequence::Find);
    m_findNext->setShortcut(QKeySequence::FindNext);
    m_findPrevious->setShortcut(QKeySequence::FindPrevious);
    m_formatJson->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    m_formatJson->setCheckable(true);
    for (QAction *action : {m_copyValue, m_copyPointer, m_find, m_findNext, m_findPrevious, m_formatJson}) {
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(action);
    }
    m_copyValue->setEnabled(false);
    m_copyPointer->setEnabled(false);
    connect(m_copyValue, &QAction::triggered, this, &JsonTextView::copyValue);
    connect(m_copyPointer, &QAction::triggered, this, &JsonTextView::copyPointer);
    connect(m_find, &QAction::triggered, this, &JsonTextView::showFindBar);
    connect(m_findNext, &QAction::triggered, this, [this] { find(FindMove::Next); });
    connect(m_findPrevious, &QAction::triggered, this, [this] { find(FindMove::Previous); });
    connect(m_formatJson, &QAction::toggled, this, &JsonTextView::setFormatted);

    connect(m_findBar, &JsonFindBar::searchChanged, this, [this] {
        m_matchesValid = false;
        find(FindMove::Incremental);
    });
    connect(m_findBar, &JsonFindBar::nextRequested, this, [this] { find(FindMove::Next); });
    connect(m_findBar, &JsonFindBar::previousRequested, this, [this] { find(FindMove::Previous); });
    connect(m_findBar, &JsonFindBar::closeRequested, this, &JsonTextView::closeFindBar);

    m_loadTimer->setInterval(0);
    connect(m_loadTimer, &QTimer::timeout, this, [this] { loadStep(stepBudgetMs); });
    // A 0 ms single shot runs once the events already queued (a drag, key repeat) are handled.
    m_activationTimer->setSingleShot(true);
    m_activationTimer->setInterval(0);
    connect(m_activationTimer, &QTimer::timeout, this, &JsonTextView::announceCurrentValue);
    m_countTimer->setSingleShot(true);
    m_countTimer->setInterval(250);
    connect(m_countTimer, &QTimer::timeout, this, [this] {
        countMatches();
        updateFindStatus(std::nullopt, false);
    });
    connect(m_showAll, &QPushButton::clicked, this, &JsonTextView::showAll);
    connect(m_editor, &QPlainTextEdit::cursorPositionChanged, this, &JsonTextView::onCursorMoved);

    applyColors();
    retranslate();
}

JsonTextView::~JsonTextView()
{
    // The editor, its document and the highlighter call back into m_index (a member, gone
    // before QWidget deletes the children): take them down first.
    setFocusProxy(nullptr);
    delete m_editor;
}

QPlainTextEdit *JsonTextView::editor() const
{
    return m_editor;
}

void JsonTextView::clear()
{
    // A formatting still running finishes unheard.
    delete m_formatWatcher;
    m_formatWatcher = nullptr;
    m_formatted.reset();
    m_formatState = FormatState::Original;
    {
        const QSignalBlocker blocker(m_formatJson);
        m_formatJson->setChecked(false);
    }
    resetShown();
    m_originalText.reset();
    m_originalMap.reset();
    m_lastAnnounced.reset();
    m_givenMarkers.clear();
    m_findBar->setStatus(JsonFindBar::Status::Empty);
    updateFormatAction();
    updateNotice();
}

// Empties the editor and what refers to its text; what setContent() was given stays.
void JsonTextView::resetShown()
{
    m_loadTimer->stop();
    m_activationTimer->stop();
    m_countTimer->stop();
    {
        const ProgrammaticMove guard(m_programmatic);
        m_editor->clear();
    }
    m_text.reset();
    m_map.reset();
    m_index->reset({});
    m_target = 0;
    m_pendingSelection.reset();
    m_markers.clear();
    m_unresolvedMarkers.clear();
    m_markerBlocks.clear();
    m_editor->setMarks({});
    m_editor->updateGutterWidth();
    m_matches.clear();
    m_matchesValid = false;
    m_copyValue->setEnabled(false);
    m_copyPointer->setEnabled(false);
    m_noticeKind = Notice::None;
}

void JsonTextView::setContent(std::shared_ptr<const std::string> text, std::shared_ptr<const SourceMap> map)
{
    clear();
    if (!text)
        return;
    m_originalText = text;
    m_originalMap = map;
    updateFormatAction();
    load(std::move(text), std::move(map));
}

void JsonTextView::load(std::shared_ptr<const std::string> text, std::shared_ptr<const SourceMap> map)
{
    m_text = std::move(text);
    m_map = std::move(map);
    m_index->reset(*m_text);
    m_target = m_text->size() > m_loadCap ? m_index->chunkEnd(m_loadCap, m_text->size()) : m_text->size();
    m_noticeKind = m_target < m_text->size() ? Notice::Capped : Notice::None;
    m_copyValue->setEnabled(m_map != nullptr);
    m_copyPointer->setEnabled(m_map != nullptr);
    loadStep(firstStepBudgetMs);
    if (m_index->loadedBytes() < m_target)
        m_loadTimer->start();
}

void JsonTextView::setLoadCap(std::size_t bytes)
{
    m_loadCap = std::max<std::size_t>(bytes, 1);
}

std::size_t JsonTextView::loadedBytes() const
{
    return m_index->loadedBytes();
}

bool JsonTextView::isFullyLoaded() const
{
    return !m_text || m_index->loadedBytes() >= m_text->size();
}

bool JsonTextView::isLoading() const
{
    return m_loadTimer->isActive();
}

void JsonTextView::showAll()
{
    if (!m_text || m_target >= m_text->size())
        return;
    m_target = m_text->size();
    m_noticeKind = Notice::LoadingRest;
    m_loadTimer->start();
    updateNotice();
}

void JsonTextView::loadStep(int budgetMilliseconds)
{
    if (!m_text)
        return;
    QElapsedTimer clock;
    clock.start();
    const bool wasEmpty = m_index->loadedBytes() == 0;
    {
        const ProgrammaticMove guard(m_programmatic);
        QTextCursor cursor(m_editor->document());
        cursor.movePosition(QTextCursor::End);
        do {
            const std::size_t end = m_index->chunkEnd(chunkBytes, m_target);
            cursor.insertText(m_index->appendChunk(end));
        } while (m_index->loadedBytes() < m_target && clock.elapsed() < budgetMilliseconds);
        // The editor's cursor sat at the insertion point of an empty document and moved
        // along with the text; put it back at the top.
        if (wasEmpty)
            m_editor->moveCursor(QTextCursor::Start);
    }
    m_editor->updateGutterWidth();
    resolveMarkers();
    m_matchesValid = false;

    const bool done = m_index->loadedBytes() >= m_target;
    if (done) {
        m_loadTimer->stop();
        if (m_noticeKind == Notice::LoadingRest)
            m_noticeKind = Notice::None;
    }
    applyPendingSelection();
    updateNotice();
    if (done)
        Q_EMIT contentLoaded();
}

// --- Format JSON -----------------------------------------------------------------------------

bool JsonTextView::isFormatted() const
{
    return m_text && m_text != m_originalText;
}

void JsonTextView::setFormatted(bool formatted)
{
    // A formatting still running for an earlier toggle finishes unheard.
    delete m_formatWatcher;
    m_formatWatcher = nullptr;
    if (!formatted) {
        m_formatState = FormatState::Original;
        if (isFormatted())
            showText(m_originalText, m_originalMap);
        updateNotice();
        return;
    }
    if (!m_originalText || !m_originalMap)
        return;
    if (m_formatted || m_originalText->size() <= formatInlineLimit) {
        applyFormatted(m_formatted ? m_formatted : formatDocuments(*m_originalText, *m_originalMap));
        return;
    }
    m_formatState = FormatState::Formatting;
    updateNotice();
    auto *watcher = new QFutureWatcher<std::optional<FormattedText>>(this);
    m_formatWatcher = watcher;
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        m_formatWatcher = nullptr;
        watcher->deleteLater();
        applyFormatted(watcher->result());
    });
    // The worker holds the text and map it reads: setContent() may drop them meanwhile.
    watcher->setFuture(QtConcurrent::run([text = m_originalText, map = m_originalMap] {
        return formatDocuments(*text, *map);
    }));
}

void JsonTextView::applyFormatted(std::optional<FormattedText> formatted)
{
    if (!formatted) {
        m_formatState = FormatState::Failed;
        {
            const QSignalBlocker blocker(m_formatJson);
            m_formatJson->setChecked(false);
        }
        updateFormatAction();
        updateNotice();
        return;
    }
    m_formatted = std::move(formatted);
    m_formatState = FormatState::Formatted;
    showText(m_formatted->text, m_formatted->map);
}

// Puts the other form of the same documents in the editor, keeping the user's place: the value
// at the cursor (or the one a selection is still waiting for) is selected in the new text.
void JsonTextView::showText(std::shared_ptr<const std::string> text, std::shared_ptr<const SourceMap> map)
{
    const std::optional<ByteRange> place = translateRange(m_pendingSelection.value_or(selectedBytes()), *m_map, *map);
    const bool finding = !m_findBar->isHidden();
    resetShown();
    load(std::move(text), std::move(map));
    applyMarkers();
    if (place)
        selectRange(*place);
    // The matches are counted again in the new text; the bar says so once they are.
    if (finding)
        m_countTimer->start();
    updateFormatAction();
}

void JsonTextView::updateFormatAction()
{
    const bool linked = m_originalText && m_originalMap;
    const bool tooLarge = m_originalText && m_originalText->size() > formatCap;
    m_formatJson->setEnabled(linked && !tooLarge && m_formatState != FormatState::Failed);
    if (tooLarge)
        m_formatJson->setToolTip(tr("Not available for texts over %1.").arg(dataSize(formatCap)));
    else if (m_originalText && !linked)
        m_formatJson->setToolTip(tr("Not available: this text was not read as JSON, so nothing would link "
                                    "its indented form to the other panes."));
    else if (m_formatState == FormatState::Failed)
        m_formatJson->setToolTip(tr("Not available: the documents could not be indented with their link to "
                                    "the other panes kept."));
    else
        m_formatJson->setToolTip(tr("Show the documents indented; toggle again for the text exactly as received."));
    m_editor->setAccessibleDescription(isFormatted() ? tr("The documents of the response or pasted text, indented. "
                                                          "Moving the cursor selects the value in the other panes.")
                                                     : tr("The response or pasted text as received. "
                                                          "Moving the cursor selects the value in the other panes."));
}

// --- markers ---------------------------------------------------------------------------------

void JsonTextView::setMarkers(std::vector<TextMarker> markers)
{
    m_givenMarkers = std::move(markers);
    applyMarkers();
}

// The markers given, on the text shown: translated to the formatted text (see the header for
// those that cannot be).
void JsonTextView::applyMarkers()
{
    if (isFormatted()) {
        m_markers.clear();
        for (const TextMarker &marker : m_givenMarkers) {
            if (const std::optional<ByteRange> range = translateRange(marker.range, *m_originalMap, *m_map)) {
                m_markers.push_back(marker);
                m_markers.back().range = *range;
            }
        }
    } else {
        m_markers = m_givenMarkers;
    }
    m_markerBlocks.assign(m_markers.size(), std::nullopt);
    m_unresolvedMarkers.clear();
    for (std::size_t i = 0; i < m_markers.size(); ++i)
        m_unresolvedMarkers.push_back(i);
    resolveMarkers();
}

void JsonTextView::resolveMarkers()
{
    if (!m_text) {
        m_editor->setMarks({});
        return;
    }
    const std::size_t size = m_text->size();
    const std::size_t loaded = m_index->loadedBytes();
    const QTextDocument *document = m_editor->document();
    std::vector<std::size_t> stillOpen;
    for (const std::size_t i : m_unresolvedMarkers) {
        const TextMarker &marker = m_markers[i];
        const std::size_t begin = marker.range.begin;
        if (begin > size)
            continue; // not in this text at all: dropped for good
        const bool beginLoaded = begin < loaded || (loaded == size && begin == size);
        if (!beginLoaded) {
            stillOpen.push_back(i);
            continue;
        }
        // An empty (or inverted) range marks the line of its begin.
        const std::size_t end = std::min(std::max(marker.range.end, begin), size);
        const std::size_t lastByte = end > begin ? std::min(end, loaded) - 1 : begin;
        const int first = document->findBlock(m_index->positionOf(begin)).blockNumber();
        const int last = document->findBlock(m_index->positionOf(lastByte)).blockNumber();
        m_markerBlocks[i] = std::make_pair(first, std::max(first, last));
        if (end > loaded)
            stillOpen.push_back(i); // its tail arrives with a later chunk
    }
    m_unresolvedMarkers = std::move(stillOpen);

    std::vector<GutterMark> marks;
    for (std::size_t i = 0; i < m_markers.size(); ++i) {
        if (!m_markerBlocks[i])
            continue;
        const TextMarker &marker = m_markers[i];
        GutterMark mark;
        mark.firstBlock = m_markerBlocks[i]->first;
        mark.lastBlock = m_markerBlocks[i]->second;
        mark.kind = marker.kind;
        mark.severity = marker.severity;
        mark.toolTip = marker.toolTip;
        if (mark.toolTip.isEmpty()) {
            switch (marker.kind) {
            case TextMarker::Kind::Null:
                mark.toolTip = tr("null value");
                break;
            case TextMarker::Kind::Finding:
                mark.toolTip = marker.severity >= 2 ? tr("Critical finding")
                               : marker.severity == 1 ? tr("Warning")
                                                      : tr("Information");
                break;
            case TextMarker::Kind::Repair:
                mark.toolTip = tr("Repaired by the decoder");
                break;
            case TextMarker::Kind::Error:
                mark.toolTip = tr("The text cannot be decoded here");
                break;
            }
        }
        marks.push_back(std::move(mark));
    }
    m_editor->setMarks(std::move(marks));
}

QList<int> JsonTextView::markedLines() const
{
    QList<int> lines;
    for (const GutterMark &mark : m_editor->marks())
        lines.append(m_index->lineOfBlock(mark.firstBlock));
    std::sort(lines.begin(), lines.end());
    lines.erase(std::unique(lines.begin(), lines.end()), lines.end());
    return lines;
}

// --- selection -------------------------------------------------------------------------------

int JsonTextView::positionOfByte(std::size_t offset) const
{
    return m_index->positionOf(offset);
}

std::size_t JsonTextView::byteOfPosition(int position) const
{
    return m_index->byteOf(position);
}

bool JsonTextView::selectPointer(std::size_t document, const std::string &pointer)
{
    if (!m_text || !m_map)
        return false;
    const std::optional<ByteRange> range = m_map->find(document, pointer);
    if (!range || range->end > m_text->size() || range->begin > range->end)
        return false;
    // Whatever the outcome, this value is now the pane's current one: a click inside it later
    // is not news to the mediator that asked for it.
    m_lastAnnounced = std::make_pair(document, pointer);
    return selectRange(*range);
}

void JsonTextView::selectBytes(ByteRange range)
{
    if (!m_text)
        return;
    if (isFormatted()) {
        // Bytes of the text as received: the same value in the formatted text, or where the
        // next document starts when no value holds them.
        range.begin = std::min(range.begin, m_originalText->size());
        range.end = std::min(std::max(range.end, range.begin), m_originalText->size());
        const std::optional<ByteRange> there = translateRange(range, *m_originalMap, *m_map);
        if (there) {
            range = *there;
        } else {
            const std::size_t next = documentStartAfter(range.begin, *m_originalMap, *m_map, m_text->size());
            range = ByteRange{next, next};
        }
    }
    range.begin = std::min(range.begin, m_text->size());
    range.end = std::min(std::max(range.end, range.begin), m_text->size());
    m_lastAnnounced.reset();
    selectRange(range);
}

bool JsonTextView::selectRange(ByteRange range)
{
    if (range.end <= m_index->loadedBytes()) {
        m_pendingSelection.reset();
        if (m_noticeKind == Notice::Beyond)
            m_noticeKind = Notice::Capped;
        applySelection(range);
        updateNotice();
        return true;
    }
    m_pendingSelection = range;
    if (range.end <= m_target)
        return true; // arrives with the chunks already on their way
    m_noticeKind = Notice::Beyond;
    updateNotice();
    return false;
}

void JsonTextView::applySelection(ByteRange range)
{
    const ProgrammaticMove guard(m_programmatic);
    const int begin = m_index->positionOf(range.begin);
    const int end = std::max(begin, m_index->positionOf(range.end, true));
    // The cursor goes to the start (anchor at the end), so a long object shows its first line.
    QTextCursor cursor(m_editor->document());
    cursor.setPosition(end);
    cursor.setPosition(begin, QTextCursor::KeepAnchor);
    const bool wasInView = m_editor->isInView(cursor);
    m_editor->setTextCursor(cursor);
    if (!wasInView)
        m_editor->centerCursor();
}

void JsonTextView::applyPendingSelection()
{
    if (!m_pendingSelection)
        return;
    const ByteRange range = *m_pendingSelection;
    if (range.end <= m_index->loadedBytes()) {
        m_pendingSelection.reset();
        if (m_noticeKind == Notice::Beyond)
            m_noticeKind = Notice::Capped;
        applySelection(range);
    }
}

ByteRange JsonTextView::selectedBytes() const
{
    const QTextCursor cursor = m_editor->textCursor();
    return {m_index->byteOf(cursor.selectionStart()), m_index->byteOf(cursor.selectionEnd())};
}

QString JsonTextView::selectionText() const
{
    if (!m_text)
        return {};
    const ByteRange range = selectedBytes();
    return QString::fromUtf8(m_text->data() + range.begin, qsizetype(range.size()));
}

std::optional<std::pair<std::size_t, std::string>> JsonTextView::currentValue() const
{
    if (!m_text || !m_map)
        return std::nullopt;
    const QTextCursor cursor = m_editor->textCursor();
    const int position = cursor.hasSelection() ? cursor.selectionStart() : cursor.position();
    return m_map->at(m_index->byteOf(position));
}

void JsonTextView::onCursorMoved()
{
    if (m_programmatic > 0)
        return;
    // The user went somewhere else: a selection still waiting for its text is dropped.
    if (m_pendingSelection) {
        m_pendingSelection.reset();
        if (m_noticeKind == Notice::Beyond) {
            m_noticeKind = Notice::Capped;
            updateNotice();
        }
    }
    if (m_map)
        m_activationTimer->start();
}

void JsonTextView::announceCurrentValue()
{
    const auto value = currentValue();
    if (!value || value == m_lastAnnounced)
        return;
    m_lastAnnounced = value;
    Q_EMIT pointerActivated(value->first, QString::fromStdString(value->second));
}

void JsonTextView::copyValue()
{
    const auto value = currentValue();
    if (!value)
        return;
    const std::optional<ByteRange> range = m_map->find(value->first, value->second);
    if (!range || range->end > m_text->size())
        return;
    const std::string_view slice = std::string_view(*m_text).substr(range->begin, range->size());
    QGuiApplication::clipboard()->setText(valueText(slice));
}

void JsonTextView::copyPointer()
{
    const auto value = currentValue();
    if (!value)
        return;
    QGuiApplication::clipboard()->setText(QString::fromStdString(value->second));
}

void JsonTextView::extendContextMenu(QMenu *menu)
{
    QAction *first = menu->actions().value(0);
    menu->insertAction(first, m_copyValue);
    menu->insertAction(first, m_copyPointer);
    menu->insertSeparator(first);
    menu->addSeparator();
    menu->addAction(m_find);
    menu->addAction(m_formatJson);
    // Format JSON's tooltip says why it is disabled.
    menu->setToolTipsVisible(true);
}

// --- find ------------------------------------------------------------------------------------

void JsonTextView::showFindBar()
{
    // A short one-line selection is what the user most likely wants to find.
    QString prefill;
    const QTextCursor cursor = m_editor->textCursor();
    if (cursor.hasSelection() && cursor.selectionEnd() - cursor.selectionStart() <= 100) {
        prefill = cursor.selectedText();
        if (prefill.contains(QChar::ParagraphSeparator))
            prefill.clear();
    }
    m_findBar->activate(prefill);
}

void JsonTextView::closeFindBar()
{
    m_findBar->hide();
    m_countTimer->stop();
    m_editor->setFocus(Qt::OtherFocusReason);
}

void JsonTextView::countMatches()
{
    if (!m_text)
        return;
    const std::string needle = m_findBar->needle().toStdString();
    const std::string_view loaded = std::string_view(*m_text).substr(0, m_index->loadedBytes());
    m_matches = findAll(loaded, needle, m_findBar->caseSensitive(), matchCountLimit, &m_matchesCapped);
    m_matchesValid = true;
}

void JsonTextView::find(FindMove move)
{
    const std::string needle = m_findBar->needle().toStdString();
    if (needle.empty() || !m_text) {
        m_countTimer->stop();
        m_findBar->setStatus(needle.empty() ? JsonFindBar::Status::Empty : JsonFindBar::Status::NoMatch);
        return;
    }
    const bool caseSensitive = m_findBar->caseSensitive();
    const std::string_view loaded = std::string_view(*m_text).substr(0, m_index->loadedBytes());
    const ByteRange selection = selectedBytes();

    std::optional<std::size_t> match;
    if (move == FindMove::Previous) {
        match = findBackward(loaded, needle, selection.begin, caseSensitive);
        if (!match) // wrap around to the end
            match = findBackward(loaded, needle, loaded.size() + 1, caseSensitive);
    } else {
        // Typing keeps the current match while it still matches; Next moves past it.
        const std::size_t from = move == FindMove::Incremental ? selection.begin : selection.end;
        match = findForward(loaded, needle, from, caseSensitive);
        if (!match) // wrap around to the start
            match = findForward(loaded, needle, 0, caseSensitive);
    }

    if (match) {
        m_pendingSelection.reset();
        applySelection(ByteRange{*match, *match + needle.size()});
        // Finding is the user moving: the linked panes follow the value found.
        if (m_map)
            m_activationTimer->start();
    }
    if (!m_matchesValid) {
        if (m_index->loadedBytes() <= countNowLimit)
            countMatches();
        else
            m_countTimer->start();
    }
    updateFindStatus(match, true);
}

void JsonTextView::updateFindStatus(std::optional<std::size_t> match, bool searched)
{
    const QString needle = m_findBar->needle();
    if (needle.isEmpty()) {
        m_findBar->setStatus(JsonFindBar::Status::Empty);
        return;
    }
    const bool partial = !isFullyLoaded();
    if (!searched) {
        // After a late count: the current selection is the match if it is one.
        const ByteRange selection = selectedBytes();
        if (std::binary_search(m_matches.begin(), m_matches.end(), selection.begin)
            && selection.size() == std::size_t(needle.toUtf8().size()))
            match = selection.begin;
        else if (m_matchesValid && m_matches.empty()) {
            m_findBar->setStatus(JsonFindBar::Status::NoMatch, 0, 0, false, partial);
            return;
        }
    } else if (!match) {
        // The search wrapped around the whole loaded text: there is none.
        m_findBar->setStatus(JsonFindBar::Status::NoMatch, 0, 0, false, partial);
        return;
    }
    if (!m_matchesValid) {
        m_findBar->setStatus(JsonFindBar::Status::Found); // counted when typing pauses
        return;
    }
    int current = 0;
    if (match) {
        const auto it = std::lower_bound(m_matches.begin(), m_matches.end(), *match);
        if (it != m_matches.end() && *it == *match)
            current = int(it - m_matches.begin()) + 1;
    }
    m_findBar->setStatus(JsonFindBar::Status::Found, current, int(m_matches.size()), m_matchesCapped, partial);
}

// --- notice, colours, language -----------------------------------------------------------------

void JsonTextView::updateNotice()
{
    QStringList sentences;
    // The shortcut as it is bound (the window may change it), else the action's name.
    const QKeySequence shortcut = m_formatJson->shortcut();
    const QString toggle = shortcut.isEmpty() ? m_formatJson->text() : shortcut.toString(QKeySequence::NativeText);
    switch (m_formatState) {
    case FormatState::Original:
        break;
    case FormatState::Formatting:
        sentences << tr("Formatting…");
        break;
    case FormatState::Formatted:
        // A repaired text is not the same bytes re-spaced: say what is shown instead.
        sentences << (m_formatted && m_formatted->asRead
                          ? tr("Formatted view: the documents as read, written as strict JSON; %1 shows the "
                               "text as received, with its exact bytes.")
                                .arg(toggle)
                          : tr("Formatted view: indentation added; %1 shows the text as received.").arg(toggle));
        break;
    case FormatState::Failed:
        sentences << tr("The documents could not be indented with their link to the other panes kept; "
                        "the text is shown as received.");
        break;
    }
    bool showAll = false;
    if (m_text) {
        const QString total = dataSize(m_text->size());
        switch (m_noticeKind) {
        case Notice::None:
            break;
        case Notice::Capped:
            sentences << tr("Showing the first %1 of %2.").arg(dataSize(m_target), total);
            showAll = true;
            break;
        case Notice::Beyond:
            sentences << tr("The selected field is past the first %1 shown (of %2). "
                            "Show all to see it.")
                             .arg(dataSize(m_target), total);
            showAll = true;
            break;
        case Notice::LoadingRest:
            sentences << tr("Loading the rest: %1 of %2…").arg(dataSize(m_index->loadedBytes()), total);
            break;
        }
    }
    if (sentences.isEmpty()) {
        m_notice->hide();
        return;
    }
    m_noticeLabel->setText(sentences.join(QLatin1Char(' ')));
    m_noticeLabel->setAccessibleName(m_noticeLabel->text());
    m_showAll->setVisible(showAll);
    m_notice->show();
}

void JsonTextView::applyColors()
{
    const JsonColors colors = JsonColors::fromPalette(palette());
    m_highlighter->setColors(colors);
    m_editor->setColors(colors);
    m_findBar->setColors(colors.noMatchBackground);
    QPalette notice;
    notice.setColor(QPalette::Window, colors.noticeBackground);
    m_notice->setPalette(notice);
}

void JsonTextView::retranslate()
{
    m_copyValue->setText(tr("Copy &Value"));
    m_copyPointer->setText(tr("Copy JSON &Pointer"));
    m_find->setText(tr("Find…"));
    m_findNext->setText(tr("Find Next"));
    m_findPrevious->setText(tr("Find Previous"));
    m_formatJson->setText(tr("Format JSON"));
    m_showAll->setText(tr("Show All"));
    m_showAll->setAccessibleName(tr("Show the whole text"));
    m_editor->setAccessibleName(tr("Raw JSON"));
    m_notice->setAccessibleName(tr("Notice"));
    updateFormatAction();
    updateNotice();
}

void JsonTextView::changeEvent(QEvent *event)
{
    switch (event->type()) {
    case QEvent::LanguageChange:
        retranslate();
        break;
    case QEvent::PaletteChange:
    case QEvent::ApplicationPaletteChange:
        applyColors();
        break;
    default:
        break;
    }
    QWidget::changeEvent(event);
}

} // namespace paytriage
