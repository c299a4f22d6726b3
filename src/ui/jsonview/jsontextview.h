#pragma once

// The raw JSON pane: the text exactly as received or pasted, syntax-coloured, with line
// numbers, margin marks (nulls, findings, decoder repairs, the decode error), a find bar, and
// linking to the decoded tree through the decoder's source map (byte ranges).
//
// Big texts: the editor is filled in chunks from a timer, so setContent() returns quickly
// and the UI thread never stalls for long. Texts above loadCap() (8 MiB by default) show their
// first part with a notice bar and a "Show all" button that loads the rest the same way.
// Selections and markers past what is loaded:
// - selectPointer()/selectBytes() on a range the view is still loading (inside the part it
//   will show) select it as soon as it arrives and return true;
// - on a range past the shown part they return false, say so in the notice bar, and keep the
//   request: "Show all" then loads the rest and selects it (unless the user moved meanwhile);
// - markers past the loaded part are not drawn until that part is loaded.
//
// Format JSON (a checkable action, Ctrl+Shift+F): shows the documents of the text indented (two
// spaces, a blank line between documents) and, toggled off, the text as received again, the
// same bytes. The indented text has its own source map naming every value by the same
// (document, JSON pointer), so linking goes on as before: selectPointer() selects in what is
// shown, pointerActivated reports the same pointers, the find bar and the copies work on what is
// shown. Offsets the caller gives stay offsets into the text as received, and are translated:
// - setMarkers(): a marker on a value's range marks that value; any other range marks the first
//   line of the deepest value holding its begin; a marker outside every value (prose around a
//   pasted document, a part that could not be read) is dropped: that text is not shown;
// - selectBytes(): the same, and a range outside every value puts the cursor at the start of the
//   next document.
// Offsets the view returns (selectedBytes(), positionOfByte(), markedLines(), …) are into the
// text shown. Texts repaired by the lenient reader come out as strict JSON: the documents as
// read, which the notice bar says. Formatting needs the source map (without one nothing could
// be linked) and at most formatCap (16 MiB) of text: above it the case maps records only
// (InputLimits::fullMapUpTo), and the worker's copies (documents, indented text, its map) would
// cost several times the text. Texts above formatInlineLimit (1 MiB) are formatted off the UI
// thread: it takes about 50 ms per MiB (decoding the text, writing it indented, decoding that
// for its map). setContent() shows the text as received again.

#include "decode/decoder.h"
#include "jsonformat.h"

#include <QList>
#include <QString>
#include <QWidget>

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

template <typename T>
class QFutureWatcher;
class QAction;
class QFrame;
class QLabel;
class QMenu;
class QPlainTextEdit;
class QPushButton;
class QTimer;

namespace paytriage {

class JsonEditor;
class JsonFindBar;
class JsonHighlighter;
class TextIndex;

// A margin mark on the line(s) of a byte range.
struct TextMarker
{
    enum class Kind {
        Null,
        Finding,
        Repair,
        Error
    };

    Kind kind = Kind::Null;
    ByteRange range;            // byte offsets into the text
    int severity = -1;          // for Finding: 0 info, 1 warning, 2 critical
    QString toolTip;            // empty: a generic text for the kind
};

class JsonTextView final : public QWidget
{
    Q_OBJECT
public:
    static constexpr std::size_t defaultLoadCap = std::size_t(8) * 1024 * 1024;
    static constexpr std::size_t formatCap = std::size_t(16) * 1024 * 1024;
    static constexpr std::size_t formatInlineLimit = std::size_t(1) * 1024 * 1024;

    explicit JsonTextView(QWidget *parent = nullptr);
    ~JsonTextView() override;

    // The text to show (UTF-8, exactly the bytes the source map's offsets point into) and its
    // map; map may be null (then no linking: pointerActivated is not emitted, selectPointer
    // returns false, the copy actions and Format JSON are disabled). Replaces markers, selection
    // and find state, and shows the text as received (not formatted).
    void setContent(std::shared_ptr<const std::string> text, std::shared_ptr<const SourceMap> map);
    // Replaces all markers (ranges into the text given to setContent()). Ranges past the text
    // are ignored; an empty range marks one line.
    void setMarkers(std::vector<TextMarker> markers);
    void clear();

    // Selects the value and scrolls to it, without emitting pointerActivated. False if the map
    // does not know it, or it lies past the shown part (see the file comment).
    bool selectPointer(std::size_t document, const std::string &pointer);
    // Selects bytes of the text given to setContent() (e.g. an error position; an empty range
    // puts the cursor there).
    void selectBytes(ByteRange range);
    // The current selection (or cursor, as an empty range) as UTF-8 byte offsets into shownText().
    ByteRange selectedBytes() const;
    // The text in the editor: the one given to setContent(), or its formatted form.
    std::shared_ptr<const std::string> shownText() const { return m_text; }
    // Whether the formatted form is shown (Format JSON is on and done).
    bool isFormatted() const;
    QPlainTextEdit *editor() const;
    void showFindBar(); // Ctrl+F

    // Texts longer than this show only their first part until "Show all"; for the next setContent.
    void setLoadCap(std::size_t bytes);
    std::size_t loadCap() const { return m_loadCap; }
    std::size_t loadedBytes() const;
    bool isFullyLoaded() const;
    // Whether chunks are still being added (the first part, or the rest after showAll()).
    bool isLoading() const;
    // What the notice bar's "Show all" button does.
    void showAll();

    // Conversions between byte offsets of shownText() and editor (QTextDocument) positions, for
    // the loaded part.
    int positionOfByte(std::size_t offset) const;
    std::size_t byteOfPosition(int position) const;
    // The deepest value at the cursor (at the selection's start when there is one).
    std::optional<std::pair<std::size_t, std::string>> currentValue() const;
    // 1-based lines of shownText() that carry a marker shape (loaded part).
    QList<int> markedLines() const;

    QAction *copyValueAction() const { return m_copyValue; }
    QAction *copyPointerAction() const { return m_copyPointer; }
    QAction *findAction() const { return m_find; }
    QAction *formatJsonAction() const { return m_formatJson; }

Q_SIGNALS:
    // The user put the cursor in (or clicked) a value: the deepest value containing the cursor.
    // Bursts of cursor movement are coalesced; the same value is not announced twice in a row.
    void pointerActivated(std::size_t document, const QString &pointer);
    // The part to show is in the editor: after setContent() (before it returns for texts of a
    // few hundred KiB), when showAll() has loaded the rest, and after Format JSON switched texts.
    void contentLoaded();

protected:
    void changeEvent(QEvent *event) override;

private:
    enum class Notice {
        None,
        Capped,       // "Showing the first 8 MB of 52 MB"
        Beyond,       // a selection was asked for past the shown part
        LoadingRest   // after "Show all"
    };

    enum class FormatState {
        Original,     // the text as received
        Formatting,   // Format JSON is on, the formatted text is being made off the UI thread
        Formatted,
        Failed        // it could not be made; Format JSON is disabled until the next setContent()
    };

    void resetShown();
    void load(std::shared_ptr<const std::string> text, std::shared_ptr<const SourceMap> map);
    void loadStep(int budgetMilliseconds);
    void setFormatted(bool formatted);
    void applyFormatted(std::optional<FormattedText> formatted);
    void showText(std::shared_ptr<const std::string> text, std::shared_ptr<const SourceMap> map);
    void updateFormatAction();
    void applyMarkers();
    void resolveMarkers();
    void applySelection(ByteRange range);
    bool selectRange(ByteRange range);
    void applyPendingSelection();
    void updateNotice();
    void applyColors();
    void retranslate();
    void onCursorMoved();
    void announceCurrentValue();
    void copyValue();
    void copyPointer();
    QString selectionText() const;
    void extendContextMenu(QMenu *menu);

    enum class FindMove {
        Incremental,
        Next,
        Previous
    };
    void find(FindMove move);
    // match: where find() landed; searched: false when only the count changed.
    void updateFindStatus(std::optional<std::size_t> match, bool searched);
    void countMatches();
    void closeFindBar();

    // What setContent() was given, and what the editor shows: the same, or its formatted form.
    std::shared_ptr<const std::string> m_originalText;
    std::shared_ptr<const SourceMap> m_originalMap;
    std::shared_ptr<const std::string> m_text;
    std::shared_ptr<const SourceMap> m_map;
    std::unique_ptr<TextIndex> m_index;
    JsonEditor *m_editor;
    JsonHighlighter *m_highlighter;
    JsonFindBar *m_findBar;
    QFrame *m_notice;
    QLabel *m_noticeLabel;
    QPushButton *m_showAll;
    QTimer *m_loadTimer;
    QTimer *m_activationTimer;
    QTimer *m_countTimer;
    QAction *m_copyValue;
    QAction *m_copyPointer;
    QAction *m_find;
    QAction *m_findNext;
    QAction *m_findPrevious;
    QAction *m_formatJson;

    std::size_t m_loadCap = defaultLoadCap;
    std::size_t m_target = 0;         // bytes to have in the editor (the cap, or all)
    Notice m_noticeKind = Notice::None;
    int m_programmatic = 0;           // > 0 while the view itself moves the cursor
    std::optional<ByteRange> m_pendingSelection;
    std::optional<std::pair<std::size_t, std::string>> m_lastAnnounced;

    FormatState m_formatState = FormatState::Original;
    std::optional<FormattedText> m_formatted;  // kept once made, until setContent()
    QFutureWatcher<std::optional<FormattedText>> *m_formatWatcher = nullptr;

    std::vector<TextMarker> m_givenMarkers; // as setMarkers() had them
    std::vector<TextMarker> m_markers;      // on the text shown
    std::vector<std::size_t> m_unresolvedMarkers; // indices into m_markers not (fully) loaded yet
    std::vector<std::optional<std::pair<int, int>>> m_markerBlocks; // per marker: first/last block

    // Find: all matches of the current needle in the loaded part, counted once per needle.
    std::vector<std::size_t> m_matches;
    bool m_matchesCapped = false;
    bool m_matchesValid = false;
};

} // namespace paytriage
