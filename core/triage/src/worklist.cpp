#include "hilum/triage/worklist.h"

#include "ledger_p.h"
#include "result_sender_p.h"

#include "hilum/ai/analyzer.h"
#include "hilum/base/atomic_file.h"
#include "hilum/base/time_text.h"
#include "hilum/film/loader.h"

#include <algorithm>
#include <condition_variable>
#include <ctime>
#include <deque>
#include <mutex>
#include <set>
#include <thread>

namespace hilum::triage {
namespace {

using Clock = std::chrono::steady_clock;


// The study's urgency is its most urgent analysed film's.
void rank(TriageStudy& study) {
  study.urgency = {};
  for (const auto& f : study.films)
    if (f.state == FilmState::Done && (study.urgency.finding.empty() || moreUrgent(f.urgency, study.urgency))) study.urgency = f.urgency;
}

}  // namespace

const char* toString(FilmState state) {
  switch (state) {
    case FilmState::Queued: return "queued";
    case FilmState::Done: return "done";
    case FilmState::OutOfScope: return "out-of-scope";
    case FilmState::Failed: return "failed";
  }
  return "queued";
}

bool TriageStudy::analysed() const {
  return std::none_of(films.begin(), films.end(), [](const TriageFilm& f) { return f.state == FilmState::Queued; });
}

struct TriageWorklist::Impl {
  WorklistOptions options;
  ChangeCallback onChange;
  std::unique_ptr<ai::Analyzer> analyzer;
  std::string model;

  // A film to analyse, or (resend) one whose result files the ledger lists as not yet sent.
  struct Job {
    std::string path;
    Clock::time_point submitted;
    bool resend = false;
  };

  mutable std::mutex mutex;
  std::condition_variable wake;
  mutable std::condition_variable idle;
  std::deque<Job> queue;
  std::set<std::string> knownPaths, knownSops;
  std::vector<TriageStudy> studies;
  bool stopping = false, working = false;
  std::thread worker;

  void run();
  void process(const std::string& path, Clock::time_point submitted);
  void resend(const std::string& path);
  // Under the lock: the study a film belongs to, created when new.
  TriageStudy& studyFor(const film::FilmMetadata& m);
  // Puts the film's row into its study (replacing a row of the same path); returns the study.
  TriageStudy record(const TriageFilm& film, const film::FilmMetadata& m);
  void saveLedger();
  void publish(const TriageStudy& study);
};

TriageStudy& TriageWorklist::Impl::studyFor(const film::FilmMetadata& m) {
  const std::string uid = m.studyInstanceUid.empty() ? "(no study UID)" : m.studyInstanceUid;
  for (auto& s : studies)
    if (s.studyInstanceUid == uid) return s;
  TriageStudy s;
  s.studyInstanceUid = uid;
  s.patientName = m.patientName;
  s.patientId = m.patientId;
  s.accessionNumber = m.accessionNumber;
  s.studyDate = m.studyDate;
  s.studyDescription = m.studyDescription;
  s.received = localIsoTime();
  studies.push_back(std::move(s));
  return studies.back();
}

TriageStudy TriageWorklist::Impl::record(const TriageFilm& film, const film::FilmMetadata& m) {
  std::lock_guard<std::mutex> lock(mutex);
  TriageStudy& s = studyFor(m);
  // A film re-queued from the ledger replaces its queued row.
  auto same = std::find_if(s.films.begin(), s.films.end(), [&](const TriageFilm& f) { return f.path == film.path; });
  if (same != s.films.end()) *same = film;
  else s.films.push_back(film);
  rank(s);
  return s;
}

// Called without the lock held.
void TriageWorklist::Impl::saveLedger() {
  if (options.ledgerPath.empty()) return;
  std::string json;
  {
    std::lock_guard<std::mutex> lock(mutex);
    json = detail::ledgerToJson(studies);
  }
  (void)writeFileAtomically(options.ledgerPath, json);  // a full disk must not stop the triage
}

// Saves the ledger and tells the owner; called without the lock held.
void TriageWorklist::Impl::publish(const TriageStudy& study) {
  saveLedger();
  if (onChange) onChange(study);
}

void TriageWorklist::Impl::process(const std::string& path, Clock::time_point submitted) {
  const auto decodeStart = Clock::now();
  auto loaded = film::loadFilm(path);
  const double decodeMs = std::chrono::duration<double, std::milli>(Clock::now() - decodeStart).count();
  if (!loaded.ok() && loaded.error().code() == ErrorCode::NotAnImage) return;  // an SR, a PDF: not a film
  // Hilum's own Secondary Captures carry a burned-in heatmap: analysing them would triage our output.
  if (loaded.ok() && loaded.value().metadata().manufacturer == "Hilum") return;
  TriageFilm film;
  film.path = path;
  film.model = model;
  film.decodeMs = decodeMs;
  std::shared_ptr<const ai::Findings> findings;
  std::shared_ptr<const film::Film> shared;
  if (!loaded.ok()) {
    film.state = FilmState::Failed;
    film.reason = loaded.error().reason();
  } else {
    const auto& m = loaded.value().metadata();
    film.sopInstanceUid = m.sopInstanceUid;
    {
      std::lock_guard<std::mutex> lock(mutex);
      if (!m.sopInstanceUid.empty() && !knownSops.insert(m.sopInstanceUid).second) return;  // listed already
    }
    const auto inferenceStart = Clock::now();
    auto analysed = analyzer->analyze(loaded.value());
    film.inferenceMs = std::chrono::duration<double, std::milli>(Clock::now() - inferenceStart).count();
    if (!analysed.ok()) {
      film.state = FilmState::Failed;
      film.reason = analysed.error().reason();
    } else {
      findings = std::make_shared<const ai::Findings>(std::move(analysed).value());
      film.urgency = urgencyOf(*findings, options.policy);
      for (const auto& f : findings->ranked)
        if (f.positive) film.positives.emplace_back(f.label, f.probability);
      film.outOfDistribution = findings->outOfDistribution();
      film.state = findings->accepted ? FilmState::Done : FilmState::OutOfScope;
      if (!findings->accepted) {
        for (const auto& r : findings->gateReasons) film.reason += (film.reason.empty() ? "" : "; ") + r;
      }
    }
  }
  film.latencyMs = std::chrono::duration<double, std::milli>(Clock::now() - submitted).count();

  if (findings && film.state == FilmState::Done && options.sendResultsTo) {
    shared = std::make_shared<const film::Film>(std::move(loaded).value());
    const auto sendStart = Clock::now();
    auto files = detail::writeResults(shared, findings, options.resultsDirectory);
    if (!files.ok()) {
      film.sendError = files.error().message();
    } else {
      // Write-ahead: the row and its result files are in the ledger before the C-STORE, so a crash
      // after the PACS took them makes the restart send these same objects, never new ones.
      film.resultFiles = std::move(files).value();
      record(film, shared->metadata());
      saveLedger();
      const auto sent = detail::sendResultFiles(film.resultFiles, *options.sendResultsTo, options.scu);
      film.resultsSent = sent.ok();
      if (!sent.ok()) film.sendError = sent.error().message();
    }
    film.sendMs = std::chrono::duration<double, std::milli>(Clock::now() - sendStart).count();
  }

  const film::FilmMetadata none;
  publish(record(film, shared ? shared->metadata() : loaded.ok() ? loaded.value().metadata() : none));
}

void TriageWorklist::Impl::resend(const std::string& path) {
  TriageFilm film;
  {
    std::lock_guard<std::mutex> lock(mutex);
    for (const auto& s : studies)
      for (const auto& f : s.films)
        if (f.path == path) film = f;
  }
  if (film.path.empty() || film.resultsSent || !options.sendResultsTo) return;
  const auto sendStart = Clock::now();
  const auto sent = detail::sendResultFiles(film.resultFiles, *options.sendResultsTo, options.scu);
  TriageStudy copy;
  {
    std::lock_guard<std::mutex> lock(mutex);
    for (auto& s : studies)
      for (auto& f : s.films)
        if (f.path == path) {
          f.resultsSent = sent.ok();
          f.sendError = sent.ok() ? std::string() : sent.error().message();
          f.sendMs += std::chrono::duration<double, std::milli>(Clock::now() - sendStart).count();
          copy = s;
        }
  }
  publish(copy);
}

void TriageWorklist::Impl::run() {
  for (;;) {
    Job next;
    {
      std::unique_lock<std::mutex> lock(mutex);
      working = false;
      idle.notify_all();
      wake.wait(lock, [this] { return stopping || !queue.empty(); });
      if (stopping) return;
      next = queue.front();
      queue.pop_front();
      working = true;
    }
    if (next.resend) resend(next.path);
    else process(next.path, next.submitted);
  }
}

TriageWorklist::TriageWorklist(WorklistOptions options, ChangeCallback onChange) : m_impl(std::make_unique<Impl>()) {
  m_impl->options = std::move(options);
  m_impl->onChange = std::move(onChange);
}

TriageWorklist::~TriageWorklist() {
  {
    std::lock_guard<std::mutex> lock(m_impl->mutex);
    m_impl->stopping = true;
  }
  m_impl->wake.notify_all();
  if (m_impl->worker.joinable()) m_impl->worker.join();
}

Status TriageWorklist::start() {
  ai::AnalyzerOptions analyzerOptions;
  analyzerOptions.threads = m_impl->options.analyzerThreads;
  auto analyzer = ai::Analyzer::open(m_impl->options.packDirectory, analyzerOptions);
  if (!analyzer.ok()) return analyzer.error();
  m_impl->analyzer = std::move(analyzer).value();
  m_impl->model = m_impl->analyzer->manifest().name + " " + m_impl->analyzer->manifest().version;
  auto ledger = detail::readLedger(m_impl->options.ledgerPath);
  if (!ledger.ok()) return ledger.error();
  {
    std::lock_guard<std::mutex> lock(m_impl->mutex);
    m_impl->studies = std::move(ledger).value();
    for (const auto& s : m_impl->studies)
      for (const auto& f : s.films) {
        m_impl->knownPaths.insert(f.path);
        if (f.state == FilmState::Queued) m_impl->queue.push_back({f.path, Clock::now(), false});
        else if (!f.sopInstanceUid.empty()) m_impl->knownSops.insert(f.sopInstanceUid);
        // Written but not (known to be) sent: a crash mid-send or a PACS that refused. The same files go again.
        if (f.state == FilmState::Done && !f.resultsSent && !f.resultFiles.empty() && m_impl->options.sendResultsTo)
          m_impl->queue.push_back({f.path, Clock::now(), true});
      }
  }
  m_impl->worker = std::thread([impl = m_impl.get()] { impl->run(); });
  return Status::success();
}

void TriageWorklist::submit(const std::string& path) {
  {
    std::lock_guard<std::mutex> lock(m_impl->mutex);
    if (!m_impl->knownPaths.insert(path).second) return;
    m_impl->queue.push_back({path, Clock::now(), false});
  }
  m_impl->wake.notify_one();
}

std::vector<TriageStudy> TriageWorklist::studies() const {
  std::vector<TriageStudy> out;
  {
    std::lock_guard<std::mutex> lock(m_impl->mutex);
    out = m_impl->studies;
  }
  std::stable_sort(out.begin(), out.end(), [](const TriageStudy& a, const TriageStudy& b) { return moreUrgent(a.urgency, b.urgency); });
  return out;
}

std::size_t TriageWorklist::pending() const {
  std::lock_guard<std::mutex> lock(m_impl->mutex);
  return m_impl->queue.size() + (m_impl->working ? 1 : 0);
}

bool TriageWorklist::waitUntilIdle(std::chrono::milliseconds timeout) const {
  std::unique_lock<std::mutex> lock(m_impl->mutex);
  return m_impl->idle.wait_for(lock, timeout, [this] { return m_impl->queue.empty() && !m_impl->working; });
}

void TriageWorklist::forget(const std::vector<std::string>& paths) {
  const std::set<std::string> gone(paths.begin(), paths.end());
  {
    std::lock_guard<std::mutex> lock(m_impl->mutex);
    for (auto& s : m_impl->studies) {
      const auto first = std::remove_if(s.films.begin(), s.films.end(), [&](const TriageFilm& f) {
        if (!gone.count(f.path)) return false;
        m_impl->knownPaths.erase(f.path);
        if (!f.sopInstanceUid.empty()) m_impl->knownSops.erase(f.sopInstanceUid);
        return true;
      });
      s.films.erase(first, s.films.end());
      rank(s);
    }
    auto& studies = m_impl->studies;
    studies.erase(std::remove_if(studies.begin(), studies.end(), [](const TriageStudy& s) { return s.films.empty(); }), studies.end());
    for (const auto& path : paths) m_impl->knownPaths.erase(path);  // also files that were not films (SR, SC)
  }
  m_impl->saveLedger();
}

std::string TriageWorklist::model() const { return m_impl->model; }

}  // namespace hilum::triage
