#include "report/redaction.h"

#include <QCoreApplication>
#include <QStringList>

namespace paytriage {

namespace {

// One UTF-8 code point's length from its first byte (1 for anything malformed).
std::size_t codePointLength(unsigned char c)
{
    if (c >= 0xF0)
        return 4;
    if (c >= 0xE0)
        return 3;
    if (c >= 0xC0)
        return 2;
    return 1;
}

std::size_t codePoints(std::string_view text)
{
    std::size_t n = 0;
    for (std::size_t i = 0; i < text.size(); i += codePointLength(static_cast<unsigned char>(text[i])))
        ++n;
    return n;
}

void redactIn(Json &value, std::string_view parent, std::size_t *count)
{
    if (value.is_array()) {
        for (Json &element : value)
            redactIn(element, parent, count);
        return;
    }
    if (!value.is_object())
        return;
    for (auto it = value.begin(); it != value.end(); ++it) {
        Json &member = it.value();
        const MaskedField *rule = maskedField(it.key(), parent);
        if (rule && (member.is_string() || (member.is_number() && rule->style == MaskStyle::KeepLastFour))) {
            const std::string text = member.is_string() ? member.get<std::string>() : member.dump();
            member = maskValue(text, rule->style);
            ++*count;
        } else {
            redactIn(member, it.key(), count);
        }
    }
}

} // namespace

const std::vector<MaskedField> &maskedFields()
{
    static const std::vector<MaskedField> fields = {
        {"secret", "", MaskStyle::Whole, QT_TRANSLATE_NOOP("paytriage::Redaction", "payment secret")},
        {"number", "card", MaskStyle::KeepLastFour, QT_TRANSLATE_NOOP("paytriage::Redaction", "card number")},
        {"cardNumber", "", MaskStyle::KeepLastFour, QT_TRANSLATE_NOOP("paytriage::Redaction", "card number")},
        {"accountNumber", "", MaskStyle::KeepLastFour, QT_TRANSLATE_NOOP("paytriage::Redaction", "account number")},
        {"customerIdentityNumber", "", MaskStyle::KeepLastFour,
         QT_TRANSLATE_NOOP("paytriage::Redaction", "cash-receipt identity number")},
        {"customerMobilePhone", "", MaskStyle::KeepLastFour, QT_TRANSLATE_NOOP("paytriage::Redaction", "phone number")},
        {"mobilePhone", "", MaskStyle::KeepLastFour, QT_TRANSLATE_NOOP("paytriage::Redaction", "phone number")},
        {"customerName", "", MaskStyle::Name, QT_TRANSLATE_NOOP("paytriage::Redaction", "customer name")},
        {"holderName", "", MaskStyle::Name, QT_TRANSLATE_NOOP("paytriage::Redaction", "account holder name")},
        {"depositorName", "", MaskStyle::Name, QT_TRANSLATE_NOOP("paytriage::Redaction", "depositor name")},
        {"customerEmail", "", MaskStyle::Email, QT_TRANSLATE_NOOP("paytriage::Redaction", "e-mail address")},
        {"email", "", MaskStyle::Email, QT_TRANSLATE_NOOP("paytriage::Redaction", "e-mail address")},
    };
    return fields;
}

const MaskedField *maskedField(std::string_view key, std::string_view parent)
{
    for (const MaskedField &field : maskedFields())
        if (field.key == key && (field.parent.empty() || field.parent == parent))
            return &field;
    return nullptr;
}

QString maskedFieldsDescription()
{
    QStringList names;
    for (const MaskedField &field : maskedFields()) {
        const QString name = QCoreApplication::translate("paytriage::Redaction", field.what);
        if (!names.contains(name))
            names << name;
    }
    return names.join(QStringLiteral(", "));
}

std::string maskValue(std::string_view value, MaskStyle style)
{
    if (value.empty())
        return {};
    switch (style) {
    case MaskStyle::Whole:
        return "[masked]";
    case MaskStyle::KeepLastFour: {
        const std::size_t n = codePoints(value);
        std::string out(n > 4 ? n - 4 : n, '*');
        if (n > 4) {
            std::size_t keepFrom = value.size();
            for (std::size_t kept = 0; kept < 4; ++kept) {
                do {
                    --keepFrom;
                } while (keepFrom > 0 && (static_cast<unsigned char>(value[keepFrom]) & 0xC0) == 0x80);
            }
            out += value.substr(keepFrom);
        }
        return out;
    }
    case MaskStyle::Name: {
        if (codePoints(value) <= 1)
            return "*";
        const std::size_t first = std::min(value.size(), codePointLength(static_cast<unsigned char>(value[0])));
        return std::string(value.substr(0, first)) + std::string(codePoints(value) - 1, '*');
    }
    case MaskStyle::Email: {
        const std::size_t at = value.find('@');
        if (at == std::string_view::npos)
            return maskValue(value, MaskStyle::Name);
        return maskValue(value.substr(0, at), MaskStyle::Name) + std::string(value.substr(at));
    }
    }
    return "[masked]";
}

std::size_t redact(Json &value)
{
    std::size_t count = 0;
    redactIn(value, {}, &count);
    return count;
}

} // namespace paytriage
