#pragma once
// `hilum --screenshot OUT.png FILE`: show the main window, open the film, wait until it and its
// analysis (when a model is loaded) are on screen, save the window as PNG and quit. Used for the
// README and for automated visual checks; works on the offscreen platform.
#include <QString>

namespace hilum::ui {

class MainWindow;

struct ScreenshotRequest {
  QString output;
  QString film;
  QString tab = "viewer";  // or "training"
  QString trainingCsv;     // pre-fill the training tab
  int timeoutMs = 60000;
};

// Arms the window to take the shot; the application quits afterwards with exit code 0 (saved) or 1.
void scheduleScreenshot(MainWindow& window, const ScreenshotRequest& request);

}  // namespace hilum::ui
