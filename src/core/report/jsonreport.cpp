#include "report/report.h"

namespace paytriage {

Json jsonReport(const ReportInput &in)
{
    const Language lang = in.language;
    Json out = Json::object();
    out["input"] = in.inputName;
    out["language"] = std::string(languageCode(lang));

    std::size_t counts[3] = {0, 0, 0};
    for (const Finding &f : in.analysis.findings)
        ++counts[static_cast<int>(f.severity)];
    const auto worst = in.analysis.worst();
    out["summary"] = {
        {"verdict", std::string(verdictId(verdictOf(in.kase, in.analysis)))},
        {"worst", worst ? std::string(severityId(*worst)) : std::string("none")},
        {"critical", counts[static_cast<int>(Severity::Critical)]},
        {"warning", counts[static_cast<int>(Severity::Warning)]},
        {"info", counts[static_cast<int>(Severity::Info)]},
        {"records", in.analysis.records},
    };

    Json documents = Json::array();
    for (std::size_t i = 0; i < in.kase.documents.size(); ++i) {
        const Document &d = in.kase.documents[i];
        Json doc = {{"index", i}, {"kind", std::string(kindId(d.kind))}, {"source", d.source.label}};
        if (!d.apiVersion.empty())
            doc["apiVersion"] = d.apiVersion;
        if (!d.source.endpoint.empty())
            doc["endpoint"] = d.source.endpoint;
        if (d.source.httpStatus)
            doc["httpStatus"] = d.source.httpStatus;
        if (d.partial)
            doc["partial"] = true;
        documents.push_back(std::move(doc));
    }
    out["documents"] = std::move(documents);

    Json findings = Json::array();
    for (const Finding &f : in.analysis.findings) {
        Json evidence = Json::object();
        for (const Evidence &e : f.evidence)
            evidence[e.name] = e.value;
        Json item = {
            {"rule", f.rule},
            {"variant", f.variant},
            {"severity", std::string(severityId(f.severity))},
            {"document", f.document},
            {"pointer", f.pointers.empty() ? std::string() : f.pointers.front()},
            {"pointers", f.pointers},
            {"title", f.title.in(lang)},
            {"detail", f.detail.in(lang)},
            {"advice", f.advice.in(lang)},
            {"evidence", std::move(evidence)},
        };
        if (f.occurrences > 1)
            item["occurrences"] = f.occurrences;
        if (!f.related.empty()) {
            Json related = Json::array();
            for (const FindingLocation &l : f.related)
                related.push_back({{"document", l.document}, {"pointer", l.pointer}});
            item["related"] = std::move(related);
        }
        findings.push_back(std::move(item));
    }
    out["findings"] = std::move(findings);

    Json timeline = Json::array();
    for (const TimelineEvent &e : in.analysis.timeline) {
        Json item = {
            {"at", formatIsoKst(e.at.msSinceEpoch)},
            {"source", std::string(kindId(e.source))},
            {"event", std::string(eventTypeId(e.type))},
            {"label", e.label.in(lang)},
            {"status", e.status},
            {"amount", e.amount ? Json(*e.amount) : Json()},
            {"currency", e.currency},
            {"document", e.document},
            {"pointer", e.pointer},
        };
        if (!e.at.hasOffset && !e.at.dateOnly)
            item["assumedKst"] = true;
        timeline.push_back(std::move(item));
    }
    out["timeline"] = std::move(timeline);
    if (in.analysis.timelineTruncated)
        out["timelineTruncated"] = true;

    Json repairs = Json::array();
    for (const Repair &r : in.repairs)
        repairs.push_back({{"line", r.position.line}, {"column", r.position.column},
                           {"description", r.description().toString().toStdString()}});
    out["repairs"] = std::move(repairs);
    if (in.skipped && !in.skipped->empty()) {
        Json skipped = Json::array();
        for (const DecodeError &e : *in.skipped)
            skipped.push_back({{"line", e.position.line}, {"column", e.position.column},
                               {"message", e.message().toString().toStdString()}});
        out["skipped"] = std::move(skipped);
    }
    return out;
}

} // namespace paytriage
