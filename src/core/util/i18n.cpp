#include "util/i18n.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include <memory>
#include <optional>

namespace paytriage {

Language systemLanguage()
{
    return QLocale::system().language() == QLocale::Korean ? Language::Korean : Language::English;
}

bool installTranslators(Language language)
{
    static std::unique_ptr<QTranslator> app;
    static std::unique_ptr<QTranslator> qt;
    static std::optional<Language> installed;
    // Installing again would only make every widget retranslate (the console's start-up sets the
    // language main() already installed).
    if (installed == language && app)
        return true;
    for (auto *old : {app.get(), qt.get()})
        if (old)
            QCoreApplication::removeTranslator(old);
    app = std::make_unique<QTranslator>();
    qt = std::make_unique<QTranslator>();
    const QString code = QString::fromLatin1(languageCode(language).data(), 2);
    const bool loaded = app->load(QStringLiteral(":/i18n/paytriage_") + code);
    if (loaded) {
        QCoreApplication::installTranslator(app.get());
        installed = language;
    }
    if (qt->load(QStringLiteral("qtbase_") + code, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt.get());
    return loaded;
}

} // namespace paytriage
