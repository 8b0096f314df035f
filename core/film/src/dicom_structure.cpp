#include "dicom_structure_p.h"

#include "hilum/film/dicom_structure.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dctag.h>

#include <cstdint>
#include <cstring>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>
#include <zlib.h>

namespace hilum::film::detail {
namespace {

constexpr std::uint32_t kUndefined = 0xFFFFFFFFu;
// A deflated data set is inflated to be walked; one that inflates beyond this is refused (a chest
// film is far smaller, and a deflate bomb must not reach DCMTK).
constexpr std::size_t kMaxInflatedBytes = 256u << 20;

class Bytes {
public:
  Bytes(const std::uint8_t* data, std::size_t size, bool bigEndian) : m_data(data), m_size(size), m_big(bigEndian) {}
  std::size_t size() const { return m_size; }
  std::uint16_t u16(std::size_t at) const {
    return m_big ? std::uint16_t(m_data[at] << 8 | m_data[at + 1]) : std::uint16_t(m_data[at] | m_data[at + 1] << 8);
  }
  std::uint32_t u32(std::size_t at) const {
    return m_big ? std::uint32_t(u16(at)) << 16 | u16(at + 2) : u16(at) | std::uint32_t(u16(at + 2)) << 16;
  }
  const std::uint8_t* at(std::size_t i) const { return m_data + i; }

private:
  const std::uint8_t* m_data;
  std::size_t m_size;
  bool m_big;
};

bool isLongVr(const std::uint8_t* vr) {
  static const char* const longVrs[] = {"OB", "OD", "OF", "OL", "OV", "OW", "SQ", "UC", "UN", "UR", "UT", "SV", "UV"};
  for (const char* l : longVrs)
    if (vr[0] == l[0] && vr[1] == l[1]) return true;
  return false;
}

// Overlong: an element (or pixel fragment) declares more bytes than the data holds after it.
enum class Walk { Fine, TooDeep, Overlong, Unknown };

// The data set's elements, sequences and items, tracked on an explicit stack.
Walk walk(const Bytes& b, bool explicitVr, int maxDepth) {
  struct Open {
    std::size_t end;  // SIZE_MAX: undefined length, closed by a delimiter
    bool sequence;
    bool pixelItems;  // encapsulated pixel data: its items are fragments, not data sets
  };
  std::vector<Open> open;
  int depth = 0;
  std::size_t pos = 0;
  const std::size_t n = b.size();
  auto closeEnded = [&] {
    while (!open.empty() && open.back().end != SIZE_MAX && pos >= open.back().end) {
      depth -= open.back().sequence ? 1 : 0;
      open.pop_back();
    }
  };
  while (pos + 8 <= n) {
    closeEnded();
    const std::uint16_t group = b.u16(pos), element = b.u16(pos + 2);
    if (group == 0xFFFE) {
      const std::uint32_t length = b.u32(pos + 4);
      pos += 8;
      if (element == 0xE000) {
        if (open.empty() || !open.back().sequence) return Walk::Unknown;
        if (open.back().pixelItems) {
          if (length == kUndefined) return Walk::Unknown;
          if (length > n - pos) return Walk::Overlong;
          pos += length;
        } else {
          if (length != kUndefined && length > n - pos) return Walk::Unknown;
          open.push_back({length == kUndefined ? SIZE_MAX : pos + length, false, false});
        }
      } else if (element == 0xE00D || element == 0xE0DD) {
        const bool wantSequence = element == 0xE0DD;
        if (open.empty() || open.back().sequence != wantSequence || open.back().end != SIZE_MAX) return Walk::Unknown;
        depth -= wantSequence ? 1 : 0;
        open.pop_back();
      } else {
        return Walk::Unknown;
      }
      continue;
    }
    std::uint32_t length = 0;
    bool sequence = false;
    if (explicitVr) {
      const std::uint8_t* vr = b.at(pos + 4);
      if (isLongVr(vr)) {
        if (pos + 12 > n) return Walk::Unknown;
        length = b.u32(pos + 8);
        pos += 12;
      } else {
        length = b.u16(pos + 6);
        pos += 8;
      }
      sequence = (vr[0] == 'S' && vr[1] == 'Q') || (vr[0] == 'U' && vr[1] == 'N' && length == kUndefined);
    } else {
      length = b.u32(pos + 4);
      pos += 8;
      sequence = length == kUndefined || DcmTag(group, element).getEVR() == EVR_SQ;
    }
    const bool pixelData = group == 0x7FE0 && element == 0x0010;
    if (pixelData && length == kUndefined) {
      open.push_back({SIZE_MAX, true, true});
      ++depth;
      continue;
    }
    if (sequence) {
      if (length != kUndefined && length > n - pos) return Walk::Unknown;
      if (++depth > maxDepth) return Walk::TooDeep;
      open.push_back({length == kUndefined ? SIZE_MAX : pos + length, true, false});
      continue;
    }
    if (length == kUndefined) return Walk::Unknown;
    if (length > n - pos) return Walk::Overlong;
    pos += length;
  }
  return Walk::Fine;
}

// The raw deflate stream inflated, at most kMaxInflatedBytes + 1 bytes (more: a bomb).
std::vector<std::uint8_t> inflateRaw(const std::uint8_t* data, std::size_t size) {
  std::vector<std::uint8_t> out;
  z_stream z{};
  if (inflateInit2(&z, -MAX_WBITS) != Z_OK) return out;
  z.next_in = const_cast<Bytef*>(data);
  z.avail_in = static_cast<uInt>(std::min<std::size_t>(size, 0xFFFFFFFFu));
  int status = Z_OK;
  while (status == Z_OK && out.size() <= kMaxInflatedBytes) {
    const std::size_t have = out.size();
    out.resize(have + (1u << 20));
    z.next_out = out.data() + have;
    z.avail_out = 1u << 20;
    status = inflate(&z, Z_NO_FLUSH);
    out.resize(have + (1u << 20) - z.avail_out);
  }
  inflateEnd(&z);
  return out;
}

class MappedFile {
public:
  explicit MappedFile(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return;
    struct stat info {};
    if (::fstat(fd, &info) == 0 && S_ISREG(info.st_mode) && info.st_size > 0) {
      void* p = ::mmap(nullptr, static_cast<std::size_t>(info.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
      if (p != MAP_FAILED) {
        m_data = static_cast<const std::uint8_t*>(p);
        m_size = static_cast<std::size_t>(info.st_size);
      }
    }
    ::close(fd);
  }
  ~MappedFile() {
    if (m_data) ::munmap(const_cast<std::uint8_t*>(m_data), m_size);
  }
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  const std::uint8_t* data() const { return m_data; }
  std::size_t size() const { return m_size; }

private:
  const std::uint8_t* m_data = nullptr;
  std::size_t m_size = 0;
};

}  // namespace

std::optional<std::string> structureProblem(const std::string& path, int maxDepth) {
  const MappedFile file(path);
  if (file.data() == nullptr || file.size() < 16) return std::nullopt;
  const std::uint8_t* p = file.data();
  std::size_t pos = 0;
  std::string syntax;
  if (file.size() >= 132 && std::memcmp(p + 128, "DICM", 4) == 0) {
    // File Meta: explicit VR little endian, group 0002 (PS3.10 7.1).
    pos = 132;
    const Bytes meta(p, file.size(), false);
    while (pos + 8 <= file.size() && meta.u16(pos) == 0x0002) {
      const bool isLong = isLongVr(p + pos + 4);
      const std::size_t header = isLong ? 12 : 8;
      if (pos + header > file.size()) return std::nullopt;
      const std::uint32_t length = isLong ? meta.u32(pos + 8) : meta.u16(pos + 6);
      if (length > file.size() - pos - header) return std::nullopt;
      if (meta.u16(pos + 2) == 0x0010) {
        syntax.assign(reinterpret_cast<const char*>(p + pos + header), length);
        while (!syntax.empty() && (syntax.back() == '\0' || syntax.back() == ' ')) syntax.pop_back();
      }
      pos += header + length;
    }
  }
  const std::uint8_t* data = p + pos;
  const std::size_t size = file.size() - pos;
  if (size < 8) return std::nullopt;
  bool explicitVr = true, bigEndian = false;
  std::vector<std::uint8_t> inflated;
  if (syntax == "1.2.840.10008.1.2") {
    explicitVr = false;
  } else if (syntax == "1.2.840.10008.1.2.2") {
    bigEndian = true;
  } else if (syntax == "1.2.840.10008.1.2.1.99") {
    inflated = inflateRaw(data, size);
    if (inflated.size() > kMaxInflatedBytes)
      return "deflated data set inflates to more than " + std::to_string(kMaxInflatedBytes >> 20) + " MB";
  } else if (syntax.empty()) {
    // No File Meta: DCMTK guesses; so do we (two upper-case letters after the tag: explicit VR).
    explicitVr = data[4] >= 'A' && data[4] <= 'Z' && data[5] >= 'A' && data[5] <= 'Z';
  }
  const Bytes bytes = inflated.empty() ? Bytes(data, size, bigEndian) : Bytes(inflated.data(), inflated.size(), false);
  switch (walk(bytes, explicitVr, maxDepth)) {
    case Walk::TooDeep: return "sequences are nested deeper than " + std::to_string(maxDepth) + " levels";
    case Walk::Overlong:
      // DCMTK checks a declared length against the file's size, but cannot against a deflated
      // stream's: it would allocate whatever an element declares (1.4 GB from a 630-byte file,
      // found by fuzz_film).
      if (!inflated.empty()) return std::string("a deflated element declares more bytes than the data set holds");
      return std::nullopt;
    case Walk::Unknown:
      // Where the walk loses its way in a deflated data set, DCMTK would read on without that check.
      if (!inflated.empty()) return std::string("the deflated data set's element structure is damaged");
      return std::nullopt;
    case Walk::Fine: break;
  }
  return std::nullopt;
}

}  // namespace hilum::film::detail

namespace hilum::film {

std::optional<std::string> dicomStructureProblem(const std::string& path) { return detail::structureProblem(path); }

}  // namespace hilum::film
