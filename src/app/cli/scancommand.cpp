#include "scancommand.h"

#include "netoptions.h"
#include "output.h"

#include "casereport/listreports.h"
#include "catalog/catalog.h"
#include "session/periodscan.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QNetworkAccessManager>

#include <csignal>

namespace paytriage::cli {
namespace {

QString tr(const char *source, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("paytriage::cli", source, disambiguation, n);
}

std::optional<QDate> dateOption(const QCommandLineParser &parser, const char *name)
{
    const QString text = parser.value(QString::fromLatin1(name)).trimmed();
    const QDate date = QDate::fromString(text, QStringLiteral("yyyy-MM-dd"));
    if (!date.isValid()) {
        err(text.isEmpty() ? tr("Give the period: --from and --to, as yyyy-MM-dd (KST days, both included).")
                           : tr("Cannot read the day \"%1\": write it as yyyy-MM-dd (a KST day).").arg(text));
        return std::nullopt;
    }
    return date;
}

// The finding's title in the language, rendered now (a scan keeps facts only).
std::string titleOf(const Catalog &catalog, Finding finding, Language language)
{
    renderFinding(catalog, finding, language);
    return printable(finding.title.qIn(language)).toStdString();
}

// Ctrl+C stops the scan between pages: what was read so far is still reported.
PeriodScan *interruptible = nullptr;
void onInterrupt(int)
{
    if (interruptible)
        QMetaObject::invokeMethod(interruptible, &PeriodScan::cancel, Qt::QueuedConnection);
}

} // namespace

int runScan(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Scan a merchant's period: every transaction and settlement record the provider lists for it, page by "
           "page (only the page in hand is kept), through every rule; the payments with findings ranked by severity. "
           "A page that fails is asked again from the paging cursor; Ctrl+C stops and reports what was read. "
           "Read-only. The secret key comes from the profile's keychain entry (--profile) or PAYTRIAGE_SECRET_KEY."));
    addCommonOptions(parser);
    parser.addOption({QStringLiteral("from"), tr("First KST day of the period, yyyy-MM-dd."), QStringLiteral("date")});
    parser.addOption({QStringLiteral("to"), tr("Last KST day of the period, yyyy-MM-dd (included)."), QStringLiteral("date")});
    parser.addOption({QStringLiteral("rate"), tr("At most this many requests a second (default: no limit)."), QStringLiteral("per-second")});
    parser.addOption({QStringLiteral("page-size"), tr("Records a page, 1 to 5000 (default 5000)."), QStringLiteral("n"), QStringLiteral("5000")});
    parser.addOption({QStringLiteral("top"), tr("Payments listed, most severe first (default 50; the JSON has all)."), QStringLiteral("n"),
                      QStringLiteral("50")});
    parser.addOption({QStringLiteral("no-settlements"), tr("Transactions only.")});
    parser.addOption({QStringLiteral("spool"),
                      tr("Where each payment's transactions wait on disk to be weighed together (default: the user's cache "
                         "folder); some 170 bytes a transaction while the scan runs, removed after."),
                      QStringLiteral("folder")});
    addTableReportOption(parser);
    addNetworkOptions(parser);
    if (const auto exit = parseOrExit(parser, arguments))
        return *exit;
    if (!tableReportPathOk(parser))
        return ExitFailed;
    const Language lang = chosenLanguage(parser);
    const auto from = dateOption(parser, "from");
    const auto to = from ? dateOption(parser, "to") : std::nullopt;
    if (!from || !to)
        return ExitFailed;
    if (*to < *from) {
        err(tr("--to is before --from."));
        return ExitFailed;
    }
    PeriodScanOptions options;
    options.from = *from;
    options.to = *to;
    options.settlements = !parser.isSet(QStringLiteral("no-settlements"));
    options.spoolFolder = parser.value(QStringLiteral("spool"));
    bool ok = false;
    options.pageSize = parser.value(QStringLiteral("page-size")).toInt(&ok);
    if (!ok || options.pageSize < 1 || options.pageSize > 5000) {
        err(tr("--page-size takes a whole number from 1 to 5000."));
        return ExitFailed;
    }
    if (parser.isSet(QStringLiteral("rate"))) {
        options.ratePerSecond = parser.value(QStringLiteral("rate")).toDouble(&ok);
        if (!ok || options.ratePerSecond <= 0) {
            err(tr("--rate takes a number of requests a second above 0."));
            return ExitFailed;
        }
    }
    const int top = std::max(0, parser.value(QStringLiteral("top")).toInt());
    const auto config = clientConfig(parser, lang);
    if (!config)
        return ExitFailed;

    QNetworkAccessManager network;
    TossClient client(&network, *config);
    const Catalog catalog = loadCatalog();
    PeriodScan scan(&client, catalog, options);
    QEventLoop loop;
    bool complete = false;
    QElapsedTimer clock;
    clock.start();
    qint64 lastReport = 0;
    QObject::connect(&scan, &PeriodScan::progressed, &loop, [&] {
        if (clock.elapsed() - lastReport < 2000)
            return;
        lastReport = clock.elapsed();
        const ScanProgress &p = scan.progress();
        if (p.phase == ScanProgress::Phase::Judging)
            err(tr("weighing each payment's records together: part %1 of %2, %3 payments, %4 findings so far")
                    .arg(p.sharesJudged + 1)
                    .arg(p.shares)
                    .arg(p.payments)
                    .arg(p.findings));
        else
            err(tr("%1 pages, %2 transactions, %3 settlement records, about %4 payments, %5 findings so far")
                    .arg(p.pages)
                    .arg(p.transactions)
                    .arg(p.settlements)
                    .arg(p.paymentsAbout)
                    .arg(p.findings));
    });
    QObject::connect(&scan, &PeriodScan::finished, &loop, [&](bool done) {
        complete = done;
        loop.quit();
    });
    interruptible = &scan;
    const auto previous = std::signal(SIGINT, onInterrupt);
    scan.start();
    loop.exec();
    std::signal(SIGINT, previous);
    interruptible = nullptr;

    const ScanProgress &p = scan.progress();
    const auto ranked = scan.ranked();
    bool warnings = false;
    for (const ScannedPayment *payment : ranked)
        warnings = warnings || payment->worst >= Severity::Warning;
    for (const Finding &f : scan.merchantWide())
        warnings = warnings || f.severity >= Severity::Warning;
    const QString period = QStringLiteral("%1 – %2").arg(from->toString(Qt::ISODate), to->toString(Qt::ISODate));
    const QString summary = tr("Scan of %1: %2 transactions and %3 settlement records of %4 payments, in %5 requests (%6 s)")
                                .arg(period)
                                .arg(p.transactions)
                                .arg(p.settlements)
                                .arg(p.payments)
                                .arg(p.requests)
                                .arg(double(clock.elapsed()) / 1000.0, 0, 'f', 1);
    if (wantsJson(parser)) {
        nlohmann::ordered_json j;
        j["from"] = from->toString(Qt::ISODate).toStdString();
        j["to"] = to->toString(Qt::ISODate).toStdString();
        j["complete"] = complete;
        if (const auto &error = scan.error())
            j["error"] = printable(error->describe()).toStdString();
        j["cursor"] = scan.cursor().toStdString();
        j["requests"] = p.requests;
        j["pages"] = p.pages;
        j["resumes"] = p.resumes;
        j["transactions"] = p.transactions;
        j["settlements"] = p.settlements;
        j["findings"] = p.findings;
        j["notJudged"] = p.notJudged;
        nlohmann::ordered_json mix = nlohmann::ordered_json::object();
        for (const auto &[status, n] : scan.statusMix())
            mix[status] = n;
        j["statusMix"] = std::move(mix);
        nlohmann::ordered_json days = nlohmann::ordered_json::object();
        for (const auto &[day, counts] : scan.findingsPerDay())
            days[day.toString(Qt::ISODate).toStdString()] = {{"info", counts[0]}, {"warning", counts[1]}, {"critical", counts[2]}};
        j["findingsPerDay"] = std::move(days);
        nlohmann::ordered_json rows = nlohmann::ordered_json::array();
        for (const ScannedPayment *payment : ranked) {
            nlohmann::ordered_json r;
            r["paymentKey"] = payment->paymentKey;
            r["orderId"] = payment->orderId;
            r["day"] = payment->day.toString(Qt::ISODate).toStdString();
            r["worst"] = std::string(severityId(payment->worst));
            r["findings"] = payment->findings;
            nlohmann::ordered_json rules = nlohmann::ordered_json::array();
            for (const Finding &f : payment->examples)
                rules.push_back({{"rule", f.rule}, {"severity", std::string(severityId(f.severity))}, {"title", titleOf(catalog, f, lang)}});
            r["rules"] = std::move(rules);
            rows.push_back(std::move(r));
        }
        j["payments"] = std::move(rows);
        j["paymentsSeen"] = p.payments;
        nlohmann::ordered_json wide = nlohmann::ordered_json::array();
        for (const Finding &f : scan.merchantWide())
            wide.push_back({{"rule", f.rule}, {"severity", std::string(severityId(f.severity))}, {"occurrences", f.occurrences},
                            {"title", titleOf(catalog, f, lang)}});
        j["merchantWide"] = std::move(wide);
        out(j.dump(2) + "\n");
    } else {
        out(summary.toStdString() + "\n");
        out(tr("%n payment(s) with findings", nullptr, int(ranked.size())).toStdString() + "\n");
        int shown = 0;
        for (const ScannedPayment *payment : ranked) {
            if (shown++ == top) {
                out(tr("  … and %1 more (--top, or --format json for all)").arg(ranked.size() - std::size_t(top)).toStdString() + "\n");
                break;
            }
            QStringList titles;
            for (const Finding &f : payment->examples)
                titles << QString::fromStdString(titleOf(catalog, f, lang));
            out(QStringLiteral("  %1  %2  %3  %4  %5")
                    .arg(QString::fromLatin1(severityId(payment->worst).data()), -8)
                    .arg(payment->day.toString(Qt::ISODate), QString::fromStdString(payment->paymentKey),
                         QString::fromStdString(payment->orderId), titles.join(QStringLiteral("; ")))
                    .toStdString()
                + "\n");
        }
        for (const Finding &f : scan.merchantWide())
            out(tr("  across the period (%1×): %2").arg(f.occurrences).arg(QString::fromStdString(titleOf(catalog, f, lang))).toStdString()
                + "\n");
        if (p.notJudged > 0)
            out(tr("%n payment(s) began before the period (their first record in it is a cancel) and were not judged across "
                   "their records: their approval or deposit was not read. Look one up to see it whole.",
                   nullptr, int(p.notJudged))
                    .toStdString()
                + "\n");
    }
    // The ranked table as a report too, what was read of an unfinished scan included.
    ScanResultModel model;
    model.setLanguage(lang);
    model.setRows(scanRowsOf(scan, catalog));
    const ProfileProvenance merchant = profileProvenance(parser);
    const bool reported =
        writeTableReport(parser, scanReport(scan, model, *from, *to, {lang, merchant.profile.isEmpty() ? config->baseUrl.toString() : merchant.profile, summary}));
    if (!complete) {
        if (const auto &error = scan.error())
            err(tr("The scan stopped after %1 pages: %2. What was read is reported above; run it again to read the whole "
                   "period.").arg(p.pages).arg(error->describe()));
        else
            err(tr("The scan was stopped after %1 pages; what was read is reported above.").arg(p.pages));
        return ExitFailed;
    }
    if (!reported)
        return ExitFailed;
    return warnings ? ExitFindings : ExitClean;
}

} // namespace paytriage::cli
