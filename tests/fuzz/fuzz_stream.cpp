// The streaming reader and the streamed analysis on any bytes saved as a file, as the CLI
// analyses a big dump: no crash or exception; it reads exactly what strict JSON accepts (as
// nlohmann's own parser judges it, comments skipped, within the depth limit); its reports, written while it reads
// and closed when the file breaks, are JSON and readable text.

#include "fuzzcheck.h"

#include "catalog/catalog.h"
#include "report/report.h"
#include "rules/streamedanalysis.h"
#include "util/clock.h"

#include <QCoreApplication>
#include <QDir>
#include <QString>

#include <cstdint>
#include <cstdio>
#include <string>

using namespace paytriage;

namespace {

const QString &scratchFile()
{
    static const QString path =
        QDir::temp().filePath(QStringLiteral("paytriage-fuzz-stream-%1.json").arg(QCoreApplication::applicationPid()));
    return path;
}

// The input as nlohmann's own parser reads it (comments skipped, as the stream does): an array,
// and how deep it nests.
struct StrictReading : nlohmann::json_sax<Json>
{
    bool array = false;
    std::size_t depth = 0;
    std::size_t deepest = 0;
    bool open(bool isArray)
    {
        array = array || (depth == 0 && isArray);
        deepest = std::max(deepest, ++depth);
        return true;
    }
    bool close()
    {
        --depth;
        return true;
    }
    bool null() override { return true; }
    bool boolean(bool) override { return true; }
    bool number_integer(number_integer_t) override { return true; }
    bool number_unsigned(number_unsigned_t) override { return true; }
    bool number_float(number_float_t, const string_t &) override { return true; }
    bool string(string_t &) override { return true; }
    bool binary(binary_t &) override { return true; }
    bool start_object(std::size_t) override { return open(false); }
    bool key(string_t &) override { return true; }
    bool end_object() override { return close(); }
    bool start_array(std::size_t) override { return open(true); }
    bool end_array() override { return close(); }
    bool parse_error(std::size_t, const std::string &, const nlohmann::detail::exception &) override { return false; }
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string input(reinterpret_cast<const char *>(data), size);
    {
        std::FILE *file = std::fopen(scratchFile().toLocal8Bit().constData(), "wb");
        FUZZ_CHECK(file != nullptr, "the scratch file opens");
        FUZZ_CHECK(std::fwrite(data, 1, size, file) == size, "the scratch file is written");
        std::fclose(file);
    }
    static const Catalog catalog = Catalog::builtIn();
    static const FixedClock clock(1764633600000);  // 2025-12-02T00:00:00Z

    for (const bool json : {true, false}) {
        std::string report;
        ReportStream stream(json, "fuzz.json", json ? Language::English : Language::Korean, catalog, {false, 100},
                            [&report](std::string_view part) { report.append(part); });
        AnalyzerOptions options;
        options.timelineLimit = 1000;
        options.renderFindings = false;
        options.onFinding = [&stream](Finding &&f) { stream.finding(f); };
        const StreamedAnalysis streamed = analyzeStreamedFile(scratchFile(), "fuzz.json", catalog, clock, std::move(options));
        if (streamed.stream.error) {
            FUZZ_CHECK(fuzz::readable(streamed.stream.error->excerpt), "a stream error's excerpt is readable");
            stream.fail(streamed.stream.error->message().toString().toStdString());
        } else {
            stream.finish(streamed.kase, streamed.analysis);
        }
        if (json)
            fuzz::checkJsonReport(report);
        else
            fuzz::checkTextReport(report, !streamed.stream.error);

        if (json) {
            // What is a strict JSON array (within our depth limit), the stream reads; what is not,
            // it refuses. A UTF-8 byte order mark and comments are skipped by both. nlohmann's
            // parser takes a NUL byte for the end of its input; the stream refuses it anywhere.
            StrictReading strict;
            const bool whole = Json::sax_parse(input, &strict, nlohmann::detail::input_format_t::json, true, true);
            const bool strictArray = whole && strict.array && input.find('\0') == std::string::npos;
            if (strictArray && strict.deepest <= 512)
                FUZZ_CHECK(!streamed.stream.error, "a strict JSON array streams");
            if (!streamed.stream.error)
                FUZZ_CHECK(strictArray, "what streams is a strict JSON array");
        }
    }
    return 0;
}
