// hilum::writeFileAtomically under SIGKILL: a writer process is killed at random moments while it
// replaces a large file again and again. After every kill the target holds one complete version,
// byte for byte, never a torn mix, and at most the killed writer's own temporary file is left (the
// next write removes it).
#include "temp_dir.h"

#include "hilum/base/atomic_file.h"

#include <catch2/catch.hpp>

#include <chrono>
#include <csignal>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <random>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace hilum::test;

namespace {

// Version v of the file: its number first, then a pattern that differs per version, 2 to 6 MiB long
// (the size changes too, so a torn write shows as a wrong size as well as wrong bytes).
std::string version(std::uint64_t v) {
  const std::size_t size = (2u << 20) + (v * 7919u) % (4u << 20);
  std::string bytes(size, '\0');
  std::memcpy(bytes.data(), &v, sizeof v);
  for (std::size_t i = sizeof v; i < size; ++i) bytes[i] = static_cast<char>((i * 31 + v * 17) >> 3);
  return bytes;
}

std::uint64_t versionOf(const std::string& bytes) {
  std::uint64_t v = 0;
  if (bytes.size() >= sizeof v) std::memcpy(&v, bytes.data(), sizeof v);
  return v;
}

std::vector<std::string> temporaries(const std::string& folder) {
  std::vector<std::string> out;
  for (const auto& entry : std::filesystem::directory_iterator(folder))
    if (entry.path().filename().string().find(".tmp-") != std::string::npos) out.push_back(entry.path().string());
  return out;
}

}  // namespace

TEST_CASE("a writer killed at random moments leaves the old or the new file, never a torn one",
          "[hardening][atomic]") {
  TempDir dir;
  const std::string target = dir.file("annotations.json");
  REQUIRE(hilum::writeFileAtomically(target, version(1)).ok());
  std::uint64_t next = 2, last = 1;
  std::mt19937 random(20261125);
  std::uniform_int_distribution<int> waitUs(0, 60000);
  int kills = 0, changed = 0, leftovers = 0;
  for (int round = 0; round < 25; ++round) {
    const std::uint64_t first = next;
    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
      for (std::uint64_t v = first;; ++v)
        if (!hilum::writeFileAtomically(target, version(v)).ok()) ::_exit(3);
    }
    std::this_thread::sleep_for(std::chrono::microseconds(waitUs(random)));
    ::kill(pid, SIGKILL);
    int status = 0;
    ::waitpid(pid, &status, 0);
    REQUIRE(WIFSIGNALED(status));  // still writing when killed, not failed on its own
    ++kills;

    const std::string now = readBytes(target);
    const std::uint64_t v = versionOf(now);
    INFO("round " << round << ": version " << v << ", " << now.size() << " bytes");
    CHECK((v == last || (v >= first && v < first + 100000)));
    CHECK(now == version(v));  // complete, byte for byte
    changed += v != last ? 1 : 0;
    last = v;
    next = std::max(next, v + 1) + 1;
    // The killed writer's temporary file may remain (it owned it); earlier ones were cleaned up by
    // the writes that followed them.
    const auto left = temporaries(dir.path());
    CHECK(left.size() <= 1);
    leftovers += static_cast<int>(left.size());
    for (const auto& t : left) {
      struct stat info {};
      REQUIRE(::stat(t.c_str(), &info) == 0);
      // Nobody else may read a half-written file: it opens up only once complete, before its rename.
      if ((info.st_mode & 0077) != 0) CHECK(readBytes(t) == version(versionOf(readBytes(t))));
    }
  }
  // One more write in this process cleans up whatever the last writer left.
  REQUIRE(hilum::writeFileAtomically(target, version(next)).ok());
  CHECK(temporaries(dir.path()).empty());
  CHECK(readBytes(target) == version(next));
  CHECK(changed > 0);  // the kills did not all land before the first rename
  std::cout << "atomic writes: " << kills << " kills, the target changed in " << changed << " rounds, "
            << leftovers << " temporary files found after kills (all removed by the next write)\n";
}

TEST_CASE("a write replaces the target with the usual file mode", "[hardening][atomic]") {
  TempDir dir;
  const std::string target = dir.file("settings.json");
  const mode_t mask = ::umask(022);
  REQUIRE(hilum::writeFileAtomically(target, std::string("{}")).ok());
  ::umask(mask);
  struct stat info {};
  REQUIRE(::stat(target.c_str(), &info) == 0);
  CHECK((info.st_mode & 0777) == 0644);
}

TEST_CASE("another writer's temporary file in flight is left alone", "[hardening][atomic]") {
  TempDir dir;
  const std::string target = dir.file("report.pdf");
  // A temporary file that no live writer holds (its writer died) is removed; one that is still
  // locked by a writer is not. This process stands in for both.
  const std::string stale = target + ".tmp-AAAAAA";
  writeBytes(stale, "half a file");
  REQUIRE(hilum::writeFileAtomically(target, std::string("new")).ok());
  CHECK_FALSE(std::filesystem::exists(stale));
  // A temporary file whose writer still holds its lock stays.
  const std::string live = target + ".tmp-CCCCCC";
  writeBytes(live, "being written");
  const int fd = ::open(live.c_str(), O_RDONLY);
  REQUIRE(fd >= 0);
  REQUIRE(::flock(fd, LOCK_EX) == 0);
  REQUIRE(hilum::writeFileAtomically(target, std::string("newest")).ok());
  CHECK(std::filesystem::exists(live));
  ::close(fd);
  // Unrelated files that merely look similar stay.
  const std::string other = dir.file("report.pdf.tmp-notours");
  const std::string otherTarget = dir.file("other.pdf.tmp-BBBBBB");
  writeBytes(other, "x");
  writeBytes(otherTarget, "x");
  REQUIRE(hilum::writeFileAtomically(target, std::string("newer")).ok());
  CHECK(std::filesystem::exists(other));
  CHECK(std::filesystem::exists(otherTarget));
  CHECK(readBytes(target) == "newer");
}
