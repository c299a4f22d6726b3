#pragma once

#include <QStringList>

namespace paytriage::cli {

// paytriage-cli report (--snapshot ID | FILE) --format md|html|pdf [--out PATH] [--unmasked]:
// a case report (casereport/) of a snapshot of the history or of a saved answer. A PDF needs
// the Qt GUI module: main() makes this command's application a (window-less) QGuiApplication.
int runReport(const QStringList &arguments);

} // namespace paytriage::cli
