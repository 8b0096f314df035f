// hilum-cli batch: one shard of a PACS archive analysed (triage/batch.h). The studies of a date
// range are found by C-FIND, those whose Study Instance UID hashes to shard R of N are retrieved by
// C-GET, analysed, and with --send-results their SR and Secondary Capture go back to the PACS. A
// ledger under --store makes a restart continue where the last run stopped. SIGINT / SIGTERM stop
// after the study in progress; a second one stops at once (the ledgers are crash-safe).
#include "arguments.h"
#include "cli.h"
#include "commands_p.h"
#include "gui_session.h"
#include "pacs_cli_p.h"

#include "hilum/base/atomic_file.h"
#include "hilum/pacs/find.h"
#include "hilum/pacs/pacs_config.h"
#include "hilum/triage/batch.h"

#include <nlohmann/json.hpp>

#include <pthread.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <iomanip>
#include <mutex>
#include <ostream>
#include <sstream>
#include <thread>

namespace hilum::cli {
namespace {

const char* const kSynopsis =
    "batch NODE --study-date FROM-TO --shard R/N [--modality CR,DX] [--send-results] [--store DIR]\n"
    "                      [--model DIR] [--allow-torchscript] [--priority LABEL=W,...] [--threads N] [--keep-films]\n"
    "                      [--json OUT|-] [--aet AE] [--timeout S]";

double median(std::vector<double> values) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  const std::size_t n = values.size();
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

struct Split {
  double retrieveMs, decodeMs, inferenceMs, sendMs;
};

// Medians over the studies this run finished: what a study costs, step by step.
Split medianSplit(const triage::BatchReport& report) {
  std::vector<double> retrieve, decode, inference, send;
  for (const auto& s : report.studies)
    if (s.state == triage::BatchStudyState::Done) {
      retrieve.push_back(s.retrieveMs);
      decode.push_back(s.decodeMs);
      inference.push_back(s.inferenceMs);
      send.push_back(s.sendMs);
    }
  return {median(retrieve), median(decode), median(inference), median(send)};
}

double studiesPerMinute(const triage::BatchReport& report) {
  return report.wallMs > 0 ? report.done * 60000.0 / report.wallMs : 0;
}

std::string studyLine(std::size_t index, std::size_t total, const triage::BatchStudy& s) {
  std::ostringstream line;
  line << "hilum-cli: [" << index << "/" << total << "] " << s.studyInstanceUid << " ";
  if (s.state != triage::BatchStudyState::Done) {
    line << "FAILED: " << s.reason;
    return line.str();
  }
  line << std::fixed << std::setprecision(0) << "done: " << s.films << (s.films == 1 ? " film" : " films");
  if (s.resultsSent > 0) line << ", " << s.resultsSent << " sent";
  if (s.outOfScope > 0) line << ", " << s.outOfScope << " out of scope";
  line << "; retrieve " << s.retrieveMs << " ms, decode " << s.decodeMs << " ms, inference " << s.inferenceMs
       << " ms, send " << s.sendMs << " ms";
  if (!s.reason.empty()) line << "; " << s.reason;
  return line.str();
}

// The keys are a contract, as for info and pacs find: add keys, never rename or remove one.
nlohmann::json reportJson(const triage::BatchReport& r, const pacs::Node& node, const triage::Shard& shard) {
  const Split split = medianSplit(r);
  nlohmann::json studies = nlohmann::json::array();
  for (const auto& s : r.studies)
    studies.push_back({{"study_instance_uid", s.studyInstanceUid}, {"study_date", s.studyDate},
                       {"state", triage::toString(s.state)}, {"films", s.films}, {"films_failed", s.filmsFailed},
                       {"out_of_scope", s.outOfScope}, {"results_sent", s.resultsSent}, {"retrieve_ms", s.retrieveMs},
                       {"decode_ms", s.decodeMs}, {"inference_ms", s.inferenceMs}, {"send_ms", s.sendMs},
                       {"reason", s.reason}});
  return {{"node", node.toString()},
          {"shard", shard.toString()},
          {"model", r.model},
          {"found", r.found},
          {"in_shard", r.inShard},
          {"done", r.done},
          {"already_done", r.alreadyDone},
          {"failed", r.failed},
          {"not_reached", r.notReached},
          {"stopped", r.stopped},
          {"wall_s", r.wallMs / 1000},
          {"studies_per_min", studiesPerMinute(r)},
          {"median_ms",
           {{"retrieve", split.retrieveMs}, {"decode", split.decodeMs}, {"inference", split.inferenceMs}, {"send", split.sendMs}}},
          {"studies", studies}};
}

void printSummary(const triage::BatchReport& r, const triage::Shard& shard, const std::string& stoppedBy,
                  std::ostream& out) {
  const Split split = medianSplit(r);
  out << std::fixed << std::setprecision(0);
  out << "studies found      " << r.found << "\n"
      << "in shard " << std::left << std::setw(10) << shard.toString() << std::right << r.inShard << "\n"
      << "done now           " << r.done << "\n"
      << "already done       " << r.alreadyDone << " (skipped)\n"
      << "failed             " << r.failed << (r.failed > 0 ? " (taken again by the next run)" : "") << "\n";
  if (r.stopped) out << "not reached        " << r.notReached << " (stopped" << (stoppedBy.empty() ? "" : " by " + stoppedBy) << ")\n";
  out << std::setprecision(1) << "throughput         " << studiesPerMinute(r) << " studies/min (" << r.done << " in "
      << r.wallMs / 1000 << " s, model " << r.model << ")\n"
      << std::setprecision(0) << "per study, median  retrieve " << split.retrieveMs << " ms, decode " << split.decodeMs
      << " ms, inference " << split.inferenceMs << " ms, send " << split.sendMs << " ms\n";
  for (const auto& s : r.studies)
    if (s.state == triage::BatchStudyState::Failed) out << "failed " << s.studyInstanceUid << ": " << s.reason << "\n";
}

}  // namespace

int batchCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  std::string problem;
  std::set<std::string> valued = pacsCommonOptions();
  valued.insert({"--study-date", "--modality", "--shard", "--store", "--model", "--priority", "--threads", "--json"});
  const auto parsed = Arguments::parse(args, valued, {"--send-results", "--keep-films", kAllowTorchScript}, problem);
  if (!parsed) return usageError(err, problem, kSynopsis);
  if (parsed->positional().size() != 1) return usageError(err, "batch takes one NODE (a configured name or AET@host:port)", kSynopsis);

  triage::BatchOptions options;
  const auto shardText = parsed->value("--shard");
  if (!shardText) return usageError(err, "batch needs --shard R/N (shard R of N, R from 0; 0/1 for all studies)", kSynopsis);
  auto shard = triage::parseShard(*shardText);
  if (!shard.ok()) return usageError(err, "--shard: " + shard.error().reason(), kSynopsis);
  options.shard = shard.value();
  const auto dates = parsed->value("--study-date");
  if (!dates) return usageError(err, "batch needs --study-date FROM-TO (YYYYMMDD-YYYYMMDD; either end may be open)", kSynopsis);
  if (Status s = pacs::parseDateRange(*dates, options.query); !s.ok()) return usageError(err, s.error().reason(), kSynopsis);
  if (const auto modality = parsed->value("--modality")) options.query.modalities = splitList(*modality);
  const auto threads = parsed->intAtLeast("--threads", 1, 0);
  if (!threads) return usageError(err, "--threads takes a whole number of 1 or more", kSynopsis);
  options.analyzerThreads = *threads;
  if (const auto priority = parsed->value("--priority")) {
    auto policy = triage::parsePolicy(*priority);
    if (!policy.ok()) return usageError(err, policy.error().reason(), kSynopsis);
    options.policy = policy.value();
  }
  const auto node = nodeArgument(parsed->positional()[0], problem);
  const auto scu = node ? scuOptions(*parsed, problem) : std::nullopt;
  if (!node || !scu) return usageError(err, problem, kSynopsis);
  options.node = *node;
  options.scu = *scu;
  options.sendResults = parsed->has("--send-results");
  options.keepFilms = parsed->has("--keep-films");
  options.storeDirectory = parsed->value("--store").value_or(
      (std::filesystem::path(pacs::defaultStoreFolder()).parent_path() / "batch").string());
  if (options.storeDirectory.empty()) return usageError(err, "--store needs a folder", kSynopsis);
  const auto pack = packArgument(*parsed);
  if (!pack.ok()) return reportError(err, pack.error());
  options.packDirectory = pack.value();

  // Before any thread starts (Qt's, the worklist's, LibTorch's): each inherits the mask, so SIGINT
  // and SIGTERM reach the watcher below instead of killing the process mid-study.
  StopSignals stopSignals;
  if (options.sendResults) ensureGuiApplication();  // the Secondary Capture's caption needs fonts

  std::mutex errMutex;
  std::atomic<bool> cancel{false}, finished{false};
  std::string stoppedBy;
  std::thread watcher([&] {
    for (int received = 0;;) {
      const char* name = stopSignals.wait();
      if (finished) return;
      std::lock_guard<std::mutex> lock(errMutex);
      if (++received > 1) {
        err << "hilum-cli: " << name << " again: stopping now; the next run continues from the ledger" << std::endl;
        std::_Exit(kExitFailed);
      }
      stoppedBy = name;
      cancel = true;
      err << "hilum-cli: " << name << ": stopping after the study in progress (again to stop at once)" << std::endl;
    }
  });

  {
    std::lock_guard<std::mutex> lock(errMutex);
    err << "hilum-cli: batch on " << options.node.toString() << ", shard " << options.shard.toString() << ", store "
        << options.storeDirectory << (options.sendResults ? ", results sent back" : ", results kept local")
        << " (decision support, not a diagnosis)" << std::endl;
  }
  const auto report = triage::runBatch(
      options,
      [&](std::size_t index, std::size_t total, const triage::BatchStudy& study) {
        std::lock_guard<std::mutex> lock(errMutex);
        err << studyLine(index, total, study) << std::endl;
      },
      &cancel);
  finished = true;
  pthread_kill(watcher.native_handle(), SIGTERM);  // blocked in every thread: only wakes the watcher's sigwait
  watcher.join();
  if (!report.ok()) return reportError(err, report.error());

  if (const auto json = parsed->value("--json")) {
    const std::string text = reportJson(report.value(), options.node, options.shard).dump(2) + "\n";
    if (*json == "-") {
      out << text;
    } else if (Status s = writeFileAtomically(*json, text); !s.ok()) {
      return reportError(err, s.error());
    }
  }
  if (parsed->value("--json").value_or("") != "-") printSummary(report.value(), options.shard, stoppedBy, out);
  if (report.value().stopped)
    err << "hilum-cli: stopped; " << report.value().notReached << " studies left: run the same command again to continue\n";
  return report.value().failed == 0 && !report.value().stopped ? kExitOk : kExitFailed;
}

}  // namespace hilum::cli
