#include "casepane.h"

namespace paytriage {

CasePane::CasePane(const PaneContext &context, QWidget *parent)
    : QWidget(parent), m_context(context), m_language(context.language)
{
}

} // namespace paytriage
