#include "torchscript_consent_p.h"

#include "hilum/ai/model_manifest.h"
#include "hilum/ai/pack_trust.h"

#include <QFileInfo>
#include <QSettings>
#include <QStringList>

namespace hilum::ui {
namespace {

// Two readable lists of "<sha256> <folder>" in the settings file, one entry per folder and weights.
const char* const kAllowedKey = "models/torchScriptAllowed";
const char* const kDeclinedKey = "models/torchScriptDeclined";

QString answerKey(const TorchScriptPack& pack) {
  const QFileInfo folder(pack.directory);
  const QString canonical = folder.canonicalFilePath();
  return pack.weightsSha256 + ' ' + (canonical.isEmpty() ? folder.absoluteFilePath() : canonical);
}

}  // namespace

std::optional<TorchScriptPack> packNeedingConsent(const QString& packDirectory) {
  const auto manifest = ai::readManifest(packDirectory.toStdString());
  if (!manifest.ok() || !ai::torchScriptRefusal(manifest.value())) return std::nullopt;
  return TorchScriptPack{packDirectory, QString::fromStdString(manifest.value().weightsSha256)};
}

std::optional<bool> rememberedConsent(const TorchScriptPack& pack) {
  const QSettings settings;
  const QString key = answerKey(pack);
  if (settings.value(kAllowedKey).toStringList().contains(key)) return true;
  if (settings.value(kDeclinedKey).toStringList().contains(key)) return false;
  return std::nullopt;
}

void rememberConsent(const TorchScriptPack& pack, bool allowed) {
  QSettings settings;
  const QString key = answerKey(pack);
  QStringList keep = settings.value(allowed ? kAllowedKey : kDeclinedKey).toStringList();
  QStringList drop = settings.value(allowed ? kDeclinedKey : kAllowedKey).toStringList();
  if (!keep.contains(key)) keep << key;
  drop.removeAll(key);
  settings.setValue(allowed ? kAllowedKey : kDeclinedKey, keep);
  settings.setValue(allowed ? kDeclinedKey : kAllowedKey, drop);
}

}  // namespace hilum::ui
