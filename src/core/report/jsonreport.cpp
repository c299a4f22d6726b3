#include "report/reportparts.h"

#include <cstdio>

namespace paytriage {

const Finding &renderedFinding(const ReportInput &in, const Finding &f, Finding &scratch)
{
    if (f.rendered() || !in.catalog)
        return f;
    scratch = f;
    renderFinding(*in.catalog, scratch, in.language);
    return scratch;
}

namespace report_detail {

namespace {

std::string indented(const std::string &text, std::string_view indent)
{
    std::string out;
    out.reserve(text.size() + text.size() / 16);
    for (const char c : text) {
        out += c;
        if (c == '\n')
            out += indent;
    }
    return out;
}

} // namespace

void jsonMember(const ReportWriter &write, std::string_view key, const Json &value, bool last)
{
    write("  ");
    write(Json(std::string(key)).dump());
    write(": ");
    write(indented(value.dump(2), "  "));
    write(last ? "\n" : ",\n");
}

Json summaryJson(const Case &kase, const Analysis &analysis)
{
    const auto counts = analysis.counts();
    const auto worst = analysis.worst();
    return Json{
        {"verdict", std::string(verdictId(verdictOf(kase, analysis)))},
        {"worst", worst ? std::string(severityId(*worst)) : std::string("none")},
        {"critical", counts[static_cast<std::size_t>(Severity::Critical)]},
        {"warning", counts[static_cast<std::size_t>(Severity::Warning)]},
        {"info", counts[static_cast<std::size_t>(Severity::Info)]},
        {"records", analysis.records},
    };
}

Json documentsJson(const Case &kase)
{
    Json documents = Json::array();
    for (std::size_t i = 0; i < kase.documents.size(); ++i) {
        const Document &d = kase.documents[i];
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
    return documents;
}

// A JSON string literal: the text is valid UTF-8 (the decoder and nlohmann's lexer checked it),
// so only quotes, backslashes and control characters need escaping. C1 controls (U+0080–U+009F)
// are escaped too, though JSON allows them raw: a report printed to a terminal stays inert.
void appendString(std::string &out, std::string_view text)
{
    out += '"';
    std::size_t run = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) <= 0x9F
            && static_cast<unsigned char>(text[i + 1]) >= 0x80) {
            out.append(text.substr(run, i - run));
            char escape[8];
            std::snprintf(escape, sizeof escape, "\\u%04x", static_cast<unsigned char>(text[i + 1]));
            out += escape;
            run = i + 2;
            ++i;
            continue;
        }
        if (c >= 0x20 && c != '"' && c != '\\' && c != 0x7F)
            continue;
        out.append(text.substr(run, i - run));
        run = i + 1;
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default: {
            char escape[8];
            std::snprintf(escape, sizeof escape, "\\u%04x", c);
            out += escape;
        }
        }
    }
    out.append(text.substr(run));
    out += '"';
}

// Written out directly, as dump(2) would print it in its place: one element of "findings" of a
// dump is written tens of thousands of times.
std::string findingJson(const Finding &f, Language lang)
{
    std::string out;
    out.reserve(1024 + f.detail.in(lang).size() + f.advice.in(lang).size());
    const auto field = [&out](std::string_view key) {
        out += ",\n      \"";
        out += key;
        out += "\": ";
    };
    out += "    {\n      \"rule\": ";
    appendString(out, f.rule);
    field("variant");
    appendString(out, f.variant);
    field("severity");
    appendString(out, severityId(f.severity));
    field("document");
    out += std::to_string(f.document);
    field("pointer");
    appendString(out, f.pointers.empty() ? std::string_view() : std::string_view(f.pointers.front()));
    field("pointers");
    if (f.pointers.empty()) {
        out += "[]";
    } else {
        out += '[';
        for (std::size_t i = 0; i < f.pointers.size(); ++i) {
            out += i ? ",\n        " : "\n        ";
            appendString(out, f.pointers[i]);
        }
        out += "\n      ]";
    }
    field("title");
    appendString(out, f.title.in(lang));
    field("detail");
    appendString(out, f.detail.in(lang));
    field("advice");
    appendString(out, f.advice.in(lang));
    field("evidence");
    if (f.evidence.empty()) {
        out += "{}";
    } else {
        out += '{';
        for (std::size_t i = 0; i < f.evidence.size(); ++i) {
            out += i ? ",\n        " : "\n        ";
            appendString(out, f.evidence[i].name);
            out += ": ";
            appendString(out, f.evidence[i].value);
        }
        out += "\n      }";
    }
    if (f.occurrences > 1) {
        field("occurrences");
        out += std::to_string(f.occurrences);
    }
    if (!f.related.empty()) {
        field("related");
        out += '[';
        for (std::size_t i = 0; i < f.related.size(); ++i) {
            out += i ? ",\n        {\n          \"document\": " : "\n        {\n          \"document\": ";
            out += std::to_string(f.related[i].document);
            out += ",\n          \"pointer\": ";
            appendString(out, f.related[i].pointer);
            out += "\n        }";
        }
        out += "\n      ]";
    }
    out += "\n    }";
    return out;
}

Json timelineJson(const Analysis &analysis, Language lang)
{
    Json timeline = Json::array();
    for (const TimelineEvent &e : analysis.timeline) {
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
    return timeline;
}

Json repairsJson(const std::vector<Repair> &repairs)
{
    Json list = Json::array();
    for (const Repair &r : repairs)
        list.push_back({{"line", r.position.line}, {"column", r.position.column},
                        {"description", r.description().toString().toStdString()}});
    return list;
}

Json skippedJson(const std::vector<DecodeError> &skipped)
{
    Json list = Json::array();
    for (const DecodeError &e : skipped)
        list.push_back({{"line", e.position.line}, {"column", e.position.column},
                        {"message", e.message().toString().toStdString()}});
    return list;
}

} // namespace report_detail

using namespace report_detail;

void writeJsonReport(const ReportInput &in, const ReportWriter &write)
{
    write("{\n");
    jsonMember(write, "input", in.inputName);
    jsonMember(write, "language", std::string(languageCode(in.language)));
    jsonMember(write, "summary", summaryJson(in.kase, in.analysis));
    jsonMember(write, "documents", documentsJson(in.kase));
    // One finding at a time: rendered (when it came as facts), written, forgotten.
    write(in.analysis.findings.empty() ? "  \"findings\": [" : "  \"findings\": [\n");
    Finding scratch;
    for (std::size_t i = 0; i < in.analysis.findings.size(); ++i) {
        write(findingJson(renderedFinding(in, in.analysis.findings[i], scratch), in.language));
        write(i + 1 < in.analysis.findings.size() ? ",\n" : "\n  ");
    }
    write("],\n");
    jsonMember(write, "timeline", timelineJson(in.analysis, in.language));
    if (in.analysis.timelineTruncated)
        jsonMember(write, "timelineTruncated", true);
    const bool skipped = in.skipped && !in.skipped->empty();
    jsonMember(write, "repairs", repairsJson(in.repairs), !skipped);
    if (skipped)
        jsonMember(write, "skipped", skippedJson(*in.skipped), true);
    write("}\n");
}

ReportStream::ReportStream(bool json, std::string inputName, Language language, const Catalog &catalog,
                           TextStyle style, ReportWriter write)
    : m_json(json)
    , m_inputName(std::move(inputName))
    , m_language(language)
    , m_catalog(catalog)
    , m_style(style)
    , m_write(std::move(write))
{
    if (m_json) {
        m_write("{\n");
        jsonMember(m_write, "input", m_inputName);
        jsonMember(m_write, "language", std::string(languageCode(m_language)));
        m_write("  \"findings\": [");
    }
}

void ReportStream::finding(const Finding &f)
{
    Finding scratch;
    const Finding *shown = &f;
    if (!f.rendered()) {
        scratch = f;
        renderFinding(m_catalog, scratch, m_language);
        shown = &scratch;
    }
    if (m_json) {
        m_write(m_written ? ",\n" : "\n");
        m_write(findingJson(*shown, m_language));
    } else {
        const Palette c = palette(m_style.color);
        if (!m_written)
            m_write(textFindingsHeading(c));
        m_write(textFinding(*shown, m_language, m_style, c));
    }
    ++m_written;
}

void ReportStream::fail(const std::string &message)
{
    if (!m_json)
        return;
    m_write(m_written ? "\n  ],\n" : "],\n");
    jsonMember(m_write, "error", message, true);
    m_write("}\n");
}

void ReportStream::finish(const Case &kase, const Analysis &analysis)
{
    for (const Finding &f : analysis.findings)
        finding(f);
    const std::vector<Repair> noRepairs;
    const ReportInput in{kase, analysis, noRepairs, m_inputName, m_language, nullptr, &m_catalog};
    if (m_json) {
        m_write(m_written ? "\n  ],\n" : "],\n");
        jsonMember(m_write, "summary", summaryJson(kase, analysis));
        jsonMember(m_write, "documents", documentsJson(kase));
        jsonMember(m_write, "timeline", timelineJson(analysis, m_language));
        if (analysis.timelineTruncated)
            jsonMember(m_write, "timelineTruncated", true);
        jsonMember(m_write, "repairs", Json::array(), true);
        m_write("}\n");
        return;
    }
    const Palette c = palette(m_style.color);
    m_write(textTimeline(analysis, m_language, c));
    m_write('\n' + textSummary(in, c));
}

} // namespace paytriage
