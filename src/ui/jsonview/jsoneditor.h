#pragma once

// The text part of the raw pane: a read-only QPlainTextEdit with a gutter on the left (marker
// shapes, then line numbers of the original text), lazy syntax colouring before each paint,
// and copies that read the original bytes (CRLF and all) rather than the display text.

#include "jsoncolors.h"
#include "jsontextview.h"

#include <QPlainTextEdit>

#include <functional>
#include <vector>

namespace paytriage {

class JsonHighlighter;
class TextIndex;

// A marker resolved to the blocks it covers.
struct GutterMark
{
    int firstBlock = 0;
    int lastBlock = 0;
    TextMarker::Kind kind = TextMarker::Kind::Null;
    int severity = -1;
    QString toolTip;
};

class JsonEditor final : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit JsonEditor(const TextIndex &index, QWidget *parent = nullptr);

    void setHighlighter(JsonHighlighter *highlighter) { m_highlighter = highlighter; }
    void setColors(const JsonColors &colors);
    void setMarks(std::vector<GutterMark> marks);
    const std::vector<GutterMark> &marks() const { return m_marks; }
    // Text for copy and drag: the view answers with the original bytes of the selection.
    void setSelectionTextProvider(std::function<QString()> provider) { m_selectionText = std::move(provider); }
    // Called with the standard context menu before it opens, to add the pane's actions.
    void setContextMenuExtender(std::function<void(QMenu *)> extender) { m_extendMenu = std::move(extender); }

    // After text was added: the line-number column may need to grow.
    void updateGutterWidth();
    int gutterWidth() const;

    // Whether the cursor's rectangle is inside the viewport (no scrolling needed to see it).
    bool isInView(const QTextCursor &cursor) const;

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void changeEvent(QEvent *event) override;
    QMimeData *createMimeDataFromSelection() const override;

private:
    friend class JsonGutter;
    void paintGutter(QPaintEvent *event);
    bool showGutterToolTip(const QPoint &pos, const QPoint &globalPos);
    void retranslate();
    void onUpdateRequest(const QRect &rect, int dy);
    void highlightCurrentLine();
    void rebuildMarkIndex();
    QColor markColor(const GutterMark &mark) const;
    void paintMark(QPainter &painter, const GutterMark &mark, const QRectF &zone) const;

    const TextIndex &m_index;
    QWidget *m_gutter = nullptr;
    JsonHighlighter *m_highlighter = nullptr;
    JsonColors m_colors;
    std::vector<GutterMark> m_marks;
    std::vector<std::pair<int, int>> m_marksByFirstBlock; // (first block, mark index), sorted
    std::vector<int> m_spanningMarks;                    // marks over more than one block
    std::function<QString()> m_selectionText;
    std::function<void(QMenu *)> m_extendMenu;
    int m_gutterDigits = 0;
};

} // namespace paytriage
