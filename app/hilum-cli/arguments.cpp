#include "arguments.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <limits>

namespace hilum::cli {

std::optional<Arguments> Arguments::parse(const std::vector<std::string>& args, const std::set<std::string>& valued,
                                          const std::set<std::string>& flags, std::string& problem) {
  Arguments parsed;
  bool onlyPositional = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (onlyPositional || arg.size() < 2 || arg[0] != '-' || arg == "-") {
      parsed.m_positional.push_back(arg);
      continue;
    }
    if (arg == "--") {
      onlyPositional = true;
      continue;
    }
    std::string name = arg;
    std::optional<std::string> inlineValue;
    if (const auto eq = arg.find('='); eq != std::string::npos) {
      name = arg.substr(0, eq);
      inlineValue = arg.substr(eq + 1);
    }
    if (valued.count(name)) {
      if (inlineValue) {
        parsed.m_values[name] = *inlineValue;
      } else if (i + 1 < args.size()) {
        parsed.m_values[name] = args[++i];
      } else {
        problem = "option " + name + " needs a value";
        return std::nullopt;
      }
    } else if (flags.count(name) && !inlineValue) {
      parsed.m_flags.insert(name);
    } else {
      problem = "unknown option " + name;
      return std::nullopt;
    }
  }
  return parsed;
}

std::optional<std::string> Arguments::value(const std::string& name) const {
  const auto it = m_values.find(name);
  if (it == m_values.end()) return std::nullopt;
  return it->second;
}

std::optional<int> Arguments::intAtLeast(const std::string& name, int minimum, int fallback) const {
  const auto text = value(name);
  if (!text) return fallback;
  const auto n = parseInt(*text);
  if (!n || *n < minimum) return std::nullopt;
  return n;
}

std::optional<int> parseInt(const std::string& text) {
  if (text.empty()) return std::nullopt;
  char* end = nullptr;
  errno = 0;
  const long v = std::strtol(text.c_str(), &end, 10);
  if (errno != 0 || *end != '\0' || v < std::numeric_limits<int>::min() || v > std::numeric_limits<int>::max())
    return std::nullopt;
  return static_cast<int>(v);
}

std::optional<double> parseDouble(const std::string& text) {
  if (text.empty()) return std::nullopt;
  char* end = nullptr;
  errno = 0;
  const double v = std::strtod(text.c_str(), &end);
  if (errno != 0 || *end != '\0' || !std::isfinite(v)) return std::nullopt;
  return v;
}

}  // namespace hilum::cli
