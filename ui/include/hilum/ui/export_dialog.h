#pragma once
// File > Export: the PDF report, an annotated PNG and the DICOM objects of the active film (the
// other films of the layout can join the PDF), written off the GUI thread by core's export bundle
// -- the same code `hilum-cli report` runs. Anonymised by default in teaching mode.
#include "hilum/report/export_bundle.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace hilum::ui {

class ExportDialog : public QDialog {
  Q_OBJECT
public:
  // `films`: the active film first, then the others shown in the layout.
  ExportDialog(std::vector<report::ReportFilm> films, bool anonymise, QWidget* parent = nullptr);

  // For tests and scripted use: where the files go and which ones.
  void setFolder(const QString& folder);
  void setImpression(const QString& text);
  QCheckBox* option(const QString& objectName) const;
  bool busy() const { return m_busy; }
  QString resultText() const;

public Q_SLOTS:
  void startExport();

Q_SIGNALS:
  void exportFinished(bool ok);

private:
  report::ExportTargets targets() const;
  QString path(const QString& suffix) const;

  std::vector<report::ReportFilm> m_films;
  QLineEdit* m_folder = nullptr;
  QLineEdit* m_baseName = nullptr;
  QLineEdit* m_institution = nullptr;
  QPlainTextEdit* m_impression = nullptr;
  QComboBox* m_page = nullptr;
  QCheckBox* m_anonymise = nullptr;
  QCheckBox* m_allFilms = nullptr;
  QCheckBox *m_pdf = nullptr, *m_png = nullptr, *m_sc = nullptr, *m_sr = nullptr, *m_encapsulated = nullptr, *m_gsps = nullptr;
  QLabel* m_result = nullptr;
  QPushButton* m_export = nullptr;
  bool m_busy = false;
};

}  // namespace hilum::ui
