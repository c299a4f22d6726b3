// A paste as the console and the CLI read it: decoded leniently, classified, analysed by every
// rule against the built-in catalog, and reported. No crash or exception; the JSON report is
// JSON; the text report (Korean) is readable; every finding's location resolves in its document.

#include "fuzzcheck.h"

#include "catalog/catalog.h"
#include "model/input.h"
#include "report/report.h"
#include "rules/analyzer.h"
#include "util/clock.h"

#include <cstdint>
#include <string>

using namespace paytriage;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static const Catalog catalog = Catalog::builtIn();
    static const FixedClock clock(1764633600000);  // 2025-12-02T00:00:00Z

    LoadedCase loaded = loadText(std::string(reinterpret_cast<const char *>(data), size), {"paste", {}, 0});
    if (!loaded.decoded.ok())
        return 0;
    const Case &kase = loaded.kase;
    const Analysis analysis = Analyzer(catalog, clock).analyze(kase);
    for (const Finding &finding : analysis.findings) {
        FUZZ_CHECK(finding.document < kase.documents.size(), "a finding names a document of the case");
        FUZZ_CHECK(finding.rendered(), "a finding has its wording");
        for (const std::string &pointer : finding.pointers)
            FUZZ_CHECK(kase.documents[finding.document].value.contains(Json::json_pointer(pointer)),
                       "a finding's pointer resolves");
        for (const FindingLocation &place : finding.related) {
            FUZZ_CHECK(place.document < kase.documents.size(), "a related place names a document of the case");
            FUZZ_CHECK(kase.documents[place.document].value.contains(Json::json_pointer(place.pointer)),
                       "a related place's pointer resolves");
        }
    }
    (void)verdictOf(kase, analysis);

    std::string json;
    writeJsonReport({kase, analysis, loaded.decoded.repairs, "paste", Language::English, &loaded.decoded.skipped, &catalog},
                    [&json](std::string_view part) { json.append(part); });
    fuzz::checkJsonReport(json);
    std::string text;
    writeTextReport({kase, analysis, loaded.decoded.repairs, "paste", Language::Korean, &loaded.decoded.skipped, &catalog},
                    {false, 100}, [&text](std::string_view part) { text.append(part); });
    fuzz::checkTextReport(text);
    return 0;
}
