#include "hilum/ui/view_benchmark.h"

#include "hilum/base/statistics.h"

#include "hilum/ui/film_loader.h"
#include "hilum/ui/film_view.h"
#include "hilum/ui/main_window.h"
#include "hilum/ui/study_browser.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTimer>

#include <algorithm>
#include <ctime>
#include <iostream>
#include <memory>
#include <unistd.h>
#include <vector>

namespace hilum::ui {
namespace {

void finish(const QString& json) {
  std::cout << json.toStdString() << std::endl;
  QApplication::exit(0);
}

// Window/level drags as a mouse delivers them: each step re-renders the visible region and paints.
void benchWindowing(MainWindow& window, const BenchRequest& request) {
  FilmView* view = window.filmView();
  const auto film = view->film();
  const display::VoiWindow start = view->currentWindow();
  std::vector<double> frames, renders;
  QElapsedTimer timer;
  for (int i = 0; i < request.frames; ++i) {
    timer.start();
    view->setWindow(start.center + (i % 40) * 7.0, std::max(2.0, start.width * (0.6 + 0.01 * (i % 40))));
    renders.push_back(timer.nsecsElapsed() / 1e6);
    view->repaint();  // synchronous paint, as the next mouse move would wait for
    frames.push_back(timer.nsecsElapsed() / 1e6);
  }
  finish(QStringLiteral("{\"bench\": \"view-window\", \"film\": \"%1\", \"film_size\": [%2, %3], \"view_size\": [%4, %5], "
                        "\"window_shown_ms\": %6, \"frames\": %7, \"frame_median_ms\": %8, \"frame_max_ms\": %9, \"fps_median\": %10, \"render_median_ms\": %11}")
             .arg(QFileInfo(request.path).fileName())
             .arg(film->columns())
             .arg(film->rows())
             .arg(view->width())
             .arg(view->height())
             .arg(request.shownMs, 0, 'f', 0)
             .arg(frames.size())
             .arg(median(frames), 0, 'f', 2)
             .arg(*std::max_element(frames.begin(), frames.end()), 0, 'f', 2)
             .arg(1000.0 / std::max(1e-3, median(frames)), 0, 'f', 0)
             .arg(median(renders), 0, 'f', 2));
}

// A folder: the event loop's lateness while it is indexed and its thumbnails are made.
void benchFolder(MainWindow& window, const BenchRequest& request) {
  auto lateness = std::make_shared<std::vector<double>>();
  auto* ticker = new QTimer(&window);
  auto clock = std::make_shared<QElapsedTimer>();
  auto total = std::make_shared<QElapsedTimer>();
  auto indexedMs = std::make_shared<double>(0);
  constexpr int kTickMs = 5;
  ticker->setInterval(kTickMs);
  QObject::connect(ticker, &QTimer::timeout, &window, [lateness, clock] {
    lateness->push_back(std::max(0.0, clock->nsecsElapsed() / 1e6 - kTickMs));
    clock->restart();
  });
  QObject::connect(window.studyBrowser(), &StudyBrowser::indexed, &window, [indexedMs, total](int, int) {
    *indexedMs = total->nsecsElapsed() / 1e6;
  });
  QObject::connect(window.studyBrowser(), &StudyBrowser::thumbnailsFinished, &window,
                   [&window, lateness, total, indexedMs, ticker, request] {
                     ticker->stop();
                     const int films = static_cast<int>(window.studyBrowser()->index().filmCount());
                     finish(QStringLiteral("{\"bench\": \"view-folder\", \"folder\": \"%1\", \"films\": %2, \"window_shown_ms\": %3, "
                                           "\"indexed_ms\": %4, \"thumbnails_ms\": %5, \"event_loop_late_median_ms\": %6, "
                                           "\"event_loop_late_max_ms\": %7}")
                                .arg(QFileInfo(request.path).fileName())
                                .arg(films)
                                .arg(request.shownMs, 0, 'f', 0)
                                .arg(*indexedMs, 0, 'f', 0)
                                .arg(total->nsecsElapsed() / 1e6, 0, 'f', 0)
                                .arg(median(*lateness), 0, 'f', 1)
                                .arg(lateness->empty() ? 0.0 : *std::max_element(lateness->begin(), lateness->end()), 0, 'f', 1));
                   });
  total->start();
  clock->start();
  ticker->start();
  window.openFolder(request.path);
}

}  // namespace

double millisecondsSinceProcessStart() {
  // Field 22 of /proc/self/stat is the start time in clock ticks after boot; /proc/uptime is now.
  QFile stat("/proc/self/stat"), uptime("/proc/uptime");
  if (!stat.open(QIODevice::ReadOnly) || !uptime.open(QIODevice::ReadOnly)) return 0;
  const QByteArray statText = stat.readAll();
  const QList<QByteArray> fields = statText.mid(statText.lastIndexOf(')') + 2).split(' ');
  if (fields.size() < 20) return 0;
  const double startTicks = fields[19].toDouble();  // field 22, counted from field 3
  const double now = uptime.readAll().split(' ').front().toDouble();
  return (now - startTicks / static_cast<double>(sysconf(_SC_CLK_TCK))) * 1000.0;
}

void scheduleBenchmark(MainWindow& window, const BenchRequest& request) {
  if (QFileInfo(request.path).isDir()) return benchFolder(window, request);
  QObject::connect(window.loader(), &FilmLoader::loadFailed, &window, [](const QString& path, const QString& message) {
    std::cerr << "hilum: " << path.toStdString() << ": " << message.toStdString() << "\n";
    QApplication::exit(1);
  });
  auto started = std::make_shared<bool>(false);
  auto run = [&window, request, started](std::shared_ptr<const film::Film> film) {
    if (film->isPreview() || *started) return;
    *started = true;
    QTimer::singleShot(200, &window, [&window, request] { benchWindowing(window, request); });
  };
  QObject::connect(window.loader(), &FilmLoader::filmLoaded, &window, run);
  QObject::connect(window.loader(), &FilmLoader::filmRefined, &window, run);
  window.openFile(request.path);
}

}  // namespace hilum::ui
