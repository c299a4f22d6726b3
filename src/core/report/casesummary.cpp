#include "report/casesummary.h"

#include "report/redaction.h"
#include "util/jsonutil.h"
#include "util/money.h"
#include "util/timestamp.h"

#include <QCoreApplication>

namespace paytriage {

namespace {

// Literal contexts at each call, so lupdate files them where the program looks them up.
std::string str(const QString &text)
{
    return text.toStdString();
}

LocalizedText label(const Catalog &catalog, const char *enumName, const std::string &value)
{
    if (const Json *entry = catalog.enumValue(enumName, value))
        return Catalog::text(*entry, "label");
    return {};
}

std::optional<double> number(const Json &object, const char *key)
{
    const Json *value = json::get(object, key);
    return value && value->is_number() ? std::optional<double>(value->get<double>()) : std::nullopt;
}

} // namespace

CaseFacts caseFactsOf(const Case &kase, const Catalog &catalog)
{
    CaseFacts facts;
    const auto first = [&kase](DocumentKind kind) -> const JsonRef * {
        for (const JsonRef &ref : kase.of(kind))
            if (ref.value && ref.value->is_object())
                return &ref;
        return nullptr;
    };
    if (const JsonRef *payment = first(DocumentKind::Payment)) {
        const Json &p = *payment->value;
        facts.kind = DocumentKind::Payment;
        facts.status = json::string(p, "status");
        facts.statusLabel = label(catalog, "payment.status", facts.status);
        facts.method = json::string(p, "method");
        facts.currency = json::string(p, "currency");
        facts.totalAmount = number(p, "totalAmount");
        facts.balanceAmount = number(p, "balanceAmount");
        facts.orderId = json::string(p, "orderId");
        facts.paymentKey = json::string(p, "paymentKey");
        facts.orderName = json::string(p, "orderName");
        if (payment->document < kase.documents.size())
            facts.apiVersion = kase.documents[payment->document].apiVersion;
    } else if (const JsonRef *order = first(DocumentKind::IapOrderStatus)) {
        const Json &p = *order->value;
        facts.kind = DocumentKind::IapOrderStatus;
        facts.status = json::string(p, "status");
        facts.statusLabel = label(catalog, "iap.status", facts.status);
        facts.currency = "KRW";
        facts.totalAmount = number(p, "amount");
        facts.orderId = json::string(p, "orderId");
        facts.orderName = json::string(p, "productName");
    } else if (first(DocumentKind::Transactions)) {
        // Transactions alone (seed 001's paste): the payment's latest transaction says where it is.
        const Json *latest = nullptr;
        std::int64_t latestMs = 0;
        for (const JsonRef &ref : kase.of(DocumentKind::Transactions)) {
            if (!ref.value || !ref.value->is_object())
                continue;
            const auto at = parseTimestamp(json::string(*ref.value, "transactionAt"));
            if (!latest || (at && at->msSinceEpoch >= latestMs)) {
                latest = ref.value;
                latestMs = at ? at->msSinceEpoch : latestMs;
            }
        }
        facts.kind = DocumentKind::Transactions;
        facts.status = json::string(*latest, "status");
        facts.statusLabel = label(catalog, "payment.status", facts.status);
        facts.method = json::string(*latest, "method");
        facts.currency = json::string(*latest, "currency");
        facts.orderId = json::string(*latest, "orderId");
        facts.paymentKey = json::string(*latest, "paymentKey");
    }
    facts.methodLabel = label(catalog, "payment.method", facts.method);
    if (facts.currency.empty())
        facts.currency = "KRW";
    return facts;
}

std::string findingText(const Finding &finding, Language language)
{
    std::string text = '[' + severityName(finding.severity).toStdString() + "] " + finding.title.in(language) + '\n';
    if (!finding.detail.empty())
        text += "  " + finding.detail.in(language) + '\n';
    if (!finding.advice.empty())
        text += "  " + str(QCoreApplication::translate("paytriage::CaseSummary", "What to do:")) + ' '
                + finding.advice.in(language) + '\n';
    for (const Evidence &e : finding.evidence) {
        // A field's value is masked as the field would be (its name, or the last two steps of
        // its pointer: "/card/number").
        std::string_view name = e.name;
        std::string_view parent;
        if (const std::size_t slash = name.rfind('/'); slash != std::string_view::npos) {
            const std::string_view head = name.substr(0, slash);
            parent = head.substr(head.rfind('/') == std::string_view::npos ? 0 : head.rfind('/') + 1);
            name = name.substr(slash + 1);
        }
        const MaskedField *masked = maskedField(name, parent);
        text += "  " + e.name + ": " + (masked ? maskValue(e.value, masked->style) : e.in(language)) + '\n';
    }
    return text;
}

std::string caseSummaryText(const CaseFacts &facts, const Analysis &analysis, Language language,
                            const std::string &title, const std::string &provenance)
{
    std::string text = "[PayTriage] " + title + '\n';
    if (facts.kind != DocumentKind::Unknown) {
        std::string line = str(QCoreApplication::translate("paytriage::CaseSummary", "Status:")) + ' ' + facts.status;
        if (!facts.statusLabel.empty())
            line += " (" + facts.statusLabel.in(language) + ')';
        if (!facts.methodLabel.empty())
            line += " · " + facts.methodLabel.in(language);
        else if (!facts.method.empty())
            line += " · " + facts.method;
        if (facts.totalAmount)
            line += " · " + str(QCoreApplication::translate("paytriage::CaseSummary", "total")) + ' '
                    + formatMoney(*facts.totalAmount, facts.currency, language);
        if (facts.balanceAmount)
            line += " · " + str(QCoreApplication::translate("paytriage::CaseSummary", "balance")) + ' '
                    + formatMoney(*facts.balanceAmount, facts.currency, language);
        text += line + '\n';
        if (!facts.orderId.empty())
            text += "orderId: " + facts.orderId + '\n';
        if (!facts.paymentKey.empty())
            text += "paymentKey: " + facts.paymentKey + '\n';
    }
    if (!provenance.empty())
        text += str(QCoreApplication::translate("paytriage::CaseSummary", "Source:")) + ' ' + provenance + '\n';
    const auto counts = analysis.counts();
    if (analysis.findings.empty()) {
        text += str(QCoreApplication::translate("paytriage::CaseSummary", "Findings: none")) + '\n';
    } else {
        text += QCoreApplication::translate("paytriage::CaseSummary", "Findings (%1 critical, %2 warning, %3 info):")
                    .arg(counts[2])
                    .arg(counts[1])
                    .arg(counts[0])
                    .toStdString()
                + '\n';
        for (const Finding &f : analysis.findings) {
            std::string line = "- [" + severityName(f.severity).toStdString() + "] " + f.title.in(language);
            if (f.occurrences > 1)
                line += " (×" + std::to_string(f.occurrences) + ')';
            text += line + '\n';
            if (!f.advice.empty())
                text += "  " + f.advice.in(language) + '\n';
        }
    }
    text += str(QCoreApplication::translate("paytriage::CaseSummary", "Masked: %1.").arg(maskedFieldsDescription())) + '\n';
    return text;
}

} // namespace paytriage
