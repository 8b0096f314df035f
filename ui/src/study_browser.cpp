#include "hilum/ui/study_browser.h"

#include "hilum/display/renderer.h"
#include "hilum/film/loader.h"

#include <QHeaderView>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QThreadPool>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>

namespace hilum::ui {
namespace {

constexpr int kPathRole = Qt::UserRole + 1;
constexpr int kThumbnailPx = 72;

// A thumbnail from the cheapest decode the codec allows, rendered with the film's default window.
QImage thumbnail(const QString& path) {
  const auto film = film::loadFilmPreview(path.toStdString(), kThumbnailPx * 2);
  if (!film.ok()) return {};
  display::RenderOptions options;
  options.maxSizePx = kThumbnailPx;
  const auto rendered = display::render(film.value(), {}, options);
  if (!rendered.ok()) return {};
  const auto& g = rendered.value();
  return QImage(g.pixels.data(), g.width, g.height, g.width, QImage::Format_Grayscale8).copy();
}

QString dicomDate(const std::string& date) { return QString::fromStdString(film::readableDate(date)); }

}  // namespace

class StudyBrowser::Private {
public:
  std::shared_ptr<std::atomic<bool>> cancel;  // the running index or thumbnail job's flag
  quint64 generation = 0;
  bool indexing = false;
  QThreadPool pool;  // one thread: thumbnails trickle in without taking the cores from the viewer
};

StudyBrowser::StudyBrowser(QWidget* parent) : QWidget(parent), d(std::make_unique<Private>()) {
  d->pool.setMaxThreadCount(1);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  m_status = new QLabel(tr("Open a folder or DICOMDIR with Ctrl+Shift+O"), this);
  m_status->setWordWrap(true);
  m_cancel = new QPushButton(tr("Cancel"), this);
  m_cancel->setVisible(false);
  connect(m_cancel, &QPushButton::clicked, this, &StudyBrowser::cancel);
  m_tree = new QTreeWidget(this);
  m_tree->setHeaderHidden(true);
  m_tree->setIconSize(QSize(kThumbnailPx, kThumbnailPx));
  m_tree->setUniformRowHeights(false);
  connect(m_tree, &QTreeWidget::itemClicked, this, [this](QTreeWidgetItem* item) {
    const QString path = item->data(0, kPathRole).toString();
    if (!path.isEmpty()) Q_EMIT filmActivated(path);
  });
  connect(m_tree, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) {
    const QString path = item->data(0, kPathRole).toString();
    if (!path.isEmpty()) Q_EMIT filmActivated(path);
  });
  layout->addWidget(m_status);
  layout->addWidget(m_cancel);
  layout->addWidget(m_tree, 1);
}

StudyBrowser::~StudyBrowser() {
  if (d->cancel) d->cancel->store(true);
  d->pool.clear();
  d->pool.waitForDone();
}

bool StudyBrowser::busy() const { return d->indexing; }

void StudyBrowser::cancel() {
  if (d->cancel) d->cancel->store(true);
  d->pool.clear();
  ++d->generation;  // late results of the cancelled run are dropped
  d->indexing = false;
  m_cancel->setVisible(false);
  m_status->setText(tr("Cancelled."));
}

void StudyBrowser::openPath(const QString& path) {
  cancel();
  m_root = path;
  m_tree->clear();
  m_items.clear();
  m_index = {};
  m_thumbnailsDone = 0;
  d->indexing = true;
  d->cancel = std::make_shared<std::atomic<bool>>(false);
  const quint64 generation = ++d->generation;
  m_status->setText(tr("Indexing %1...").arg(path));
  m_cancel->setVisible(true);
  QPointer<StudyBrowser> self(this);
  auto flag = d->cancel;
  (void)QtConcurrent::run([self, flag, generation, path] {
    film::IndexOptions options;
    options.progress = [self, flag, generation](std::size_t done, std::size_t total) {
      if (done % 16 == 0 || done == total)
        QMetaObject::invokeMethod(self, [self, generation, done, total] {
          if (self && self->d->generation == generation)
            self->m_status->setText(tr("Indexing: %1 of %2 files...").arg(done).arg(total));
        }, Qt::QueuedConnection);
      return !flag->load();
    };
    auto result = std::make_shared<Result<film::StudyIndex>>(film::indexPath(path.toStdString(), options));
    QMetaObject::invokeMethod(self, [self, generation, path, result] {
      if (!self || self->d->generation != generation) return;
      self->d->indexing = false;
      self->m_cancel->setVisible(false);
      if (!result->ok()) {
        self->m_status->setText(QString::fromStdString(result->error().message()));
        Q_EMIT self->indexFailed(path, QString::fromStdString(result->error().message()));
        return;
      }
      self->m_index = std::move(*result).value();
      self->populate();
      Q_EMIT self->indexed(static_cast<int>(self->m_index.filmCount()), static_cast<int>(self->m_index.skipped.size()));
      self->startThumbnails();
    }, Qt::QueuedConnection);
  });
}

QString StudyBrowser::patientText(const film::IndexedPatient& p, int number) const {
  if (m_identityHidden) return tr("Patient %1").arg(number);
  if (p.name.empty() && p.id.empty()) return tr("(no patient identity)");
  QString text = QString::fromStdString(p.name);
  if (!p.id.empty()) text += QStringLiteral("  [%1]").arg(QString::fromStdString(p.id));
  if (!p.birthDate.empty()) text += QStringLiteral("  %1").arg(dicomDate(p.birthDate));
  return text;
}

void StudyBrowser::populate() {
  m_tree->clear();
  m_items.clear();
  int patientNumber = 0;
  for (const auto& patient : m_index.patients) {
    auto* p = new QTreeWidgetItem(m_tree, {patientText(patient, ++patientNumber)});
    p->setData(0, Qt::UserRole + 2, patientNumber);
    p->setExpanded(true);
    for (const auto& study : patient.studies) {
      QString text = dicomDate(study.studyDate);
      if (!study.description.empty()) text += QStringLiteral("  ") + QString::fromStdString(study.description);
      auto* s = new QTreeWidgetItem(p, {text.trimmed().isEmpty() ? tr("(study)") : text.trimmed()});
      s->setExpanded(true);
      for (const auto& series : study.series) {
        QString seriesText = tr("Series %1").arg(series.number);
        if (!series.modality.empty()) seriesText += QStringLiteral("  ") + QString::fromStdString(series.modality);
        if (!series.description.empty()) seriesText += QStringLiteral("  ") + QString::fromStdString(series.description);
        seriesText += tr("  (%n film(s))", nullptr, static_cast<int>(series.films.size()));
        auto* r = new QTreeWidgetItem(s, {seriesText});
        r->setExpanded(true);
        for (const auto& f : series.films) {
          QString filmText = QString::fromStdString(f.viewPosition.empty() ? f.modality : f.viewPosition);
          filmText += QStringLiteral("  %1 x %2").arg(f.columns).arg(f.rows);
          if (f.instanceNumber) filmText = QStringLiteral("#%1  ").arg(f.instanceNumber) + filmText;
          auto* item = new QTreeWidgetItem(r, {filmText.trimmed()});
          item->setData(0, kPathRole, QString::fromStdString(f.path));
          item->setToolTip(0, QString::fromStdString(f.path));
          m_items.insert(QString::fromStdString(f.path), item);
        }
      }
    }
  }
  QString status = tr("%n film(s)", nullptr, static_cast<int>(m_index.filmCount()));
  if (!m_index.skipped.empty()) {
    status += tr(", %n file(s) skipped", nullptr, static_cast<int>(m_index.skipped.size()));
    QStringList reasons;
    for (const auto& s : m_index.skipped) reasons << QString::fromStdString(s.path + ": " + s.reason);
    m_status->setToolTip(reasons.mid(0, 30).join('\n'));
  }
  m_status->setText(status);
}

void StudyBrowser::startThumbnails() {
  QPointer<StudyBrowser> self(this);
  const quint64 generation = d->generation;
  auto flag = d->cancel;
  for (const QString& path : filmPaths()) {
    d->pool.start([self, flag, generation, path] {
      if (flag->load()) return;
      const QImage image = thumbnail(path);
      QMetaObject::invokeMethod(self, [self, generation, path, image] {
        if (!self || self->d->generation != generation) return;
        self->setThumbnail(path, image);
      }, Qt::QueuedConnection);
    });
  }
}

void StudyBrowser::setThumbnail(const QString& path, const QImage& image) {
  if (QTreeWidgetItem* item = m_items.value(path); item && !image.isNull()) item->setIcon(0, QIcon(QPixmap::fromImage(image)));
  if (++m_thumbnailsDone == static_cast<int>(m_index.filmCount())) Q_EMIT thumbnailsFinished();
}

QStringList StudyBrowser::filmPaths() const {
  QStringList out;
  for (const auto& p : m_index.filmPaths()) out << QString::fromStdString(p);
  return out;
}

void StudyBrowser::setIdentityHidden(bool hidden) {
  m_identityHidden = hidden;
  for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
    auto* item = m_tree->topLevelItem(i);
    const auto& patient = m_index.patients[static_cast<std::size_t>(i)];
    item->setText(0, patientText(patient, i + 1));
  }
}

void StudyBrowser::selectFilm(const QString& path) {
  if (QTreeWidgetItem* item = m_items.value(path)) {
    const QSignalBlocker block(m_tree);
    m_tree->setCurrentItem(item);
    m_tree->scrollToItem(item);
  }
}

}  // namespace hilum::ui
