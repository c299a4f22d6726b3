#pragma once

// The case in words and in one severity, the same wherever it is said: the header chip, the
// tab, the explanation pane, the status bar, the summary copied for a ticket.

#include "session/casesession.h"
#include "util/text.h"

#include <QString>

#include <array>

namespace paytriage {

// Counts of the findings per severity (info, warning, critical), and the worst (-1: none).
std::array<int, 3> severityCounts(const CaseSession &session);
int worstSeverity(const CaseSession &session);
// The one severity of the case for its tab, the status bar and the banner: the worst of its
// findings and of its failures (a failed source counts as ApiError::severity() says; text that
// could not be read, as a warning). -1: nothing to flag.
int caseSeverity(const CaseSession &session);
// The case's state: "Looking up… 1 of 3 sources", "2 of 3 sources arrived", … Empty for a
// complete case (its findings speak) and for one not started.
QString caseStateText(const CaseSession &session);
// What the status bar says of the case: its findings, said as such only when complete.
QString caseFindingsSummary(const CaseSession &session);
// Where the case came from: the merchant profile, its MID and key mode, and when it was looked
// up (KST); or that it was pasted or read from a file, and when it was analysed.
QString caseProvenance(const CaseSession &session);
// "Copy summary": the case as plain text for a ticket, in language, personal data masked.
QString caseTicketSummary(const CaseSession &session, Language language);

} // namespace paytriage
