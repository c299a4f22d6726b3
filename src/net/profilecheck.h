#pragma once

// What is wrong with a merchant profile as the user edited it, before it is stored: the checks
// behind the settings form's inline messages and behind its OK. Widget-free, so the console and
// tests ask the same question (the CLI reads stored profiles and has its own errors).
//
// A problem either blocks saving (the profile could not be used as written: no name, a name
// taken, an address the client refuses, half of a certificate pair) or is a warning the user may
// knowingly keep (a live key, no key yet, an unusual API version, certificate files that are not
// readable right now).

#include "net/profile.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace paytriage {

// The field a problem is about, so a form can show it beside that field and focus it.
enum class ProfileField {
    Name,
    SecretKey,
    BaseUrl,
    ApiVersion,
    AppsInTossUrl,
    ClientCertificate,
    ClientKey
};

struct ProfileProblem
{
    ProfileField field = ProfileField::Name;
    QString message;        // in the UI language (context "paytriage::ProfileCheck")
    bool blocking = false;  // the profile cannot be stored so; else a warning

    friend bool operator==(const ProfileProblem &, const ProfileProblem &) = default;
};

// What is known of a profile's secret key. The stored key itself never enters: only whether the
// store holds one. typed is what the user typed and has not stored yet; only its shape is
// checked, and it never appears in a message.
struct SecretKeyState
{
    QString typed;
    bool checked = false;  // the store answered whether it holds a key for the profile
    bool stored = false;
};

// Every problem of profile, at most one per field, in the order of ProfileField. otherNames: the
// names of the other profiles (names are unique ignoring case and surrounding spaces, as the
// keychain and a reader of the list tell them apart). Reads the client certificate and key when
// both are set (missing, unreadable, expired, encrypted: a warning, the files may be on a drive
// that is not mounted right now).
std::vector<ProfileProblem> profileProblems(const MerchantProfile &profile, const SecretKeyState &key,
                                            const QStringList &otherNames);

// Whether any of problems keeps the profile from being stored.
bool blocksSaving(const std::vector<ProfileProblem> &problems);

} // namespace paytriage
