#include "util/i18n.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include <memory>

namespace paytriage {

Language systemLanguage()
{
    return QLocale::system().language() == QLocale::Korean ? Language::Korean : Language::English;
}

bool installTranslators(Language language)
{
    static std::unique_ptr<QTranslator> app;
    static std::unique_ptr<QTranslator> qt;
    for (auto *old : {app.get(), qt.get()})
        if (old)
            QCoreApplication::removeTranslator(old);
    app = std::make_unique<QTranslator>();
    qt = std::make_unique<QTranslator>();
    const QString code = QString::fromLatin1(languageCode(language).data(), 2);
    const bool loaded = app->load(QStringLiteral(":/i18n/paytriage_") + code);
    if (loaded)
        QCoreApplication::installTranslator(app.get());
    if (qt->load(QStringLiteral("qtbase_") + code, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt.get());
    return loaded;
}

} // namespace paytriage
