#pragma once

// What people paste into the lookup field, made into ids: "주문번호: 2025…", "orderId=…",
// quoted ids, a payment's URL, a receipt link, several ids from a ticket or a spreadsheet column.

#include "net/casefetcher.h"

#include <QString>
#include <QStringList>

namespace paytriage {

struct LookupInput
{
    struct Id
    {
        QString id;
        IdKind kind = IdKind::Auto;  // OrderId or PaymentKey when a label or URL said which
    };
    QList<Id> ids;        // in the order given, each once
    bool cleaned = false; // something around the ids was taken away (a label, quotes, a URL)
};

// Never fails: text with no id-shaped token gives no ids.
LookupInput parseLookupInput(const QString &text);

} // namespace paytriage
