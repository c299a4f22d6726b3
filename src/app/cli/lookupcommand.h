#pragma once

#include <QStringList>

namespace paytriage::cli {

// paytriage-cli lookup (--order-id ID | --payment-key KEY | ID) [--base-url URL] [--lang] [--format]
int runLookup(const QStringList &arguments);

} // namespace paytriage::cli
