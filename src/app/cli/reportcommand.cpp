#include "reportcommand.h"

#include "historycommand.h"
#include "output.h"

#include "casereport/bundle.h"
#include "casereport/casereport.h"
#include "catalog/catalog.h"
#include "model/input.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>

namespace paytriage::cli {
namespace {

QString tr(const char *source)
{
    return QCoreApplication::translate("paytriage::cli", source);
}

} // namespace

int runReport(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("A case report in Markdown, HTML or PDF: the summary, each finding with its explanation and advice, the "
           "timeline, and every raw body with its SHA-256, the lookup's time, profile and MID. Personal data and "
           "payment secrets are masked unless --unmasked is given; secret keys and credentials never appear."));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("lang"), tr("Language of the report: ko or en."), QStringLiteral("ko|en")});
    parser.addOption({QStringLiteral("format"), tr("md (default), html or pdf."), QStringLiteral("md|html|pdf"), QStringLiteral("md")});
    parser.addOption({QStringLiteral("out"), tr("Write the report to this file (a PDF needs one; default: standard output)."),
                      QStringLiteral("path")});
    parser.addOption({QStringLiteral("snapshot"), tr("The snapshot of the evidence history to report on (history list shows them)."),
                      QStringLiteral("id")});
    parser.addOption({QStringLiteral("case"), tr("A case bundle (history export's folder) to report on: verified against its manifest first."),
                      QStringLiteral("folder")});
    parser.addOption({QStringLiteral("store"), tr("The history --snapshot is read from (default: PAYTRIAGE_STORE, else the console's own)."),
                      QStringLiteral("location")});
    parser.addOption({QStringLiteral("unmasked"), tr("Show personal data as received (an explicit choice; secret keys never).")});
    parser.addPositionalArgument(QStringLiteral("file"), tr("A saved answer or pasted text to report on (- for standard input), instead of --snapshot."));
    if (const auto exit = parseOrExit(parser, arguments))
        return *exit;
    const Language lang = chosenLanguage(parser);
    const QString format = parser.value(QStringLiteral("format")).toLower();
    if (format != QLatin1String("md") && format != QLatin1String("html") && format != QLatin1String("pdf")) {
        err(tr("--format takes md, html or pdf."));
        return ExitFailed;
    }
    const QString outPath = parser.value(QStringLiteral("out"));
    if (format == QLatin1String("pdf") && outPath.isEmpty()) {
        err(tr("A PDF is written to a file: name it with --out report.pdf."));
        return ExitFailed;
    }

    Snapshot snapshot;
    std::optional<qint64> id;
    QString bundleNote;  // where a bundle's case came from, and whether it verified
    bool unverified = false;
    const QStringList files = parser.positionalArguments();
    if (int(parser.isSet(QStringLiteral("snapshot"))) + int(parser.isSet(QStringLiteral("case"))) + int(!files.isEmpty()) != 1) {
        err(tr("Name what to report on: --snapshot ID, --case FOLDER, or one file."));
        return ExitFailed;
    }
    if (parser.isSet(QStringLiteral("case"))) {
        const QString folder = parser.value(QStringLiteral("case"));
        BundleCheck check = readBundle(folder);
        if (!check.readable) {
            err(check.problems.value(0, tr("%1 is not a case bundle: it has no manifest.json.").arg(folder)));
            return ExitFailed;
        }
        // Reported all the same (it is what was sent), but never passed off as verified.
        unverified = !check.verified();
        if (unverified)
            err(tr("%1 does not verify against its manifest: %2").arg(folder, check.problems.join(QStringLiteral("; "))));
        bundleNote = check.verified() ? tr("From the case bundle %1, verified against its manifest").arg(folder)
                                      : tr("From the case bundle %1, which does NOT verify: %2").arg(folder, check.problems.join(QStringLiteral("; ")));
        if (check.snapshot.id)
            id = check.snapshot.id;
        snapshot = std::move(check.snapshot.snapshot);
    } else if (parser.isSet(QStringLiteral("snapshot"))) {
        const auto store = openChosenStore(parser.value(QStringLiteral("store")));
        if (!store)
            return ExitFailed;
        auto stored = fetchSnapshot(*store, parser.value(QStringLiteral("snapshot")));
        if (!stored)
            return ExitFailed;
        id = stored->id;
        snapshot = std::move(stored->snapshot);
    } else {
        // What a ticket holds, up to the size the history keeps of a text.
        constexpr std::size_t limit = std::size_t(16) << 20;
        const bool standardInput = files.front() == QLatin1String("-");
        std::string text;
        QString error;
        bool tooLarge = false;
        if (standardInput ? !readStandardInput(&text, limit, &tooLarge) : !readFile(files.front(), &text, &error, limit)) {
            err(!standardInput ? error
                : tooLarge     ? tr("Standard input holds more than %1 MB: too large for a case report.").arg(limit >> 20)
                               : tr("Cannot read standard input."));
            return ExitFailed;
        }
        snapshot.kind = standardInput ? SnapshotKind::Paste : SnapshotKind::File;
        snapshot.title = standardInput ? QStringLiteral("stdin") : QFileInfo(files.front()).fileName();
        snapshot.capturedAtMs = QDateTime::currentMSecsSinceEpoch();
        SnapshotBody body;
        body.source = standardInput ? QStringLiteral("text") : QStringLiteral("file");
        body.path = standardInput ? QString() : snapshot.title;
        body.content = QByteArray::fromStdString(text);
        snapshot.bodies.push_back(std::move(body));
    }

    const Catalog catalog = loadCatalog();
    CaseReportOptions options;
    options.language = lang;
    options.unmasked = parser.isSet(QStringLiteral("unmasked"));
    CaseReport report = buildCaseReport(snapshot, id, catalog, options);
    if (!bundleNote.isEmpty())
        report.provenance.prepend(bundleNote);
    // The report is written all the same (the answers are the evidence); a script is told when a
    // bundle did not verify, or when nothing in it was judged (as analyze tells it).
    const int exit = unverified ? ExitFailed : report.nothingRead ? ExitUnrecognised : ExitClean;
    if (report.nothingRead)
        err(tr("No answer could be read as JSON: the report shows them as kept, and nothing was checked."));
    if (outPath.isEmpty()) {
        out((format == QLatin1String("html") ? reportHtml(report) : reportMarkdown(report)).toStdString());
        return exit;
    }
    QString path = outPath;
    if (QFileInfo(path).suffix().isEmpty())
        path += QLatin1Char('.') + format;
    QString error;
    if (!writeReport(report, path, &error)) {
        err(error);
        return ExitFailed;
    }
    err(tr("Report written to %1").arg(path));
    return exit;
}

} // namespace paytriage::cli
