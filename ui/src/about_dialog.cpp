#include "hilum/ui/about_dialog.h"

#include "hilum/ai/model_packs.h"
#include "hilum/film/components.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QTabWidget>
#include <QTableWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace hilum::ui {

AboutDialog::AboutDialog(const QString& loadedPack, QWidget* parent) : QDialog(parent) {
  setWindowTitle(tr("About Hilum"));
  resize(760, 620);
  auto* title = new QLabel(tr("<h2>Hilum %1</h2><p>A chest X-ray workstation with on-device AI assist.</p>"
                              "<p><b>AI findings are decision support and teaching aids, not a diagnosis.</b> "
                              "Hilum is not a certified medical device.</p>")
                               .arg(HILUM_VERSION),
                           this);
  title->setWordWrap(true);

  // The libraries, with the versions this build runs on and the licences they are used under.
  std::vector<Component> components{{"Qt", qVersion(), "LGPL-3.0"}};
  for (const auto& c : film::decoderComponents()) components.push_back(c);
  components.push_back(ai::torchComponent());
  components.push_back({"nlohmann/json", "3", "MIT"});
  components.push_back({"Catch2 (tests only)", "2.13", "BSL-1.0"});
  auto* libraries = new QTableWidget(static_cast<int>(components.size()), 3, this);
  libraries->setObjectName("componentsTable");
  libraries->setHorizontalHeaderLabels({tr("Library"), tr("Version"), tr("Licence")});
  libraries->horizontalHeader()->setStretchLastSection(true);
  libraries->verticalHeader()->setVisible(false);
  libraries->setEditTriggers(QAbstractItemView::NoEditTriggers);
  for (int r = 0; r < static_cast<int>(components.size()); ++r) {
    const auto& c = components[static_cast<std::size_t>(r)];
    libraries->setItem(r, 0, new QTableWidgetItem(QString::fromStdString(c.name)));
    libraries->setItem(r, 1, new QTableWidgetItem(QString::fromStdString(c.version)));
    libraries->setItem(r, 2, new QTableWidgetItem(QString::fromStdString(c.licence)));
  }
  libraries->resizeColumnsToContents();

  auto* tabs = new QTabWidget(this);
  tabs->addTab(libraries, tr("Libraries"));
  // One tab per model pack: its card, the loaded pack first.
  auto packs = ai::findModelPacks(ai::modelSearchPaths());
  std::stable_partition(packs.begin(), packs.end(), [&](const ai::PackEntry& p) {
    return QDir(QString::fromStdString(p.directory)) == QDir(loadedPack);
  });
  auto cardOf = [this](const std::string& directory) {
    auto* card = new QTextBrowser(this);
    card->setOpenExternalLinks(false);
    QFile file(QDir(QString::fromStdString(directory)).filePath("MODEL_CARD.md"));
    if (file.open(QIODevice::ReadOnly))
      card->setMarkdown(QString::fromUtf8(file.readAll()));
    else
      card->setPlainText(tr("This pack has no model card (MODEL_CARD.md): ask whoever made it what it was trained on and how it was measured."));
    return card;
  };
  for (const auto& pack : packs) {
    const bool loaded = QDir(QString::fromStdString(pack.directory)) == QDir(loadedPack);
    tabs->addTab(cardOf(pack.directory), QString::fromStdString(pack.name) + (loaded ? tr(" (in use)") : QString()));
  }
  // Segmentation packs (the lung outline) after the classifiers.
  for (const auto& pack : ai::findSegmentationPacks(ai::modelSearchPaths()))
    tabs->addTab(cardOf(pack.directory), QString::fromStdString(pack.name));

  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(title);
  layout->addWidget(tabs, 1);
  layout->addWidget(buttons);
}

}  // namespace hilum::ui
