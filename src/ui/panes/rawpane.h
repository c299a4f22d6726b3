#pragma once

// The raw pane: the case's text as received or pasted, with its marks (nulls, findings, repairs,
// the place that broke), following the selection through the source map; or what a failed
// source sent back when it was not usable, under a notice that says so.

#include "casepane.h"

#include <memory>
#include <optional>

namespace paytriage {

namespace Ui {
class RawPane;
}

class JsonTextView;

class RawPane final : public CasePane
{
    Q_OBJECT
public:
    explicit RawPane(const PaneContext &context, QWidget *parent = nullptr);
    ~RawPane() override;

    JsonTextView *view() const;
    void showFind();

    void showSnapshot(const CaseSnapshot &snapshot) override;
    void showSnapshotLater(const CaseSnapshot &snapshot) override;
    void showState() override;
    void showSelection(const Selection &selection, const QObject *origin) override;
    void setLanguage(Language language) override;
    void setZoom(int percent) override;
    QLabel *caption() const override;

private:
    void retranslate() override;
    // The pane shows the case's documents, or what a failed source sent back when it was not
    // usable (m_answerOf: that source); present() decides, from one place.
    void present();
    std::optional<Source> answerToShow() const;
    void updateMarkers();

    std::unique_ptr<Ui::RawPane> m_ui;
    std::optional<Source> m_answerOf;  // chosen from a source's "show what came back"
    // The text or received answer shown now, held so its address cannot be reused.
    std::shared_ptr<const void> m_shown;
    // The snapshot text showSnapshotLater() last laid out: while the session's differs, a newer
    // snapshot waits for its own turn and the pane leaves the text alone.
    std::shared_ptr<const std::string> m_laidOut;
    bool laidOut() const { return snapshot().rawText == m_laidOut; }
    std::optional<ByteRange> m_failureShown;  // the failure position last selected
};

} // namespace paytriage
