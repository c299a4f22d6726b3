#include "finding.h"

namespace paytriage {

std::string_view severityId(Severity severity)
{
    switch (severity) {
    case Severity::Info: return "info";
    case Severity::Warning: return "warning";
    case Severity::Critical: return "critical";
    }
    return "info";
}

bool severityFromId(std::string_view id, Severity *severity)
{
    for (Severity s : {Severity::Info, Severity::Warning, Severity::Critical}) {
        if (severityId(s) == id) {
            *severity = s;
            return true;
        }
    }
    return false;
}

} // namespace paytriage
