#include "netoptions.h"

#include "output.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace paytriage::cli {

void addNetworkOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("base-url"),
                      QCoreApplication::translate("paytriage::cli",
                                                  "API base URL (default https://api.tosspayments.com; http:// only to this computer)."),
                      QStringLiteral("url")});
    parser.addOption({QStringLiteral("api-version"),
                      QCoreApplication::translate("paytriage::cli", "Send this TossPayments-API-Version header."),
                      QStringLiteral("version")});
}

std::optional<ClientConfig> clientConfig(const QCommandLineParser &parser, Language language)
{
    ClientConfig config;
    if (parser.isSet(QStringLiteral("base-url")))
        config.baseUrl = QUrl(parser.value(QStringLiteral("base-url")));
    config.secretKey = qEnvironmentVariable("PAYTRIAGE_SECRET_KEY");
    config.apiVersion = parser.value(QStringLiteral("api-version"));
    config.language = language;
    if (const auto problem = config.problem()) {
        err(*problem);
        return std::nullopt;
    }
    return config;
}

} // namespace paytriage::cli
