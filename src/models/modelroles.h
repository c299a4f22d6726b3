#pragma once

// Item-data roles shared by every model of paytriage_models. The models stay QtCore-only:
// colours and icons are the UI's business (SeverityStyleProxy reads SeverityRole).

#include <Qt>

namespace paytriage {

enum ModelRole {
    SeverityRole = Qt::UserRole + 1,  // int: 0 info, 1 warning, 2 critical, -1 none (matches paytriage::Severity)
    DocumentRole,                     // qulonglong: document index in the case
    PointerRole,                      // QString: JSON pointer in that document ("" = document root)
    SortRole,                         // a value to sort by (timestamps as qint64, amounts as double)
    SearchTextRole,                   // QString: everything a text filter should match (both languages)

    FindingIndexRole = SearchTextRole + 10,  // FindingsModel: int index into its findings, -1 for groups
    IsNullRole = SearchTextRole + 11         // JsonTreeModel: bool, the value is JSON null
};

// SeverityRole's "no finding here".
inline constexpr int NoSeverity = -1;

} // namespace paytriage
