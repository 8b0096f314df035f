#pragma once
// Every DICOM attribute of the film on screen, nested by sequence, with a search field that
// filters by tag, keyword or value.
#include <QDialog>

class QLineEdit;
class QTreeWidget;

namespace hilum::ui {

class TagBrowser : public QDialog {
  Q_OBJECT
public:
  explicit TagBrowser(const QString& path, QWidget* parent = nullptr);
  QTreeWidget* tree() const { return m_tree; }
  void setFilter(const QString& text);

private:
  QLineEdit* m_search = nullptr;
  QTreeWidget* m_tree = nullptr;
};

}  // namespace hilum::ui
