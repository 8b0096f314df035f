#include "hilum/base/atomic_file.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <string>
#include <unistd.h>

namespace hilum {
namespace {

Error writeError(const std::string& path, const std::string& what) {
  return Error(Module::Base, ErrorCode::WriteFailed, what + ": " + std::strerror(errno), path);
}

}  // namespace

Status writeFileAtomically(const std::string& path, const void* data, std::size_t size) {
  // mkstemp in the target's directory keeps the rename on one file system (rename is atomic only there).
  std::string tmp = path + ".tmp-XXXXXX";
  const int fd = ::mkstemp(tmp.data());
  if (fd < 0) return writeError(path, "cannot create temporary file");

  const auto* bytes = static_cast<const char*>(data);
  std::size_t done = 0;
  while (done < size) {
    const ssize_t n = ::write(fd, bytes + done, size - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      const Error err = writeError(path, "cannot write");
      ::close(fd);
      ::unlink(tmp.c_str());
      return err;
    }
    done += static_cast<std::size_t>(n);
  }
  // mkstemp creates 0600; user files should get the usual umask-derived mode.
  const mode_t mask = ::umask(0);
  ::umask(mask);
  ::fchmod(fd, 0666 & ~mask);
  const bool synced = ::fsync(fd) == 0;
  const bool closed = ::close(fd) == 0;
  if (!synced || !closed) {
    const Error err = writeError(path, "cannot flush");
    ::unlink(tmp.c_str());
    return err;
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    const Error err = writeError(path, "cannot replace");
    ::unlink(tmp.c_str());
    return err;
  }
  return Status::success();
}

}  // namespace hilum
