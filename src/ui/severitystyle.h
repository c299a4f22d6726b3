#pragma once
// How severities look: palette-aware colours (readable on light and dark themes) and icons
// drawn from them, so no bitmap has to match a theme. Models carry SeverityRole; the views
// get colour and icon from SeverityStyleProxy.

#include "jsonview/jsoncolors.h"  // contrastRatio(): one WCAG formula for the raw pane and the rest
#include "rules/finding.h"

#include <QColor>
#include <QIcon>
#include <QIdentityProxyModel>
#include <QPalette>

namespace paytriage {

// WCAG 2.x minimum for body text (SC 1.4.3): every ink below reaches it, whatever the theme.
inline constexpr double minTextContrast = 4.5;

// ink at the same hue and saturation, its HSL lightness moved toward black or white (whichever
// end contrasts more with background) just far enough to reach minRatio against background.
// A user's odd theme (mid-grey base, say) gets the nearest readable shade, not a fixed one.
QColor readableOn(const QColor &ink, const QColor &background, double minRatio = minTextContrast);

// The colour of a severity (0 info, 1 warning, 2 critical) for text on the palette's base:
// at least minTextContrast against Base (finding headings, tree fields, the window title dot).
QColor severityColor(int severity, const QPalette &palette);
bool isDarkPalette(const QPalette &palette);
// A faint fill of a text colour's hue (chips, badges), stronger on dark themes.
QColor tintOf(QColor ink, const QPalette &palette);
// The opaque colour tintOf(ink) shows once drawn on surface: what the chip's text sits on.
QColor tintOver(const QColor &ink, const QColor &surface, const QPalette &palette);
// ink adjusted to reach minTextContrast on its own tint drawn over surface.
QColor chipInk(const QColor &ink, const QColor &surface, const QPalette &palette);
// A bold rounded label in that colour on its tint (status chip, key-mode badge), on the
// palette's Window; the text colour is chipInk(), so it stays readable on the tint.
QString chipStyleSheet(const QColor &ink, const QPalette &palette);
// The value text of a JSON null in the tree: the normal text colour (italic says "null", not
// a faded colour), nudged only if the palette's own Text is below minTextContrast on Base.
QColor nullTextColor(const QPalette &palette);
QIcon severityIcon(int severity, const QPalette &palette);

// A dark theme of the kind desktops ship (greys, light text): the one the screenshot tour draws
// the dark screenshots on, and one of the palettes the contrast test measures.
QPalette darkThemePalette();

// Adds DecorationRole (icon) on the first column and ForegroundRole from SeverityRole. Null
// values (IsNullRole, when the source model has it) read as an italic "null" in the normal text
// colour, or in their finding's colour when a finding points at them: greying them out made
// them the least readable cells of the tree (WCAG 1.4.3), though a suspicious null matters.
class SeverityStyleProxy final : public QIdentityProxyModel
{
    Q_OBJECT
public:
    explicit SeverityStyleProxy(QObject *parent = nullptr);
    QVariant data(const QModelIndex &index, int role) const override;
    void setPalette(const QPalette &palette);
    // valueColumn: where the value is shown (italic there); 1 is JsonTreeModel::ValueColumn,
    // the default because the UI layer's callers predate the parameter.
    void setNullRole(int role, int valueColumn = 1)
    {
        m_nullRole = role;
        m_nullValueColumn = valueColumn;
    }

private:
    QPalette m_palette;
    int m_nullRole = -1;
    int m_nullValueColumn = 1;
};

} // namespace paytriage
