#pragma once

// What the evidence history writes of a body and its headers: the bytes as received, except that
// the values maskedFields() lists (report/redaction.h: payment secret, card and account numbers,
// personal data) are masked where they stand, and secret keys and credentials are taken out.
// Everything else stays byte for byte, so the raw pane and a report show what came back.

#include <QByteArray>
#include <QList>
#include <QPair>

namespace paytriage {

struct MaskedBody
{
    QByteArray content;
    int maskedValues = 0;        // values masked by maskedFields() and credentials taken out
    // The values that were masked, as they were: the caller scrubs them from anything else it
    // keeps of the same snapshot (a finding's title). Never written anywhere.
    QList<QByteArray> originals;
};

// content read leniently as JSON (what a person pastes too); each value redact() would mask is
// replaced in its place by its masked form, quoted as it was quoted. Text that is not JSON keeps
// its bytes, less any credential.
MaskedBody maskBody(const QByteArray &content);

// Secret keys (test_sk_…, live_gsk_…, test_ak_…: the prefix is kept, so TEST or LIVE still shows)
// and HTTP credentials ("Basic …", "Bearer …") replaced by [masked]. Returns how many.
int maskCredentials(QByteArray &text);

// Credentials, and each of originals (a snapshot's masked values) that is long enough to be
// told apart from other text, masked in a text the snapshot keeps beside its bodies (a finding's
// title, what the user typed).
QByteArray maskText(QByteArray text, const QList<QByteArray> &originals);

// The headers worth keeping: everything but credentials and cookies (Authorization,
// Proxy-Authorization, Cookie, Set-Cookie), with any credential in the others masked.
QList<QPair<QByteArray, QByteArray>> storedHeaders(const QList<QPair<QByteArray, QByteArray>> &headers);

} // namespace paytriage
