#pragma once

// Colours of the raw pane, derived from the widget's palette so a dark theme gets light hues
// and a light theme dark ones. Each colour starts from a semantic hue and is pulled toward the
// palette's text colour until it reaches a WCAG contrast ratio against the background: 4.5:1
// for text, 3:1 for the marker shapes (non-text graphics).

#include <QColor>

class QPalette;

namespace paytriage {

// a at t = 0, b at t = 1, in RGB.
QColor blend(const QColor &a, const QColor &b, double t);
// WCAG 2.x contrast ratio, 1 (same) … 21 (black on white).
double contrastRatio(const QColor &a, const QColor &b);
// color, moved toward `toward` as little as needed to reach minRatio against background.
QColor withContrast(const QColor &color, const QColor &background, const QColor &toward, double minRatio);

struct JsonColors
{
    static constexpr double textContrast = 4.5;
    static constexpr double graphicContrast = 3.0;

    // syntax (against the editor's base colour)
    QColor key;
    QColor string;
    QColor number;
    QColor keyword;      // true, false
    QColor null;         // null, undefined (also italic)
    QColor comment;
    QColor punctuation;

    // gutter
    QColor gutterBackground;
    QColor lineNumber;
    QColor currentLineNumber;
    QColor currentLine;  // background of the cursor's line in the text

    // markers (against the gutter background)
    QColor nullMarker;
    QColor info;
    QColor warning;
    QColor critical;
    QColor repair;
    QColor error;

    // bars
    QColor noticeBackground;
    QColor noMatchBackground;

    static JsonColors fromPalette(const QPalette &palette);
};

} // namespace paytriage
