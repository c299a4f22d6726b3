#include "panes.h"

#include "comparepane.h"
#include "explanationpane.h"
#include "fieldspane.h"
#include "findingspane.h"
#include "rawpane.h"
#include "summarypane.h"
#include "timelinepane.h"

namespace paytriage {
namespace {

template <typename Pane>
CasePane *make(const PaneContext &context)
{
    return new Pane(context);
}

} // namespace

const std::vector<PaneEntry> &casePanes()
{
    static const std::vector<PaneEntry> panes{
        {PaneArea::Header, make<SummaryPane>},
        {PaneArea::Left, make<FindingsPane>},
        {PaneArea::Left, make<ExplanationPane>},
        {PaneArea::Middle, make<RawPane>},
        {PaneArea::Right, make<FieldsPane>},
        {PaneArea::Bottom, make<TimelinePane>},
        {PaneArea::Bottom, make<ComparePane>},
    };
    return panes;
}

} // namespace paytriage
