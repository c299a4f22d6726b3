#pragma once

#include "catalog/catalog.h"
#include "rules/analyzer.h"
#include "util/text.h"

#include <QString>

#include <optional>
#include <string>
#include <string_view>

class QCommandLineParser;

namespace paytriage {
struct ListReport;
}

namespace paytriage::cli {

// Exit statuses of the CLI contract (design: CLI contract).
enum Exit : int {
    ExitClean = 0,      // analysed; nothing at warning or above
    ExitFindings = 1,   // findings at warning or above
    ExitFailed = 2,     // the input or the request failed; stderr says why and what to do
    ExitUnrecognised = 3 // analysed, but no document was recognised: nothing was checked
};

// The exit status of an analysed case (0, 1 or 3).
int exitFor(const Case &kase, const Analysis &analysis);

void out(std::string_view text);
void err(const QString &text);     // one line on stderr, prefixed "paytriage-cli: "
bool stdoutIsTerminal();

// What every command shares: --lang and --format, parsing with --help, the language (its
// translators installed) and the catalog with the user's override (problems on stderr).
void addCommonOptions(QCommandLineParser &parser);
std::optional<int> parseOrExit(QCommandLineParser &parser, const QStringList &arguments);  // an exit code when done
Language chosenLanguage(const QCommandLineParser &parser);
bool wantsJson(const QCommandLineParser &parser);
Catalog loadCatalog();

// batch and scan: --report PATH, the table also written as a Markdown, HTML or PDF report. The
// path is checked before the run (false: stderr said why); writing it says where, or why not.
void addTableReportOption(QCommandLineParser &parser);
bool tableReportPathOk(const QCommandLineParser &parser);
bool writeTableReport(const QCommandLineParser &parser, const ListReport &report);

} // namespace paytriage::cli
