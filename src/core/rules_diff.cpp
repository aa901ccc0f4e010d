// `outreach rules --diff`: both documents flattened to their leaves, compared key by key.
#include "outreach/rules_diff.hpp"

#include <map>
#include <set>

#include <nlohmann/json.hpp>

namespace outreach {
namespace {

using Leaves = std::map<std::string, nlohmann::json>;

// Every leaf of the document by its dotted path; arrays are leaves (a phrase list is one value).
void flatten(const nlohmann::json& value, const std::string& path, Leaves& leaves) {
  if (value.is_object() && !value.empty()) {
    for (const auto& [key, child] : value.items())
      flatten(child, path.empty() ? key : path + "." + key, leaves);
    return;
  }
  leaves[path] = value;
}

std::string text_of(const nlohmann::json& value) {
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Leaves values_of(const Rules& rules) {
  nlohmann::json document = nlohmann::json::parse(rules.source_text);
  document.erase("source");
  document.erase("notes");
  Leaves leaves;
  flatten(document, "", leaves);
  return leaves;
}

std::optional<std::string> note_of(const Rules& rules, const std::string& key) {
  const auto it = rules.notes.find(key);
  if (it == rules.notes.end()) return std::nullopt;
  return it->second;
}

}  // namespace

RulesDiff diff_rules(const Rules& a, const std::string& a_name, const Rules& b,
                     const std::string& b_name) {
  RulesDiff diff{a_name, b_name, a.source, b.source, {}};
  const Leaves left = values_of(a);
  const Leaves right = values_of(b);
  std::set<std::string> keys;
  for (const auto& [key, _] : left) keys.insert(key);
  for (const auto& [key, _] : right) keys.insert(key);
  for (const std::string& key : keys) {
    const auto in_a = left.find(key);
    const auto in_b = right.find(key);
    const bool both = in_a != left.end() && in_b != right.end();
    // Compared as JSON values: 1 and 1.0 are the same number.
    if (both && in_a->second == in_b->second) continue;
    RulesDifference d{key, std::nullopt, std::nullopt, note_of(a, key), note_of(b, key)};
    if (in_a != left.end()) d.a = text_of(in_a->second);
    if (in_b != right.end()) d.b = text_of(in_b->second);
    diff.differences.push_back(std::move(d));
  }
  return diff;
}

}  // namespace outreach
