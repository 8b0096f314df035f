#include "hilum/ui/tag_browser.h"

#include "hilum/film/dicom_tags.h"

#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>
#include <QVBoxLayout>

namespace hilum::ui {

TagBrowser::TagBrowser(const QString& path, QWidget* parent) : QDialog(parent) {
  setWindowTitle(tr("DICOM attributes"));
  resize(820, 640);
  auto* layout = new QVBoxLayout(this);
  m_search = new QLineEdit(this);
  m_search->setPlaceholderText(tr("Search tag, keyword or value"));
  m_search->setClearButtonEnabled(true);
  m_tree = new QTreeWidget(this);
  m_tree->setHeaderLabels({tr("Tag"), tr("Keyword"), tr("VR"), tr("Value")});
  m_tree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
  m_tree->setUniformRowHeights(true);
  layout->addWidget(m_search);
  layout->addWidget(m_tree, 1);

  const auto tags = film::readDicomTags(path.toStdString());
  if (!tags.ok()) {
    layout->insertWidget(0, new QLabel(QString::fromStdString(tags.error().message()), this));
    return;
  }
  // Rows come depth-first; a stack of the last item at each depth gives each row its parent.
  std::vector<QTreeWidgetItem*> parents;
  for (const auto& t : tags.value()) {
    parents.resize(static_cast<std::size_t>(t.depth));
    QTreeWidgetItem* above = parents.empty() ? nullptr : parents.back();
    const QStringList columns{QString::fromStdString(t.tag), QString::fromStdString(t.keyword), QString::fromStdString(t.vr),
                              QString::fromStdString(t.value)};
    auto* item = above ? new QTreeWidgetItem(above, columns) : new QTreeWidgetItem(m_tree, columns);
    parents.push_back(item);
  }
  m_tree->expandAll();
  connect(m_search, &QLineEdit::textChanged, this, &TagBrowser::setFilter);
}

void TagBrowser::setFilter(const QString& text) {
  // An item stays visible when it or any descendant matches, so sequence context is never lost.
  std::function<bool(QTreeWidgetItem*)> apply = [&](QTreeWidgetItem* item) {
    bool match = text.isEmpty();
    for (int c = 0; c < 4 && !match; ++c) match = item->text(c).contains(text, Qt::CaseInsensitive);
    bool child = false;
    for (int i = 0; i < item->childCount(); ++i) child = apply(item->child(i)) || child;
    item->setHidden(!(match || child));
    return match || child;
  };
  for (int i = 0; i < m_tree->topLevelItemCount(); ++i) apply(m_tree->topLevelItem(i));
}

}  // namespace hilum::ui
