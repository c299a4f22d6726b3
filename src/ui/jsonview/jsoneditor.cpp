#include "jsoneditor.h"

#include "jsonhighlighter.h"
#include "textindex.h"

#include <QContextMenuEvent>
#include <QHelpEvent>
#include <QMenu>
#include <QMimeData>
#include <QPainter>
#include <QPainterPath>
#include <QTextBlock>
#include <QToolTip>

#include <algorithm>
#include <memory>

namespace paytriage {

namespace {

// Which mark wins a line's single dot: errors, then findings by severity, repairs, nulls.
int rank(const GutterMark &mark)
{
    switch (mark.kind) {
    case TextMarker::Kind::Error:
        return 6;
    case TextMarker::Kind::Finding:
        return mark.severity >= 2 ? 5 : mark.severity == 1 ? 4 : 2;
    case TextMarker::Kind::Repair:
        return 3;
    case TextMarker::Kind::Null:
        return 1;
    }
    return 0;
}

} // namespace

// The strip left of the text; JsonEditor paints it (it knows the blocks' geometry).
class JsonGutter final : public QWidget
{
public:
    explicit JsonGutter(JsonEditor *editor)
        : QWidget(editor)
        , m_editor(editor)
    {
        setObjectName(QStringLiteral("jsonGutter"));
    }

    QSize sizeHint() const override { return {m_editor->gutterWidth(), 0}; }

protected:
    void paintEvent(QPaintEvent *event) override { m_editor->paintGutter(event); }
    bool event(QEvent *event) override
    {
        if (event->type() == QEvent::ToolTip) {
            const auto *help = static_cast<QHelpEvent *>(event);
            if (!m_editor->showGutterToolTip(help->pos(), help->globalPos()))
                event->ignore();
            return true;
        }
        return QWidget::event(event);
    }

private:
    JsonEditor *m_editor;
};

JsonEditor::JsonEditor(const TextIndex &index, QWidget *parent)
    : QPlainTextEdit(parent)
    , m_index(index)
    , m_gutter(new JsonGutter(this))
{
    setReadOnly(true);
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    setUndoRedoEnabled(false);
    setTabChangesFocus(true);
    setLineWrapMode(QPlainTextEdit::WidgetWidth);
    setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    setCenterOnScroll(false);

    connect(this, &QPlainTextEdit::updateRequest, this, &JsonEditor::onUpdateRequest);
    connect(this, &QPlainTextEdit::blockCountChanged, this, &JsonEditor::updateGutterWidth);
    connect(this, &QPlainTextEdit::cursorPositionChanged, this, &JsonEditor::highlightCurrentLine);
    updateGutterWidth();
    retranslate();
}

void JsonEditor::retranslate()
{
    m_gutter->setAccessibleName(tr("Line numbers and marks"));
    m_gutter->setAccessibleDescription(tr("Hover a mark to read what it flags."));
}

void JsonEditor::setColors(const JsonColors &colors)
{
    m_colors = colors;
    highlightCurrentLine();
    m_gutter->update();
}

void JsonEditor::setMarks(std::vector<GutterMark> marks)
{
    m_marks = std::move(marks);
    rebuildMarkIndex();
    m_gutter->update();
}

void JsonEditor::rebuildMarkIndex()
{
    m_marksByFirstBlock.clear();
    m_spanningMarks.clear();
    for (std::size_t i = 0; i < m_marks.size(); ++i) {
        m_marksByFirstBlock.emplace_back(m_marks[i].firstBlock, int(i));
        if (m_marks[i].lastBlock > m_marks[i].firstBlock)
            m_spanningMarks.push_back(int(i));
    }
    std::sort(m_marksByFirstBlock.begin(), m_marksByFirstBlock.end());
}

int JsonEditor::gutterWidth() const
{
    const QFontMetrics metrics(font());
    return metrics.height()                                           // marker zone
           + metrics.horizontalAdvance(QLatin1Char('9')) * m_gutterDigits // line numbers
           + metrics.horizontalAdvance(QLatin1Char(' ')) * 3 / 2;      // gap before the text
}

void JsonEditor::updateGutterWidth()
{
    int digits = 3; // up to 999 lines without the column growing as text arrives
    for (int lines = m_index.lineCount(); lines >= 1000; lines /= 10)
        ++digits;
    if (digits == m_gutterDigits)
        return;
    m_gutterDigits = digits;
    setViewportMargins(gutterWidth(), 0, 0, 0);
    const QRect contents = contentsRect();
    m_gutter->setGeometry(QRect(contents.left(), contents.top(), gutterWidth(), contents.height()));
    m_gutter->update();
}

bool JsonEditor::isInView(const QTextCursor &cursor) const
{
    return viewport()->rect().contains(cursorRect(cursor));
}

void JsonEditor::onUpdateRequest(const QRect &rect, int dy)
{
    if (dy != 0)
        m_gutter->scroll(0, dy);
    else
        m_gutter->update(0, rect.y(), m_gutter->width(), rect.height());
}

void JsonEditor::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    const QRect contents = contentsRect();
    m_gutter->setGeometry(QRect(contents.left(), contents.top(), gutterWidth(), contents.height()));
}

void JsonEditor::changeEvent(QEvent *event)
{
    QPlainTextEdit::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    if (event->type() == QEvent::FontChange) {
        m_gutter->setFont(font());
        setTabStopDistance(QFontMetricsF(font()).horizontalAdvance(QLatin1Char(' ')) * 4);
        m_gutterDigits = 0; // force the margin to be recomputed for the new metrics
        updateGutterWidth();
    }
}

void JsonEditor::paintEvent(QPaintEvent *event)
{
    if (m_highlighter) {
        // Colour what is about to be painted (see JsonHighlighter: colouring is lazy).
        const QTextBlock first = firstVisibleBlock();
        QTextBlock last = first;
        qreal top = blockBoundingGeometry(first).translated(contentOffset()).top();
        const qreal bottom = viewport()->height();
        for (QTextBlock block = first; block.isValid() && top <= bottom; block = block.next()) {
            last = block;
            top += blockBoundingRect(block).height();
        }
        m_highlighter->ensureHighlighted(first, last);
    }
    QPlainTextEdit::paintEvent(event);
}

void JsonEditor::highlightCurrentLine()
{
    QTextEdit::ExtraSelection line;
    line.format.setBackground(m_colors.currentLine);
    line.format.setProperty(QTextFormat::FullWidthSelection, true);
    line.cursor = textCursor();
    line.cursor.clearSelection();
    setExtraSelections({line});
    m_gutter->update();
}

QColor JsonEditor::markColor(const GutterMark &mark) const
{
    switch (mark.kind) {
    case TextMarker::Kind::Error:
        return m_colors.error;
    case TextMarker::Kind::Repair:
        return m_colors.repair;
    case TextMarker::Kind::Null:
        return m_colors.nullMarker;
    case TextMarker::Kind::Finding:
        return mark.severity >= 2 ? m_colors.critical : mark.severity == 1 ? m_colors.warning : m_colors.info;
    }
    return m_colors.info;
}

// Shapes differ by kind so the marks read without colour: ring = null, dot = finding,
// diamond = repair, triangle = error.
void JsonEditor::paintMark(QPainter &painter, const GutterMark &mark, const QRectF &zone) const
{
    const QColor color = markColor(mark);
    const QPointF c = zone.center();
    const qreal size = zone.height();
    painter.setPen(Qt::NoPen);
    painter.setBrush(color);
    switch (mark.kind) {
    case TextMarker::Kind::Null: {
        const qreal r = size * 0.22;
        painter.setBrush(Qt::NoBrush);
        painter.setPen(QPen(color, std::max<qreal>(1.0, size / 9.0)));
        painter.drawEllipse(c, r, r);
        break;
    }
    case TextMarker::Kind::Finding: {
        const qreal r = size * (mark.severity >= 2 ? 0.30 : 0.26);
        painter.drawEllipse(c, r, r);
        break;
    }
    case TextMarker::Kind::Repair: {
        const qreal r = size * 0.30;
        QPainterPath path;
        path.moveTo(c.x(), c.y() - r);
        path.lineTo(c.x() + r, c.y());
        path.lineTo(c.x(), c.y() + r);
        path.lineTo(c.x() - r, c.y());
        path.closeSubpath();
        painter.drawPath(path);
        break;
    }
    case TextMarker::Kind::Error: {
        const qreal r = size * 0.34;
        QPainterPath path;
        path.moveTo(c.x(), c.y() - r);
        path.lineTo(c.x() + r, c.y() + r * 0.8);
        path.lineTo(c.x() - r, c.y() + r * 0.8);
        path.closeSubpath();
        painter.drawPath(path);
        break;
    }
    }
}

void JsonEditor::paintGutter(QPaintEvent *event)
{
    QPainter painter(m_gutter);
    painter.fillRect(event->rect(), m_colors.gutterBackground);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setFont(font());

    const QFontMetrics metrics(font());
    const int lineHeight = metrics.height();
    const qreal zoneWidth = lineHeight;
    const int numberRight = m_gutter->width() - metrics.horizontalAdvance(QLatin1Char(' '));
    const int currentBlock = textCursor().blockNumber();
    const qreal barWidth = std::max<qreal>(1.0, lineHeight / 7.0);

    QTextBlock block = firstVisibleBlock();
    qreal top = blockBoundingGeometry(block).translated(contentOffset()).top();
    while (block.isValid() && top <= event->rect().bottom()) {
        const qreal height = blockBoundingRect(block).height();
        const qreal bottom = top + height;
        const int number = block.blockNumber();
        if (block.isVisible() && bottom >= event->rect().top()) {
            const QRectF zone(0, top, zoneWidth, lineHeight);

            // Bars: marks over several lines run down the strip from their dot.
            const GutterMark *bar = nullptr;
            for (const int i : m_spanningMarks) {
                const GutterMark &mark = m_marks[std::size_t(i)];
                if (mark.firstBlock <= number && number <= mark.lastBlock && (!bar || rank(mark) > rank(*bar)))
                    bar = &mark;
            }
            if (bar) {
                const qreal from = bar->firstBlock == number ? zone.center().y() : top;
                const qreal to = bar->lastBlock == number ? top + lineHeight * 0.5 : bottom;
                painter.fillRect(QRectF(zone.center().x() - barWidth / 2, from, barWidth, to - from),
                                 blend(markColor(*bar), m_colors.gutterBackground, 0.45));
            }

            const auto [begin, end] = std::equal_range(m_marksByFirstBlock.begin(), m_marksByFirstBlock.end(),
                                                       std::make_pair(number, 0),
                                                       [](const auto &a, const auto &b) { return a.first < b.first; });
            const GutterMark *dot = nullptr;
            for (auto it = begin; it != end; ++it) {
                const GutterMark &mark = m_marks[std::size_t(it->second)];
                if (!dot || rank(mark) > rank(*dot))
                    dot = &mark;
            }
            if (dot)
                paintMark(painter, *dot, zone);

            if (!m_index.isContinuationBlock(number)) {
                painter.setPen(number == currentBlock ? m_colors.currentLineNumber : m_colors.lineNumber);
                painter.drawText(QRectF(zoneWidth, top, numberRight - zoneWidth, lineHeight),
                                 Qt::AlignRight | Qt::AlignVCenter, QString::number(m_index.lineOfBlock(number)));
            }
        }
        block = block.next();
        top = bottom;
    }
}

bool JsonEditor::showGutterToolTip(const QPoint &pos, const QPoint &globalPos)
{
    const int number = cursorForPosition(QPoint(0, pos.y())).blockNumber();
    QStringList lines;
    for (const GutterMark &mark : m_marks) {
        if (mark.firstBlock <= number && number <= mark.lastBlock && !mark.toolTip.isEmpty()
            && !lines.contains(mark.toolTip))
            lines.append(mark.toolTip);
    }
    if (lines.isEmpty()) {
        QToolTip::hideText();
        return false;
    }
    QToolTip::showText(globalPos, lines.join(QLatin1Char('\n')), m_gutter);
    return true;
}

void JsonEditor::contextMenuEvent(QContextMenuEvent *event)
{
    // A right click outside the selection acts on the value clicked, as in most editors.
    if (event->reason() == QContextMenuEvent::Mouse) {
        const QTextCursor clicked = cursorForPosition(event->pos());
        const QTextCursor current = textCursor();
        if (!current.hasSelection() || clicked.position() < current.selectionStart()
            || clicked.position() > current.selectionEnd())
            setTextCursor(clicked);
    }
    const std::unique_ptr<QMenu> menu(createStandardContextMenu());
    if (m_extendMenu)
        m_extendMenu(menu.get());
    menu->exec(event->globalPos());
}

QMimeData *JsonEditor::createMimeDataFromSelection() const
{
    if (!m_selectionText)
        return QPlainTextEdit::createMimeDataFromSelection();
    auto *mime = new QMimeData;
    mime->setText(m_selectionText());
    return mime;
}

} // namespace paytriage
