#include "arguments.h"
#include "cli.h"
#include "commands_p.h"
#include "findings_json.h"

#include "hilum/ai/analyzer.h"
#include "hilum/ai/covariates.h"
#include "hilum/ai/heatmap_image.h"
#include "hilum/ai/model_packs.h"
#include "hilum/ai/pack_trust.h"
#include "hilum/base/atomic_file.h"
#include "hilum/film/loader.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iomanip>
#include <ostream>

namespace hilum::cli {
namespace {

const char* const kSynopsis =
    "analyze FILE... [--model DIR] [--allow-torchscript] [--device cpu|cuda] [--heatmaps DIR] [--json OUT|-]\n"
    "        [--age YEARS] [--sex M|F] [--view PA|AP]   (for packs that read them: instead of the film's header)";

std::string safeName(const std::string& text) {
  std::string out;
  for (char c : text) out += (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.') ? c : '_';
  return out;
}

void printFindings(std::ostream& out, const std::string& file, const ai::Findings& f) {
  out << file << "\n  " << f.model.name << " " << f.model.version << " on " << f.device << " — "
      << ai::Findings::kDisclaimer << "\n";
  for (const auto& r : f.ranked) {
    out << "  " << (r.positive ? "* " : "  ") << std::left << std::setw(22) << r.label << std::right << std::fixed
        << std::setprecision(3) << r.probability << "  (threshold " << std::setprecision(2) << r.threshold << ")\n";
  }
  if (f.topLabel) out << "  top: " << *f.topLabel << "\n";
  for (const auto& reason : f.gateReasons) out << "  OUTSIDE THE MODEL'S TRAINING DATA: " << reason << "\n";
  for (const auto& warning : f.qualityWarnings) out << "  warning: " << warning << "\n";
  if (!f.covariates.empty()) out << "  model was given: " << f.covariates << "\n";
  if (!f.fieldOfView.empty()) out << "  model looked at: " << f.fieldOfView << "\n";
  if (f.oodScore) out << "  out-of-distribution score " << std::setprecision(1) << *f.oodScore << " (threshold " << *f.oodThreshold << ")\n";
}

// The film header's covariates with the command line's --age, --sex and --view laid over them.
Result<ai::PatientCovariates> patientOf(const Arguments& parsed, const film::FilmMetadata& header) {
  ai::PatientCovariates patient = ai::covariatesOf(header);
  if (const auto age = parsed.value("--age")) {
    char* end = nullptr;
    const double years = std::strtod(age->c_str(), &end);
    if (age->empty() || *end != '\0' || !(years >= 0 && years <= 150))
      return Error(Module::Cli, ErrorCode::InvalidArgument, "--age needs years between 0 and 150, not '" + *age + "'");
    patient.ageYears = years;
  }
  if (const auto sex = parsed.value("--sex")) {
    if (*sex != "M" && *sex != "F") return Error(Module::Cli, ErrorCode::InvalidArgument, "--sex needs M or F, not '" + *sex + "'");
    patient.sex = *sex;
  }
  if (const auto view = parsed.value("--view")) {
    if (*view != "PA" && *view != "AP") return Error(Module::Cli, ErrorCode::InvalidArgument, "--view needs PA or AP, not '" + *view + "'");
    patient.view = *view;
  }
  return patient;
}

}  // namespace

const char* const kAllowTorchScript = "--allow-torchscript";

Status allowTorchScriptIfAsked(const Arguments& parsed, const std::string& pack) {
  if (!parsed.has(kAllowTorchScript)) return Status::success();
  return ai::allowTorchScript(pack);
}

Result<std::string> packArgument(const Arguments& parsed) {
  std::string pack;
  if (const auto model = parsed.value("--model")) {
    pack = *model;
  } else {
    auto found = ai::defaultModelPack();
    if (!found.ok()) return found.error();
    pack = found.value();
  }
  if (const Status allowed = allowTorchScriptIfAsked(parsed, pack); !allowed.ok()) return allowed.error();
  return pack;
}

Result<std::unique_ptr<ai::Analyzer>> openAnalyzer(const Arguments& parsed) {
  const auto pack = packArgument(parsed);
  if (!pack.ok()) return pack.error();
  ai::AnalyzerOptions options;
  options.device = parsed.value("--device").value_or("auto");
  return ai::Analyzer::open(pack.value(), options);
}

int analyzeCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  std::string problem;
  const auto parsed = Arguments::parse(args, {"--model", "--device", "--heatmaps", "--json", "--age", "--sex", "--view"}, {kAllowTorchScript}, problem);
  if (!parsed) return usageError(err, problem, kSynopsis);
  if (parsed->positional().empty()) return usageError(err, "analyze needs at least one FILE", kSynopsis);
  const auto heatmapDir = parsed->value("--heatmaps");
  const auto jsonOut = parsed->value("--json");
  if (heatmapDir) {
    std::error_code ec;
    std::filesystem::create_directories(*heatmapDir, ec);
    if (ec) return reportError(err, Error(Module::Cli, ErrorCode::WriteFailed, "cannot create folder: " + ec.message(), *heatmapDir));
  }

  auto analyzer = openAnalyzer(*parsed);
  if (!analyzer.ok()) return reportError(err, analyzer.error());
  ai::AnalyzeOptions options;
  options.heatmaps = heatmapDir.has_value();

  const auto& files = parsed->positional();
  std::string lines;  // JSON Lines for --json OUT, written once at the end (atomically)
  int failures = 0;
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (files.size() > 1) err << "[" << i + 1 << "/" << files.size() << "] " << files[i] << "\n";
    const auto start = std::chrono::steady_clock::now();
    const auto film = film::loadFilm(files[i]);
    const double decodeMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    if (!film.ok()) {
      ++failures;
      reportError(err, film.error());
      continue;
    }
    const auto patient = patientOf(*parsed, film.value().metadata());
    if (!patient.ok()) return reportError(err, patient.error());
    options.patient = patient.value();
    const auto findings = analyzer.value()->analyze(film.value(), options);
    if (!findings.ok()) {
      ++failures;
      reportError(err, findings.error());
      continue;
    }
    std::vector<std::string> heatmapPaths;
    if (heatmapDir) {
      const std::string stem = std::filesystem::path(files[i]).stem().string();
      for (const auto& heatmap : findings.value().heatmaps) {
        const std::string path = *heatmapDir + "/" + safeName(stem + "_" + heatmap.label) + ".png";
        const Status written = ai::writeHeatmapOverlay(film.value(), heatmap, path);
        if (!written.ok()) return reportError(err, written.error());
        heatmapPaths.push_back(path);
      }
    }
    if (jsonOut) {
      const auto j = findingsToJson(files[i], findings.value(), decodeMs, heatmapPaths);
      const std::string line = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
      if (*jsonOut == "-") out << line << std::flush;
      else lines += line;
    } else {
      printFindings(out, files[i], findings.value());
    }
  }
  if (jsonOut && *jsonOut != "-") {
    const Status written = writeFileAtomically(*jsonOut, lines);
    if (!written.ok()) return reportError(err, written.error());
  }
  return failures == 0 ? kExitOk : kExitFailed;
}

int modelsCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  std::string problem;
  const auto parsed = Arguments::parse(args, {}, {"--json"}, problem);
  if (!parsed) return usageError(err, problem, "models [--json]");
  const auto packs = ai::findModelPacks();
  const auto fallback = ai::defaultModelPack();
  nlohmann::json list = nlohmann::json::array();
  for (const auto& pack : packs) {
    nlohmann::json j = {{"name", pack.name}, {"directory", pack.directory},
                        {"default", fallback.ok() && fallback.value() == pack.directory}};
    if (pack.manifest) {
      const auto& m = *pack.manifest;
      j["version"] = m.version;
      j["architecture"] = m.architecture;
      j["task"] = ai::toString(m.task);
      j["labels"] = m.labels.size();
      j["input_size"] = m.inputSize;
      j["covariates"] = m.covariates;
      if (m.lungCrop) j["lung_crop"] = {{"segmenter", m.lungCrop->segmenter}, {"margin", m.lungCrop->margin}};
    } else {
      j["problem"] = pack.problem;
    }
    list.push_back(std::move(j));
  }
  for (const auto& pack : ai::findSegmentationPacks()) {
    nlohmann::json j = {{"name", pack.name}, {"directory", pack.directory}, {"default", false}, {"kind", "segmentation"}};
    if (pack.manifest) {
      j["version"] = pack.manifest->version;
      j["architecture"] = pack.manifest->architecture;
      j["structure"] = pack.manifest->structure;
      j["input_size"] = pack.manifest->inputSize;
    } else {
      j["problem"] = pack.problem;
    }
    list.push_back(std::move(j));
  }
  if (parsed->has("--json")) {
    out << list.dump(2) << "\n";
    return kExitOk;
  }
  if (list.empty()) out << "no model packs found\n";
  for (const auto& j : list) {
    out << (j["default"].get<bool>() ? "* " : "  ") << j["name"].get<std::string>();
    if (j.contains("problem")) out << "  UNUSABLE: " << j["problem"].get<std::string>();
    else if (j.contains("structure")) out << " " << j["version"].get<std::string>() << "  " << j["architecture"].get<std::string>()
                                          << ", segmentation of the " << j["structure"].get<std::string>() << ", " << j["input_size"] << " px";
    else out << " " << j["version"].get<std::string>() << "  " << j["architecture"].get<std::string>() << ", "
             << j["task"].get<std::string>() << ", " << j["labels"] << " labels, " << j["input_size"] << " px";
    if (j.contains("covariates") && !j["covariates"].empty()) {
      out << ", reads";
      for (const auto& c : j["covariates"]) out << " " << c.get<std::string>();
    }
    if (j.contains("lung_crop")) out << ", lungs only (" << j["lung_crop"]["segmenter"].get<std::string>() << ")";
    out << "\n    " << j["directory"].get<std::string>() << "\n";
  }
  return kExitOk;
}

}  // namespace hilum::cli
