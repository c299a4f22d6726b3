#pragma once
// How severities look: palette-aware colours (readable on light and dark themes) and icons
// drawn from them, so no bitmap has to match a theme. Models carry SeverityRole; the views
// get colour and icon from SeverityStyleProxy.

#include "rules/finding.h"

#include <QColor>
#include <QIcon>
#include <QIdentityProxyModel>
#include <QPalette>

namespace paytriage {

// The colour of a severity (0 info, 1 warning, 2 critical) for text on the palette's base.
QColor severityColor(int severity, const QPalette &palette);
bool isDarkPalette(const QPalette &palette);
// A faint fill of a text colour's hue (chips, badges), stronger on dark themes.
QColor tintOf(QColor ink, const QPalette &palette);
// A bold rounded label in that colour on its tint (status chip, key-mode badge).
QString chipStyleSheet(const QColor &ink, const QPalette &palette);
QIcon severityIcon(int severity, const QPalette &palette);

// Adds DecorationRole (icon) on the first column and ForegroundRole from SeverityRole, and
// greys null values (IsNullRole) when the source model has it.
class SeverityStyleProxy final : public QIdentityProxyModel
{
    Q_OBJECT
public:
    explicit SeverityStyleProxy(QObject *parent = nullptr);
    QVariant data(const QModelIndex &index, int role) const override;
    void setPalette(const QPalette &palette);
    void setNullRole(int role) { m_nullRole = role; }

private:
    QPalette m_palette;
    int m_nullRole = -1;
};

} // namespace paytriage
