#pragma once

#include "util/text.h"

class QCoreApplication;

namespace paytriage {

// The language to start in: Korean when the system locale is Korean, else English.
Language systemLanguage();

// Loads PayTriage's messages (":/i18n/paytriage_<ko|en>.qm") and Qt's own for language,
// replacing what an earlier call installed; nothing when that language is installed already.
// Returns false when PayTriage's file is missing.
bool installTranslators(Language language);

// The language of the interface's texts now: what installTranslators() last installed, English
// (the source texts) before that or when its file was missing. For texts that do not go through
// tr(), such as the catalog's, to follow a language change with the rest.
Language uiLanguage();

} // namespace paytriage
