#pragma once
// Help > About: the version, what Hilum is for (decision support and teaching, not a diagnosis),
// the libraries it runs on with their licences, and the model card of every pack it can load.
#include <QDialog>

namespace hilum::ui {

class AboutDialog : public QDialog {
  Q_OBJECT
public:
  // `loadedPack`: the pack the viewer analyses with (its card is shown first); may be empty.
  explicit AboutDialog(const QString& loadedPack, QWidget* parent = nullptr);
};

}  // namespace hilum::ui
