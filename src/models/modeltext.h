#pragma once

// Words the models share (tr() context "paytriage::ModelText"): document kinds and the parties
// who act on an error. The UI may use them too.

#include "model/document.h"

#include <QObject>
#include <QString>

#include <string_view>

namespace paytriage {

class Catalog;

class ModelText final : public QObject
{
    Q_OBJECT
public:
    // "Payment", "Transaction", "In-app order", … in the UI language.
    static QString documentKind(DocumentKind kind);
    // An errors.json whoActs id ("merchant", "customer", "issuer", "toss") in words. An id
    // the program does not know (a user's catalog override) takes the catalog's "who.<id>"
    // title when there is one, else stays as written.
    static QString party(std::string_view id, const Catalog &catalog, Language language);
};

} // namespace paytriage
