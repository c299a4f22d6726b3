#pragma once

// Documents inside the strings of a document of no known kind (private to src/core/model): a
// structured log line quoting the API's answer. Kept out of input.cpp, whose streaming code GCC
// inlines only while that file stays small (see src/core/CMakeLists.txt).

#include "model/input.h"

namespace paytriage {

// Adds, after loaded's documents, each known document found in a string of a document of no
// known kind, placed at that string in the text, with a repair that says so.
void readEmbeddedDocuments(LoadedCase &loaded, const DocumentSource &source, const DecodeOptions &options);

} // namespace paytriage
