#pragma once

#include <QStringList>

namespace paytriage::cli {

// paytriage-cli batch FILE|- [--concurrency N] [--rate PER_SECOND] [--column NAME] [--base-url URL]
int runBatch(const QStringList &arguments);

} // namespace paytriage::cli
