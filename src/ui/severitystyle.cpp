#include "severitystyle.h"

#include "models/modelroles.h"

#include <QFont>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

#include <algorithm>
#include <cmath>

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

// In steps of 1/255: the style sheet writes the tint as #aarrggbb, and the chip's text is
// judged against the tint it will really get.
float tintAlpha(const QPalette &palette)
{
    return std::round((isDarkPalette(palette) ? 0.25f : 0.13f) * 255.0f) / 255.0f;
}

} // namespace

QColor readableOn(const QColor &ink, const QColor &background, double minRatio)
{
    // Colours end up as #rrggbb (style sheets, HTML): judge them at that precision, or a shade
    // that passes in floating point could fail once written out.
    const auto opaque8 = [](const QColor &c) { return QColor(c.rgb()); };
    const QColor start = opaque8(ink);
    if (contrastRatio(start, background) >= minRatio)
        return start;
    const bool towardBlack = contrastRatio(Qt::black, background) >= contrastRatio(Qt::white, background);
    float h = 0, s = 0, l = 0, a = 1;
    start.toHsl().getHslF(&h, &s, &l, &a);
    h = std::max(h, 0.0f);  // -1 for greys, which have no hue
    const float end = towardBlack ? 0.0f : 1.0f;
    const auto at = [&](float t) { return opaque8(QColor::fromHslF(h, s, l + (end - l) * t)); };
    if (contrastRatio(at(1), background) < minRatio)
        return at(1);  // not reachable at all (a base near the middle of the scale): the best there is
    // With hue and saturation fixed every RGB channel is monotonic in lightness, so contrast
    // is too: bisect for the least change, keeping `hi` a shade that passes.
    float lo = 0, hi = 1;
    for (int i = 0; i < 24; ++i) {
        const float mid = (lo + hi) / 2;
        (contrastRatio(at(mid), background) >= minRatio ? hi : lo) = mid;
    }
    return at(hi);
}

bool isDarkPalette(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightnessF() < 0.5;
}

QColor severityColor(int severity, const QPalette &palette)
{
    QColor c = baseHue(severity);
    const QColor base = palette.color(QPalette::Base);
    if (!c.isValid())
        return readableOn(palette.color(QPalette::Text), base);
    if (isDarkPalette(palette))
        c = c.lighter(165);
    // The fixed shades above pass on the default light and dark themes; a theme with another
    // base (mid-grey, tinted) gets the hue at a lightness that still reads.
    return readableOn(c, base);
}

QColor tintOf(QColor ink, const QPalette &palette)
{
    ink.setAlphaF(tintAlpha(palette));
    return ink;
}

QColor tintOver(const QColor &ink, const QColor &surface, const QPalette &palette)
{
    QColor solid = ink.toRgb();
    solid.setAlphaF(1.0f);
    QColor under = surface.toRgb();
    under.setAlphaF(1.0f);
    return blend(under, solid, tintAlpha(palette));
}

QColor chipInk(const QColor &ink, const QColor &surface, const QPalette &palette)
{
    // The fill keeps the original hue's tint; only the text moves, so chips of one tone look
    // alike while their text stays readable on them.
    // A little above the minimum: the painted fill is rounded to 8 bits per channel after
    // blending, which can cost a hundredth of the ratio.
    return readableOn(ink, tintOver(ink, surface, palette), minTextContrast + 0.05);
}

QString chipStyleSheet(const QColor &ink, const QPalette &palette)
{
    const QColor text = chipInk(ink, palette.color(QPalette::Window), palette);
    return QStringLiteral("QLabel { background: %1; color: %2; border-radius: 6px; padding: 2px 8px; font-weight: bold; }")
        .arg(tintOf(ink, palette).name(QColor::HexArgb), text.name());
}

QColor nullTextColor(const QPalette &palette)
{
    return readableOn(palette.color(QPalette::Text), palette.color(QPalette::Base));
}

QPalette darkThemePalette()
{
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2d, 0x31));
    dark.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1f, 0x22));
    dark.setColor(QPalette::AlternateBase, QColor(0x26, 0x28, 0x2b));
    dark.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
    dark.setColor(QPalette::Button, QColor(0x35, 0x37, 0x3b));
    dark.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
    dark.setColor(QPalette::Highlight, QColor(0x2f, 0x6f, 0xd0));
    dark.setColor(QPalette::HighlightedText, Qt::white);
    dark.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0x9a));
    dark.setColor(QPalette::ToolTipBase, QColor(0x35, 0x37, 0x3b));
    dark.setColor(QPalette::ToolTipText, QColor(0xe6, 0xe6, 0xe6));
    dark.setColor(QPalette::Disabled, QPalette::Text, QColor(0x80, 0x80, 0x80));
    return dark;
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
    if (role != Qt::DecorationRole && role != Qt::ForegroundRole && role != Qt::FontRole)
        return QIdentityProxyModel::data(index, role);
    const bool nullValue = m_nullRole >= 0 && index.column() == m_nullValueColumn
                           && QIdentityProxyModel::data(index, m_nullRole).toBool();
    if (role == Qt::FontRole) {
        if (!nullValue)
            return QIdentityProxyModel::data(index, role);
        // Only italic is set: the delegate resolves the rest from the view's own font.
        QFont font;
        if (const QVariant source = QIdentityProxyModel::data(index, role); source.canConvert<QFont>())
            font = source.value<QFont>();
        font.setItalic(true);
        return font;
    }
    const QVariant severityValue = QIdentityProxyModel::data(index.siblingAtColumn(0), SeverityRole);
    const int severity = severityValue.isValid() ? severityValue.toInt() : -1;
    if (role == Qt::DecorationRole)
        return index.column() == 0 && severity >= 0 ? QVariant(severityIcon(severity, m_palette))
                                                    : QIdentityProxyModel::data(index, role);
    // A null a finding points at is what the finding is about: its value shares the colour.
    if (severity >= 0 && (index.column() == 0 || nullValue))
        return severityColor(severity, m_palette);
    if (nullValue)
        return nullTextColor(m_palette);
    return QIdentityProxyModel::data(index, role);
}

} // namespace paytriage
