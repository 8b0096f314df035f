#include "hilum/ui/validation_gallery.h"

#include "hilum/ai/analyzer.h"
#include "hilum/report/film_picture.h"
#include "hilum/report/gallery.h"
#include "hilum/train/dataset.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPixmap>
#include <QPointer>
#include <QPushButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <atomic>

namespace hilum::ui {
namespace {
constexpr int kTilePx = 224;
constexpr int kCaseRole = Qt::UserRole + 1;  // index into Private::cases
}  // namespace

class ValidationGallery::Private {
public:
  std::shared_ptr<std::atomic<bool>> cancel;
  QFutureWatcher<QString>* watcher = nullptr;
  std::vector<report::GalleryCase> cases;
  QString model;
  bool singleLabel = false;
  int total = 0, failed = 0;
};

ValidationGallery::ValidationGallery(QWidget* parent) : QWidget(parent), d(std::make_unique<Private>()) {
  m_status = new QLabel(tr("After a run, the test films appear here with the model's calls, mistakes first."), this);
  m_status->setWordWrap(true);
  m_filter = new QComboBox(this);
  m_filter->addItems({tr("All films"), tr("Mistakes"), tr("Correct calls")});
  m_filter->setToolTip(tr("Mistakes: the wrong class, or a true finding the model did not call."));
  m_cancel = new QPushButton(tr("Stop"), this);
  m_cancel->setEnabled(false);
  m_save = new QPushButton(tr("Save sheet..."), this);
  m_save->setEnabled(false);
  m_list = new QListWidget(this);
  m_list->setViewMode(QListView::IconMode);
  m_list->setIconSize(QSize(kTilePx, kTilePx));
  m_list->setResizeMode(QListView::Adjust);
  m_list->setMovement(QListView::Static);
  m_list->setUniformItemSizes(true);
  m_list->setSpacing(4);
  m_list->setToolTip(tr("Double-click a film to open it in the viewer."));

  auto* top = new QHBoxLayout;
  top->addWidget(m_status, 1);
  top->addWidget(m_filter);
  top->addWidget(m_cancel);
  top->addWidget(m_save);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addLayout(top);
  layout->addWidget(m_list, 1);

  connect(m_filter, &QComboBox::currentIndexChanged, this, &ValidationGallery::setFilter);
  connect(m_cancel, &QPushButton::clicked, this, &ValidationGallery::cancel);
  connect(m_list, &QListWidget::itemDoubleClicked, this, [this](QListWidgetItem* item) {
    const auto i = item->data(kCaseRole).toULongLong();
    if (i < d->cases.size()) Q_EMIT openFilmRequested(QString::fromStdString(d->cases[i].image));
  });
  connect(m_save, &QPushButton::clicked, this, [this] {
    const QString path = QFileDialog::getSaveFileName(this, tr("Save gallery"), "gallery.png", tr("PNG (*.png)"));
    if (path.isEmpty()) return;
    auto ordered = d->cases;
    report::orderGallery(ordered);
    const QImage sheet = report::contactSheet(ordered, 6, m_status->text());
    if (const Status s = report::writePng(sheet, path.toStdString()); !s.ok())
      m_status->setText(QString::fromStdString(s.error().message()));
  });
}

ValidationGallery::~ValidationGallery() {
  if (d->cancel) d->cancel->store(true);
  if (d->watcher) d->watcher->waitForFinished();  // the worker posts into this widget
}

bool ValidationGallery::busy() const { return d->watcher != nullptr; }
int ValidationGallery::tiles() const { return static_cast<int>(d->cases.size()); }
int ValidationGallery::mistakes() const {
  return static_cast<int>(std::count_if(d->cases.begin(), d->cases.end(), [](const auto& c) { return c.mistaken; }));
}
int ValidationGallery::visibleTiles() const {
  int n = 0;
  for (int i = 0; i < m_list->count(); ++i) n += m_list->item(i)->isHidden() ? 0 : 1;
  return n;
}

void ValidationGallery::cancel() {
  if (d->cancel) d->cancel->store(true);
}

void ValidationGallery::setFilter(int index) {
  if (m_filter->currentIndex() != index) m_filter->setCurrentIndex(index);  // re-enters once
  applyFilter();
}

void ValidationGallery::applyFilter() {
  const int f = m_filter->currentIndex();
  for (int i = 0; i < m_list->count(); ++i) {
    auto* item = m_list->item(i);
    const bool mistaken = d->cases[item->data(kCaseRole).toULongLong()].mistaken;
    item->setHidden((f == 1 && !mistaken) || (f == 2 && mistaken));
  }
}

void ValidationGallery::showFilms(const QString& packDirectory, const train::Dataset& films, int maxFilms) {
  if (d->cancel) d->cancel->store(true);
  if (d->watcher) d->watcher->waitForFinished();
  m_list->clear();
  d->cases.clear();
  d->failed = 0;
  d->total = std::min<int>(maxFilms, static_cast<int>(films.samples.size()));
  d->cancel = std::make_shared<std::atomic<bool>>(false);
  m_cancel->setEnabled(true);
  m_save->setEnabled(false);
  m_status->setText(tr("Analysing %1 held-out films...").arg(d->total));

  // Each case's truth as label names, read here so the worker needs no Dataset.
  std::vector<std::pair<std::string, std::vector<std::string>>> work;
  for (int i = 0; i < d->total; ++i) {
    const auto& sample = films.samples[static_cast<std::size_t>(i)];
    work.emplace_back(sample.image, films.labelsOf(sample));
  }

  QPointer<ValidationGallery> self(this);
  auto cancel = d->cancel;
  d->watcher = new QFutureWatcher<QString>(this);
  connect(d->watcher, &QFutureWatcher<QString>::finished, this, [this] {
    const QString problem = d->watcher->result();
    d->watcher->deleteLater();
    d->watcher = nullptr;
    m_cancel->setEnabled(false);
    m_save->setEnabled(!d->cases.empty());
    // Final order: mistakes first, the most confident ones leading.
    QList<QListWidgetItem*> items;
    while (m_list->count() > 0) items << m_list->takeItem(0);
    std::stable_sort(items.begin(), items.end(), [this](QListWidgetItem* a, QListWidgetItem* b) {
      return report::shownBefore(d->cases[a->data(kCaseRole).toULongLong()], d->cases[b->data(kCaseRole).toULongLong()]);
    });
    for (auto* item : items) m_list->addItem(item);
    applyFilter();
    QString text = (d->singleLabel ? tr("%1: %2 of %3 held-out films called wrongly. Decision support, not a diagnosis.")
                                   : tr("%1: %2 of %3 held-out films with a true finding missed at the pack's operating points. "
                                        "Decision support, not a diagnosis."))
                       .arg(d->model).arg(mistakes()).arg(tiles());
    if (d->failed > 0) text += " " + tr("%n film(s) could not be read.", nullptr, d->failed);
    if (!problem.isEmpty()) text = problem;
    m_status->setText(text);
    Q_EMIT finished();
  });
  d->watcher->setFuture(QtConcurrent::run([self, cancel, work, pack = packDirectory.toStdString()]() -> QString {
    auto analyzer = ai::Analyzer::open(pack);
    if (!analyzer.ok()) return QString::fromStdString(analyzer.error().message());
    const QString model = QString::fromStdString(analyzer.value()->manifest().name + " " + analyzer.value()->manifest().version);
    const bool single = analyzer.value()->manifest().task == ai::Task::SingleLabel;
    QMetaObject::invokeMethod(self, [self, model, single] {
      if (!self) return;
      self->d->model = model;
      self->d->singleLabel = single;
    }, Qt::QueuedConnection);
    for (const auto& [image, truth] : work) {
      if (cancel->load()) break;
      auto made = report::galleryCase(*analyzer.value(), image, truth, kTilePx, cancel.get());
      auto c = made.ok() ? std::make_shared<report::GalleryCase>(std::move(made).value()) : nullptr;
      QMetaObject::invokeMethod(self, [self, c] {
        if (!self) return;
        if (!c) {
          ++self->d->failed;
          return;
        }
        auto* item = new QListWidgetItem(QIcon(QPixmap::fromImage(c->tile)), QString());
        item->setData(kCaseRole, static_cast<qulonglong>(self->d->cases.size()));
        item->setToolTip(QString::fromStdString(c->image));
        self->d->cases.push_back(std::move(*c));
        self->m_list->addItem(item);
        self->m_status->setText(tr("Analysing held-out films: %1 of %2...").arg(self->d->cases.size()).arg(self->d->total));
      }, Qt::QueuedConnection);
    }
    return QString();
  }));
}

}  // namespace hilum::ui
