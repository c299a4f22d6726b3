#include "badgedelegate.h"

#include "model/document.h"
#include "severitystyle.h"

#include <QApplication>
#include <QPainter>

namespace paytriage {

namespace {

constexpr int padding = 6;

} // namespace

QColor BadgeDelegate::toneColor(int tone, const QPalette &palette)
{
    switch (tone) {
    case 0: {
        QColor green(0x2e, 0x7d, 0x32);
        // Like severityColor(): readable as plain text on Base, whatever the theme.
        return readableOn(isDarkPalette(palette) ? green.lighter(170) : green, palette.color(QPalette::Base));
    }
    case 1: return severityColor(1, palette);
    case 2: return severityColor(2, palette);
    default: return readableOn(palette.color(QPalette::Text), palette.color(QPalette::Base));
    }
}

BadgeDelegate::BadgeDelegate(Tone tone, QObject *parent) : QStyledItemDelegate(parent), m_tone(tone) {}

int BadgeDelegate::statusTone(const QString &status)
{
    switch (statusStage(status.toStdString())) {
    case StatusStage::Done: return 0;
    case StatusStage::Moving: return 1;
    case StatusStage::Ended: return 2;
    case StatusStage::Other: break;
    }
    return -1;
}

void BadgeDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QString text = index.data(Qt::DisplayRole).toString();
    // The cell itself (selection, alternating rows) as usual, without its text.
    QStyleOptionViewItem cell = option;
    initStyleOption(&cell, index);
    cell.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &cell, painter, widget);
    if (text.isEmpty())
        return;

    const int tone = m_tone == Tone::ByStatus ? statusTone(text) : -1;
    const QColor toneInk = toneColor(tone, option.palette);
    const QColor fill = tintOf(toneInk, option.palette);
    // The text sits on the tint over the row's own background (alternate rows differ).
    const QColor surface = option.palette.color(
        option.features & QStyleOptionViewItem::Alternate ? QPalette::AlternateBase : QPalette::Base);
    const QColor ink = chipInk(toneInk, surface, option.palette);
    const QFontMetrics metrics(option.font);
    const int height = metrics.height() + 2;
    QRect badge(option.rect.left() + padding / 2, option.rect.center().y() - height / 2,
                std::min(metrics.horizontalAdvance(text) + 2 * padding, option.rect.width() - padding), height);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(fill);
    painter->drawRoundedRect(badge, height / 2.0, height / 2.0);
    const bool selected = option.state & QStyle::State_Selected;
    painter->setPen(selected ? option.palette.color(QPalette::HighlightedText) : ink);
    // Elide only a badge the column cut short: elidedText() at exactly the text's own advance
    // returns "…" for Hangul in fallback fonts (결제 became "…").
    const int room = badge.width() - 2 * padding;
    const QString shown = metrics.horizontalAdvance(text) <= room ? text : metrics.elidedText(text, Qt::ElideRight, room);
    painter->drawText(badge.adjusted(padding, 0, -padding, 0), Qt::AlignVCenter | Qt::AlignLeft, shown);
    painter->restore();
}

QSize BadgeDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.rwidth() += 3 * padding;
    return size;
}

} // namespace paytriage
