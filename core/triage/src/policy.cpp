#include "hilum/triage/policy.h"

#include <sstream>

namespace hilum::triage {

double TriagePolicy::priorityOf(const std::string& label) const {
  if (const auto it = priorities.find(label); it != priorities.end()) return it->second;
  if (label == "Normal" || label == "No Finding") return 0.0;
  return defaultPriority;
}

Urgency urgencyOf(const ai::Findings& findings, const TriagePolicy& policy) {
  Urgency best;
  for (const auto& f : findings.ranked) {
    const double priority = policy.priorityOf(f.label);
    if (priority <= 0) continue;
    Urgency u{f.positive, priority * f.probability, f.label, f.probability};
    if (best.finding.empty() || moreUrgent(u, best)) best = u;
  }
  return best;
}

bool moreUrgent(const Urgency& a, const Urgency& b) {
  if (a.positive != b.positive) return a.positive;
  return a.score > b.score;
}

Result<TriagePolicy> parsePolicy(const std::string& text) {
  TriagePolicy policy;
  std::stringstream items(text);
  std::string item;
  while (std::getline(items, item, ',')) {
    if (item.find_first_not_of(' ') == std::string::npos) continue;
    const auto eq = item.find('=');
    auto bad = [&item] { return Error(Module::Pacs, ErrorCode::InvalidArgument, "priority '" + item + "' is not LABEL=WEIGHT with a weight of 0 or more"); };
    if (eq == std::string::npos || eq == 0) return bad();
    const std::string label = item.substr(item.find_first_not_of(' '), eq - item.find_first_not_of(' '));
    try {
      std::size_t used = 0;
      const double weight = std::stod(item.substr(eq + 1), &used);
      if (weight < 0 || used != item.size() - eq - 1) return bad();
      policy.priorities[label.substr(0, label.find_last_not_of(' ') + 1)] = weight;
    } catch (const std::exception&) {
      return bad();
    }
  }
  return policy;
}

}  // namespace hilum::triage
