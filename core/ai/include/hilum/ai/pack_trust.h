#pragma once
// Which model packs may run code. A TorchScript pack carries a program: loading it runs what the
// module defines, with the user's rights, so it deserves the trust a program from the same source
// would. A state-dict pack is data (tensors matched to Hilum's own networks) and opens from
// anywhere. Packs inside the folders Hilum ships and installs (shippedModelFolders()) are trusted;
// a TorchScript pack from anywhere else opens only after an explicit choice for that folder and
// those weights: changed weights need a new choice. The choice lasts as long as the process (the
// viewer remembers its user's answers itself), and Analyzer::open, the one place packs are loaded,
// enforces it.
//
// Thread safety: every function may be called from any thread.
#include "hilum/ai/model_manifest.h"
#include "hilum/base/result.h"

#include <optional>
#include <string>

namespace hilum::ai {

// Whether `packDirectory` lies inside one of the shipped model folders. Links are resolved first:
// a link in models/ that points elsewhere is elsewhere.
bool isShippedPack(const std::string& packDirectory);

// The explicit choice to run the TorchScript pack in `packDirectory` whose manifest gives
// `weightsSha256` (Analyzer::open still checks the weights against that hash).
void allowTorchScript(const std::string& packDirectory, const std::string& weightsSha256);
// The same for whatever weights the pack's manifest names now (hilum-cli --allow-torchscript);
// an Error when the manifest cannot be read.
Status allowTorchScript(const std::string& packDirectory);

// Nothing when `manifest` may be loaded; for a TorchScript pack from outside the shipped folders
// that nobody allowed, the refusal: an Error naming the pack folder, the risk and how to allow it.
std::optional<Error> torchScriptRefusal(const ModelManifest& manifest);

}  // namespace hilum::ai
