#include "uid_p.h"

#include "hilum/derived/derived_objects.h"

#include <openssl/evp.h>

#include <algorithm>
#include <array>
#include <mutex>
#include <random>

namespace hilum::derived {
namespace {

using Uuid = std::array<std::uint8_t, 16>;

// PS3.5 B.2 asks for the integer form of a UUID (ITU-T X.667), so the version and variant bits are
// set as RFC 9562 defines them rather than using 128 raw bits.
Uuid withVersion(Uuid bytes, std::uint8_t version) {
  bytes[6] = static_cast<std::uint8_t>((bytes[6] & 0x0F) | (version << 4));
  bytes[8] = static_cast<std::uint8_t>((bytes[8] & 0x3F) | 0x80);
  return bytes;
}

// The 128-bit big-endian number in decimal, by repeated division (no 128-bit integer type needed).
std::string toDecimal(Uuid number) {
  std::string digits;
  const auto isZero = [&] { return std::all_of(number.begin(), number.end(), [](std::uint8_t b) { return b == 0; }); };
  while (!isZero()) {
    unsigned remainder = 0;
    for (auto& byte : number) {
      const unsigned current = remainder * 256 + byte;
      byte = static_cast<std::uint8_t>(current / 10);
      remainder = current % 10;
    }
    digits.push_back(static_cast<char>('0' + remainder));
  }
  if (digits.empty()) digits = "0";
  std::reverse(digits.begin(), digits.end());
  return "2.25." + digits;  // at most 5 + 39 characters, inside UI's 64
}

Uuid randomBytes() {
  std::random_device device;
  Uuid bytes{};
  for (std::size_t i = 0; i < bytes.size(); i += 4) {
    const std::uint32_t word = device();
    for (std::size_t k = 0; k < 4; ++k) bytes[i + k] = static_cast<std::uint8_t>(word >> (8 * k));
  }
  return bytes;
}

Uuid sha256Prefix(const std::string& text) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  EVP_Digest(text.data(), text.size(), digest.data(), &length, EVP_sha256(), nullptr);
  Uuid bytes{};
  std::copy_n(digest.begin(), bytes.size(), bytes.begin());
  return bytes;
}

const std::string& processSalt() {
  static std::once_flag once;
  static std::string salt;
  std::call_once(once, [] {
    const Uuid bytes = randomBytes();
    salt.assign(bytes.begin(), bytes.end());
  });
  return salt;
}

// Distinct prefixes keep the two hash uses apart: a UID never collides with a pack's UID.
std::string hashedUid(const std::string& domain, const std::string& text) {
  return toDecimal(withVersion(sha256Prefix(domain + '\0' + text), 8));
}

}  // namespace

std::string newUid() { return toDecimal(withVersion(randomBytes(), 4)); }

std::string mappedUid(const std::string& uid, const std::string& salt) {
  return hashedUid("hilum-deid-uid", (salt.empty() ? processSalt() : salt) + '\0' + uid);
}

namespace detail {

std::string algorithmUid(const std::string& name, const std::string& version, const std::string& weightsSha256) {
  return hashedUid("hilum-algorithm", name + '\0' + version + '\0' + weightsSha256);
}

}  // namespace detail
}  // namespace hilum::derived
