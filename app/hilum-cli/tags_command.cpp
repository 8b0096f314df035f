#include "arguments.h"
#include "cli.h"
#include "commands_p.h"

#include "hilum/film/dicom_tags.h"

#include <nlohmann/json.hpp>

#include <ostream>

namespace hilum::cli {

int tagsCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  const char* const synopsis = "tags FILE [--json]";
  std::string problem;
  const auto parsed = Arguments::parse(args, {}, {"--json"}, problem);
  if (!parsed) return usageError(err, problem, synopsis);
  if (parsed->positional().size() != 1) return usageError(err, "tags takes exactly one FILE", synopsis);
  const auto tags = film::readDicomTags(parsed->positional()[0]);
  if (!tags.ok()) return reportError(err, tags.error());
  if (parsed->has("--json")) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& t : tags.value())
      list.push_back({{"depth", t.depth}, {"tag", t.tag}, {"keyword", t.keyword}, {"vr", t.vr}, {"value", t.value}});
    out << list.dump(1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    return kExitOk;
  }
  for (const auto& t : tags.value())
    out << std::string(static_cast<std::size_t>(t.depth) * 2, ' ') << t.tag << " " << t.vr << " " << t.keyword
        << (t.keyword.empty() ? "" : " ") << "[" << t.value << "]\n";
  return kExitOk;
}

}  // namespace hilum::cli
