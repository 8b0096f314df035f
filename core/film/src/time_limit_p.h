#pragma once
// A time cap on third-party decoders. CharLS and OpenJPEG cannot be interrupted, and a damaged
// stream can keep one busy far longer than any film needs (CharLS 2.4 spent 15-60 s on a JPEG-LS
// scan cut off without its end marker, found by fuzz_film). The decoder runs on a thread of its
// own; the caller waits at most the limit. On time-out the caller gets an Error and the thread is
// left to finish by itself: it owns everything it touches (the job and its inputs are moved into
// it, the result slot is shared), so nothing is freed under it, and it frees its work when done.
//
// Jobs must not use DCMTK or other global state that process exit tears down: a thread still
// running at exit would meet it destroyed. Plain buffers in, plain values out.
#include "hilum/base/result.h"

#include <chrono>
#include <condition_variable>
#include <exception>
#include <memory>
#include <mutex>
#include <new>
#include <optional>
#include <sstream>
#include <string>
#include <system_error>
#include <thread>
#include <utility>

namespace hilum::film::detail {

// "15", "0.5": the limit as the user configured it.
inline std::string secondsText(double seconds) {
  std::ostringstream text;
  text << seconds;
  return text.str();
}

// Runs job() (returning Result<T>) with at most limitSeconds of waiting; limitSeconds <= 0 runs it
// on the calling thread without a limit. `what` names the decoder in the error ("JPEG-LS").
template <typename T, typename Job>
Result<T> runWithTimeLimit(Job job, double limitSeconds, const std::string& what) {
  // Exceptions cannot cross threads: allocation failures become the loader's usual error here.
  auto guarded = [what](Job& j) -> Result<T> {
    try {
      return j();
    } catch (const std::bad_alloc&) {
      return Error(Module::Film, ErrorCode::TooLarge, "out of memory while decoding " + what);
    } catch (const std::exception& e) {
      return Error(Module::Film, ErrorCode::Internal, what + " decoder failed: " + e.what());
    }
  };
  if (!(limitSeconds > 0)) return guarded(job);

  struct Slot {
    std::mutex mutex;
    std::condition_variable done;
    std::optional<Result<T>> result;
  };
  auto slot = std::make_shared<Slot>();
  try {
    std::thread([slot, job = std::move(job), guarded]() mutable {
      Result<T> result = guarded(job);
      std::lock_guard<std::mutex> lock(slot->mutex);
      slot->result.emplace(std::move(result));
      slot->done.notify_all();
    }).detach();
  } catch (const std::system_error&) {
    return Error(Module::Film, ErrorCode::Internal, "no thread could be started to decode " + what);
  }
  std::unique_lock<std::mutex> lock(slot->mutex);
  const auto limit = std::chrono::duration<double>(limitSeconds);
  if (!slot->done.wait_for(lock, limit, [&slot] { return slot->result.has_value(); }))
    return Error(Module::Film, ErrorCode::TooLarge,
                 what + " decoding took longer than " + secondsText(limitSeconds) +
                     " s; the frame is probably damaged");
  return std::move(*slot->result);
}

}  // namespace hilum::film::detail
