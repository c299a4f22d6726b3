#pragma once

// The case view's panes and where each sits: the one place a pane is added.

#include "casepane.h"

#include <vector>

namespace paytriage {

enum class PaneArea {
    Header,  // above the others, full width
    Left,    // the three columns of the upper part, left to right
    Middle,
    Right,
    Bottom   // under the columns, full width
};

struct PaneEntry
{
    PaneArea area;
    CasePane *(*make)(const PaneContext &context);
};

// In the order they are laid out (and reached with Tab): panes of one area are stacked top to
// bottom.
const std::vector<PaneEntry> &casePanes();

} // namespace paytriage
