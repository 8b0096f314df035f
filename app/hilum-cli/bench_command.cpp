#include "arguments.h"
#include "cli.h"
#include "commands_p.h"

#include "hilum/base/statistics.h"

#include "hilum/ai/analyzer.h"
#include "hilum/display/renderer.h"
#include "hilum/display/voi_preset.h"
#include "hilum/train/trainer.h"
#include "hilum/film/loader.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <iterator>
#include <chrono>
#include <fstream>
#include <sstream>
#include <unistd.h>
#include <iomanip>
#include <ostream>

namespace hilum::cli {
namespace {

const char* const kSynopsis =
    "bench open FILE [--runs N] [--max-size PX] [--json]\n"
    "       hilum-cli bench analyze FILE [--model DIR] [--device D] [--runs N] [--json] [--allow-torchscript]\n"
    "       hilum-cli bench train [--architecture A] [--batch N] [--size PX] [--runs N]\n"
    "                             [--world-size N --rank R --rendezvous HOST:PORT]\n"
    "       hilum-cli bench window FILE [--max-size PX] [--runs N]";

struct Stats {
  double median = 0, min = 0, max = 0;
};

Stats summarise(const std::vector<double>& ms) {
  return {median(ms), *std::min_element(ms.begin(), ms.end()), *std::max_element(ms.begin(), ms.end())};
}

// "  decode      median   38.2 ms   min ...": one line of a bench table, label padded to `width`.
void printRow(std::ostream& out, const char* what, int width, const Stats& s) {
  out << "  " << std::left << std::setw(width) << what << std::right << std::fixed << std::setprecision(1) << "median "
      << std::setw(8) << s.median << " ms   min " << std::setw(8) << s.min << " ms   max " << std::setw(8) << s.max
      << " ms\n";
}

nlohmann::json statsJson(const Stats& s) { return {{"median", s.median}, {"min", s.min}, {"max", s.max}}; }

double elapsedMs(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - since).count();
}

// Decode + first display frame, the time between "open" and a picture on screen, measured the way
// the viewer opens: loadFilmPreview for a --max-size viewport (default 1024 px), then the first
// frame rendered to fit it. When the preview was reduced (JPEG 2000), the full-resolution decode
// that follows in the background is timed too and reported on its own line.
int benchOpen(const Arguments& parsed, std::ostream& out, std::ostream& err) {
  if (parsed.positional().size() != 1) return usageError(err, "bench open takes exactly one FILE", kSynopsis);
  const std::string path = parsed.positional()[0];
  const auto runs = parsed.intAtLeast("--runs", 1, 10);
  if (!runs) return usageError(err, "--runs needs a positive number", kSynopsis);
  const auto maxSize = parsed.intAtLeast("--max-size", 0, 1024);
  if (!maxSize) return usageError(err, "--max-size needs a number of pixels (0: native)", kSynopsis);
  display::RenderOptions options;
  options.maxSizePx = *maxSize;

  std::vector<double> decode, frame, total, full;
  int columns = 0, rows = 0, reduction = 0;
  std::string encoding;
  for (int i = 0; i < *runs; ++i) {
    const auto start = std::chrono::steady_clock::now();
    const auto film = options.maxSizePx > 0 ? film::loadFilmPreview(path, options.maxSizePx) : film::loadFilm(path);
    if (!film.ok()) return reportError(err, film.error());
    const double decoded = elapsedMs(start);
    const auto image = display::render(film.value(), display::DisplaySettings{}, options);
    if (!image.ok()) return reportError(err, image.error());
    const double all = elapsedMs(start);
    decode.push_back(decoded);
    frame.push_back(all - decoded);
    total.push_back(all);
    reduction = film.value().resolutionReduction();
    encoding = film.value().metadata().transferSyntaxName;
    if (encoding.empty()) encoding = film::toString(film.value().metadata().format);
    const auto fullStart = std::chrono::steady_clock::now();
    const auto complete = film.value().isPreview() ? film::loadFilm(path) : film;
    if (!complete.ok()) return reportError(err, complete.error());
    if (film.value().isPreview()) full.push_back(elapsedMs(fullStart));
    columns = complete.value().columns();
    rows = complete.value().rows();
  }
  const Stats d = summarise(decode), f = summarise(frame), t = summarise(total);
  const Stats fd = full.empty() ? summarise(decode) : summarise(full);
  if (parsed.has("--json")) {
    out << nlohmann::json{{"file", path}, {"columns", columns}, {"rows", rows}, {"encoding", encoding},
                          {"runs", *runs}, {"max_size", options.maxSizePx}, {"preview_reduction", reduction},
                          {"ms", {{"decode", statsJson(d)}, {"first_frame", statsJson(f)}, {"total", statsJson(t)},
                                  {"full_decode", statsJson(fd)}}}}
               .dump(2)
        << "\n";
    return kExitOk;
  }
  out << "bench open " << path << "\n  " << columns << " x " << rows << ", " << encoding << ", " << *runs
      << " runs, first frame at max " << options.maxSizePx << " px";
  if (reduction > 0) out << ", decoded as a 1/" << (1 << reduction) << " resolution preview";
  out << "\n";
  auto row = [&out](const char* what, const Stats& s) { printRow(out, what, 12, s); };
  row("decode", d);
  row("first frame", f);
  row("total", t);
  if (!full.empty()) row("full decode", fd);
  return kExitOk;
}

// Milliseconds since this process started (/proc/self/stat field 22, in clock ticks after boot).
double msSinceProcessStart() {
  std::ifstream stat("/proc/self/stat");
  std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
  std::istringstream fields(text.substr(text.rfind(')') + 2));
  std::string field;
  for (int i = 3; i <= 22 && fields >> field; ++i) {}
  std::ifstream uptimeFile("/proc/uptime");
  double uptime = 0;
  uptimeFile >> uptime;
  const double started = std::stod(field) / static_cast<double>(sysconf(_SC_CLK_TCK));
  return (uptime - started) * 1000.0;
}

// Peak resident memory (VmHWM) in MiB.
double peakRssMiB() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line))
    if (line.rfind("VmHWM:", 0) == 0) return std::stod(line.substr(6)) / 1024.0;
  return 0;
}

// Bare forward vs forward + every label's heatmap vs decode-to-result, on one film and one pack.
int benchAnalyze(const Arguments& parsed, std::ostream& out, std::ostream& err) {
  if (parsed.positional().size() != 1) return usageError(err, "bench analyze takes exactly one FILE", kSynopsis);
  const std::string path = parsed.positional()[0];
  const auto runs = parsed.intAtLeast("--runs", 1, 10);
  if (!runs) return usageError(err, "--runs needs a positive number", kSynopsis);
  auto analyzer = openAnalyzer(parsed);
  if (!analyzer.ok()) return reportError(err, analyzer.error());
  ai::Analyzer& model = *analyzer.value();

  auto film = film::loadFilm(path);
  if (!film.ok()) return reportError(err, film.error());
  auto input = model.prepare(film.value());
  if (!input.ok()) return reportError(err, input.error());
  ai::AnalyzeOptions withMaps;
  const auto first = model.analyze(film.value(), withMaps);
  if (!first.ok()) return reportError(err, first.error());
  const double firstResultMs = msSinceProcessStart();

  std::vector<double> bare, maps, gradcam, endToEnd;
  ai::AnalyzeOptions autograd;
  autograd.method = ai::HeatmapMethod::GradCam;
  for (int i = 0; i < *runs; ++i) {
    auto t = std::chrono::steady_clock::now();
    if (const Status s = model.forwardOnly(input.value()); !s.ok()) return reportError(err, s.error());
    bare.push_back(elapsedMs(t));
    t = std::chrono::steady_clock::now();
    if (const auto r = model.analyzeInput(input.value(), withMaps); !r.ok()) return reportError(err, r.error());
    maps.push_back(elapsedMs(t));
    t = std::chrono::steady_clock::now();
    if (const auto r = model.analyzeInput(input.value(), autograd); !r.ok()) return reportError(err, r.error());
    gradcam.push_back(elapsedMs(t));
    t = std::chrono::steady_clock::now();
    const auto again = film::loadFilm(path);
    if (!again.ok()) return reportError(err, again.error());
    if (const auto r = model.analyze(again.value(), withMaps); !r.ok()) return reportError(err, r.error());
    endToEnd.push_back(elapsedMs(t));
  }
  const Stats b = summarise(bare), m = summarise(maps), g = summarise(gradcam), e = summarise(endToEnd);
  const auto& manifest = model.manifest();
  if (parsed.has("--json")) {
    out << nlohmann::json{{"file", path}, {"model", manifest.name}, {"architecture", manifest.architecture},
                          {"input_size", manifest.inputSize}, {"labels", manifest.labels.size()},
                          {"device", model.device()}, {"threads", model.threads()}, {"runs", *runs},
                          {"ms", {{"forward", statsJson(b)}, {"forward_heatmaps", statsJson(m)}, {"forward_gradcam_autograd", statsJson(g)},
                                  {"end_to_end", statsJson(e)}}},
                          {"heatmaps_over_forward", m.median / b.median}, {"end_to_end_over_forward", e.median / b.median},
                          {"first_result_after_start_ms", firstResultMs}, {"peak_rss_mib", peakRssMiB()}}
               .dump(2)
        << "\n";
    return kExitOk;
  }
  out << "bench analyze " << path << "\n  " << manifest.name << " (" << manifest.architecture << ", "
      << manifest.inputSize << " px, " << manifest.labels.size() << " labels) on " << model.device() << ", "
      << model.threads() << " threads, " << *runs << " runs, film " << film.value().columns() << " x "
      << film.value().rows() << "\n";
  auto row = [&out](const char* what, const Stats& s) { printRow(out, what, 29, s); };
  row("forward", b);
  row("forward + all heatmaps", m);
  row("forward + Grad-CAM autograd", g);
  row("end to end (decode..maps)", e);
  out << std::setprecision(2) << "  heatmaps / forward " << m.median / b.median << "x, end to end / forward "
      << e.median / b.median << "x\n  first result " << std::setprecision(0) << firstResultMs
      << " ms after process start, peak RSS " << peakRssMiB() << " MiB\n";
  return kExitOk;
}

// One training step (forward + backward + AdamW step) on random data, median of --runs.
int benchTrain(const Arguments& parsed, std::ostream& out, std::ostream& err) {
  const std::string architecture = parsed.value("--architecture").value_or("resnet18");
  const auto batch = parsed.intAtLeast("--batch", 1, 16);
  const auto size = parsed.intAtLeast("--size", 32, 224);
  const auto runs = parsed.intAtLeast("--runs", 1, 5);
  if (!batch || !size || !runs)
    return usageError(err, "--batch, --size (>= 32) and --runs need positive numbers", kSynopsis);
  train::DistributedOptions group;
  const auto world = parsed.intAtLeast("--world-size", 1, 1);
  const auto rank = parsed.intAtLeast("--rank", 0, 0);
  if (!world || !rank) return usageError(err, "--world-size and --rank need whole numbers", kSynopsis);
  group.worldSize = *world;
  group.rank = *rank;
  if (const auto rendezvous = parsed.value("--rendezvous"))
    if (Status s = train::parseRendezvous(*rendezvous, group); !s.ok()) return usageError(err, s.error().reason(), kSynopsis);
  if (Status s = train::validateDistributed(group); !s.ok()) return usageError(err, s.error().reason(), kSynopsis);
  const auto timing = train::benchmarkTrainingStep(architecture, *batch, *size, *runs, 0, group);
  if (!timing.ok()) return reportError(err, timing.error());
  const auto& t = timing.value();
  out << "bench train " << architecture << ", batch " << *batch << (t.worldSize > 1 ? " per rank" : "") << ", " << *size
      << " px, " << t.threads << " threads" << (t.worldSize > 1 ? " per rank, " + std::to_string(t.worldSize) + " ranks" : "")
      << ", " << *runs << " runs\n  step  median " << std::fixed << std::setprecision(1) << t.medianMs
      << " ms   min " << t.minMs << " ms   max " << t.maxMs << " ms   (" << t.imagesPerSecond << " images/s)\n";
  if (t.worldSize > 1) out << "  all-reduce of all gradients alone  median " << t.allReduceMedianMs << " ms\n";
  return kExitOk;
}

// One window/level drag frame as the viewer draws it: a new window, the visible film (all of it,
// fitted) rendered to screen size. --max-size is the view's shorter side (1080 for a 1920x1080 window).
int benchWindow(const Arguments& parsed, std::ostream& out, std::ostream& err) {
  if (parsed.positional().size() != 1) return usageError(err, "bench window takes exactly one FILE", kSynopsis);
  const auto runs = parsed.intAtLeast("--runs", 1, 60);
  const auto maxSize = parsed.intAtLeast("--max-size", 1, 1080);
  if (!runs || !maxSize) return usageError(err, "--runs and --max-size need positive numbers", kSynopsis);
  const auto film = film::loadFilm(parsed.positional()[0]);
  if (!film.ok()) return reportError(err, film.error());
  const display::VoiWindow start = display::fullRangeWindow(film.value());
  display::RenderOptions options;
  options.maxSizePx = *maxSize;
  std::vector<double> frames;
  for (int i = 0; i < *runs; ++i) {
    display::DisplaySettings settings;
    // A drag sweeps centre and width a little every frame.
    settings.customWindow = display::VoiWindow{start.center + 3.0 * i, start.width * (0.6 + 0.005 * i), start.function};
    const auto t = std::chrono::steady_clock::now();
    const auto image = display::render(film.value(), settings, options);
    if (!image.ok()) return reportError(err, image.error());
    frames.push_back(elapsedMs(t));
  }
  const Stats s = summarise(frames);
  out << "bench window " << parsed.positional()[0] << "\n  " << film.value().columns() << " x " << film.value().rows()
      << " to " << *maxSize << " px, " << *runs << " frames\n  frame  median " << std::fixed << std::setprecision(1)
      << s.median << " ms   min " << s.min << " ms   max " << s.max << " ms   (" << std::setprecision(0)
      << 1000.0 / s.median << " frames/s)\n";
  return kExitOk;
}

}  // namespace

int benchCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  if (args.empty()) return usageError(err, "bench needs a benchmark name (open)", kSynopsis);
  std::string problem;
  const auto parsed = Arguments::parse({args.begin() + 1, args.end()}, {"--runs", "--max-size", "--model", "--device", "--architecture", "--batch", "--size",
                                        "--world-size", "--rank", "--rendezvous"},
                                       {"--json", kAllowTorchScript}, problem);
  if (!parsed) return usageError(err, problem, kSynopsis);
  if (args[0] == "open") return benchOpen(*parsed, out, err);
  if (args[0] == "analyze") return benchAnalyze(*parsed, out, err);
  if (args[0] == "train") return benchTrain(*parsed, out, err);
  if (args[0] == "window") return benchWindow(*parsed, out, err);
  return usageError(err, "unknown benchmark '" + args[0] + "'", kSynopsis);
}

}  // namespace hilum::cli
