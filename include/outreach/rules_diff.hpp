#pragma once
/// Where two sets of rules data differ (`outreach rules --diff A B`, SPEC §11's profiles).

#include <optional>
#include <string>
#include <vector>

#include "outreach/rules.hpp"

namespace outreach {

/// One value two rules documents disagree on.
struct RulesDifference {
  std::string key;                    ///< the value's dotted path: "plans.recruiter.cap"
  std::optional<std::string> a;       ///< its value in A as compact JSON; none when A lacks it
  std::optional<std::string> b;       ///< its value in B
  std::optional<std::string> note_a;  ///< A's `notes` entry for the key, when it has one
  std::optional<std::string> note_b;  ///< B's `notes` entry for the key
};

/// Two rules documents side by side.
struct RulesDiff {
  std::string a_name;  ///< as the user named them: a profile or a file
  std::string b_name;
  std::string a_source;  ///< each document's "source"
  std::string b_source;
  std::vector<RulesDifference> differences;  ///< sorted by key
};

/// The values (leaves; a list is one value) where `a` and `b` differ. `source` and `notes` are
/// not values: each difference carries the notes of its key instead.
RulesDiff diff_rules(const Rules& a, const std::string& a_name, const Rules& b,
                     const std::string& b_name);

}  // namespace outreach
