#include "hilum/ui/screenshot.h"

#include "hilum/ui/analysis_runner.h"
#include "hilum/ui/film_view.h"
#include "hilum/ui/film_loader.h"
#include "hilum/ui/findings_panel.h"
#include "hilum/ui/viewer_grid.h"
#include "hilum/ui/main_window.h"
#include "hilum/ui/training_tab.h"

#include <QAction>
#include <QApplication>
#include <QTabWidget>
#include <QTimer>

#include <functional>
#include <iostream>
#include <memory>

namespace hilum::ui {

void scheduleScreenshot(MainWindow& window, const ScreenshotRequest& request) {
  auto* tabs = qobject_cast<QTabWidget*>(window.centralWidget());
  if (tabs && request.tab == "training") tabs->setCurrentIndex(1);
  if (!request.trainingCsv.isEmpty()) window.trainingTab()->setDataCsv(request.trainingCsv);

  ViewerSettings settings = window.settings();
  settings.analyseOnOpen = settings.analyseOnOpen || request.analyze;
  if (request.heatmapMode == "heatmap") settings.heatmap.mode = HeatmapMode::Heatmap;
  if (request.heatmapMode == "contour") settings.heatmap.mode = HeatmapMode::Contour;
  if (request.heatmapMode == "off") settings.heatmap.mode = HeatmapMode::Off;
  settings.heatmap.allPositives = request.allPositives;
  window.applySettings(settings);  // for this run only: not saved
  if (request.layout == "1x2") window.grid()->setLayoutMode(ViewerGrid::Layout::SideBySide);
  if (request.layout == "2x2") window.grid()->setLayoutMode(ViewerGrid::Layout::TwoByTwo);
  if (request.teaching) window.setTeachingMode(true);
  if (!request.finding.isEmpty())
    QObject::connect(window.analysis(), &AnalysisRunner::analysisFinished, &window, [&window, label = request.finding] {
      // Queued after the panel has listed the findings.
      QTimer::singleShot(0, &window, [&window, label] {
        FindingsPanel* panel = window.findingsPanel();
        if (panel->hidden()) panel->reveal();
        const auto findings = panel->findings();
        if (!findings) return;
        for (std::size_t i = 0; i < findings->ranked.size(); ++i)
          if (QString::fromStdString(findings->ranked[i].label).compare(label, Qt::CaseInsensitive) == 0)
            panel->selectFinding(static_cast<int>(i));
      });
    });

  if (request.lungOutline)
    if (auto* lungs = window.findChild<QAction*>("lungOutlineAction")) lungs->setChecked(true);
  auto grabWhenOutlined = std::make_shared<std::function<void(int)>>();
  auto shoot = [&window, output = request.output, lungOutline = request.lungOutline, grabWhenOutlined] {
    // Let queued paints and layout settle before grabbing; with the lung outline asked for, wait for
    // it too (it is computed on a worker), for at most 30 s.
    *grabWhenOutlined = [&window, output, lungOutline, grabWhenOutlined](int triesLeft) {
      QTimer::singleShot(300, &window, [&window, output, lungOutline, grabWhenOutlined, triesLeft] {
        if (lungOutline && triesLeft > 0 && window.filmView()->lungOutline().empty()) return (*grabWhenOutlined)(triesLeft - 1);
        const bool saved = window.grab().save(output);
        if (!saved) std::cerr << "hilum: " << output.toStdString() << ": cannot save screenshot\n";
        QApplication::exit(saved ? 0 : 1);
      });
    };
    (*grabWhenOutlined)(100);
  };
  // Ready when the full film is shown and, if a model is (or is being) loaded, analysed.
  auto ready = std::make_shared<bool>(false);
  auto maybeShoot = [shoot, ready] {
    if (*ready) return;
    *ready = true;
    shoot();
  };
  QObject::connect(window.analysis(), &AnalysisRunner::analysisFinished, &window, maybeShoot);
  QObject::connect(window.analysis(), &AnalysisRunner::analysisFailed, &window, maybeShoot);
  QObject::connect(window.analysis(), &AnalysisRunner::modelFailed, &window, maybeShoot);
  QObject::connect(window.loader(), &FilmLoader::loadFailed, &window, maybeShoot);
  auto filmShown = [&window, maybeShoot](std::shared_ptr<const film::Film> film) {
    if (!film->isPreview() && !window.analysis()->hasModel() && !window.analysis()->busy()) maybeShoot();
  };
  QObject::connect(window.loader(), &FilmLoader::filmLoaded, &window, filmShown);
  QObject::connect(window.loader(), &FilmLoader::filmRefined, &window, filmShown);
  if (request.film.isEmpty()) QTimer::singleShot(1500, &window, maybeShoot);
  else window.openFile(request.film);
  QTimer::singleShot(request.timeoutMs, &window, maybeShoot);
}

}  // namespace hilum::ui
