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
  bool analyze = false;    // analyse even when "analyse on open" is off
  QString finding;         // show this finding's heatmap (label as the model names it)
  QString heatmapMode;     // "heatmap", "contour" or "off"; empty keeps the setting
  bool allPositives = false;
  bool teaching = false;   // teaching mode: identity hidden, heatmap beside the film
  QString layout;          // "1x1", "1x2" or "2x2"
  bool lungOutline = false;  // View > Lung outline on; the shot waits for the outline (or its failure)
  int timeoutMs = 60000;
};

// Arms the window to take the shot; the application quits afterwards with exit code 0 (saved) or 1.
void scheduleScreenshot(MainWindow& window, const ScreenshotRequest& request);

}  // namespace hilum::ui
