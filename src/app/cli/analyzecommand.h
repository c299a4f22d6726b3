#pragma once

#include <QStringList>

namespace paytriage::cli {

// paytriage-cli analyze [--lang ko|en] [--format text|json] [--as-of TIME] FILE|-
int runAnalyze(const QStringList &arguments);

} // namespace paytriage::cli
