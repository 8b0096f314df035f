#include "hilum/base/time_text.h"

#include <ctime>

namespace hilum {
namespace {

std::string format(const std::tm& tm, const char* pattern) {
  char text[32];
  std::strftime(text, sizeof text, pattern, &tm);
  return text;
}

}  // namespace

std::string localIsoTime() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  localtime_r(&t, &tm);
  return format(tm, "%Y-%m-%dT%H:%M:%S");
}

std::string utcIsoTime() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  return format(tm, "%Y-%m-%dT%H:%M:%SZ");
}

}  // namespace hilum
