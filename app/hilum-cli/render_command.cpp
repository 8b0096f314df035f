#include "arguments.h"
#include "cli.h"
#include "commands_p.h"

#include "hilum/display/png_writer.h"
#include "hilum/display/renderer.h"
#include "hilum/film/loader.h"

#include <ostream>

namespace hilum::cli {
namespace {

const char* const kSynopsis = "render FILE -o OUT.png [--window CENTER,WIDTH] [--preset N] [--invert] [--max-size PX]";

}  // namespace

int renderCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  std::string problem;
  const auto parsed =
      Arguments::parse(args, {"-o", "--output", "--window", "--preset", "--max-size"}, {"--invert"}, problem);
  if (!parsed) return usageError(err, problem, kSynopsis);
  if (parsed->positional().size() != 1) return usageError(err, "render takes exactly one FILE", kSynopsis);
  const auto output = parsed->value("-o") ? parsed->value("-o") : parsed->value("--output");
  if (!output) return usageError(err, "render needs -o OUT.png", kSynopsis);

  display::DisplaySettings settings;
  settings.invert = parsed->has("--invert");
  if (const auto window = parsed->value("--window")) {
    const auto comma = window->find(',');
    const auto center = comma == std::string::npos ? std::nullopt : parseDouble(window->substr(0, comma));
    const auto width = comma == std::string::npos ? std::nullopt : parseDouble(window->substr(comma + 1));
    if (!center || !width || *width <= 0.0)
      return usageError(err, "--window needs CENTER,WIDTH with a positive width, got '" + *window + "'", kSynopsis);
    settings.customWindow = display::VoiWindow{*center, *width, film::VoiFunction::Linear};
  }
  if (const auto preset = parsed->value("--preset")) {
    const auto index = parseInt(*preset);
    if (!index || *index < 0) return usageError(err, "--preset needs an index from 0, got '" + *preset + "'", kSynopsis);
    if (settings.customWindow) return usageError(err, "--window and --preset exclude each other", kSynopsis);
    settings.presetIndex = *index;
  }
  display::RenderOptions options;
  const auto maxSize = parsed->intAtLeast("--max-size", 1, 0);
  if (!maxSize) return usageError(err, "--max-size needs a positive number of pixels", kSynopsis);
  options.maxSizePx = *maxSize;

  const auto film = film::loadFilm(parsed->positional()[0]);
  if (!film.ok()) return reportError(err, film.error());
  if (settings.customWindow) settings.customWindow->function = film.value().display().voiFunction;
  const auto image = display::render(film.value(), settings, options);
  if (!image.ok()) return reportError(err, image.error());
  const auto written = display::writePng(image.value(), *output);
  if (!written.ok()) return reportError(err, written.error());
  out << *output << ": " << image.value().width << " x " << image.value().height << "\n";
  return kExitOk;
}

}  // namespace hilum::cli
