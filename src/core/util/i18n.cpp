#include "util/i18n.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include <memory>
#include <optional>

namespace paytriage {
namespace {

std::optional<Language> installedLanguage;  // PayTriage's messages in this language are installed

} // namespace

Language systemLanguage()
{
    return QLocale::system().language() == QLocale::Korean ? Language::Korean : Language::English;
}

bool installTranslators(Language language)
{
    static std::unique_ptr<QTranslator> app;
    static std::unique_ptr<QTranslator> qt;
    // Installing again would only make every widget retranslate (the console's start-up sets the
    // language main() already installed).
    if (installedLanguage == language && app)
        return true;
    installedLanguage.reset();  // removing sends LanguageChange too: the source texts show then
    for (auto *old : {app.get(), qt.get()})
        if (old)
            QCoreApplication::removeTranslator(old);
    app = std::make_unique<QTranslator>();
    qt = std::make_unique<QTranslator>();
    const QString code = QString::fromLatin1(languageCode(language).data(), 2);
    const bool loaded = app->load(QStringLiteral(":/i18n/paytriage_") + code);
    if (loaded) {
        // Set before installing: installing sends LanguageChange, and widgets ask uiLanguage() then.
        installedLanguage = language;
        QCoreApplication::installTranslator(app.get());
    }
    if (qt->load(QStringLiteral("qtbase_") + code, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt.get());
    return loaded;
}

Language uiLanguage()
{
    return installedLanguage.value_or(Language::English);
}

} // namespace paytriage
