#include "output.h"

#include <cstdio>

#ifdef _WIN32
#include <io.h>
#define PT_ISATTY _isatty
#define PT_FILENO _fileno
#else
#include <unistd.h>
#define PT_ISATTY isatty
#define PT_FILENO fileno
#endif

namespace paytriage::cli {

void out(const std::string &text)
{
    std::fwrite(text.data(), 1, text.size(), stdout);
}

void err(const QString &text)
{
    const QByteArray line = "paytriage-cli: " + text.toUtf8() + '\n';
    std::fwrite(line.constData(), 1, static_cast<std::size_t>(line.size()), stderr);
}

bool stdoutIsTerminal()
{
    return PT_ISATTY(PT_FILENO(stdout)) != 0;
}

} // namespace paytriage::cli
