#include "clock.h"

#include <QDateTime>

namespace paytriage {

std::int64_t SystemClock::nowMs() const
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace paytriage
