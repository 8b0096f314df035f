#pragma once
// The viewer's memory of its user's answer to "run this TorchScript pack?" (hilum/ai/pack_trust.h):
// one answer per pack folder and weights, kept in QSettings, so a pack is asked about once, and
// again when its weights change. GUI thread only (QSettings, QFileInfo on a local folder).
#include <QString>

#include <optional>

namespace hilum::ui {

struct TorchScriptPack {
  QString directory;      // as the user chose it
  QString weightsSha256;  // the manifest's
};

// The pack when opening it needs the user's choice: TorchScript from outside Hilum's model folders
// that this process may not run yet. Nothing otherwise, also for a pack whose manifest cannot be
// read (opening it then says why).
std::optional<TorchScriptPack> packNeedingConsent(const QString& packDirectory);

// The answer given before for this folder and these weights, if any.
std::optional<bool> rememberedConsent(const TorchScriptPack& pack);

// Keeps the answer for later sessions.
void rememberConsent(const TorchScriptPack& pack, bool allowed);

}  // namespace hilum::ui
