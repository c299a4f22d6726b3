#include "casepane.h"

#include <QEvent>

namespace paytriage {

CasePane::CasePane(const PaneContext &context, QWidget *parent)
    : QWidget(parent), m_context(context), m_language(context.language)
{
}

void CasePane::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    else if (event->type() == QEvent::PaletteChange)
        restyle();
    QWidget::changeEvent(event);
}

} // namespace paytriage
