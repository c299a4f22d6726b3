#include "jsoncolors.h"

#include <QPalette>

#include <algorithm>
#include <cmath>

namespace paytriage {

namespace {

double channel(double c)
{
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double luminance(const QColor &color)
{
    const QColor rgb = color.toRgb();
    return 0.2126 * channel(rgb.redF()) + 0.7152 * channel(rgb.greenF()) + 0.0722 * channel(rgb.blueF());
}

bool isDark(const QColor &background)
{
    return luminance(background) < 0.2;
}

// A hue at a lightness that suits the background: light tones on dark, dark tones on light.
// A fifth of the text colour keeps the hues in the theme's family (warm or cool text).
QColor tone(int hue, double saturation, const QColor &background, const QColor &text)
{
    const double lightness = isDark(background) ? 0.70 : 0.35;
    const QColor pure = QColor::fromHslF(float(hue / 360.0), float(saturation), float(lightness));
    return blend(pure, text, 0.2);
}

} // namespace

QColor blend(const QColor &a, const QColor &b, double t)
{
    const QColor x = a.toRgb();
    const QColor y = b.toRgb();
    const auto mix = [t](float p, float q) { return float(p + (q - p) * t); };
    return QColor::fromRgbF(mix(x.redF(), y.redF()), mix(x.greenF(), y.greenF()), mix(x.blueF(), y.blueF()),
                            mix(x.alphaF(), y.alphaF()));
}

double contrastRatio(const QColor &a, const QColor &b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QColor withContrast(const QColor &color, const QColor &background, const QColor &toward, double minRatio)
{
    for (int step = 0; step <= 20; ++step) {
        const QColor candidate = blend(color, toward, step / 20.0);
        if (contrastRatio(candidate, background) >= minRatio)
            return candidate;
    }
    // Even the text colour does not reach it (a broken palette): the best there is.
    return toward;
}

JsonColors JsonColors::fromPalette(const QPalette &palette)
{
    const QColor base = palette.color(QPalette::Active, QPalette::Base);
    const QColor text = palette.color(QPalette::Active, QPalette::Text);
    // Pulling toward the far end of the scale always raises contrast, even if `text` is close
    // to `base` in a badly made palette.
    const QColor extreme = isDark(base) ? QColor(Qt::white) : QColor(Qt::black);
    const auto syntax = [&](int hue, double saturation) {
        return withContrast(tone(hue, saturation, base, text), base, extreme, textContrast);
    };

    JsonColors c;
    c.key = syntax(210, 0.70);     // blue
    c.string = syntax(135, 0.55);  // green
    c.number = syntax(28, 0.80);   // amber-brown
    c.keyword = syntax(285, 0.55); // violet
    c.null = syntax(340, 0.60);    // rose, and italic
    c.comment = withContrast(blend(text, base, 0.45), base, extreme, textContrast);
    c.punctuation = withContrast(blend(text, base, 0.25), base, extreme, textContrast);

    c.gutterBackground = blend(base, text, 0.05);
    c.lineNumber = withContrast(blend(text, base, 0.5), c.gutterBackground, extreme, textContrast);
    c.currentLineNumber = withContrast(text, c.gutterBackground, extreme, textContrast);
    c.currentLine = blend(base, palette.color(QPalette::Active, QPalette::Highlight), 0.10);

    const auto marker = [&](int hue, double saturation) {
        const QColor pure = QColor::fromHslF(float(hue / 360.0), float(saturation), isDark(base) ? 0.62f : 0.45f);
        return withContrast(pure, c.gutterBackground, extreme, graphicContrast);
    };
    c.nullMarker = withContrast(blend(text, base, 0.45), c.gutterBackground, extreme, graphicContrast);
    c.info = marker(210, 0.75);
    c.warning = marker(38, 0.95);
    c.critical = marker(2, 0.80);
    c.repair = marker(275, 0.60);
    c.error = marker(330, 0.85);

    const QColor window = palette.color(QPalette::Active, QPalette::Window);
    c.noticeBackground = blend(window, c.info, 0.22);
    c.noMatchBackground = blend(base, c.critical, 0.25);
    return c;
}

} // namespace paytriage
