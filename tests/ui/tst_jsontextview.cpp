// The raw JSON pane: byte offsets ↔ editor positions, linking through the source map,
// find bar, copy actions, markers, colours, and big texts loaded in chunks.

#include "jsonview/jsoncolors.h"
#include "jsonview/jsoneditor.h"
#include "jsonview/jsonhighlighter.h"
#include "jsonview/jsontextview.h"
#include "jsonview/textindex.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QHelpEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QTimer>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStyleFactory>
#include <QTest>
#include <QTextBlock>
#include <QThreadPool>
#include <QToolButton>
#include <QToolTip>

#include <memory>
#include <string>

using namespace paytriage;

namespace {

// A payment as a ticket might carry it: Korean text, emoji (surrogate pairs in UTF-16) and
// Windows line endings.
const std::string crlfPayment =
    "{\r\n"
    "  \"mId\": \"tosspayments\",\r\n"
    "  \"orderName\": \"토스 티셔츠 외 2건\",\r\n"
    "  \"status\": \"DONE\",\r\n"
    "  \"totalAmount\": 15000,\r\n"
    "  \"method\": null,\r\n"
    "  \"metadata\": {\"memo\": \"빠른 배송 🚚 부탁\", \"tags\": [\"선물\", \"😀\"]},\r\n"
    "  \"cancels\": [{\"cancelAmount\": 1000, \"cancelReason\": \"고객 변심\"}]\r\n"
    "}";

// console.log output: unquoted keys, single quotes, an escaped quote, curly quotes.
const std::string consolePaste =
    "{ status: 'DONE', orderName: \"토스 \\\"티셔츠\\\"\", amount: 15000,\n"
    "  card: { number: '1234****' }, memo: \xE2\x80\x9C고객 요청\xE2\x80\x9D }\n";

// A payment as the API sends it: one line, no spaces.
const std::string minifiedPayment =
    R"({"mId":"tosspayments","paymentKey":"tgen_20240213121757MvuS8","orderId":"order-1",)"
    R"("orderName":"토스 티셔츠 외 2건","status":"DONE","totalAmount":15000,"method":null,)"
    R"("card":{"number":"12345678****000*","installmentPlanMonths":0,"cardType":"신용"},)"
    R"("metadata":{"memo":"빠른 배송 🚚 부탁","tags":["선물","😀"]},)"
    R"("cancels":[{"cancelAmount":1000,"cancelReason":"고객 변심"}]})";

// The same, formatted: the line numbers the tests below name are this text's.
const std::string formattedPayment = R"({
  "mId": "tosspayments",
  "paymentKey": "tgen_20240213121757MvuS8",
  "orderId": "order-1",
  "orderName": "토스 티셔츠 외 2건",
  "status": "DONE",
  "totalAmount": 15000,
  "method": null,
  "card": {
    "number": "12345678****000*",
    "installmentPlanMonths": 0,
    "cardType": "신용"
  },
  "metadata": {
    "memo": "빠른 배송 🚚 부탁",
    "tags": [
      "선물",
      "😀"
    ]
  },
  "cancels": [
    {
      "cancelAmount": 1000,
      "cancelReason": "고객 변심"
    }
  ]
}
)";

// The payment in a log line: read leniently, the prose around it skipped.
const std::string loggedPayment = "INFO 200 " + minifiedPayment + " (12 ms)";

// Two documents in one log line.
const std::string twoDocuments = R"(INFO got {"a":1,"b":{"c":[1,2]}} and {"status":"DONE"})";

struct Content
{
    std::shared_ptr<const std::string> text;
    std::shared_ptr<const SourceMap> map;
};

Content decoded(const std::string &text)
{
    DecodeResult result = decode(text);
    auto map = std::make_shared<SourceMap>(std::move(result.sourceMap));
    return {std::make_shared<std::string>(std::move(result.text)), std::move(map)};
}

std::size_t byteOf(const std::string &text, const char *needle, int offsetInNeedle = 0)
{
    const std::size_t at = text.find(needle);
    Q_ASSERT(at != std::string::npos);
    return at + std::size_t(offsetInNeedle);
}

QString u(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

// Clicks where position `position` is drawn, a little right of the caret line so the hit
// test lands on that side of the character boundary.
void clickAt(JsonTextView &view, int position)
{
    QTextCursor cursor(view.editor()->document());
    cursor.setPosition(position);
    const QRect rect = view.editor()->cursorRect(cursor);
    const QPoint point(rect.center().x() + 1, rect.center().y());
    QTest::mouseClick(view.editor()->viewport(), Qt::LeftButton, Qt::NoModifier, point);
}

QPalette lightPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0xef, 0xef, 0xef));
    p.setColor(QPalette::WindowText, Qt::black);
    p.setColor(QPalette::Base, Qt::white);
    p.setColor(QPalette::AlternateBase, QColor(0xf7, 0xf7, 0xf7));
    p.setColor(QPalette::Text, Qt::black);
    p.setColor(QPalette::Button, QColor(0xef, 0xef, 0xef));
    p.setColor(QPalette::ButtonText, Qt::black);
    p.setColor(QPalette::Highlight, QColor(0x30, 0x8c, 0xc6));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::PlaceholderText, QColor(0x80, 0x80, 0x80));
    return p;
}

QPalette darkPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    p.setColor(QPalette::WindowText, QColor(0xe0, 0xe0, 0xe0));
    p.setColor(QPalette::Base, QColor(0x1e, 0x1f, 0x22));
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x27, 0x2a));
    p.setColor(QPalette::Text, QColor(0xdc, 0xdc, 0xdc));
    p.setColor(QPalette::Button, QColor(0x3c, 0x3f, 0x41));
    p.setColor(QPalette::ButtonText, QColor(0xe0, 0xe0, 0xe0));
    p.setColor(QPalette::Highlight, QColor(0x2f, 0x65, 0xca));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::PlaceholderText, QColor(0x8a, 0x8a, 0x8a));
    p.setColor(QPalette::ToolTipBase, QColor(0x3c, 0x3f, 0x41));
    p.setColor(QPalette::ToolTipText, QColor(0xe0, 0xe0, 0xe0));
    return p;
}

// The format the highlighter gave the character at column in a block (none: default).
QTextCharFormat formatAt(const QTextBlock &block, int column)
{
    const auto formats = block.layout()->formats();
    for (const QTextLayout::FormatRange &range : formats) {
        if (column >= range.start && column < range.start + range.length)
            return range.format;
    }
    return {};
}

// A big pretty-printed list of payments, at least `bytes` long.
std::string bigList(std::size_t bytes)
{
    std::string text = "[\n";
    for (int i = 0; text.size() < bytes; ++i) {
        text += "  {\n    \"paymentKey\": \"tgen_" + std::to_string(i)
                + "\",\n    \"orderName\": \"토스 티셔츠 외 2건 😀\",\n    \"totalAmount\": 15000,\n"
                  "    \"method\": null\n  },\n";
    }
    text += "  {}\n]\n";
    return text;
}

} // namespace

class TestJsonTextView final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();

    void byteToPosition_data();
    void byteToPosition();
    void chunkedIndexMatchesWholeText_data();
    void chunkedIndexMatchesWholeText();
    void longLineIsBrokenForDisplayOnly();

    void selectPointer_data();
    void selectPointer();
    void selectPointerUnknown();
    void clickEmitsPointer_data();
    void clickEmitsPointer();
    void selectPointerDoesNotEmit();
    void keyboardMovesCoalesce();

    void findBar();
    void copyValueAndPointer_data();
    void copyValueAndPointer();
    void copyKeepsOriginalBytes();
    void contextMenuActsOnTheValueClicked();

    void markersOutOfRange();
    void markerToolTip();
    void colorsHaveContrast_data();
    void colorsHaveContrast();
    void highlightingIsTolerantAndLazy();

    void bigTextShowsNotice();
    void showAllLoadsTheRest();

    void formatToggle_data();
    void formatToggle();
    void formattedSelectPointer_data();
    void formattedSelectPointer();
    void formattedClickEmitsPointer_data();
    void formattedClickEmitsPointer();
    void formattedMarkers_data();
    void formattedMarkers();
    void formattedSelectBytes_data();
    void formattedSelectBytes();
    void formatKeepsThePlace();
    void formattedFindAndCopy();
    void formatDisabled_data();
    void formatDisabled();
    void formatFailsWithAnotherTextsMap();
    void formatInBackground();
    void setContentShowsTheOriginal();

    void screenshot();
};

void TestJsonTextView::initTestCase()
{
    // Pinned style and locale: sizes in the notice ("8 MB") and metrics do not follow the host.
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

// --- byte offsets ↔ positions ------------------------------------------------------------------

void TestJsonTextView::byteToPosition_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("offset");
    QTest::addColumn<int>("position");
    QTest::addColumn<bool>("roundTrip"); // byteOfPosition(position) gives offset back

    // One byte, one position.
    QTest::newRow("ascii") << QByteArray(R"({"a":1})") << 5 << 5 << true;
    // { " 이(3 bytes) 름(3) " : → the closing quote is at byte 1+1+3+3 = 8, the 4th character.
    QTest::newRow("after two hangul syllables") << QByteArray(R"({"이름":"값"})") << 8 << 4 << true;
    // 값 is at byte 8+1+1+1 = 11, character 7.
    QTest::newRow("hangul value") << QByteArray(R"({"이름":"값"})") << 11 << 7 << true;
    // {"e":" is 6 bytes; 😀 is 4 bytes but 2 UTF-16 units: x at byte 10 is position 6+2 = 8.
    QTest::newRow("after an emoji") << QByteArray(R"({"e":"😀x"})") << 10 << 8 << true;
    // Byte 7 is inside the emoji: the emoji's own position, 6.
    QTest::newRow("inside an emoji") << QByteArray(R"({"e":"😀x"})") << 7 << 6 << false;
    // "{\r\n": CRLF is one line break, one position: the quote at byte 3 is position 2.
    QTest::newRow("after crlf") << QByteArray("{\r\n\"a\":1\r\n}") << 3 << 2 << true;
    // Between \r and \n: the line break itself, position 1.
    QTest::newRow("between cr and lf") << QByteArray("{\r\n\"a\":1\r\n}") << 2 << 1 << false;
    // "}" at byte 10: { break " a " : 1 break → 8 positions before it.
    QTest::newRow("after two crlfs") << QByteArray("{\r\n\"a\":1\r\n}") << 10 << 8 << true;
    // A lone CR (old Mac) is a line break of one byte.
    QTest::newRow("lone cr") << QByteArray("a\rb") << 2 << 2 << true;
    // An invalid byte shows as one U+FFFD: still one byte, one position.
    QTest::newRow("invalid byte") << QByteArray("a\xFF" "b") << 2 << 2 << true;
    // A BOM (3 bytes) is one zero-width character.
    QTest::newRow("byte order mark") << QByteArray("\xEF\xBB\xBFx") << 3 << 1 << true;
    // Line 3 after "가\r\n" (5 bytes → 2 positions) and "😀\r\n" (6 bytes → 3 positions).
    QTest::newRow("korean and emoji lines") << QByteArray("가\r\n😀\r\nz") << 11 << 5 << true;
    // Past the end clamps to the end: "ab" has 2 positions.
    QTest::newRow("past the end") << QByteArray("ab") << 99 << 2 << false;
}

void TestJsonTextView::byteToPosition()
{
    QFETCH(QByteArray, text);
    QFETCH(int, offset);
    QFETCH(int, position);
    QFETCH(bool, roundTrip);

    JsonTextView view;
    view.setContent(std::make_shared<std::string>(text.toStdString()), nullptr);
    QVERIFY(view.isFullyLoaded());
    QCOMPARE(view.positionOfByte(std::size_t(offset)), position);
    if (roundTrip) {
        QCOMPARE(view.byteOfPosition(position), std::size_t(offset));
        // And the editor really shows that character there.
        const QString tail = QString::fromUtf8(text.mid(offset));
        if (!tail.isEmpty() && tail.at(0) != QLatin1Char('\r') && tail.at(0) != QLatin1Char('\n'))
            QCOMPARE(view.editor()->document()->characterAt(position), tail.at(0));
    }
}

void TestJsonTextView::chunkedIndexMatchesWholeText_data()
{
    QTest::addColumn<int>("chunkSize");
    // Tiny chunks split every multi-byte character and CRLF; 4096 crosses checkpoints.
    QTest::newRow("one byte") << 1;
    QTest::newRow("two bytes") << 2;
    QTest::newRow("three bytes") << 3;
    QTest::newRow("seven bytes") << 7;
    QTest::newRow("four KiB") << 4096;
}

void TestJsonTextView::chunkedIndexMatchesWholeText()
{
    QFETCH(int, chunkSize);
    std::string text = "{\r\n\"이름\": \"토스 😀\",\r\"x\":\"\xFF\"\n";
    text += std::string(std::size_t(TextIndex::hardLineLimit) + 500, 'a'); // one forced break
    text += ",\r\n" + std::string(3000, ',') + "\n끝";

    TextIndex whole;
    whole.reset(text);
    const QString wholeText = whole.appendChunk(text.size());

    TextIndex chunked;
    chunked.reset(text);
    QString chunkedText;
    while (!chunked.complete())
        chunkedText += chunked.appendChunk(chunked.chunkEnd(std::size_t(chunkSize), text.size()));

    QCOMPARE(chunkedText, wholeText);
    QCOMPARE(chunked.loadedPositions(), int(wholeText.size()));
    QCOMPARE(chunked.lineCount(), whole.lineCount());
    for (std::size_t offset = 0; offset <= text.size(); ++offset)
        QCOMPARE(chunked.positionOf(offset), whole.positionOf(offset));
    for (int position = 0; position <= int(wholeText.size()); ++position)
        QCOMPARE(chunked.byteOf(position), whole.byteOf(position));
    // Six lines: "{", the name line (ended by a lone CR), the "x" line, the long line of a's,
    // the commas, "끝". The breaks made inside the long lines are not lines.
    QCOMPARE(whole.lineCount(), 6);
}

void TestJsonTextView::longLineIsBrokenForDisplayOnly()
{
    // A minified list on one line: 0,1,2,… about 50 KB.
    std::string text = "[";
    for (int i = 0; i < 10000; ++i)
        text += std::to_string(i) + ",";
    text += "0]";

    JsonTextView view;
    view.setContent(std::make_shared<std::string>(text), nullptr);
    QTextDocument *document = view.editor()->document();
    // Broken after a comma once a line passes 1000 characters: ~50 blocks, not 1.
    QVERIFY(document->blockCount() > 40);
    // The breaks sit after commas, so every block but the last ends with one.
    QVERIFY(document->findBlockByNumber(0).text().endsWith(QLatin1Char(',')));

    // Every byte maps to a position and back.
    for (std::size_t offset = 0; offset <= text.size(); offset += 7)
        QCOMPARE(view.byteOfPosition(view.positionOfByte(offset)), offset);

    // A selection that ends where a break was made stops before the break.
    const int secondBlock = document->findBlockByNumber(1).position();
    const std::size_t breakByte = view.byteOfPosition(secondBlock);
    view.selectBytes(ByteRange{breakByte - 4, breakByte});
    QVERIFY(!view.editor()->textCursor().selectedText().contains(QChar::ParagraphSeparator));
    QCOMPARE(view.selectedBytes(), (ByteRange{breakByte - 4, breakByte}));

    // Copying everything gives the original line back, without the display breaks.
    view.editor()->selectAll();
    view.editor()->copy();
    QCOMPARE(QGuiApplication::clipboard()->text(), QString::fromStdString(text));
}

// --- linking ---------------------------------------------------------------------------------

void TestJsonTextView::selectPointer_data()
{
    QTest::addColumn<QByteArray>("pointer");
    QTest::addColumn<QString>("selected");

    // Values with their quotes, as the source map's ranges cover them.
    QTest::newRow("korean order name") << QByteArray("/orderName") << u("\"토스 티셔츠 외 2건\"");
    QTest::newRow("status") << QByteArray("/status") << u("\"DONE\"");
    QTest::newRow("number") << QByteArray("/totalAmount") << u("15000");
    QTest::newRow("null") << QByteArray("/method") << u("null");
    QTest::newRow("string with an emoji") << QByteArray("/metadata/memo") << u("\"빠른 배송 🚚 부탁\"");
    QTest::newRow("emoji alone in an array") << QByteArray("/metadata/tags/1") << u("\"😀\"");
    QTest::newRow("value after emoji on the same line") << QByteArray("/cancels/0/cancelReason")
                                                        << u("\"고객 변심\"");
    QTest::newRow("object on one line")
        << QByteArray("/metadata") << u("{\"memo\": \"빠른 배송 🚚 부탁\", \"tags\": [\"선물\", \"😀\"]}");
    // The whole document: QTextCursor::selectedText() shows each CRLF as U+2029.
    QTest::newRow("root across crlf lines")
        << QByteArray("") << QString::fromStdString(crlfPayment).replace(u("\r\n"), QString(QChar::ParagraphSeparator));
}

void TestJsonTextView::selectPointer()
{
    QFETCH(QByteArray, pointer);
    QFETCH(QString, selected);

    const Content content = decoded(crlfPayment);
    JsonTextView view;
    view.setContent(content.text, content.map);
    QVERIFY(view.selectPointer(0, pointer.toStdString()));
    QCOMPARE(view.editor()->textCursor().selectedText(), selected);
    QCOMPARE(view.selectedBytes(), *content.map->find(0, pointer.toStdString()));
}

void TestJsonTextView::selectPointerUnknown()
{
    const Content content = decoded(crlfPayment);
    JsonTextView view;
    view.setContent(content.text, content.map);
    QVERIFY(!view.selectPointer(0, "/nope"));
    QVERIFY(!view.selectPointer(1, "")); // one document only
    // Without a map there is no linking at all.
    view.setContent(content.text, nullptr);
    QVERIFY(!view.selectPointer(0, "/status"));
    QVERIFY(!view.copyValueAction()->isEnabled());
}

void TestJsonTextView::clickEmitsPointer_data()
{
    QTest::addColumn<QByteArray>("needle");
    QTest::addColumn<int>("offsetInNeedle");
    QTest::addColumn<QByteArray>("pointer");

    QTest::newRow("inside the korean order name") << QByteArray("티셔츠") << 0 << QByteArray("/orderName");
    QTest::newRow("on the number") << QByteArray("15000") << 2 << QByteArray("/totalAmount");
    QTest::newRow("on an emoji") << QByteArray("😀") << 0 << QByteArray("/metadata/tags/1");
    QTest::newRow("after an emoji on the line") << QByteArray("부탁") << 0 << QByteArray("/metadata/memo");
    QTest::newRow("in the last line's array") << QByteArray("변심") << 0 << QByteArray("/cancels/0/cancelReason");
    // A key is not a value: the object holding it is.
    QTest::newRow("on a key") << QByteArray("\"status\"") << 2 << QByteArray("");
}

void TestJsonTextView::clickEmitsPointer()
{
    QFETCH(QByteArray, needle);
    QFETCH(int, offsetInNeedle);
    QFETCH(QByteArray, pointer);

    const Content content = decoded(crlfPayment);
    JsonTextView view;
    view.resize(900, 400);
    view.setContent(content.text, content.map);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QSignalSpy spy(&view, &JsonTextView::pointerActivated);

    clickAt(view, view.positionOfByte(byteOf(*content.text, needle.constData(), offsetInNeedle)));
    QTRY_COMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).value<std::size_t>(), std::size_t(0));
    QCOMPARE(spy.at(0).at(1).toString(), QString::fromUtf8(pointer));
}

void TestJsonTextView::selectPointerDoesNotEmit()
{
    const Content content = decoded(crlfPayment);
    JsonTextView view;
    view.resize(900, 400);
    view.setContent(content.text, content.map);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QSignalSpy spy(&view, &JsonTextView::pointerActivated);

    // selectBytes (an error position, say) moves the cursor into /totalAmount: not the user.
    const std::size_t amount = byteOf(*content.text, "15000");
    view.selectBytes(ByteRange{amount, amount + 5});
    QCoreApplication::processEvents();
    QCOMPARE(spy.count(), 0);
    QVERIFY(view.selectPointer(0, "/totalAmount"));
    QVERIFY(view.selectPointer(0, "/orderName"));
    QCoreApplication::processEvents();
    QCOMPARE(spy.count(), 0);

    // Clicking inside the value the mediator just selected is not news either…
    clickAt(view, view.positionOfByte(byteOf(*content.text, "티셔츠")));
    QCoreApplication::processEvents();
    QCOMPARE(spy.count(), 0);
    // …but a click on another value is (which shows the spy does see clicks).
    clickAt(view, view.positionOfByte(byteOf(*content.text, "15000", 1)));
    QTRY_COMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(1).toString(), u("/totalAmount"));
}

void TestJsonTextView::keyboardMovesCoalesce()
{
    const Content content = decoded(crlfPayment);
    JsonTextView view;
    view.setContent(content.text, content.map);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QSignalSpy spy(&view, &JsonTextView::pointerActivated);

    // From the opening quote of "선물" six steps right, all before the event loop runs:
    // through "선물" (/metadata/tags/0), the ", " between (/metadata/tags) to the quote of
    // "😀" (/metadata/tags/1). Only where the cursor came to rest is announced.
    const std::size_t start = byteOf(*content.text, "\"선물\"");
    view.selectBytes(ByteRange{start, start});
    for (int i = 0; i < 6; ++i)
        QTest::keyClick(view.editor(), Qt::Key_Right);
    QTRY_COMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(1).toString(), u("/metadata/tags/1"));
    QCoreApplication::processEvents();
    QCOMPARE(spy.count(), 1);
}

// --- find, copy --------------------------------------------------------------------------------

void TestJsonTextView::findBar()
{
    const std::string text = R"({"a": "DONE", "b": "done", "c": "DONE 완료", "d": "WAITING"})";
    const Content content = decoded(text);
    JsonTextView view;
    view.setContent(content.text, content.map);
    view.show();
    view.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&view));
    view.editor()->setFocus();

    auto *bar = view.findChild<QWidget *>(QStringLiteral("findBar"));
    auto *field = view.findChild<QLineEdit *>(QStringLiteral("findField"));
    auto *status = view.findChild<QLabel *>(QStringLiteral("findStatus"));
    QVERIFY(bar && field && status);
    QVERIFY(bar->isHidden());

    QTest::keyClick(view.editor(), Qt::Key_F, Qt::ControlModifier);
    QVERIFY(bar->isVisible());
    QTRY_VERIFY(field->hasFocus());

    // Matches ignore case by default: DONE (a), done (b), DONE (c).
    const std::size_t first = byteOf(text, "DONE");
    const std::size_t second = byteOf(text, "done");
    const std::size_t third = byteOf(text, "DONE 완료");
    QTest::keyClicks(field, QStringLiteral("done"));
    QCOMPARE(view.selectedBytes(), (ByteRange{first, first + 4}));
    QCOMPARE(status->text(), u("1 of 3"));

    QTest::keyClick(field, Qt::Key_Return);
    QCOMPARE(view.selectedBytes(), (ByteRange{second, second + 4}));
    QCOMPARE(status->text(), u("2 of 3"));
    QTest::keyClick(field, Qt::Key_Return);
    QCOMPARE(view.selectedBytes(), (ByteRange{third, third + 4}));
    // Past the last match: back to the first.
    QTest::keyClick(field, Qt::Key_Return);
    QCOMPARE(view.selectedBytes(), (ByteRange{first, first + 4}));
    // Shift+Enter before the first: around to the last.
    QTest::keyClick(field, Qt::Key_Return, Qt::ShiftModifier);
    QCOMPARE(view.selectedBytes(), (ByteRange{third, third + 4}));
    QCOMPARE(status->text(), u("3 of 3"));

    // Match case: only the lower-case one.
    view.findChild<QToolButton *>(QStringLiteral("findMatchCase"))->click();
    QCOMPARE(view.selectedBytes(), (ByteRange{second, second + 4}));
    QCOMPARE(status->text(), u("1 of 1"));

    // Korean needles work on the UTF-8 bytes too.
    field->setText(u("완료"));
    const std::size_t done = byteOf(text, "완료");
    QCOMPARE(view.selectedBytes(), (ByteRange{done, done + 6}));

    QTest::keyClicks(field, QStringLiteral("zzz"));
    QCOMPARE(status->text(), u("No match"));
    QVERIFY(field->palette().color(QPalette::Base) != view.palette().color(QPalette::Base));

    QTest::keyClick(field, Qt::Key_Escape);
    QVERIFY(bar->isHidden());
    QTRY_VERIFY(view.editor()->hasFocus());
}

void TestJsonTextView::copyValueAndPointer_data()
{
    QTest::addColumn<QByteArray>("needle");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("pointer");

    // Strings lose their quotes (single, double with escapes, curly); others stay as written.
    QTest::newRow("single-quoted string") << QByteArray("DONE") << u("DONE") << u("/status");
    QTest::newRow("escaped quotes in korean") << QByteArray("티셔츠") << u("토스 \"티셔츠\"") << u("/orderName");
    QTest::newRow("number") << QByteArray("15000") << u("15000") << u("/amount");
    QTest::newRow("curly-quoted string") << QByteArray("고객") << u("고객 요청") << u("/memo");
    QTest::newRow("object as written") << QByteArray("number:") << u("{ number: '1234****' }") << u("/card");
}

void TestJsonTextView::copyValueAndPointer()
{
    QFETCH(QByteArray, needle);
    QFETCH(QString, value);
    QFETCH(QString, pointer);

    const Content content = decoded(consolePaste);
    JsonTextView view;
    view.setContent(content.text, content.map);
    QTextCursor cursor(view.editor()->document());
    cursor.setPosition(view.positionOfByte(byteOf(*content.text, needle.constData())));
    view.editor()->setTextCursor(cursor);

    QGuiApplication::clipboard()->setText(u("before"));
    view.copyValueAction()->trigger();
    QCOMPARE(QGuiApplication::clipboard()->text(), value);
    view.copyPointerAction()->trigger();
    QCOMPARE(QGuiApplication::clipboard()->text(), pointer);
}

void TestJsonTextView::copyKeepsOriginalBytes()
{
    const Content content = decoded(crlfPayment);
    JsonTextView view;
    view.setContent(content.text, content.map);
    // The editor holds one "\n" per CRLF; Copy gives the CRLFs back.
    QVERIFY(view.selectPointer(0, ""));
    view.editor()->copy();
    QCOMPARE(QGuiApplication::clipboard()->text(), QString::fromStdString(crlfPayment));
    QVERIFY(QGuiApplication::clipboard()->text().contains(u("\r\n")));
}

void TestJsonTextView::contextMenuActsOnTheValueClicked()
{
    const Content content = decoded(crlfPayment);
    JsonTextView view;
    view.resize(900, 400);
    view.setContent(content.text, content.map);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));

    // Right-click on 15000 with the cursor elsewhere: the menu offers the pane's copies and
    // the standard ones, and "Copy JSON Pointer" copies the pointer of the value clicked.
    QTextCursor at(view.editor()->document());
    at.setPosition(view.positionOfByte(byteOf(*content.text, "15000", 2)));
    const QPoint pos = view.editor()->cursorRect(at).center() + QPoint(1, 0);
    QStringList texts;
    QTimer::singleShot(0, this, [&texts, &view] {
        auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        if (!menu)
            return;
        for (const QAction *action : menu->actions())
            texts.append(action->text());
        view.copyPointerAction()->trigger();
        menu->close();
    });
    QContextMenuEvent event(QContextMenuEvent::Mouse, pos, view.editor()->viewport()->mapToGlobal(pos));
    QCoreApplication::sendEvent(view.editor()->viewport(), &event);

    QVERIFY2(texts.contains(view.copyValueAction()->text()), qPrintable(texts.join(u("|"))));
    QVERIFY(texts.contains(view.copyPointerAction()->text()));
    QVERIFY(texts.contains(view.findAction()->text()));
    QVERIFY(texts.contains(view.formatJsonAction()->text()));
    QVERIFY(std::any_of(texts.begin(), texts.end(), [](const QString &t) { return t.contains(u("Select All")); }));
    QCOMPARE(QGuiApplication::clipboard()->text(), u("/totalAmount"));
}

// --- markers, colours ------------------------------------------------------------------------

void TestJsonTextView::markersOutOfRange()
{
    const std::string text = "{\n  \"a\": null,\n  \"b\": {\n    \"c\": 1\n  }\n}";
    const auto shared = std::make_shared<std::string>(text);
    JsonTextView view;
    view.resize(600, 300);
    view.setContent(shared, nullptr);
    view.setMarkers({
        {TextMarker::Kind::Null, {byteOf(text, "null"), byteOf(text, "null") + 4}, -1, {}},  // line 2
        {TextMarker::Kind::Finding, {byteOf(text, "{\n    "), byteOf(text, "  }") + 3}, 2, {}}, // lines 3–5
        {TextMarker::Kind::Error, {text.size() + 10, text.size() + 20}, -1, {}},  // past the end: dropped
        {TextMarker::Kind::Repair, {byteOf(text, "\"c\""), 0}, -1, {}},            // inverted: line 4
        {TextMarker::Kind::Error, {text.size(), text.size()}, -1, {}},            // at the very end: line 6
        {TextMarker::Kind::Finding, {1, std::size_t(-1)}, 0, {}},                 // endless: from line 1
    });
    QCOMPARE(view.markedLines(), (QList<int>{1, 2, 3, 4, 6}));
    QVERIFY(!view.grab().isNull()); // paints every shape without tripping over anything

    view.setMarkers({});
    QVERIFY(view.markedLines().isEmpty());
}

void TestJsonTextView::markerToolTip()
{
    const std::string text = "{\n  \"a\": null,\n  \"b\": 2\n}";
    JsonTextView view;
    view.resize(600, 300);
    view.setContent(std::make_shared<std::string>(text), nullptr);
    view.setMarkers({{TextMarker::Kind::Null, {byteOf(text, "null"), byteOf(text, "null") + 4}, -1, u("a is null")},
                     {TextMarker::Kind::Finding, {0, text.size()}, 1, u("whole object")}});
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));

    auto *gutter = view.findChild<QWidget *>(QStringLiteral("jsonGutter"));
    QVERIFY(gutter);
    const QTextBlock line2 = view.editor()->document()->findBlockByNumber(1);
    QTextCursor cursor(line2);
    const QPoint pos(gutter->width() / 2, view.editor()->cursorRect(cursor).center().y());
    QHelpEvent help(QEvent::ToolTip, pos, gutter->mapToGlobal(pos));
    QCoreApplication::sendEvent(gutter, &help);
    // Both marks cover line 2: the null on it, the finding spanning the object.
    QTRY_VERIFY(QToolTip::isVisible());
    QVERIFY(QToolTip::text().contains(u("a is null")));
    QVERIFY(QToolTip::text().contains(u("whole object")));
    QToolTip::hideText();
}

void TestJsonTextView::colorsHaveContrast_data()
{
    QTest::addColumn<QPalette>("palette");
    QTest::newRow("light") << lightPalette();
    QTest::newRow("dark") << darkPalette();
}

void TestJsonTextView::colorsHaveContrast()
{
    QFETCH(QPalette, palette);
    const JsonColors c = JsonColors::fromPalette(palette);
    const QColor base = palette.color(QPalette::Base);

    // WCAG AA: 4.5:1 for text, 3:1 for graphics such as the marker shapes.
    for (const QColor &text : {c.key, c.string, c.number, c.keyword, c.null, c.comment, c.punctuation})
        QVERIFY2(contrastRatio(text, base) >= 4.5, qPrintable(text.name()));
    for (const QColor &number : {c.lineNumber, c.currentLineNumber})
        QVERIFY2(contrastRatio(number, c.gutterBackground) >= 4.5, qPrintable(number.name()));
    for (const QColor &mark : {c.nullMarker, c.info, c.warning, c.critical, c.repair, c.error})
        QVERIFY2(contrastRatio(mark, c.gutterBackground) >= 3.0, qPrintable(mark.name()));
    QVERIFY(contrastRatio(palette.color(QPalette::WindowText), c.noticeBackground) >= 4.5);
    QVERIFY(contrastRatio(palette.color(QPalette::Text), c.noMatchBackground) >= 4.5);
    QVERIFY(contrastRatio(palette.color(QPalette::Text), c.currentLine) >= 4.5);
    // The hues stay apart: keys and strings are not the same colour.
    QVERIFY(c.key != c.string && c.string != c.number && c.number != c.null);
}

void TestJsonTextView::highlightingIsTolerantAndLazy()
{
    // Line 1: console.log style; then 3000 plain lines the viewport cannot show at once.
    std::string text = "{ status: 'DONE', method: null, ok: true, n: 1.5e3 }\n";
    for (int i = 0; i < 3000; ++i)
        text += "  \"k\": \"v\",\n";

    JsonTextView view;
    view.resize(700, 300);
    view.setPalette(lightPalette());
    view.setContent(std::make_shared<std::string>(text), nullptr);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    (void)view.grab();

    const JsonColors colors = JsonColors::fromPalette(lightPalette());
    const QTextBlock first = view.editor()->document()->firstBlock();
    const QString line = first.text();
    QCOMPARE(formatAt(first, int(line.indexOf(u("status")))).foreground().color(), colors.key); // unquoted key
    QCOMPARE(formatAt(first, int(line.indexOf(u("'DONE'")))).foreground().color(), colors.string); // single quotes
    QCOMPARE(formatAt(first, int(line.indexOf(u("null")))).foreground().color(), colors.null);
    QVERIFY(formatAt(first, int(line.indexOf(u("null")))).fontItalic());
    QCOMPARE(formatAt(first, int(line.indexOf(u("true")))).foreground().color(), colors.keyword);
    QCOMPARE(formatAt(first, int(line.indexOf(u("1.5e3")))).foreground().color(), colors.number);

    // Lazy: a block far below the viewport has not been coloured…
    const QTextBlock far = view.editor()->document()->findBlockByNumber(2500);
    QCOMPARE(far.userState(), int(JsonHighlighter::Unknown));
    // …until the view scrolls there.
    QTextCursor cursor(far);
    view.editor()->setTextCursor(cursor);
    view.editor()->centerCursor();
    (void)view.grab();
    QVERIFY(far.userState() != int(JsonHighlighter::Unknown));
    QCOMPARE(formatAt(far, 2).foreground().color(), colors.key); // "k" followed by ':'
}

// --- big texts -------------------------------------------------------------------------------

void TestJsonTextView::bigTextShowsNotice()
{
    const auto text = std::make_shared<std::string>(bigList(std::size_t(20) * 1024 * 1024));
    // A hand-made map: one value early (in the first slice, ~15 KB in), one at the very end.
    auto map = std::make_shared<SourceMap>();
    const std::size_t early = text->find("tgen_100\"");
    const std::size_t late = text->rfind("tgen_");
    map->add(0, "/100/paymentKey", ByteRange{early - 1, early + 9});
    map->add(0, "/last/paymentKey", ByteRange{late - 1, text->find('"', late) + 1});

    JsonTextView view;
    view.resize(800, 600);
    QSignalSpy loaded(&view, &JsonTextView::contentLoaded);
    view.setContent(text, map);

    // setContent returned with only the first slices in the editor, and says what it shows.
    QVERIFY(view.loadedBytes() < JsonTextView::defaultLoadCap);
    auto *notice = view.findChild<QWidget *>(QStringLiteral("noticeBar"));
    auto *noticeText = view.findChild<QLabel *>(QStringLiteral("noticeText"));
    QVERIFY(notice && noticeText);
    QVERIFY(!notice->isHidden());
    QCOMPARE(noticeText->text(), u("Showing the first 8 MB of 20 MB."));

    // Markers past the loaded part are left out (the early one is in the first slice).
    view.setMarkers({{TextMarker::Kind::Null, {early, early + 4}, -1, {}},
                     {TextMarker::Kind::Null, {late, late + 4}, -1, {}}});
    QCOMPARE(view.markedLines().size(), 1);

    // Past the first 8 MiB: false, and the notice says why.
    QVERIFY(!view.selectPointer(0, "/last/paymentKey"));
    QVERIFY(noticeText->text().startsWith(u("The selected field is past the first 8 MB")));
    // Inside it: selected (now, or once its slice arrives).
    QVERIFY(view.selectPointer(0, "/100/paymentKey"));
    QVERIFY(loaded.wait(120000));
    QCOMPARE(view.selectedBytes(), (ByteRange{early - 1, early + 9}));
    QVERIFY(!view.isFullyLoaded());
    QVERIFY(view.loadedBytes() <= JsonTextView::defaultLoadCap);
    QCOMPARE(noticeText->text(), u("Showing the first 8 MB of 20 MB."));
}

void TestJsonTextView::showAllLoadsTheRest()
{
    const auto text = std::make_shared<std::string>(bigList(200 * 1024));
    auto map = std::make_shared<SourceMap>();
    const std::size_t late = text->rfind("tgen_");
    const ByteRange lateRange{late - 1, text->find('"', late) + 1};
    map->add(0, "/last/paymentKey", lateRange);

    JsonTextView view;
    view.setLoadCap(16 * 1024);
    view.setContent(text, map);
    view.setMarkers({{TextMarker::Kind::Null, {late, late + 4}, -1, {}}});
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QVERIFY(!view.isFullyLoaded());
    QVERIFY(view.markedLines().isEmpty());
    QVERIFY(!view.selectPointer(0, "/last/paymentKey"));

    QSignalSpy loaded(&view, &JsonTextView::contentLoaded);
    auto *showAll = view.findChild<QPushButton *>(QStringLiteral("showAllButton"));
    QVERIFY(showAll && showAll->isVisible());
    QTest::mouseClick(showAll, Qt::LeftButton);
    QVERIFY(loaded.wait(60000));

    QVERIFY(view.isFullyLoaded());
    QVERIFY(view.findChild<QWidget *>(QStringLiteral("noticeBar"))->isHidden());
    // The request made before "Show all" is honoured, and the marker is drawn now.
    QCOMPARE(view.selectedBytes(), lateRange);
    QCOMPARE(view.markedLines().size(), 1);
    QCOMPARE(view.editor()->document()->characterCount() - 1, view.positionOfByte(text->size()));
}

// --- Format JSON -----------------------------------------------------------------------------

namespace {

// Toggles Format JSON by its action or by its key on the focused view.
void toggleFormat(JsonTextView &view, bool byShortcut)
{
    if (byShortcut)
        QTest::keySequence(view.editor(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    else
        view.formatJsonAction()->trigger();
}

void showFocused(JsonTextView &view)
{
    view.resize(900, 700);
    view.show();
    view.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&view));
    view.editor()->setFocus();
}

QString noticeOf(const JsonTextView &view)
{
    const auto *bar = view.findChild<QWidget *>(QStringLiteral("noticeBar"));
    return bar->isHidden() ? QString() : view.findChild<QLabel *>(QStringLiteral("noticeText"))->text();
}

// The formatted text's offset of needle (which must be in it).
std::size_t shownByteOf(const JsonTextView &view, const char *needle, int offsetInNeedle = 0)
{
    return byteOf(*view.shownText(), needle, offsetInNeedle);
}

} // namespace

void TestJsonTextView::formatToggle_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("formatted");
    QTest::addColumn<bool>("asRead");     // lenient: the notice says the documents are shown as read
    QTest::addColumn<bool>("byShortcut"); // Ctrl+Shift+F on the focused view, or the action

    const QByteArray payment = QByteArray::fromStdString(minifiedPayment);
    const QByteArray formatted = QByteArray::fromStdString(formattedPayment);
    QTest::newRow("minified payment, action") << payment << formatted << false << false;
    QTest::newRow("minified payment, shortcut") << payment << formatted << false << true;
    QTest::newRow("console.log paste, action")
        << QByteArray::fromStdString(consolePaste)
        << QByteArray("{\n  \"status\": \"DONE\",\n  \"orderName\": \"토스 \\\"티셔츠\\\"\",\n  \"amount\": 15000,\n"
                      "  \"card\": {\n    \"number\": \"1234****\"\n  },\n  \"memo\": \"고객 요청\"\n}\n")
        << true << false;
    QTest::newRow("two documents in a log line, shortcut")
        << QByteArray::fromStdString(twoDocuments)
        << QByteArray("{\n  \"a\": 1,\n  \"b\": {\n    \"c\": [\n      1,\n      2\n    ]\n  }\n}\n\n"
                      "{\n  \"status\": \"DONE\"\n}\n")
        << true << true;
}

void TestJsonTextView::formatToggle()
{
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, formatted);
    QFETCH(bool, asRead);
    QFETCH(bool, byShortcut);

    const Content content = decoded(text.toStdString());
    JsonTextView view;
    view.setContent(content.text, content.map);
    showFocused(view);
    QAction *format = view.formatJsonAction();
    QVERIFY(format->isEnabled());
    QVERIFY(format->isCheckable());
    QVERIFY(!format->isChecked());
    QVERIFY(noticeOf(view).isEmpty());

    toggleFormat(view, byShortcut);
    QVERIFY(format->isChecked());
    QVERIFY(view.isFormatted());
    QCOMPARE(QByteArray::fromStdString(*view.shownText()), formatted);
    QCOMPARE(view.editor()->document()->blockCount(), int(formatted.count('\n')) + 1);
    QCOMPARE(noticeOf(view),
             asRead ? u("Formatted view: the documents as read, written as strict JSON; Ctrl+Shift+F shows the "
                        "text as received, with its exact bytes.")
                    : u("Formatted view: indentation added; Ctrl+Shift+F shows the text as received."));

    toggleFormat(view, byShortcut);
    QVERIFY(!format->isChecked());
    QVERIFY(!view.isFormatted());
    // The very bytes given, not a text written back from the documents.
    QCOMPARE(view.shownText(), content.text);
    view.editor()->selectAll();
    view.editor()->copy();
    QCOMPARE(QGuiApplication::clipboard()->text(), QString::fromUtf8(text));
    QVERIFY(noticeOf(view).isEmpty());
}

void TestJsonTextView::formattedSelectPointer_data()
{
    QTest::addColumn<QByteArray>("pointer");
    QTest::addColumn<QString>("selected");

    const QString br(QChar::ParagraphSeparator); // a line break in QTextCursor::selectedText()
    QTest::newRow("korean order name") << QByteArray("/orderName") << u("\"토스 티셔츠 외 2건\"");
    QTest::newRow("number") << QByteArray("/totalAmount") << u("15000");
    QTest::newRow("null") << QByteArray("/method") << u("null");
    QTest::newRow("emoji in an array") << QByteArray("/metadata/tags/1") << u("\"😀\"");
    QTest::newRow("in an array of objects") << QByteArray("/cancels/0/cancelReason") << u("\"고객 변심\"");
    QTest::newRow("object over five lines")
        << QByteArray("/card")
        << u("{") + br + u("    \"number\": \"12345678****000*\",") + br + u("    \"installmentPlanMonths\": 0,") + br
               + u("    \"cardType\": \"신용\"") + br + u("  }");
}

void TestJsonTextView::formattedSelectPointer()
{
    QFETCH(QByteArray, pointer);
    QFETCH(QString, selected);

    const Content content = decoded(minifiedPayment);
    JsonTextView view;
    view.setContent(content.text, content.map);
    view.formatJsonAction()->trigger();
    QVERIFY(view.isFormatted());
    QVERIFY(view.selectPointer(0, pointer.toStdString()));
    QCOMPARE(view.editor()->textCursor().selectedText(), selected);
    const std::string utf8 = selected.replace(QChar::ParagraphSeparator, QLatin1Char('\n')).toStdString();
    QCOMPARE(view.selectedBytes().begin, view.shownText()->find(utf8));
    QVERIFY(!view.selectPointer(0, "/nope"));
}

void TestJsonTextView::formattedClickEmitsPointer_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("needle"); // clicked in the formatted text
    QTest::addColumn<int>("offsetInNeedle");
    QTest::addColumn<int>("document");
    QTest::addColumn<QByteArray>("pointer");

    const QByteArray payment = QByteArray::fromStdString(minifiedPayment);
    const QByteArray two = QByteArray::fromStdString(twoDocuments);
    QTest::newRow("inside the korean order name") << payment << QByteArray("티셔츠") << 0 << 0 << QByteArray("/orderName");
    QTest::newRow("in a nested object") << payment << QByteArray("****000*") << 0 << 0 << QByteArray("/card/number");
    QTest::newRow("on an emoji") << payment << QByteArray("😀") << 0 << 0 << QByteArray("/metadata/tags/1");
    QTest::newRow("in an array of objects") << payment << QByteArray("1000") << 1 << 0
                                            << QByteArray("/cancels/0/cancelAmount");
    // A key is not a value: the object holding it is.
    QTest::newRow("on a key") << payment << QByteArray("\"cardType\"") << 2 << 0 << QByteArray("/card");
    QTest::newRow("first of two documents") << two << QByteArray("\"c\"") << 1 << 0 << QByteArray("/b");
    QTest::newRow("second of two documents") << two << QByteArray("DONE") << 1 << 1 << QByteArray("/status");
}

void TestJsonTextView::formattedClickEmitsPointer()
{
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, needle);
    QFETCH(int, offsetInNeedle);
    QFETCH(int, document);
    QFETCH(QByteArray, pointer);

    const Content content = decoded(text.toStdString());
    JsonTextView view;
    view.setContent(content.text, content.map);
    showFocused(view);
    view.formatJsonAction()->trigger();
    QVERIFY(view.isFormatted());
    QSignalSpy spy(&view, &JsonTextView::pointerActivated);

    clickAt(view, view.positionOfByte(shownByteOf(view, needle.constData(), offsetInNeedle)));
    QTRY_COMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).value<std::size_t>(), std::size_t(document));
    QCOMPARE(spy.at(0).at(1).toString(), QString::fromUtf8(pointer));
}

void TestJsonTextView::formattedMarkers_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("pointer"); // the marker covers this value of document 0…
    QTest::addColumn<QByteArray>("needle");  // …or, when set, `length` bytes of the text from here
    QTest::addColumn<int>("length");
    QTest::addColumn<int>("firstLine");      // marked in the formatted text; 0: not marked
    QTest::addColumn<int>("lastLine");

    const QByteArray payment = QByteArray::fromStdString(minifiedPayment);
    const QByteArray logged = QByteArray::fromStdString(loggedPayment);
    QTest::newRow("null") << payment << QByteArray("/method") << QByteArray() << 0 << 8 << 8;
    QTest::newRow("object over five lines") << payment << QByteArray("/card") << QByteArray() << 0 << 9 << 13;
    QTest::newRow("emoji in an array") << payment << QByteArray("/metadata/tags/1") << QByteArray() << 0 << 18 << 18;
    QTest::newRow("the whole document") << payment << QByteArray("") << QByteArray() << 0 << 1 << 27;
    // Not a value's range: the first line of the deepest value holding its begin.
    QTest::newRow("a key: its object's first line")
        << payment << QByteArray() << QByteArray("\"cardType\"") << 10 << 9 << 9;
    QTest::newRow("part of a string") << payment << QByteArray() << QByteArray("변심") << 6 << 24 << 24;
    QTest::newRow("empty range in a number") << payment << QByteArray() << QByteArray("15000") << 0 << 7 << 7;
    QTest::newRow("a value after a log prefix") << logged << QByteArray("/status") << QByteArray() << 0 << 6 << 6;
    // The log prefix is not in the formatted text: its marker goes.
    QTest::newRow("prose around the document") << logged << QByteArray() << QByteArray("INFO") << 4 << 0 << 0;
}

void TestJsonTextView::formattedMarkers()
{
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, pointer);
    QFETCH(QByteArray, needle);
    QFETCH(int, length);
    QFETCH(int, firstLine);
    QFETCH(int, lastLine);

    const Content content = decoded(text.toStdString());
    const std::size_t begin = needle.isEmpty() ? 0 : byteOf(*content.text, needle.constData());
    const ByteRange range = needle.isEmpty() ? *content.map->find(0, pointer.toStdString())
                                             : ByteRange{begin, begin + std::size_t(length)};
    const std::vector<TextMarker> markers{{TextMarker::Kind::Finding, range, 1, u("here")}};
    JsonTextView view;
    view.setContent(content.text, content.map);
    auto *editor = view.findChild<JsonEditor *>();
    QVERIFY(editor);
    // The marked lines, 1-based; the formatted text has no long lines, so blocks are lines.
    const auto marked = [editor] {
        QList<std::pair<int, int>> lines;
        for (const GutterMark &mark : editor->marks())
            lines.append({mark.firstBlock + 1, mark.lastBlock + 1});
        return lines;
    };
    const QList<std::pair<int, int>> expected =
        firstLine > 0 ? QList<std::pair<int, int>>{{firstLine, lastLine}} : QList<std::pair<int, int>>{};

    view.setMarkers(markers);
    QCOMPARE(marked(), (QList<std::pair<int, int>>{{1, 1}})); // on the one line received
    view.formatJsonAction()->trigger();
    QVERIFY(view.isFormatted());
    QCOMPARE(marked(), expected);
    // Markers given while formatted are translated too.
    view.setMarkers({});
    QVERIFY(marked().isEmpty());
    view.setMarkers(markers);
    QCOMPARE(marked(), expected);
    // And back on the text as received, where they were given.
    view.formatJsonAction()->trigger();
    QCOMPARE(marked(), (QList<std::pair<int, int>>{{1, 1}}));
}

void TestJsonTextView::formattedSelectBytes_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("needle"); // the range given: `length` bytes of the text from here
    QTest::addColumn<int>("length");
    QTest::addColumn<QString>("selected");
    QTest::addColumn<QByteArray>("at");     // where the selection starts in the formatted text

    const QByteArray payment = QByteArray::fromStdString(minifiedPayment);
    QTest::newRow("a value's range selects it") << payment << QByteArray("\"DONE\"") << 6 << u("\"DONE\"")
                                                << QByteArray("\"DONE\"");
    QTest::newRow("an error position in a string: its start")
        << payment << QByteArray("티셔츠") << 0 << QString() << QByteArray("\"토스 티셔츠");
    QTest::newRow("prose before the document: its start")
        << QByteArray::fromStdString(loggedPayment) << QByteArray("INFO") << 4 << QString() << QByteArray("{\n");
    QTest::newRow("between two documents: the next one's start")
        << QByteArray::fromStdString(twoDocuments) << QByteArray(" and ") << 0 << QString()
        << QByteArray("{\n  \"status\"");
}

void TestJsonTextView::formattedSelectBytes()
{
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, needle);
    QFETCH(int, length);
    QFETCH(QString, selected);
    QFETCH(QByteArray, at);

    const Content content = decoded(text.toStdString());
    JsonTextView view;
    view.setContent(content.text, content.map);
    view.formatJsonAction()->trigger();
    QVERIFY(view.isFormatted());
    const std::size_t begin = byteOf(*content.text, needle.constData());
    view.selectBytes(ByteRange{begin, begin + std::size_t(length)});
    QCOMPARE(view.editor()->textCursor().selectedText(), selected);
    QCOMPARE(view.selectedBytes().begin, shownByteOf(view, at.constData()));
}

void TestJsonTextView::formatKeepsThePlace()
{
    const Content content = decoded(minifiedPayment);
    JsonTextView view;
    view.setContent(content.text, content.map);
    showFocused(view);
    QSignalSpy spy(&view, &JsonTextView::pointerActivated);

    QVERIFY(view.selectPointer(0, "/card/number"));
    toggleFormat(view, true);
    QVERIFY(view.isFormatted());
    QCOMPARE(view.editor()->textCursor().selectedText(), u("\"12345678****000*\""));
    toggleFormat(view, true);
    QCOMPARE(view.selectedBytes(), *content.map->find(0, "/card/number"));
    // Switching texts is not the user moving: the other panes hear nothing.
    QCoreApplication::processEvents();
    QCOMPARE(spy.count(), 0);
}

void TestJsonTextView::formattedFindAndCopy()
{
    const Content content = decoded(minifiedPayment);
    JsonTextView view;
    view.setContent(content.text, content.map);
    showFocused(view);
    toggleFormat(view, true);
    QVERIFY(view.isFormatted());

    // The find bar searches the text shown.
    view.showFindBar();
    auto *field = view.findChild<QLineEdit *>(QStringLiteral("findField"));
    auto *status = view.findChild<QLabel *>(QStringLiteral("findStatus"));
    QVERIFY(field && status);
    QTest::keyClicks(field, QStringLiteral("\"cardType\": "));
    const std::size_t match = shownByteOf(view, "\"cardType\": ");
    QCOMPARE(view.selectedBytes(), (ByteRange{match, match + 12}));
    QCOMPARE(status->text(), u("1 of 1"));

    // The copies copy what is shown: the object as indented, its pointer, the selection.
    QTest::keyClick(field, Qt::Key_Escape);
    QVERIFY(view.selectPointer(0, "/card"));
    view.copyValueAction()->trigger();
    QCOMPARE(QGuiApplication::clipboard()->text(),
             u("{\n    \"number\": \"12345678****000*\",\n    \"installmentPlanMonths\": 0,\n"
               "    \"cardType\": \"신용\"\n  }"));
    view.copyPointerAction()->trigger();
    QCOMPARE(QGuiApplication::clipboard()->text(), u("/card"));
    QVERIFY(view.selectPointer(0, "/metadata/tags"));
    view.editor()->copy();
    QCOMPARE(QGuiApplication::clipboard()->text(), u("[\n      \"선물\",\n      \"😀\"\n    ]"));
}

void TestJsonTextView::formatDisabled_data()
{
    QTest::addColumn<QString>("content");
    QTest::addColumn<QString>("toolTip"); // part of the action's tooltip, which says why

    QTest::newRow("no source map") << u("no map") << u("not read as JSON");
    QTest::newRow("over 16 MiB") << u("large") << u("Not available for texts over 16 MB.");
    QTest::newRow("nothing shown") << u("none") << QString();
}

void TestJsonTextView::formatDisabled()
{
    QFETCH(QString, content);
    QFETCH(QString, toolTip);

    JsonTextView view;
    std::shared_ptr<const std::string> text;
    if (content == u("no map")) {
        text = std::make_shared<const std::string>(minifiedPayment);
        view.setContent(text, nullptr);
    } else if (content == u("large")) {
        // A map could be made for it; the size alone rules formatting out.
        auto large = std::make_shared<std::string>(JsonTextView::formatCap + 1, ' ');
        large->front() = '[';
        large->back() = ']';
        auto map = std::make_shared<SourceMap>();
        map->add(0, "", ByteRange{0, large->size()});
        map->index();
        text = std::move(large);
        view.setContent(text, map);
    }
    showFocused(view);
    QAction *format = view.formatJsonAction();
    QVERIFY(!format->isEnabled());
    QVERIFY2(format->toolTip().contains(toolTip), qPrintable(format->toolTip()));

    toggleFormat(view, true);
    toggleFormat(view, false); // a disabled action does not trigger
    QVERIFY(!format->isChecked());
    QVERIFY(!view.isFormatted());
    QCOMPARE(view.shownText(), text);
}

void TestJsonTextView::formatFailsWithAnotherTextsMap()
{
    // The map of another text names values where this text has none: no link could be kept.
    JsonTextView view;
    view.setContent(std::make_shared<const std::string>(minifiedPayment), decoded(crlfPayment).map);
    QAction *format = view.formatJsonAction();
    QVERIFY(format->isEnabled());
    format->trigger();
    QVERIFY(!view.isFormatted());
    QVERIFY(!format->isChecked());
    QVERIFY(!format->isEnabled());
    QVERIFY(format->toolTip().startsWith(u("Not available")));
    QCOMPARE(noticeOf(view), u("The documents could not be indented with their link to the other panes kept; "
                               "the text is shown as received."));
}

void TestJsonTextView::formatInBackground()
{
    const Content content = decoded(bigList(JsonTextView::formatInlineLimit + 256 * 1024));
    JsonTextView view;
    view.setContent(content.text, content.map);
    QTRY_VERIFY(view.isFullyLoaded());
    QAction *format = view.formatJsonAction();

    QSignalSpy loaded(&view, &JsonTextView::contentLoaded);
    format->trigger();
    // Made off the UI thread: the text as received stays until it is ready.
    QVERIFY(format->isChecked());
    QVERIFY(!view.isFormatted());
    QCOMPARE(noticeOf(view), u("Formatting…"));
    QTRY_VERIFY_WITH_TIMEOUT(view.isFormatted(), 60000);
    QTRY_VERIFY(loaded.count() > 0);
    QVERIFY(view.selectPointer(0, "/100/paymentKey"));
    QCOMPARE(view.editor()->textCursor().selectedText(), u("\"tgen_100\""));

    // Toggled off while it is being made: the late result is not shown.
    view.setContent(content.text, content.map);
    format->trigger();
    format->trigger();
    QThreadPool::globalInstance()->waitForDone();
    QCoreApplication::processEvents();
    QVERIFY(!view.isFormatted());
    QVERIFY(noticeOf(view).isEmpty());
}

void TestJsonTextView::setContentShowsTheOriginal()
{
    const Content payment = decoded(minifiedPayment);
    const Content other = decoded(twoDocuments);
    JsonTextView view;
    view.setContent(payment.text, payment.map);
    view.formatJsonAction()->trigger();
    QVERIFY(view.isFormatted());

    view.setContent(other.text, other.map);
    QVERIFY(!view.isFormatted());
    QVERIFY(!view.formatJsonAction()->isChecked());
    QVERIFY(view.formatJsonAction()->isEnabled());
    QCOMPARE(view.shownText(), other.text);
    QVERIFY(noticeOf(view).isEmpty());
    // And it formats the new text, not the one before.
    view.formatJsonAction()->trigger();
    QVERIFY(view.shownText()->starts_with("{\n  \"a\": 1,"));
}

// --- how it looks ----------------------------------------------------------------------------

void TestJsonTextView::screenshot()
{
    // Set PAYTRIAGE_SCREENSHOT_DIR to keep the pictures (jsonview.png, jsonview-dark.png).
    const QString directory = qEnvironmentVariable("PAYTRIAGE_SCREENSHOT_DIR");
    const Content content = decoded(crlfPayment + "\r\n// pasted from the ticket\r\n");
    const std::string &text = *content.text;
    for (const bool dark : {false, true}) {
        JsonTextView view;
        view.setPalette(dark ? darkPalette() : lightPalette());
        view.resize(720, 330);
        view.setContent(content.text, content.map);
        view.setMarkers({
            {TextMarker::Kind::Null, {byteOf(text, "null"), byteOf(text, "null") + 4}, -1, u("method is null")},
            {TextMarker::Kind::Finding, {byteOf(text, "\"DONE\""), byteOf(text, "\"DONE\"") + 6}, 2, u("critical")},
            {TextMarker::Kind::Finding, {byteOf(text, "15000"), byteOf(text, "15000") + 5}, 1, u("warning")},
            {TextMarker::Kind::Finding, {byteOf(text, "\"tossp"), byteOf(text, "\"tossp") + 5}, 0, u("info")},
            {TextMarker::Kind::Repair, {byteOf(text, "// pasted"), byteOf(text, "// pasted") + 2}, -1, u("comment")},
            {TextMarker::Kind::Error, {byteOf(text, "\"cancels\""), byteOf(text, "\"cancels\"")}, -1, u("error")},
        });
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.showFindBar();
        view.findChild<QLineEdit *>(QStringLiteral("findField"))->setText(u("DONE"));
        QVERIFY(view.selectPointer(0, "/metadata/memo"));
        QCoreApplication::processEvents(); // lay the find bar out for its new status text
        const QImage image = view.grab().toImage();
        QVERIFY(!image.isNull());
        // The theme reached the painting: the gutter is dark on dark, light on light.
        auto *gutter = view.findChild<QWidget *>(QStringLiteral("jsonGutter"));
        const QPoint inGutter = gutter->mapTo(&view, QPoint(1, gutter->height() / 2));
        const QColor gutterColor = image.pixelColor(inGutter * image.devicePixelRatio());
        QVERIFY(dark ? gutterColor.lightness() < 80 : gutterColor.lightness() > 180);
        if (!directory.isEmpty())
            QVERIFY(image.save(directory + (dark ? u("/jsonview-dark.png") : u("/jsonview.png"))));
    }

    // A capped text: the notice bar above the text.
    JsonTextView capped;
    capped.setPalette(lightPalette());
    capped.resize(720, 200);
    capped.setLoadCap(4096);
    capped.setContent(std::make_shared<std::string>(bigList(3 * 1024 * 1024)), nullptr);
    capped.show();
    QVERIFY(QTest::qWaitForWindowExposed(&capped));
    QCoreApplication::processEvents();
    const QImage image = capped.grab().toImage();
    QVERIFY(!image.isNull());
    if (!directory.isEmpty())
        QVERIFY(image.save(directory + u("/jsonview-notice.png")));
}

QTEST_MAIN(TestJsonTextView)
#include "tst_jsontextview.moc"
