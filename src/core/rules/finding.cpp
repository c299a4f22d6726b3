#include "finding.h"

#include <QCoreApplication>

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

QString severityName(Severity severity)
{
    switch (severity) {
    case Severity::Critical: return QCoreApplication::translate("paytriage::Severity", "Critical");
    case Severity::Warning: return QCoreApplication::translate("paytriage::Severity", "Warning");
    case Severity::Info: break;
    }
    return QCoreApplication::translate("paytriage::Severity", "Info");
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
