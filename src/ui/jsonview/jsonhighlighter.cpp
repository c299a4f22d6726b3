#include "jsonhighlighter.h"

#include <QTextDocument>

namespace paytriage {

namespace {

// How far ensureHighlighted() looks back for the block a string or comment started in.
constexpr int lookBehindBlocks = 200;

bool followedByColon(const QString &text, int i)
{
    while (i < text.size() && (text.at(i) == QLatin1Char(' ') || text.at(i) == QLatin1Char('\t')))
        ++i;
    return i < text.size() && text.at(i) == QLatin1Char(':');
}

bool isWordStart(QChar c)
{
    return c.isLetter() || c == QLatin1Char('_') || c == QLatin1Char('$');
}

bool isWordPart(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('$');
}

bool isStringState(int state)
{
    return state >= JsonHighlighter::InDoubleQuotes && state <= JsonHighlighter::InCurlySingleQuotes;
}

} // namespace

JsonHighlighter::JsonHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
{
}

void JsonHighlighter::setColors(const JsonColors &colors)
{
    m_key.setForeground(colors.key);
    m_string.setForeground(colors.string);
    m_number.setForeground(colors.number);
    m_keyword.setForeground(colors.keyword);
    m_null.setForeground(colors.null);
    m_null.setFontItalic(true);
    m_comment.setForeground(colors.comment);
    m_comment.setFontItalic(true);
    m_punctuation.setForeground(colors.punctuation);
    // Re-colours only blocks coloured before: uncoloured ones stay lazy (see highlightBlock).
    rehighlight();
}

void JsonHighlighter::setContinuationTest(std::function<bool(int)> isContinuation)
{
    m_isContinuation = std::move(isContinuation);
}

void JsonHighlighter::ensureHighlighted(const QTextBlock &first, const QTextBlock &last)
{
    if (!first.isValid() || !document())
        return;
    QTextBlock start = first;
    for (int i = 0; i < lookBehindBlocks && start.previous().isValid() && start.previous().userState() == Unknown; ++i)
        start = start.previous();
    m_firstRequested = start.blockNumber();
    m_lastRequested = last.isValid() ? last.blockNumber() : first.blockNumber();
    // Colouring one block moves on to the next while the state changes, so one call usually
    // covers the whole range; the loop only picks up what that chain skipped.
    for (QTextBlock block = start; block.isValid() && block.blockNumber() <= m_lastRequested; block = block.next()) {
        if (block.userState() == Unknown)
            rehighlightBlock(block);
    }
    m_firstRequested = -1;
    m_lastRequested = -2;
}

int JsonHighlighter::formatString(const QString &text, int start, int from, State state)
{
    QChar closer;
    QChar altCloser;
    switch (state) {
    case InSingleQuotes:
        closer = QLatin1Char('\'');
        break;
    case InCurlyDoubleQuotes:
        closer = QChar(0x201D);
        altCloser = QLatin1Char('"');
        break;
    case InCurlySingleQuotes:
        closer = QChar(0x2019);
        altCloser = QLatin1Char('\'');
        break;
    default:
        closer = QLatin1Char('"');
        break;
    }
    int j = from;
    while (j < text.size()) {
        const QChar c = text.at(j);
        if (c == QLatin1Char('\\')) {
            j += 2;
            continue;
        }
        if (c == closer || (!altCloser.isNull() && c == altCloser)) {
            const int end = j + 1;
            setFormat(start, end - start, followedByColon(text, end) ? m_key : m_string);
            return end;
        }
        ++j;
    }
    setFormat(start, int(text.size()) - start, m_string);
    return -1;
}

void JsonHighlighter::highlightBlock(const QString &text)
{
    if (currentBlockState() == Unknown) {
        // Not on screen: stays uncoloured, and does not drag the next block along. (Checked
        // before blockNumber(), which is not free, for every block of every chunk loaded.)
        if (m_lastRequested < m_firstRequested)
            return;
        const int number = currentBlock().blockNumber();
        if (number < m_firstRequested || number > m_lastRequested)
            return;
    }
    const int number = currentBlock().blockNumber();

    int state = previousBlockState();
    if (state < Normal || (isStringState(state) && !(m_isContinuation && m_isContinuation(number))))
        state = Normal; // JSON strings never span real lines; only a break the view made
    const int n = int(text.size());
    int i = 0;

    if (state == InComment) {
        const int end = int(text.indexOf(QLatin1String("*/")));
        if (end < 0) {
            setFormat(0, n, m_comment);
            setCurrentBlockState(InComment);
            return;
        }
        setFormat(0, end + 2, m_comment);
        i = end + 2;
    } else if (isStringState(state)) {
        i = formatString(text, 0, 0, State(state));
        if (i < 0) {
            setCurrentBlockState(state);
            return;
        }
    }

    while (i < n) {
        const QChar c = text.at(i);
        if (c.isSpace()) {
            ++i;
            continue;
        }
        State quote = Normal;
        if (c == QLatin1Char('"'))
            quote = InDoubleQuotes;
        else if (c == QLatin1Char('\''))
            quote = InSingleQuotes;
        else if (c == QChar(0x201C))
            quote = InCurlyDoubleQuotes;
        else if (c == QChar(0x2018))
            quote = InCurlySingleQuotes;
        if (quote != Normal) {
            i = formatString(text, i, i + 1, quote);
            if (i < 0) {
                setCurrentBlockState(quote);
                return;
            }
            continue;
        }
        if (c == QLatin1Char('/') && i + 1 < n && text.at(i + 1) == QLatin1Char('/')) {
            setFormat(i, n - i, m_comment);
            break;
        }
        if (c == QLatin1Char('/') && i + 1 < n && text.at(i + 1) == QLatin1Char('*')) {
            const int end = int(text.indexOf(QLatin1String("*/"), i + 2));
            if (end < 0) {
                setFormat(i, n - i, m_comment);
                setCurrentBlockState(InComment);
                return;
            }
            setFormat(i, end + 2 - i, m_comment);
            i = end + 2;
            continue;
        }
        const bool signedNumber = (c == QLatin1Char('-') || c == QLatin1Char('+') || c == QLatin1Char('.'))
                                  && i + 1 < n && text.at(i + 1).isDigit();
        if (c.isDigit() || signedNumber) {
            int j = i + 1;
            while (j < n) {
                const QChar d = text.at(j);
                const bool exponentSign = (d == QLatin1Char('+') || d == QLatin1Char('-'))
                                          && (text.at(j - 1) == QLatin1Char('e') || text.at(j - 1) == QLatin1Char('E'));
                if (!(d.isLetterOrNumber() || d == QLatin1Char('.') || exponentSign))
                    break;
                ++j;
            }
            setFormat(i, j - i, m_number);
            i = j;
            continue;
        }
        if (isWordStart(c)) {
            int j = i + 1;
            while (j < n && isWordPart(text.at(j)))
                ++j;
            const QStringView word = QStringView(text).mid(i, j - i);
            if (followedByColon(text, j))
                setFormat(i, j - i, m_key); // an unquoted key (console.log output)
            else if (word == u"true" || word == u"false")
                setFormat(i, j - i, m_keyword);
            else if (word == u"null" || word == u"undefined")
                setFormat(i, j - i, m_null);
            else if (word == u"NaN" || word == u"Infinity")
                setFormat(i, j - i, m_number);
            i = j;
            continue;
        }
        if (c == QLatin1Char('{') || c == QLatin1Char('}') || c == QLatin1Char('[') || c == QLatin1Char(']')
            || c == QLatin1Char(',') || c == QLatin1Char(':'))
            setFormat(i, 1, m_punctuation);
        ++i;
    }
    setCurrentBlockState(Normal);
}

} // namespace paytriage
