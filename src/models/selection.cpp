#include "selection.h"

#include <QScopedValueRollback>

namespace paytriage {

SelectionMediator::SelectionMediator(QObject *parent)
    : QObject(parent)
{
}

void SelectionMediator::select(const Selection &selection, const QObject *origin)
{
    // A select made while panes answer the previous one is their echo, not the user's choice.
    if (m_emitting || selection == m_current)
        return;
    m_current = selection;
    const QScopedValueRollback<bool> guard(m_emitting, true);
    // Emit a copy: a slot may not change m_current (it is guarded), but keep the argument
    // independent of the member all the same.
    const Selection announced = m_current;
    Q_EMIT selectionChanged(announced, origin);
}

} // namespace paytriage
