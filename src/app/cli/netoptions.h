#pragma once

#include "net/tossclient.h"

#include <optional>

class QCommandLineParser;

namespace paytriage::cli {

// --base-url and --api-version, shared by the commands that call the API.
void addNetworkOptions(QCommandLineParser &parser);
// The client settings from those options and PAYTRIAGE_SECRET_KEY (never from the command
// line); nullopt, with the reason on stderr, when they cannot be used.
std::optional<ClientConfig> clientConfig(const QCommandLineParser &parser, Language language);

} // namespace paytriage::cli
