#pragma once
// The AI triage worklist: films arriving from the PACS (through the storage SCP, or retrieved in
// bulk) are analysed in the background with one pack and listed by study, most urgent first. What
// the viewer's Worklist tab shows and `hilum-cli watch` runs as a service.
//
// Each study's results can be sent back to the PACS (a findings SR and a Secondary Capture with the
// heatmap burned in, per film). The worklist keeps a ledger beside the store (JSON, written
// atomically after every change): a restart shows the same rows, analyses only films it has not
// analysed, and never sends a film's results twice. A film's result files are in the ledger before
// their C-STORE starts, so a restart sends the results not yet sent -- after a crash, a failed send
// -- as those same files: a PACS that took them just before a crash gets the same SOP instances
// again, which it stores once, never a second result.
//
// Thread safety: submit(), studies(), pending() and forget() may be called from any thread. The change
// callback runs on the worklist's worker thread; the destructor stops the worker after the film in
// progress.
#include "hilum/base/result.h"
#include "hilum/pacs/node.h"
#include "hilum/pacs/options.h"
#include "hilum/triage/policy.h"

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace hilum::triage {

enum class FilmState {
  Queued,
  Done,         // analysed; findings below
  OutOfScope,   // analysed, but the pack was not made for this film (lateral, not a chest...): not ranked
  Failed,       // could not be read or analysed: see reason
};
const char* toString(FilmState state);

struct TriageFilm {
  std::string path;
  std::string sopInstanceUid;
  FilmState state = FilmState::Queued;
  std::string model;           // "name version" of the pack that analysed it
  Urgency urgency;
  std::vector<std::pair<std::string, double>> positives;  // label, probability, highest first
  std::string reason;                                     // Failed / OutOfScope: why
  bool outOfDistribution = false;
  double latencyMs = 0;        // from submit() to the row's result
  // Where the time went: reading and decoding the file, the pack's forward pass with its heatmaps,
  // and writing the SR and SC plus their C-STORE (0 when nothing was sent).
  double decodeMs = 0, inferenceMs = 0, sendMs = 0;
  bool resultsSent = false;
  std::string sendError;
  std::vector<std::string> resultFiles;  // the SR and SC written for it, once written
};

struct TriageStudy {
  std::string studyInstanceUid;
  std::string patientName, patientId, accessionNumber, studyDate, studyDescription;
  std::string received;  // ISO date-time of the first film
  std::vector<TriageFilm> films;
  Urgency urgency;       // its most urgent analysed film
  bool analysed() const;  // no film still queued
};

struct WorklistOptions {
  std::string packDirectory;
  std::string ledgerPath;   // e.g. <store>/worklist.json; empty: nothing kept across restarts
  TriagePolicy policy;
  int analyzerThreads = 0;
  // Results back to the PACS: written under resultsDirectory, sent with C-STORE.
  std::optional<pacs::Node> sendResultsTo;
  pacs::ScuOptions scu;
  std::string resultsDirectory;
};

class TriageWorklist {
public:
  using ChangeCallback = std::function<void(const TriageStudy&)>;

  explicit TriageWorklist(WorklistOptions options, ChangeCallback onChange = {});
  ~TriageWorklist();
  TriageWorklist(const TriageWorklist&) = delete;
  TriageWorklist& operator=(const TriageWorklist&) = delete;

  // Opens the pack, reads the ledger (queueing films it lists as not yet analysed) and starts the
  // worker. An Error for a pack that cannot be opened or a ledger that cannot be read.
  Status start();
  // Queues a received DICOM file. Files already listed (same SOP Instance UID) are ignored, as are
  // objects that are not films (the SR and SC results themselves, PDFs, presentation states).
  void submit(const std::string& path);
  std::vector<TriageStudy> studies() const;  // most urgent first
  std::size_t pending() const;               // queued films not yet analysed
  // Blocks until nothing is queued or `timeout` passes; true when idle.
  bool waitUntilIdle(std::chrono::milliseconds timeout) const;
  // Drops these films' rows (and studies left without one) from the list and the ledger, so the
  // ledger of a long batch stays small: the batch keeps its own record of finished studies. The
  // films count as new if submitted again. Call it for films no longer queued.
  void forget(const std::vector<std::string>& paths);
  std::string model() const;  // "name version" of the pack

private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

}  // namespace hilum::triage
