#pragma once

// JSON colours for the raw pane, tolerant of what people paste: unquoted keys, single and
// curly quotes, comments, JavaScript literals, prose around the JSON.
//
// Lazy: a block is coloured only when the view is about to paint it (ensureHighlighted()).
// QSyntaxHighlighter on its own formats every block the moment it is inserted; for a 50 MB
// text that is seconds of work and a QTextLayout per line that nobody may ever look at.
// A block's user state is -1 until it has been coloured.

#include "jsoncolors.h"

#include <QSyntaxHighlighter>
#include <QTextCharFormat>

#include <functional>

namespace paytriage {

class JsonHighlighter final : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    // Block states carried to the next block (a string or comment that a line break split).
    enum State {
        Unknown = -1,
        Normal = 0,
        InComment,
        InDoubleQuotes,
        InSingleQuotes,
        InCurlyDoubleQuotes,
        InCurlySingleQuotes
    };

    explicit JsonHighlighter(QTextDocument *document);

    void setColors(const JsonColors &colors);
    // Whether a block continues the line before it (a long line the view broke): only then
    // does a string left open at the end of a block go on in the next one.
    void setContinuationTest(std::function<bool(int block)> isContinuation);
    // Colours the blocks first..last that are not coloured yet (and up to a few uncoloured
    // blocks before first, so a string or comment coming from above keeps its colour).
    void ensureHighlighted(const QTextBlock &first, const QTextBlock &last);

protected:
    void highlightBlock(const QString &text) override;

private:
    // Formats the string starting at start (its opening quote, or 0 when it comes from the
    // block before); returns where it ends, or -1 when it runs to the end of the block.
    int formatString(const QString &text, int start, int from, State state);

    QTextCharFormat m_key;
    QTextCharFormat m_string;
    QTextCharFormat m_number;
    QTextCharFormat m_keyword;
    QTextCharFormat m_null;
    QTextCharFormat m_comment;
    QTextCharFormat m_punctuation;
    std::function<bool(int)> m_isContinuation;
    int m_firstRequested = -1;
    int m_lastRequested = -2;
};

} // namespace paytriage
