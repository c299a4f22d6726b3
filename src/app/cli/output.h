#pragma once

#include <QString>

#include <string>

namespace paytriage::cli {

// Exit statuses of the CLI contract (design: CLI contract).
enum Exit : int {
    ExitClean = 0,      // analysed; nothing at warning or above
    ExitFindings = 1,   // findings at warning or above
    ExitFailed = 2      // the input or the request failed; stderr says why and what to do
};

void out(const std::string &text);
void err(const QString &text);     // one line on stderr, prefixed "paytriage-cli: "
bool stdoutIsTerminal();

} // namespace paytriage::cli
