#pragma once
// Shows one film through the display pipeline, fitted to the widget. Right-drag adjusts
// window/level (horizontal: width, vertical: centre, as in most PACS viewers); the keyboard
// picks presets (1-9), inverts (I) and resets (R).
#include "hilum/display/renderer.h"
#include "hilum/display/voi_preset.h"
#include "hilum/film/film.h"

#include <QImage>
#include <QPoint>
#include <QWidget>

#include <memory>
#include <vector>

namespace hilum::ui {

class FilmView : public QWidget {
  Q_OBJECT
public:
  explicit FilmView(QWidget* parent = nullptr);

  void setFilm(std::shared_ptr<const film::Film> film);
  // The same film at full resolution after a preview: window, preset and inversion are kept.
  void refineFilm(std::shared_ptr<const film::Film> film);
  const film::Film* film() const { return m_film.get(); }

  const std::vector<display::VoiPreset>& presets() const { return m_presets; }
  // The window in effect: the custom one, or the current preset's (empty for a LUT preset).
  display::VoiWindow currentWindow() const;
  bool inverted() const { return m_settings.invert; }
  const QImage& shownImage() const { return m_image; }
  // An RGBA picture laid over the whole film (a heatmap), scaled with it; a null image removes it.
  void setOverlay(const QImage& overlay);
  const QImage& overlay() const { return m_overlay; }

public Q_SLOTS:
  void selectPreset(int index);
  void setWindow(double center, double width);
  void setInverted(bool inverted);
  void resetDisplay();

Q_SIGNALS:
  void displayChanged();

protected:
  void paintEvent(QPaintEvent* event) override;
  void resizeEvent(QResizeEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;
  void mouseReleaseEvent(QMouseEvent* event) override;
  void keyPressEvent(QKeyEvent* event) override;

private:
  void rerender();
  QRect targetRect() const;

  std::shared_ptr<const film::Film> m_film;
  std::vector<display::VoiPreset> m_presets;
  display::DisplaySettings m_settings;
  QImage m_image;
  QImage m_overlay;
  QPoint m_dragStart;
  display::VoiWindow m_dragWindow;
  bool m_dragging = false;
};

}  // namespace hilum::ui
