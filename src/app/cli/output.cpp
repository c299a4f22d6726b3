#include "output.h"

#include "casereport/casereport.h"
#include "util/i18n.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

#ifdef _WIN32
#include <io.h>
#define PT_ISATTY _isatty
#define PT_FILENO _fileno
#else
#include <unistd.h>
#define PT_ISATTY isatty
#define PT_FILENO fileno
#endif

namespace paytriage::cli {

void out(std::string_view text)
{
    std::fwrite(text.data(), 1, text.size(), stdout);
}

void err(const QString &text)
{
    // Server messages and data go through here: no control character reaches the terminal.
    const QByteArray line = "paytriage-cli: " + printable(text).toUtf8() + '\n';
    std::fwrite(line.constData(), 1, static_cast<std::size_t>(line.size()), stderr);
}

bool stdoutIsTerminal()
{
    return PT_ISATTY(PT_FILENO(stdout)) != 0;
}

void addCommonOptions(QCommandLineParser &parser)
{
    parser.addHelpOption();
    parser.addOption({QStringLiteral("lang"),
                      QCoreApplication::translate("paytriage::cli", "Language of findings and messages: ko or en."),
                      QStringLiteral("ko|en")});
    parser.addOption({QStringLiteral("format"),
                      QCoreApplication::translate("paytriage::cli", "Output format: text (default) or json."),
                      QStringLiteral("text|json")});
}

std::optional<int> parseOrExit(QCommandLineParser &parser, const QStringList &arguments)
{
    if (!parser.parse(arguments)) {
        err(parser.errorText());
        return ExitFailed;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out(parser.helpText().toStdString());
        return ExitClean;
    }
    return std::nullopt;
}

Language chosenLanguage(const QCommandLineParser &parser)
{
    const Language language = parser.isSet(QStringLiteral("lang"))
                                  ? languageFromCode(parser.value(QStringLiteral("lang")).toStdString())
                                  : systemLanguage();
    installTranslators(language);
    return language;
}

bool wantsJson(const QCommandLineParser &parser)
{
    return parser.value(QStringLiteral("format")) == QLatin1String("json");
}

Catalog loadCatalog()
{
    std::vector<QString> problems;
    Catalog catalog = Catalog::withOverride(Catalog::defaultOverridePath(), &problems);
    for (const QString &p : problems)
        err(QCoreApplication::translate("paytriage::cli", "The catalog override %1 is not valid JSON and was ignored.").arg(p));
    return catalog;
}

void addTableReportOption(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("report"),
                      QCoreApplication::translate("paytriage::cli", "Also write the table as a report: Markdown, HTML or PDF, by the "
                                                                    "file's suffix (.md, .html, .pdf)."),
                      QStringLiteral("path")});
}

bool tableReportPathOk(const QCommandLineParser &parser)
{
    if (!parser.isSet(QStringLiteral("report")))
        return true;
    const QString problem = reportPathProblem(parser.value(QStringLiteral("report")));
    if (!problem.isEmpty())
        err(problem);
    return problem.isEmpty();
}

bool writeTableReport(const QCommandLineParser &parser, const ListReport &report)
{
    if (!parser.isSet(QStringLiteral("report")))
        return true;
    const QString path = parser.value(QStringLiteral("report"));
    QString error;
    if (!writeListReport(report, path, &error)) {
        err(error);
        return false;
    }
    err(QCoreApplication::translate("paytriage::cli", "Report written to %1").arg(path));
    return true;
}

int exitFor(const Case &kase, const Analysis &analysis)
{
    switch (verdictOf(kase, analysis)) {
    case Verdict::Findings: return ExitFindings;
    case Verdict::Unrecognised: return ExitUnrecognised;
    case Verdict::Clean: break;
    }
    return ExitClean;
}

} // namespace paytriage::cli
