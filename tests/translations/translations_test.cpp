// translations/*.ts: every message translated (both German plural forms included), every placeholder
// of the source kept, nothing obsolete left behind, and nothing in the UI sources missing from them.
#include <catch2/catch.hpp>

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QXmlStreamReader>

#include <string>
#include <vector>

namespace {

struct Message {
  QString context, source, type;  // type: "", "unfinished", "obsolete", "vanished"
  QStringList translations;        // one, or one per plural form
  bool numerus = false;
};

std::vector<Message> readTs(const QString& path) {
  QFile file(path);
  REQUIRE(file.open(QIODevice::ReadOnly));
  QXmlStreamReader xml(&file);
  std::vector<Message> out;
  QString context;
  Message m;
  while (!xml.atEnd()) {
    xml.readNext();
    if (!xml.isStartElement()) continue;
    if (xml.name() == QLatin1String("name")) context = xml.readElementText();
    else if (xml.name() == QLatin1String("message")) m = Message{context, {}, {}, {}, xml.attributes().value("numerus") == QLatin1String("yes")};
    else if (xml.name() == QLatin1String("source")) m.source = xml.readElementText();
    else if (xml.name() == QLatin1String("translation")) {
      m.type = xml.attributes().value("type").toString();
      if (!m.numerus) {
        m.translations << xml.readElementText();
        out.push_back(m);
      } else {
        while (xml.readNextStartElement()) m.translations << xml.readElementText();  // <numerusform>
        out.push_back(m);
      }
    }
  }
  INFO(path.toStdString() << ": " << xml.errorString().toStdString());
  REQUIRE_FALSE(xml.hasError());
  return out;
}

QStringList tsFiles(const QString& directory) {
  QStringList out;
  for (const QString& name : QDir(directory).entryList({QStringLiteral("hilum_*.ts")}, QDir::Files))
    out << QDir(directory).filePath(name);
  return out;
}

// Messages that are not finished, as "context: source" lines.
QStringList unfinished(const std::vector<Message>& messages, int pluralForms) {
  QStringList out;
  for (const auto& m : messages) {
    bool empty = m.translations.isEmpty();
    for (const QString& t : m.translations) empty = empty || t.trimmed().isEmpty();
    if (m.numerus && m.translations.size() < pluralForms) empty = true;
    if (!m.type.isEmpty() || empty) out << QStringLiteral("%1 [%2]: %3").arg(m.context, m.type.isEmpty() ? "empty" : m.type, m.source);
  }
  return out;
}

// %1..%99 (also %L1) and %n, as a set.
QSet<QString> placeholders(const QString& text) {
  static const QRegularExpression re(QStringLiteral("%L?(\\d{1,2}|n)"));
  QSet<QString> out;
  for (auto it = re.globalMatch(text); it.hasNext();) out.insert(it.next().captured(1));
  return out;
}

int pluralFormsOf(const QString& path) { return path.endsWith("_de.ts") || path.endsWith("_fr.ts") ? 2 : 1; }

std::string lines(const QStringList& list) { return list.join('\n').toStdString(); }

}  // namespace

TEST_CASE("every translation is finished, with both plural forms", "[translations]") {
  const QStringList files = tsFiles(QStringLiteral(HILUM_TS_DIR));
  REQUIRE(files.size() >= 2);
  for (const QString& path : files) {
    const auto messages = readTs(path);
    CHECK(messages.size() > 100);
    const QStringList problems = unfinished(messages, pluralFormsOf(path));
    INFO(path.toStdString() << ": " << problems.size() << " of " << messages.size() << " not finished:\n" << lines(problems));
    CHECK(problems.isEmpty());
  }
}

TEST_CASE("every translation keeps the placeholders of its source", "[translations]") {
  for (const QString& path : tsFiles(QStringLiteral(HILUM_TS_DIR))) {
    QStringList problems;
    for (const auto& m : readTs(path)) {
      for (const QString& t : m.translations) {
        if (t.isEmpty()) continue;  // reported as unfinished
        QSet<QString> expected = placeholders(m.source), got = placeholders(t);
        // A singular form may spell the number out ("un film") where the source says %n.
        if (m.numerus) expected.remove(QStringLiteral("n")), got.remove(QStringLiteral("n"));
        if (expected != got) problems << QStringLiteral("%1: \"%2\" -> \"%3\"").arg(m.context, m.source, t);
      }
      if (m.numerus && !m.translations.isEmpty() && !placeholders(m.translations.back()).contains(QStringLiteral("n")))
        problems << QStringLiteral("%1: \"%2\": the plural form lacks %n").arg(m.context, m.source);
    }
    INFO(path.toStdString() << ": placeholders differ:\n" << lines(problems));
    CHECK(problems.isEmpty());
  }
}

TEST_CASE("the .ts files hold every string the UI sources mark for translation", "[translations]") {
  const QString lupdate = QStringLiteral(HILUM_LUPDATE);
  if (!QFile::exists(lupdate)) {
    WARN("lupdate not found: " << lupdate.toStdString());
    return;
  }
  QTemporaryDir dir;
  REQUIRE(dir.isValid());
  QStringList copies;
  for (const QString& path : tsFiles(QStringLiteral(HILUM_TS_DIR))) {
    const QString copy = dir.filePath(QFileInfo(path).fileName());
    REQUIRE(QFile::copy(path, copy));
    QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
    copies << copy;
  }
  // What `cmake --build . --target update_translations` does, on copies.
  QProcess process;
  process.setProcessChannelMode(QProcess::MergedChannels);
  process.start(lupdate, QStringList{QStringLiteral("-silent"), QStringLiteral("-no-obsolete"), QStringLiteral("-locations"),
                                     QStringLiteral("none"), QStringLiteral("@" HILUM_LUPDATE_SOURCES), QStringLiteral("-ts")} +
                             copies);
  REQUIRE(process.waitForFinished(120000));
  INFO(process.readAll().toStdString());
  REQUIRE(process.exitCode() == 0);
  for (const QString& copy : copies) {
    const QStringList problems = unfinished(readTs(copy), pluralFormsOf(copy));
    INFO(QFileInfo(copy).fileName().toStdString() << " lacks (run the update_translations target, then translate):\n" << lines(problems));
    CHECK(problems.isEmpty());
  }
}
