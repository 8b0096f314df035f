#include "hilum/triage/batch.h"

#include "hilum/base/atomic_file.h"
#include "hilum/base/time_text.h"
#include "hilum/pacs/retrieve.h"
#include "hilum/triage/worklist.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <filesystem>
#include <map>
#include <set>
#include <sys/file.h>
#include <unistd.h>

namespace hilum::triage {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point start) { return std::chrono::duration<double, std::milli>(Clock::now() - start).count(); }


// A UID becomes a file name in the ledger: digits and dots only (PS3.5 9.1), so never a path.
bool isUid(const std::string& text) {
  return !text.empty() && text.size() <= 64 && text.find_first_not_of("0123456789.") == std::string::npos;
}

// The ledger holds the study's record: it is finished.
bool hasRecord(const std::string& doneDirectory, const std::string& studyUid) {
  std::error_code ec;
  return isUid(studyUid) && fs::exists(fs::path(doneDirectory) / (studyUid + ".json"), ec);
}

Error storeError(const std::string& path, const std::string& what) {
  return Error(Module::Pacs, ErrorCode::WriteFailed, what, path);
}

// flock() on <shard folder>/lock for the object's life: one process per shard.
class ShardLock {
public:
  ~ShardLock() {
    if (m_fd >= 0) ::close(m_fd);  // releases the lock
  }
  Status acquire(const std::string& path, const Shard& shard) {
    m_fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (m_fd < 0) return storeError(path, std::string("cannot open the shard's lock file: ") + std::strerror(errno));
    if (::flock(m_fd, LOCK_EX | LOCK_NB) != 0) {
      const bool held = errno == EWOULDBLOCK;
      return Error(Module::Pacs, held ? ErrorCode::InvalidArgument : ErrorCode::Unreadable,
                   held ? "shard " + shard.toString() + " is already being run by another process (it holds this lock)"
                        : std::string("cannot lock the shard: ") + std::strerror(errno),
                   path);
    }
    return Status::success();
  }

private:
  int m_fd = -1;
};

nlohmann::json recordOf(const BatchStudy& s, const Shard& shard, const std::string& model) {
  return {{"study_instance_uid", s.studyInstanceUid}, {"study_date", s.studyDate}, {"shard", shard.toString()},
          {"finished", localIsoTime()},        {"model", model},  {"films", s.films},
          {"films_failed", s.filmsFailed}, {"out_of_scope", s.outOfScope}, {"results_sent", s.resultsSent},
          {"retrieve_ms", s.retrieveMs}, {"decode_ms", s.decodeMs}, {"inference_ms", s.inferenceMs},
          {"send_ms", s.sendMs},         {"note", s.reason}};
}

// Why an incomplete C-GET is incomplete.
std::string incompleteReason(const pacs::TransferReport& report, const pacs::Node& node) {
  if (report.interruption) return report.interruption->message();
  for (const auto& i : report.instances)
    if (i.status == pacs::InstanceStatus::Failed)
      return node.toString() + ": instance " + i.sopInstanceUid + " was not retrieved: " + i.reason;
  return node.toString() + ": " + std::to_string(report.failed) + " sub-operation(s) of the C-GET failed";
}

struct Run {
  const BatchOptions& options;
  TriageWorklist& worklist;
  std::string filmsDirectory, resultsDirectory, doneDirectory;

  bool finished(const std::string& studyUid) const { return hasRecord(doneDirectory, studyUid); }
  void tidyFinished();
  BatchStudy take(const pacs::QueryMatch& match);
};

// A kill between a study's record and its clean-up leaves its worklist rows, films and result
// files behind; the study is never taken again, so they go now.
void Run::tidyFinished() {
  std::vector<std::string> stale;
  for (const auto& s : worklist.studies())
    for (const auto& f : s.films)
      if (finished(fs::path(f.path).parent_path().filename().string())) stale.push_back(f.path);  // films/<StudyUID>/<SOP>.dcm
  if (!stale.empty()) worklist.forget(stale);
  if (options.keepFilms) return;
  for (const auto& folder : {filmsDirectory, resultsDirectory}) {
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(folder, ec))
      if (finished(entry.path().filename().string())) fs::remove_all(entry.path(), ec);
  }
}

BatchStudy Run::take(const pacs::QueryMatch& match) {
  BatchStudy study;
  study.studyInstanceUid = match.studyInstanceUid;
  study.studyDate = match.studyDate;
  const auto retrieveStart = Clock::now();
  // Not cancelled mid-study: a stop finishes the study in progress.
  auto got = pacs::retrieveGet(options.node, study.studyInstanceUid, filmsDirectory, options.scu);
  study.retrieveMs = msSince(retrieveStart);
  if (!got.ok()) {
    study.reason = got.error().message();
    return study;
  }
  if (!got.value().complete()) {
    study.reason = incompleteReason(got.value(), options.node);
    return study;
  }

  std::vector<std::string> paths;
  for (const auto& i : got.value().instances)
    if (!i.path.empty() && i.status != pacs::InstanceStatus::Failed) paths.push_back(i.path);
  for (const auto& p : paths) worklist.submit(p);
  while (!worklist.waitUntilIdle(std::chrono::minutes(10))) {
  }

  // The rows of this study's files (a film that could not be read has no study UID of its own).
  const std::set<std::string> mine(paths.begin(), paths.end());
  std::string filmProblems, sendProblem;
  for (const auto& s : worklist.studies())
    for (const auto& f : s.films) {
      if (!mine.count(f.path)) continue;
      ++study.films;
      study.decodeMs += f.decodeMs;
      study.inferenceMs += f.inferenceMs;
      study.sendMs += f.sendMs;
      if (f.state == FilmState::Failed) {
        ++study.filmsFailed;
        if (filmProblems.empty()) filmProblems = fs::path(f.path).filename().string() + ": " + f.reason;
      }
      if (f.state == FilmState::OutOfScope) ++study.outOfScope;
      if (f.resultsSent) ++study.resultsSent;
      if (options.sendResults && f.state == FilmState::Done && !f.resultsSent && sendProblem.empty())
        sendProblem = f.sendError.empty() ? "results of " + f.path + " not sent" : f.sendError;
    }
  if (!sendProblem.empty()) {
    // Not recorded: the next run sends the results the worklist ledger lists as unsent.
    study.reason = "results not sent: " + sendProblem;
    return study;
  }
  if (study.filmsFailed > 0)
    study.reason = std::to_string(study.filmsFailed) + " film(s) could not be analysed, first " + filmProblems;

  const std::string record = (fs::path(doneDirectory) / (study.studyInstanceUid + ".json")).string();
  if (Status s = writeFileAtomically(record, recordOf(study, options.shard, worklist.model()).dump(1) + "\n"); !s.ok()) {
    study.reason = s.error().message();
    return study;
  }
  study.state = BatchStudyState::Done;
  // Finished: the ledger has it, so its rows, films and result files are no longer needed.
  worklist.forget(paths);
  if (!options.keepFilms) {
    std::error_code ec;
    fs::remove_all(fs::path(filmsDirectory) / study.studyInstanceUid, ec);
    fs::remove_all(fs::path(resultsDirectory) / study.studyInstanceUid, ec);
  }
  return study;
}

}  // namespace

const char* toString(BatchStudyState state) {
  switch (state) {
    case BatchStudyState::Done: return "done";
    case BatchStudyState::Failed: return "failed";
  }
  return "failed";
}

Result<BatchReport> runBatch(const BatchOptions& options, const BatchProgress& progress, pacs::CancelFlag cancel) {
  const auto start = Clock::now();
  if (options.shard.count < 1 || options.shard.index < 0 || options.shard.index >= options.shard.count)
    return Error(Module::Pacs, ErrorCode::InvalidArgument, "shard " + options.shard.toString() + " is out of range");
  const fs::path root(options.storeDirectory);
  const fs::path shardDirectory =
      root / ("shard-" + std::to_string(options.shard.index) + "-of-" + std::to_string(options.shard.count));
  const fs::path doneDirectory = root / "done";
  for (const auto& folder : {doneDirectory, shardDirectory / "films", shardDirectory / "results"}) {
    std::error_code ec;
    fs::create_directories(folder, ec);
    if (ec) return storeError(folder.string(), "cannot create the folder: " + ec.message());
  }
  ShardLock lock;
  if (Status s = lock.acquire((shardDirectory / "lock").string(), options.shard); !s.ok()) return s.error();

  BatchReport report;
  pacs::Query query = options.query;
  query.level = pacs::QueryLevel::Study;
  auto matches = pacs::find(options.node, query, options.scu, {}, cancel);
  if (!matches.ok()) {
    if (matches.error().code() != ErrorCode::Cancelled) return matches.error();
    report.stopped = true;
    report.wallMs = msSince(start);
    return report;
  }

  // One entry per study (a peer may answer one twice), in a fixed order so restarts go the same way.
  std::map<std::pair<std::string, std::string>, pacs::QueryMatch> ordered;
  std::set<std::string> seen;
  for (auto& m : matches.value())
    if (!m.studyInstanceUid.empty() && seen.insert(m.studyInstanceUid).second)
      ordered.emplace(std::make_pair(m.studyDate, m.studyInstanceUid), std::move(m));
  report.found = ordered.size();

  std::vector<pacs::QueryMatch> todo;
  for (auto& [key, m] : ordered) {
    if (shardOf(m.studyInstanceUid, options.shard.count) != options.shard.index) continue;
    ++report.inShard;
    if (hasRecord(doneDirectory.string(), m.studyInstanceUid)) ++report.alreadyDone;
    else todo.push_back(std::move(m));
  }

  WorklistOptions worklistOptions;
  worklistOptions.packDirectory = options.packDirectory;
  worklistOptions.ledgerPath = (shardDirectory / "worklist.json").string();
  worklistOptions.policy = options.policy;
  worklistOptions.analyzerThreads = options.analyzerThreads;
  if (options.sendResults) worklistOptions.sendResultsTo = options.node;
  worklistOptions.scu = options.scu;
  worklistOptions.resultsDirectory = (shardDirectory / "results").string();
  TriageWorklist worklist(worklistOptions);
  if (Status s = worklist.start(); !s.ok()) return s.error();
  report.model = worklist.model();

  Run run{options, worklist, (shardDirectory / "films").string(), worklistOptions.resultsDirectory, doneDirectory.string()};
  run.tidyFinished();
  for (std::size_t i = 0; i < todo.size(); ++i) {
    if (cancel && cancel->load()) {
      report.stopped = true;
      report.notReached = todo.size() - i;
      break;
    }
    BatchStudy study;
    if (!isUid(todo[i].studyInstanceUid)) {
      study.studyInstanceUid = todo[i].studyInstanceUid;
      study.reason = options.node.toString() + " answered a Study Instance UID that is not a UID";
    } else {
      study = run.take(todo[i]);
    }
    (study.state == BatchStudyState::Done ? report.done : report.failed) += 1;
    report.studies.push_back(study);
    if (progress) progress(i + 1, todo.size(), study);
  }
  report.wallMs = msSince(start);
  return report;
}

}  // namespace hilum::triage
