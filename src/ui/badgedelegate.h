#pragma once
// Paints a cell's text as a small rounded badge: the timeline's source and status columns. The
// tint says how a status reads at a glance (settled, in flight, failed, neutral) and follows the
// palette, so badges stay readable on dark themes.

#include <QColor>
#include <QPalette>
#include <QStyledItemDelegate>

namespace paytriage {

class BadgeDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    enum class Tone {
        ByStatus,  // DONE green, in-flight amber, ABORTED/EXPIRED red, the rest neutral
        Neutral
    };
    explicit BadgeDelegate(Tone tone, QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // -1 neutral, 0 done, 1 still moving, 2 ended without the money moving (statusStage()):
    // shared with the case summary's status chip.
    static int statusTone(const QString &status);
    // Text colour, at least 4.5:1 on Base; fills use it faded, badge text chipInk() of it.
    static QColor toneColor(int tone, const QPalette &palette);

private:
    Tone m_tone;
};

} // namespace paytriage
