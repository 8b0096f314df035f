#include "hilum/base/atomic_file.h"

#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <fstream>
#include <string>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace hilum {
namespace {

// mkstemp's six random characters after this suffix.
const char* const kTempSuffix = ".tmp-";
constexpr std::size_t kTempRandom = 6;

Error writeError(const std::string& path, const std::string& what) {
  return Error(Module::Base, ErrorCode::WriteFailed, what + ": " + std::strerror(errno), path);
}

std::string folderOf(const std::string& path) {
  const auto slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : path.substr(0, slash);
}

// The process umask, read without changing it: umask(0) + umask(old) would leave a window in which
// another thread's new files get mode 0666.
mode_t currentUmask() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line))
    if (line.rfind("Umask:", 0) == 0) return static_cast<mode_t>(std::strtoul(line.c_str() + 6, nullptr, 8));
  return 022;
}

// Removes the temporary files of earlier writes to `path` whose writer died (SIGKILL, power loss)
// before renaming them. A writer holds an exclusive flock on its temporary file until the rename,
// and the kernel drops it when the process dies, so a file we can lock has no live writer. The
// one race left: a concurrent writer between its mkstemp and its flock (two system calls apart)
// could lose its file and report "cannot replace"; the target is never damaged either way.
void removeStaleTemporaries(const std::string& path) {
  const std::string folder = folderOf(path);
  const std::string prefix = path.substr(path.rfind('/') == std::string::npos ? 0 : path.rfind('/') + 1) + kTempSuffix;
  DIR* dir = ::opendir(folder.c_str());
  if (dir == nullptr) return;
  while (const dirent* entry = ::readdir(dir)) {
    const std::string name = entry->d_name;
    if (name.size() != prefix.size() + kTempRandom || name.compare(0, prefix.size(), prefix) != 0) continue;
    bool random = true;
    for (std::size_t i = prefix.size(); i < name.size(); ++i)
      random = random && std::isalnum(static_cast<unsigned char>(name[i]));
    if (!random) continue;
    const std::string candidate = folder + "/" + name;
    const int fd = ::open(candidate.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) continue;
    if (::flock(fd, LOCK_EX | LOCK_NB) == 0) ::unlink(candidate.c_str());
    ::close(fd);
  }
  ::closedir(dir);
}

}  // namespace

Status writeFileAtomically(const std::string& path, const void* data, std::size_t size) {
  removeStaleTemporaries(path);
  // mkstemp in the target's directory keeps the rename on one file system (rename is atomic only
  // there); it creates the file 0600, so nobody else reads a half-written report meanwhile.
  std::string tmp = path + kTempSuffix + std::string(kTempRandom, 'X');
  const int fd = ::mkostemp(tmp.data(), O_CLOEXEC);
  if (fd < 0) return writeError(path, "cannot create temporary file");
  ::flock(fd, LOCK_EX);  // "a writer is alive": see removeStaleTemporaries

  const auto* bytes = static_cast<const char*>(data);
  std::size_t done = 0;
  while (done < size) {
    const ssize_t n = ::write(fd, bytes + done, size - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      const Error err = writeError(path, "cannot write");
      ::unlink(tmp.c_str());
      ::close(fd);
      return err;
    }
    done += static_cast<std::size_t>(n);
  }
  const bool synced = ::fsync(fd) == 0;
  if (!synced) {
    const Error err = writeError(path, "cannot flush");
    ::unlink(tmp.c_str());
    ::close(fd);
    return err;
  }
  // Complete and on disk: only now the usual umask-derived mode, as any file the user saves (the
  // mode reaches the disk with the rename's folder sync below).
  ::fchmod(fd, 0666 & ~currentUmask());
  // Renamed while still locked, so no cleaner takes it between the flush and the rename.
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    const Error err = writeError(path, "cannot replace");
    ::unlink(tmp.c_str());
    ::close(fd);
    return err;
  }
  if (::close(fd) != 0) return writeError(path, "cannot close");
  // The rename itself reaches the disk with the folder's entry (best effort: some file systems
  // refuse fsync on a folder).
  const int folder = ::open(folderOf(path).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (folder >= 0) {
    ::fsync(folder);
    ::close(folder);
  }
  return Status::success();
}

}  // namespace hilum
