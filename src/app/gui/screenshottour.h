#pragma once

#include <QString>

namespace paytriage {

class MainWindow;

// Opens the demo's seed cases in Korean and English and saves the main views as PNG files in
// dir (welcome, seed 000, seed 001, the error-code reference). Returns the process exit code.
int runScreenshotTour(MainWindow &window, const QString &dir);

} // namespace paytriage
