#include "fuzz_support.h"

#include <cstdlib>
#include <sys/mman.h>
#include <unistd.h>

namespace hilum::fuzz {

MemoryFile::MemoryFile(const std::uint8_t* data, std::size_t size) {
  m_fd = ::memfd_create("hilum-fuzz", MFD_CLOEXEC);
  if (m_fd < 0) std::abort();  // the harness itself is broken: stop, do not report a finding
  std::size_t done = 0;
  while (done < size) {
    const ssize_t n = ::write(m_fd, data + done, size - done);
    if (n <= 0) std::abort();
    done += static_cast<std::size_t>(n);
  }
  m_path = "/proc/self/fd/" + std::to_string(m_fd);
}

MemoryFile::~MemoryFile() { ::close(m_fd); }

}  // namespace hilum::fuzz
