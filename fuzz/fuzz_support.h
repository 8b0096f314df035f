#pragma once
// What the fuzz targets share: the input as a file without touching the disk.
#include <cstddef>
#include <cstdint>
#include <string>

namespace hilum::fuzz {

// The bytes as an anonymous in-memory file (memfd), reachable by path as /proc/self/fd/N while the
// object lives: the loaders under test take paths, as they do in the product.
class MemoryFile {
public:
  MemoryFile(const std::uint8_t* data, std::size_t size);
  ~MemoryFile();
  MemoryFile(const MemoryFile&) = delete;
  MemoryFile& operator=(const MemoryFile&) = delete;

  const std::string& path() const { return m_path; }

private:
  int m_fd = -1;
  std::string m_path;
};

}  // namespace hilum::fuzz
