#pragma once
// How urgent a film is, from its findings: the AI triage worklist sorts by this. A reader sets a
// priority per finding (Pneumothorax before Nodule); a film's urgency is its most urgent positive
// finding, probability times priority. Films with no positive finding come after every film with
// one, by their top probability. Classes that mean "nothing found" (Normal, No Finding) have
// priority 0 unless the policy says otherwise.
#include "hilum/ai/findings.h"
#include "hilum/base/result.h"

#include <map>
#include <string>

namespace hilum::triage {

struct TriagePolicy {
  std::map<std::string, double> priorities;  // label -> weight; absent: defaultPriority
  double defaultPriority = 1.0;

  double priorityOf(const std::string& label) const;
};

struct Urgency {
  bool positive = false;   // a finding at or above its operating point drives it
  double score = 0;        // priority x probability of that finding (or the top probability)
  std::string finding;     // which finding
  double probability = 0;
};

Urgency urgencyOf(const ai::Findings& findings, const TriagePolicy& policy);

// Positive before negative, then by score.
bool moreUrgent(const Urgency& a, const Urgency& b);

// "Pneumothorax=3,Effusion=1.5" (the CLI's --priority and the settings' text). The error names the
// bad item.
Result<TriagePolicy> parsePolicy(const std::string& text);

}  // namespace hilum::triage
