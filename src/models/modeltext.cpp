#include "modeltext.h"

#include "catalog/catalog.h"

namespace paytriage {

QString ModelText::documentKind(DocumentKind kind)
{
    switch (kind) {
    case DocumentKind::Payment: return tr("Payment");
    case DocumentKind::Transactions: return tr("Transaction");
    case DocumentKind::Settlements: return tr("Settlement");
    case DocumentKind::IapOrderStatus: return tr("In-app order");
    case DocumentKind::Error: return tr("API error");
    case DocumentKind::Webhook: return tr("Webhook");
    case DocumentKind::DepositCallback: return tr("Deposit callback");
    case DocumentKind::CashReceipts: return tr("Cash receipt");
    case DocumentKind::Billing: return tr("Billing key");
    case DocumentKind::Cancel: return tr("Cancel");
    case DocumentKind::BrandPayMethod: return tr("BrandPay method");
    case DocumentKind::BrandPayCustomer: return tr("BrandPay customer");
    case DocumentKind::Balance: return tr("Balance");
    case DocumentKind::Payout: return tr("Payout");
    case DocumentKind::Seller: return tr("Seller");
    case DocumentKind::Unknown: break;
    }
    return tr("Unknown document");
}

QString ModelText::party(std::string_view id, const Catalog &catalog, Language language)
{
    if (id == "merchant")
        return tr("merchant");
    if (id == "customer")
        return tr("customer");
    if (id == "issuer")
        return tr("card company or bank");
    if (id == "toss")
        return tr("Toss Payments");
    const LocalizedText title = catalog.message("who." + std::string(id)).title;
    // message() falls back to the key itself when the entry is missing.
    if (!title.empty() && title.en != "who." + std::string(id))
        return title.qIn(language);
    return QString::fromUtf8(id.data(), static_cast<qsizetype>(id.size()));
}

} // namespace paytriage
