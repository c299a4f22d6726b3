#pragma once

// One way from a pasted text or a file to an analysed case, for the console and the CLI alike:
// the same size limits, the same choice between reading a file whole and streaming it record by
// record, the same source map. Runs anywhere (the console calls it on a worker thread).

#include "model/input.h"
#include "report/casesummary.h"
#include "rules/analyzer.h"

#include <QString>

#include <cstdint>
#include <string>

namespace paytriage {

struct InputLimits
{
    // A file larger than this that holds one JSON array (a transactions or settlements dump) is
    // streamed: its records are analysed one at a time and not kept.
    std::size_t streamAbove = std::size_t(32) * 1024 * 1024;
    // Anything else larger than this is refused: it is decoded whole, as text and values.
    std::size_t maxInMemory = std::size_t(256) * 1024 * 1024;
    // Up to this size every value is mapped to its bytes; above it only the documents and their
    // records (DecodeOptions::MapScope::Records), so a selection still finds its record in the
    // raw text: a map of every value of a 50 MB dump would cost several times the text.
    std::size_t fullMapUpTo = std::size_t(16) * 1024 * 1024;
    // A streamed file's first bytes, kept for the raw pane.
    std::size_t previewBytes = std::size_t(8) * 1024 * 1024;
};

enum class InputRoute {
    Whole,     // read and decoded whole, leniently
    Streamed,  // one big JSON array, analysed record by record
    TooLarge   // refused: not one JSON array, and above maxInMemory
};

// How a file of this size and shape is read. Standard input and pasted text are always Whole
// (and refused above maxInMemory).
InputRoute routeFile(const QString &path, const InputLimits &limits = {});

enum class SourceMapping {
    None,     // not asked for, or the input was streamed
    Records,  // documents and records only (above fullMapUpTo)
    Full      // every value
};

struct AnalysedInput
{
    InputRoute route = InputRoute::Whole;
    // Whole: the decoded text (repairs, skipped parts, the map, a decode error) and its case.
    // Streamed: one placeholder document naming the file; decoded.text holds its first
    // previewBytes (previewCut when there was more).
    LoadedCase loaded;
    Analysis analysis;
    CaseFacts facts;
    SourceMapping mapping = SourceMapping::None;
    std::uint64_t bytes = 0;       // the input's size
    std::size_t records = 0;       // Streamed: records read
    bool previewCut = false;
    // Set when nothing could be read: the file is unreadable, too large, or (streamed) broke;
    // in the UI language. A decode error of a whole text is loaded.decoded.error instead (it
    // has a position in the text).
    QString failure;

    bool ok() const { return failure.isEmpty() && loaded.decoded.ok(); }
};

struct InputOptions
{
    InputLimits limits;
    bool sourceMap = true;  // the console links panes by it; the CLI has no use for it
};

AnalysedInput analyseText(std::string text, std::string label, const Catalog &catalog, const Clock &clock,
                          AnalyzerOptions analyzerOptions, const InputOptions &options = {});
// options.limits decide between reading whole and streaming; a streamed file's findings that do
// not fold go to analyzerOptions.onFinding when it is set (the CLI prints them as they come).
AnalysedInput analyseFile(const QString &path, std::string label, const Catalog &catalog, const Clock &clock,
                          AnalyzerOptions analyzerOptions, const InputOptions &options = {});

} // namespace paytriage
