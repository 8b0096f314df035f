#pragma once
// A small, strict command-line parser: named options that take a value (--max-size 512 or
// --max-size=512), flags (--json), and positional arguments. Unknown options are usage errors.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace hilum::cli {

class Arguments {
public:
  // On failure, `problem` says what was wrong with the command line.
  static std::optional<Arguments> parse(const std::vector<std::string>& args, const std::set<std::string>& valued,
                                        const std::set<std::string>& flags, std::string& problem);

  const std::vector<std::string>& positional() const { return m_positional; }
  bool has(const std::string& name) const { return m_flags.count(name) > 0 || m_values.count(name) > 0; }
  std::optional<std::string> value(const std::string& name) const;
  // The option as an integer >= minimum, `fallback` when absent; nothing when it is not such a number.
  std::optional<int> intAtLeast(const std::string& name, int minimum, int fallback) const;

private:
  std::vector<std::string> m_positional;
  std::set<std::string> m_flags;
  std::map<std::string, std::string> m_values;
};

// Strict number parsing for option values: the whole text must be the number.
std::optional<int> parseInt(const std::string& text);
std::optional<double> parseDouble(const std::string& text);

}  // namespace hilum::cli
