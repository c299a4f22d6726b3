#pragma once

// The user's console preferences, kept in the same settings file as the merchant profiles
// (openUserSettings()): the UI language and per-rule severity overrides, applied by the
// analyzer (AnalyzerOptions::severityOverrides) like Wireshark's expert-item preferences.
//
// Layout (INI):  [general]  language=ko|en
//                [rules]    <rule id>=critical|warning|info   (absent: the rule's own severity)
//                [history]  location=<file or postgresql://…>, keepDays=<n>

#include "rules/finding.h"
#include "util/text.h"

#include <QString>

#include <map>
#include <string>

class QSettings;

namespace paytriage {

struct Preferences
{
    Language language = Language::Korean;
    std::map<std::string, Severity> severityOverrides;  // rule id → severity; absent = the rule decides
    // The evidence history: an SQLite file or a postgresql:// URL (no password); empty: the
    // user's own file (defaultStorePath()). PAYTRIAGE_STORE, when set, wins.
    QString historyLocation;
    // Snapshots older than this many days are pruned at start and when saved, pinned ones kept;
    // 0: everything is kept.
    int keepDays = 0;

    friend bool operator==(const Preferences &, const Preferences &) = default;
};

// Missing values: the system language (Korean on a Korean system, else English), no overrides.
// Unreadable values (a hand-edited file) are skipped.
Preferences loadPreferences(QSettings &settings);
void savePreferences(QSettings &settings, const Preferences &preferences);

} // namespace paytriage
