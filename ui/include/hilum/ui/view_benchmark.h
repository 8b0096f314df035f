#pragma once
// `hilum --bench FILM|FOLDER`: the viewer's speed targets measured on the real widgets (the
// pipeline alone is `hilum-cli bench window`): time from process start to the window on screen,
// window/level drag frames at the window's size (render of the visible region + paint), and, for a
// folder, how long indexing and thumbnails take and how late the event loop ran meanwhile (input
// is never blocked when that stays small). Prints medians as JSON and quits.
#include <QString>

namespace hilum::ui {

class MainWindow;

struct BenchRequest {
  QString path;     // a film (W/L frames) or a folder (indexing and thumbnails)
  int frames = 120;
  double shownMs = 0;  // process start to the window first painted, measured by main()
};

void scheduleBenchmark(MainWindow& window, const BenchRequest& request);

// Milliseconds since this process started (Linux /proc), so start-up cost before main() counts.
double millisecondsSinceProcessStart();

}  // namespace hilum::ui
