// hilum-cli ood-fit: gives a pack its out-of-distribution detector -- pooled features of
// in-distribution films (the training split), a threshold from other in-distribution films (the
// validation split) -- so every later analysis says how unlike its training films a film is.
#include "arguments.h"
#include "cli.h"
#include "commands_p.h"

#include "hilum/ai/analyzer.h"
#include "hilum/film/loader.h"
#include "hilum/film/study_index.h"

#include <filesystem>
#include <fstream>
#include <ostream>

namespace hilum::cli {
namespace {

const char* const kSynopsis = "ood-fit --model DIR [--allow-torchscript] --fit LIST.txt|DIR --held-out LIST.txt|DIR [--quantile Q]";

// A text file with one film path per line (relative to the file's folder), or a folder of films.
Result<std::vector<std::string>> filmList(const std::string& source) {
  if (std::filesystem::is_directory(source)) {
    auto index = film::indexPath(source);
    if (!index.ok()) return index.error();
    return index.value().filmPaths();
  }
  std::ifstream in(source);
  if (!in) return Error(Module::Cli, ErrorCode::NotFound, "cannot open the list", source);
  const auto base = std::filesystem::path(source).parent_path();
  std::vector<std::string> paths;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    const std::filesystem::path p(line);
    paths.push_back(p.is_absolute() ? line : (base / p).string());
  }
  return paths;
}

}  // namespace

int oodFitCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  std::string problem;
  const auto parsed = Arguments::parse(args, {"--model", "--device", "--fit", "--held-out", "--quantile"}, {kAllowTorchScript}, problem);
  if (!parsed) return usageError(err, problem, kSynopsis);
  const auto model = parsed->value("--model");
  const auto fitSource = parsed->value("--fit");
  if (!model || !fitSource) return usageError(err, "ood-fit needs --model and --fit", kSynopsis);
  const double quantile = parseDouble(parsed->value("--quantile").value_or("0.99")).value_or(-1);
  if (quantile <= 0.5 || quantile > 1.0) return usageError(err, "--quantile must lie in (0.5, 1]", kSynopsis);
  auto analyzer = openAnalyzer(*parsed);
  if (!analyzer.ok()) return reportError(err, analyzer.error());

  auto features = [&](const std::string& source, std::vector<std::vector<float>>& rows) -> int {
    auto paths = filmList(source);
    if (!paths.ok()) return reportError(err, paths.error());
    for (std::size_t i = 0; i < paths.value().size(); ++i) {
      const auto& path = paths.value()[i];
      auto film = film::loadFilm(path);
      if (!film.ok()) {
        err << "hilum-cli: " << path << ": skipped: " << film.error().reason() << "\n";
        continue;
      }
      auto input = analyzer.value()->prepare(film.value());
      if (!input.ok()) return reportError(err, input.error().withPath(path));
      auto pooled = analyzer.value()->pooledFeatures(input.value());
      if (!pooled.ok()) return reportError(err, pooled.error().withPath(path));
      rows.push_back(std::move(pooled).value());
      if ((i + 1) % 100 == 0) err << "hilum-cli: " << source << ": " << i + 1 << " of " << paths.value().size() << " films\n";
    }
    return kExitOk;
  };
  std::vector<std::vector<float>> fit, heldOut;
  if (const int code = features(*fitSource, fit); code != kExitOk) return code;
  if (const auto held = parsed->value("--held-out"))
    if (const int code = features(*held, heldOut); code != kExitOk) return code;
  const auto spec = ai::fitOutOfDistribution(*model, fit, heldOut, quantile);
  if (!spec.ok()) return reportError(err, spec.error());
  out << *model << ": out-of-distribution detector on " << spec.value().dim << " pooled features, fitted on "
      << spec.value().fitFilms << " films; threshold " << spec.value().threshold << " = " << quantile * 100 << "th percentile of "
      << (heldOut.empty() ? "the fitted films" : std::to_string(heldOut.size()) + " held-out films") << "\n";
  return kExitOk;
}

}  // namespace hilum::cli
