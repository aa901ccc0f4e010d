// The prospect record: its goals, its fields by name.
#include "outreach/prospect.hpp"

#include "prospects/field_names.hpp"

namespace outreach {

std::optional<Goal> parse_goal(std::string_view name) {
  if (name == "sales") return Goal::sales;
  if (name == "recruiting") return Goal::recruiting;
  if (name == "nurture") return Goal::nurture;
  if (name == "marketing") return Goal::marketing;
  return std::nullopt;
}

std::string_view goal_name(Goal goal) {
  switch (goal) {
    case Goal::sales:
      return "sales";
    case Goal::recruiting:
      return "recruiting";
    case Goal::nurture:
      return "nurture";
    case Goal::marketing:
      return "marketing";
  }
  return "sales";
}

std::optional<std::string_view> Prospect::field(std::string_view name) const {
  for (const auto& [key, value] : fields)
    if (key == name) return std::string_view(value);
  return std::nullopt;
}
std::span<const std::string_view> prospect_field_names() { return detail::field_names; }

}  // namespace outreach
