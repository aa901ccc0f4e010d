#include "prospects/builder.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include <fmt/format.h>

#include "outreach/error.hpp"
#include "outreach/ledger.hpp"
#include "outreach/limits.hpp"
#include "outreach/suggest.hpp"
#include "outreach/text.hpp"
#include "prospects/field_names.hpp"
#include "prospects/profile_url.hpp"
#include "support/json_text.hpp"

namespace outreach::detail {

enum class ProspectBuilder::Field : std::uint8_t {
  id,
  degree,
  open_profile,
  accepts_inmail,
  pending_invitations,
  rarely_accepts,
  deadline,
  goal,
  mutual_connections,
  timezone,
  priority,
  group,
  do_not_contact,
  extra,  // any other field: kept when it is a string, for templates
};

namespace {

using Kind = JsonValue::Kind;

const std::vector<std::string>& field_name_list() {
  static const std::vector<std::string> names(field_names.begin(), field_names.end());
  return names;
}

const std::vector<std::string>& goal_names() {
  static const std::vector<std::string> names = {"sales", "recruiting", "nurture", "marketing"};
  return names;
}

// A key as it appears in a path: plain names as they are, anything else quoted.
std::string path_key(std::string_view name) {
  const bool plain =
      !name.empty() && name.size() <= 64 && std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '_' || c == '-';
      });
  return plain ? std::string(name) : quote_for_message(name);
}

std::optional<std::int64_t> integral(const JsonValue& value) {
  switch (value.kind) {
    case Kind::integer:
      return value.integer;
    case Kind::unsigned_integer:
      if (value.unsigned_integer > static_cast<std::uint64_t>(INT64_MAX)) return std::nullopt;
      return static_cast<std::int64_t>(value.unsigned_integer);
    case Kind::floating:
      // Spreadsheet exports write whole numbers as 2.0.
      if (std::trunc(value.floating) != value.floating || std::fabs(value.floating) > 9e15)
        return std::nullopt;
      return static_cast<std::int64_t>(value.floating);
    default:
      return std::nullopt;
  }
}

// IANA names are made of these; anything else is refused before a lookup quotes it.
bool plausible_zone_name(std::string_view name) {
  return !name.empty() && name.size() <= 64 && std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '/' ||
           c == '_' || c == '-' || c == '+';
  });
}

}  // namespace

std::string describe(const JsonValue& value) {
  switch (value.kind) {
    case Kind::null:
      return "null";
    case Kind::boolean:
      return value.boolean ? "true" : "false";
    case Kind::integer:
      return fmt::format("{}", value.integer);
    case Kind::unsigned_integer:
      return fmt::format("{}", value.unsigned_integer);
    case Kind::floating:
      return value.text.size() <= 40 ? std::string(value.text)
                                     : std::string(value.text.substr(0, 37)) + "...";
    case Kind::string:
      return quote_for_message(value.text);
    case Kind::object:
      return "an object";
    case Kind::array:
      return "an array";
  }
  return "a value";
}

std::string ProblemLog::text() const {
  std::string out;
  for (const auto& line : lines_) {
    if (!out.empty()) out += '\n';
    out += line;
  }
  if (full()) out += fmt::format("\n{}: stopped after {} problems", origin_, max_);
  return out;
}

std::string ProspectBuilder::where(std::string_view field) const {
  const std::string& origin = problems_.origin();
  if (columns_ != nullptr && !field.empty()) {
    for (const auto& [name, header] : *columns_)
      if (name == field)
        return fmt::format("{}:{}: column '{}'", origin, prospect_.position, printable(header));
  }
  if (ndjson_) {
    if (field.empty()) return fmt::format("{}:{}", origin, prospect_.position);
    return fmt::format("{}:{}: {}", origin, prospect_.position, field);
  }
  if (field.empty()) return fmt::format("{}: [{}]", origin, prospect_.position);
  return fmt::format("{}: [{}].{}", origin, prospect_.position, field);
}

void ProspectBuilder::problem(std::string_view field, std::string_view message) {
  problems_.add(fmt::format("{}: {}", where(field), message));
  valid_ = false;
}

void ProspectBuilder::begin(std::size_t position) {
  // Room for as many string fields as the previous prospect had: exports repeat one shape.
  const std::size_t expected_fields = prospect_.fields.size();
  prospect_ = Prospect{};
  prospect_.fields.reserve(expected_fields);
  prospect_.position = position;
  ++prospects_begun_;
  extra_names_.clear();
  extra_name_ends_.clear();
  seen_ = 0;
  has_id_ = false;
  profile_url_given_ = false;
  valid_ = true;
}

void ProspectBuilder::key(std::string_view name) {
  field_ = Field::extra;
  repeated_key_ = false;
  for (std::size_t i = 0; i < field_names.size(); ++i) {
    if (field_names[i] == name) {
      field_ = static_cast<Field>(i);
      const std::uint32_t bit = std::uint32_t{1} << i;
      repeated_key_ = (seen_ & bit) != 0;
      if (repeated_key_) problem(name, "duplicate key");
      seen_ |= bit;
      return;
    }
  }
  key_.assign(name);  // only an extra field's value needs its name
}

const std::string* ProspectBuilder::near_miss(std::string_view name) {
  // The same extra keys come back in every prospect: remember the verdict per key name.
  if (const auto it = extra_keys_.find(name); it != extra_keys_.end())
    return it->second ? &*it->second : nullptr;
  std::optional<std::string> verdict;
  if (auto match = closest_match(name, field_name_list())) {
    const std::size_t difference =
        name.size() > match->size() ? name.size() - match->size() : match->size() - name.size();
    const bool only_case =
        difference == 0 && std::equal(name.begin(), name.end(), match->begin(), [](char a, char b) {
          return std::tolower(static_cast<unsigned char>(a)) ==
                 std::tolower(static_cast<unsigned char>(b));
        });
    if (difference <= 2 && (name.size() >= 4 || only_case)) verdict = std::move(match);
  }
  if (extra_keys_.size() >= max_remembered_keys)
    return verdict ? &(last_verdict_ = *verdict) : nullptr;
  const auto it = extra_keys_.emplace(std::string(name), std::move(verdict)).first;
  return it->second ? &*it->second : nullptr;
}

void ProspectBuilder::note_name(std::string_view name) {
  if (names_seen_ == nullptr || prospects_begun_ > prospects_named ||
      names_seen_->size() >= max_names)
    return;
  if (std::find(names_seen_->begin(), names_seen_->end(), name) == names_seen_->end())
    names_seen_->emplace_back(name);
}

void ProspectBuilder::keep_string(std::string_view name, std::string_view text) {
  note_name(name);
  if (kept_ == nullptr || kept_->keeps(name))
    prospect_.fields.emplace_back(std::string(name), std::string(text));
}

void ProspectBuilder::value(const JsonValue& value) {
  if (field_ == Field::extra && key_ == "profile_url") return set_profile_url(value);
  if (field_ == Field::extra) {
    // Extra fields are for templates: strings are kept ("headline" stays a template field even
    // though it looks like "deadline"). Anything else is ignored — unless its name is a near
    // miss of a known field ("open_profle": true), which would otherwise be silently dropped
    // while the real field takes its default.
    if (value.kind == Kind::string) {
      extra_names_ += key_;
      extra_name_ends_.push_back(static_cast<std::uint32_t>(extra_names_.size()));
      keep_string(key_, value.text);
    } else if (const auto* suggestion = near_miss(key_))
      problem(path_key(key_), fmt::format("unknown field (did you mean '{}'?)", *suggestion));
    return;
  }
  // A repeated key was reported by key(); the first value stands.
  if (repeated_key_) return;
  set(field_, value);
}

const date::time_zone* ProspectBuilder::zone_named(std::string_view name) {
  if (const auto it = zones_.find(name); it != zones_.end()) return it->second;
  const date::time_zone* zone = find_time_zone(name, where("timezone"));
  zones_.emplace(std::string(name), zone);
  return zone;
}

void ProspectBuilder::set(Field field, const JsonValue& value) {
  const std::string_view name = field_names[static_cast<std::size_t>(field)];
  const bool is_null = value.kind == Kind::null;
  const bool is_string = value.kind == Kind::string;
  const auto expected = [&](std::string_view what) {
    problem(name, fmt::format("expected {}, got {}", what, describe(value)));
  };
  const auto flag = [&](bool& target) {
    if (value.kind == Kind::boolean)
      target = value.boolean;
    else if (!is_null)
      expected("true or false");
  };
  const auto count = [&](std::int64_t& target) {
    const auto number = integral(value);
    if (number && *number >= 0 && *number <= max_prospect_count_value)
      target = *number;
    else if (!is_null)
      expected(fmt::format("an integer from 0 to {}", max_prospect_count_value));
  };
  switch (field) {
    case Field::id:
      if (!is_string || !is_valid_prospect_id(value.text))
        return expected(describe_prospect_id_rule());
      prospect_.id.assign(value.text);
      has_id_ = true;
      break;
    case Field::degree:
      if (is_null)
        prospect_.degree.reset();
      else if (const auto d = integral(value); d && *d >= 1 && *d <= 3)
        prospect_.degree = static_cast<int>(*d);
      else
        expected("1, 2, 3 or null");
      return;
    case Field::open_profile:
      return flag(prospect_.open_profile);
    case Field::accepts_inmail:
      return flag(prospect_.accepts_inmail);
    case Field::rarely_accepts:
      return flag(prospect_.rarely_accepts);
    case Field::do_not_contact:
      return flag(prospect_.do_not_contact);
    case Field::pending_invitations:
      return count(prospect_.pending_invitations);
    case Field::mutual_connections:
      return count(prospect_.mutual_connections);
    case Field::deadline:
      if (is_null) return;
      if (const auto day = is_string ? parse_iso_date(value.text) : std::nullopt)
        prospect_.deadline = day;
      else
        return expected("a date as YYYY-MM-DD");
      break;
    case Field::goal:
      if (is_null) return;
      if (!is_string) return expected("sales, recruiting, nurture or marketing");
      if (const auto goal = parse_goal(value.text)) {
        prospect_.goal = *goal;
      } else {
        const std::string hint = did_you_mean(value.text, goal_names());
        return problem(
            name, fmt::format(
                      "unknown goal {}{}", quote_for_message(value.text),
                      hint.empty() ? " (expected sales, recruiting, nurture or marketing)" : hint));
      }
      break;
    case Field::timezone:
      if (is_null) return;
      if (!is_string || !plausible_zone_name(value.text))
        return expected("an IANA time zone name such as \"Europe/London\"");
      try {
        prospect_.zone = zone_named(value.text);
      } catch (const InputError& error) {
        problems_.add(error.what());
        valid_ = false;
        return;
      }
      break;
    case Field::priority:
      if (is_null) return;
      if (value.kind == Kind::integer)
        prospect_.priority = static_cast<double>(value.integer);
      else if (value.kind == Kind::unsigned_integer)
        prospect_.priority = static_cast<double>(value.unsigned_integer);
      else if (value.kind == Kind::floating && std::isfinite(value.floating))
        prospect_.priority = value.floating;
      else
        expected("a number");
      return;
    case Field::group:
      if (is_null) return;
      if (!is_string) return expected("a string");
      prospect_.group.assign(value.text);
      break;
    case Field::extra:
      return;
  }
  // The string fields are usable in templates too.
  if (is_string) keep_string(name, value.text);
}

// profile_url (SPEC §9): kept in its normal form, and the id of a prospect without one.
void ProspectBuilder::set_profile_url(const JsonValue& value) {
  extra_names_ += key_;
  extra_name_ends_.push_back(static_cast<std::uint32_t>(extra_names_.size()));
  if (value.kind == Kind::null) return;
  profile_url_given_ = true;
  std::optional<std::string> url;
  if (value.kind == Kind::string) url = normalise_profile_url(value.text);
  if (!url)
    return problem("profile_url",
                   fmt::format("expected {}, got {}", profile_url_rule, describe(value)));
  prospect_.profile_url = std::move(*url);
  keep_string("profile_url", prospect_.profile_url);
}

void ProspectBuilder::check_duplicate_extra_keys() {
  const std::size_t count = extra_name_ends_.size();
  if (count < 2) return;
  const auto name_at = [&](std::size_t i) {
    const std::size_t begin = i == 0 ? 0 : extra_name_ends_[i - 1];
    return std::string_view(extra_names_).substr(begin, extra_name_ends_[i] - begin);
  };
  // The usual case, no key twice, is found by comparing a prospect's handful of names pair by
  // pair without allocating; names are sorted only to report duplicates (in name order).
  const auto any_repeated = [&] {
    for (std::size_t i = 1; i < count; ++i)
      for (std::size_t j = 0; j < i; ++j)
        if (name_at(j) == name_at(i)) return true;
    return false;
  };
  constexpr std::size_t compared_pairwise = 32;
  if (count <= compared_pairwise && !any_repeated()) return;
  std::vector<std::string_view> names;
  names.reserve(count);
  for (std::size_t i = 0; i < count; ++i) names.push_back(name_at(i));
  std::sort(names.begin(), names.end());
  for (std::size_t i = 1; i < names.size(); ++i)
    if (names[i] == names[i - 1] && (i + 1 == names.size() || names[i + 1] != names[i]))
      problem(path_key(names[i]), "duplicate key");
}

bool ProspectBuilder::finish(Prospect& out) {
  check_duplicate_extra_keys();
  bool id_from_url = false;
  if (!has_id_ && (seen_ & 1U) == 0 && !prospect_.profile_url.empty()) {
    prospect_.id = prospect_.profile_url;
    has_id_ = id_from_url = true;
  }
  if (!has_id_ && (seen_ & 1U) == 0 && !profile_url_given_) {
    if (columns_ != nullptr)
      problems_.add(
          fmt::format("{}: no id: the row's id and profile URL cells are empty", where()));
    else
      problem("id", "required field missing");
    valid_ = false;
  }
  if (has_id_ && unique_ids_) {
    if (const auto first = ids_.insert(prospect_.id, prospect_.position)) {
      const std::string quoted = quote_for_message(prospect_.id);
      problem(id_from_url ? "profile_url" : "id",
              ndjson_ ? fmt::format("duplicate id {}, first on line {}", quoted, *first)
                      : fmt::format("duplicate id {}, first at [{}]", quoted, *first));
    }
  }
  if (!valid_) return false;
  // An id written as a profile URL is matched like one (--connections, --exclude).
  if (prospect_.profile_url.empty())
    if (auto url = normalise_profile_url(prospect_.id)) prospect_.profile_url = std::move(*url);
  out = std::move(prospect_);
  return true;
}

}  // namespace outreach::detail
