#pragma once

#include <QStringList>

namespace paytriage::cli {

// paytriage-cli explain [--lang ko|en] [--format text|json] CODE...
int runExplain(const QStringList &arguments);
// paytriage-cli catalog --path | --dump
int runCatalog(const QStringList &arguments);

} // namespace paytriage::cli
