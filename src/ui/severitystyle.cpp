#include "severitystyle.h"

#include "models/modelroles.h"

#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace paytriage {

namespace {

// Base hues chosen for meaning (red, amber, blue); lightness adapts to the palette so the
// colour keeps its contrast on a dark base as well as on a light one.
QColor baseHue(int severity)
{
    switch (severity) {
    case 2: return QColor(0xd3, 0x2f, 0x2f);
    case 1: return QColor(0xc7, 0x7c, 0x02);
    case 0: return QColor(0x1e, 0x6f, 0xd9);
    default: return {};
    }
}

} // namespace

bool isDarkPalette(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightnessF() < 0.5;
}

QColor severityColor(int severity, const QPalette &palette)
{
    QColor c = baseHue(severity);
    if (!c.isValid())
        return palette.color(QPalette::Text);
    if (isDarkPalette(palette))
        c = c.lighter(165);
    return c;
}

QColor tintOf(QColor ink, const QPalette &palette)
{
    ink.setAlphaF(isDarkPalette(palette) ? 0.25f : 0.13f);
    return ink;
}

QString chipStyleSheet(const QColor &ink, const QPalette &palette)
{
    return QStringLiteral("QLabel { background: %1; color: %2; border-radius: 6px; padding: 2px 8px; font-weight: bold; }")
        .arg(tintOf(ink, palette).name(QColor::HexArgb), ink.name());
}

QIcon severityIcon(int severity, const QPalette &palette)
{
    if (severity < 0)
        return {};
    QIcon icon;
    for (int size : {16, 24, 32, 48}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter p(&pixmap);
        p.setRenderHint(QPainter::Antialiasing);
        const QColor fill = severityColor(severity, palette);
        const QRectF r(size * 0.08, size * 0.08, size * 0.84, size * 0.84);
        p.setPen(Qt::NoPen);
        p.setBrush(fill);
        if (severity == 2) {
            // An octagon-ish stop sign for critical, a triangle for warning, a circle for info:
            // the shape carries the meaning for colour-blind users too.
            QPainterPath path;
            const qreal c = r.width() * 0.29;
            path.moveTo(r.left() + c, r.top());
            path.lineTo(r.right() - c, r.top());
            path.lineTo(r.right(), r.top() + c);
            path.lineTo(r.right(), r.bottom() - c);
            path.lineTo(r.right() - c, r.bottom());
            path.lineTo(r.left() + c, r.bottom());
            path.lineTo(r.left(), r.bottom() - c);
            path.lineTo(r.left(), r.top() + c);
            path.closeSubpath();
            p.drawPath(path);
        } else if (severity == 1) {
            QPainterPath path;
            path.moveTo(r.center().x(), r.top());
            path.lineTo(r.right(), r.bottom());
            path.lineTo(r.left(), r.bottom());
            path.closeSubpath();
            p.drawPath(path);
        } else {
            p.drawEllipse(r);
        }
        p.setPen(QPen(Qt::white, qMax(1.0, size / 9.0)));
        QFont font = p.font();
        font.setPixelSize(int(size * (severity == 1 ? 0.55 : 0.62)));
        font.setBold(true);
        p.setFont(font);
        QRectF textRect = r;
        if (severity == 1)
            textRect.adjust(0, size * 0.18, 0, 0);
        p.drawText(textRect, Qt::AlignCenter, severity == 0 ? QStringLiteral("i") : QStringLiteral("!"));
        p.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}

SeverityStyleProxy::SeverityStyleProxy(QObject *parent) : QIdentityProxyModel(parent) {}

void SeverityStyleProxy::setPalette(const QPalette &palette)
{
    m_palette = palette;
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
}

QVariant SeverityStyleProxy::data(const QModelIndex &index, int role) const
{
    if (role == Qt::DecorationRole || role == Qt::ForegroundRole) {
        const QVariant severityValue = QIdentityProxyModel::data(index.siblingAtColumn(0), SeverityRole);
        const int severity = severityValue.isValid() ? severityValue.toInt() : -1;
        if (role == Qt::DecorationRole && index.column() == 0 && severity >= 0)
            return severityIcon(severity, m_palette);
        if (role == Qt::ForegroundRole) {
            if (m_nullRole >= 0 && QIdentityProxyModel::data(index, m_nullRole).toBool())
                return m_palette.color(QPalette::Disabled, QPalette::Text);
            if (severity >= 0 && index.column() == 0)
                return severityColor(severity, m_palette);
        }
    }
    return QIdentityProxyModel::data(index, role);
}

} // namespace paytriage
