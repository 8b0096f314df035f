#pragma once
// The commands behind hilum-cli and what they share. Each takes the arguments after its name.
#include "hilum/base/error.h"
#include "hilum/base/result.h"

#include <memory>

#include <iosfwd>
#include <string>
#include <vector>

namespace hilum::ai { class Analyzer; struct ModelManifest; }
namespace hilum::train { struct Dataset; }

namespace hilum::cli {

class Arguments;

int infoCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int renderCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int analyzeCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int modelsCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int trainCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int trainLungsCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int segmentCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int evaluateLungsCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int evaluateCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int watchCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int batchCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int galleryCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int tagsCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int benchCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int heatmapCheckCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int pointingGameCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int calibrateCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int oodFitCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int anonymizeCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int reportCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int measureCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int indexCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int pacsCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int pacsEchoCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int pacsFindCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int pacsGetCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int pacsSendCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int pacsListenCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

// The pack folder of --model (the default pack otherwise), with --allow-torchscript recorded for it:
// for commands that hand the pack to something that opens it later (watch, batch).
Result<std::string> packArgument(const Arguments& parsed);
// The analyzer for that pack and --device, shared by analyze, report, calibrate, ood-fit and bench.
Result<std::unique_ptr<ai::Analyzer>> openAnalyzer(const Arguments& parsed);

// The flag every command that opens a pack accepts: the user's explicit choice to run a TorchScript
// pack from outside Hilum's model folders, whose code runs with the user's rights (ai/pack_trust.h).
extern const char* const kAllowTorchScript;
// Records that choice for `pack` when the command line made it; an Error when its manifest cannot
// be read. Call before anything opens the pack.
Status allowTorchScriptIfAsked(const Arguments& parsed, const std::string& pack);

// --data CSV|DIR [--root DIR] [--task single-label], for evaluate and calibrate. `labels`: the label
// set in output order (a pack's), empty for every label the CSV has.
Result<train::Dataset> readLabelledData(const Arguments& parsed, const std::vector<std::string>& labels = {});
// The same with a pack's labels, in its order.
Result<train::Dataset> readLabelledData(const Arguments& parsed, const ai::ModelManifest& manifest);

// "hilum-cli: usage: <problem>" plus the command's synopsis; returns kExitUsage.
int usageError(std::ostream& err, const std::string& problem, const std::string& synopsis);
// "hilum-cli: FILE: reason" with the path as the user gave it; returns kExitFailed.
int reportError(std::ostream& err, const Error& error);

}  // namespace hilum::cli
