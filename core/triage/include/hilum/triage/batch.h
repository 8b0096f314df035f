#pragma once
// Archive-scale batch analysis, what `hilum-cli batch` runs: the studies a PACS holds for a date
// range (and modalities) are split into N shards by the contract in shard.h, and this call takes
// shard R. Each of its studies is retrieved by C-GET, its films are analysed by a TriageWorklist
// (the one `watch` and the viewer run, with its ledger and its never-twice send) and, with
// sendResults, their SR and Secondary Capture go back to the same PACS. N processes with R = 0..N-1
// -- a Slurm array, a Kubernetes Indexed Job -- cover every study exactly once.
//
// Resumable: a restart continues where a stop, a crash or a kill left off. Under storeDirectory:
//   done/<StudyUID>.json        the batch ledger: one record per finished study (films, results
//                               sent, where the time went), written atomically once the study is
//                               finished. A study with a record is never retrieved again, whatever
//                               process or shard count finished it, so every shard may share it.
//   shard-R-of-N/worklist.json  the worklist's ledger for studies in progress: a film analysed, or
//                               its results sent, before a crash is not analysed or sent again
//   shard-R-of-N/films/, results/  retrieved films and written SR / SC, removed when their study
//                               is finished (unless keepFilms)
//   shard-R-of-N/lock           held (flock) while a process runs the shard: a second one is refused
// Change N only when every shard has finished or was stopped: a study in progress under the old N
// is in the old shard's worklist ledger, which the new shard does not read.
//
// Thread safety: runBatch is synchronous and may run on several threads at once for different
// shards (or stores); it needs a QGuiApplication for the Secondary Capture's caption when
// sendResults is set.
#include "hilum/base/result.h"
#include "hilum/pacs/find.h"
#include "hilum/pacs/node.h"
#include "hilum/pacs/options.h"
#include "hilum/triage/policy.h"
#include "hilum/triage/shard.h"

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace hilum::triage {

struct BatchOptions {
  pacs::Node node;
  pacs::ScuOptions scu;
  pacs::Query query;  // dates, modalities, ...; asked at Study level whatever its level says
  Shard shard;
  std::string storeDirectory;
  std::string packDirectory;
  TriagePolicy policy;
  int analyzerThreads = 0;   // 0: one per physical core
  bool sendResults = false;  // each analysed film's SR + SC back to `node`
  bool keepFilms = false;    // keep retrieved films and result files after their study is finished
};

// What became of a study this run took (studies the ledger already had are only counted).
enum class BatchStudyState {
  Done,    // finished: recorded in the ledger
  Failed,  // see reason; not recorded, so the next run takes it again
};
const char* toString(BatchStudyState state);

struct BatchStudy {
  std::string studyInstanceUid;
  std::string studyDate;
  BatchStudyState state = BatchStudyState::Failed;
  int films = 0;        // analysed films (instances that are not films, such as earlier SRs, are not counted)
  int filmsFailed = 0;  // could not be read or analysed (the reason is in `reason`)
  int outOfScope = 0;   // analysed, but the pack was not made for them: no result sent
  int resultsSent = 0;  // films whose SR and SC the PACS took
  // Milliseconds spent on the study: C-GET, then summed over its films decode, forward pass with
  // heatmaps, and writing + C-STORE of the results.
  double retrieveMs = 0, decodeMs = 0, inferenceMs = 0, sendMs = 0;
  std::string reason;  // Failed: why, naming the node or file; Done: what went wrong with films, if anything
};

struct BatchReport {
  std::string model;           // "name version" of the pack
  std::size_t found = 0;       // studies the query matched
  std::size_t inShard = 0;     // of them, this shard's
  std::size_t done = 0;        // finished by this run
  std::size_t alreadyDone = 0; // finished before: skipped
  std::size_t failed = 0;      // left for the next run, with reasons in `studies`
  std::size_t notReached = 0;  // left for the next run because the run was stopped
  bool stopped = false;        // the cancel flag was set
  std::vector<BatchStudy> studies;  // this run's Done and Failed studies, in the order taken
  double wallMs = 0;
};

// After each study taken: `index` of `total` (the shard's studies not already done), from 1.
using BatchProgress = std::function<void(std::size_t index, std::size_t total, const BatchStudy& study)>;

// An Error when the run cannot start: the C-FIND failed (the error names the node), the pack
// cannot be opened, the store cannot be written, or another process holds the shard. A study that
// fails is a Failed entry, not an Error. `cancel` is read between studies: the study in progress is
// finished and recorded first, so a stop loses nothing.
[[nodiscard]] Result<BatchReport> runBatch(const BatchOptions& options, const BatchProgress& progress = {},
                                           pacs::CancelFlag cancel = nullptr);

}  // namespace hilum::triage
