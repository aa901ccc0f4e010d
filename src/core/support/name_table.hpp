#pragma once
// An enumeration's values by name in one table: reading a name, naming a value, and listing
// every name (for "did you mean", --help and the completions) all read the same entries, so a
// new value is one entry.

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace outreach::detail {

template <typename Value, std::size_t Count>
class NameTable {
 public:
  using Entries = std::array<std::pair<std::string_view, Value>, Count>;
  constexpr explicit NameTable(Entries entries) : entries_(entries) {}

  /// The value of this name, if it is one.
  constexpr std::optional<Value> parse(std::string_view name) const {
    for (const auto& [entry_name, value] : entries_)
      if (entry_name == name) return value;
    return std::nullopt;
  }
  /// The name of a value (the first entry's for a value the table lacks).
  constexpr std::string_view name(Value value) const {
    for (const auto& [entry_name, entry_value] : entries_)
      if (entry_value == value) return entry_name;
    return entries_.front().first;
  }
  /// Every name, in the table's order.
  std::vector<std::string> names() const {
    std::vector<std::string> all;
    for (const auto& [entry_name, _] : entries_) all.emplace_back(entry_name);
    return all;
  }

 private:
  Entries entries_;
};

}  // namespace outreach::detail
