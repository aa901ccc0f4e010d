#include "outreach/account.hpp"

#include <algorithm>
#include <cstdint>
#include <filesystem>

#include <fmt/format.h>

#include "outreach/error.hpp"
#include "rules_fields.hpp"
#include "support/fnv.hpp"
#include "support/json_input.hpp"

namespace outreach {
namespace {

// The keys an account file may hold (SPEC §4); anything else is a typo worth reporting.
const std::vector<std::string>& account_keys() {
  static const std::vector<std::string> keys = {
      "plan",      "plan_start",          "timezone",       "credits",  "ledger",
      "templates", "weekly_invite_limit", "business_hours", "sequence", "blackout_dates"};
  return keys;
}

bool has_control_characters(std::string_view text) {
  for (const char c : text)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return true;
  return false;
}

Date strict_date(const JsonField& field) {
  const std::string text = field.as_string();
  const auto day = parse_iso_date(text);
  if (!day)
    field.fail(fmt::format("expected a date YYYY-MM-DD, got {}", describe_json(field.value())));
  return *day;
}

// Paths in the account file are relative to the file's own folder, so that an account and its
// ledger and templates can be moved together and used from any working directory.
std::string resolve_path(const JsonField& field, const std::string& base_dir) {
  const std::string text = field.as_string();
  if (text.empty() || has_control_characters(text))
    field.fail(fmt::format("expected a file path, got {}", describe_json(field.value())));
  const std::filesystem::path path(text);
  if (path.is_absolute() || base_dir.empty()) return path.lexically_normal().string();
  return (std::filesystem::path(base_dir) / path).lexically_normal().string();
}

std::string parse_plan(const JsonField& field, const std::string& origin, const Rules& rules) {
  const std::string id = field.as_string();
  if (has_control_characters(id))
    field.fail(fmt::format("expected a plan id, got {}", describe_json(field.value())));
  return rules.plan_named(id, fmt::format("{}: {}", origin, field.path())).id;
}

OpeningBalance parse_opening(const JsonField& field) {
  field.expect_keys({"balance", "as_of"});
  OpeningBalance opening;
  opening.balance = static_cast<int>(field.at("balance").as_int(0, 1'000'000'000));
  opening.as_of = strict_date(field.at("as_of"));
  return opening;
}

// One channel's templates: a path; a list of paths, each named by its file stem; or an object
// name → path. Variants come sorted by name, the order the assignment indexes (SPEC §12).
std::vector<TemplateFile> parse_template_files(const JsonField& field,
                                               const std::string& base_dir) {
  std::vector<TemplateFile> files;
  if (field.value().is_string()) {
    files.push_back({"", resolve_path(field, base_dir)});
    return files;
  }
  if (field.value().is_array()) {
    for (const JsonField& element : field.elements()) {
      std::string path = resolve_path(element, base_dir);
      std::string name = std::filesystem::path(path).stem().string();
      if (name.empty()) element.fail("a template file needs a name");
      for (const TemplateFile& file : files)
        if (file.name == name)
          element.fail(fmt::format("two variants named '{}' (name them with an object)", name));
      files.push_back({std::move(name), std::move(path)});
    }
  } else if (field.value().is_object()) {
    for (const auto& [name, value] : field.value().items()) {
      const JsonField element(value, field.origin(), field.path() + "." + name);
      if (name.empty()) field.fail("a variant needs a name");
      files.push_back({name, resolve_path(element, base_dir)});
    }
  } else {
    field.fail(fmt::format("expected a path, a list of paths or an object name → path, got {}",
                           describe_json(field.value())));
  }
  if (files.empty()) field.fail("expected at least one template");
  std::sort(files.begin(), files.end(),
            [](const TemplateFile& a, const TemplateFile& b) { return a.name < b.name; });
  return files;
}

TemplatePaths parse_templates(const JsonField& field, const std::string& base_dir) {
  field.expect_keys({"connect", "message", "inmail", "follow_up"});
  TemplatePaths paths;
  if (const auto f = field.find("connect")) paths.connect = parse_template_files(*f, base_dir);
  if (const auto f = field.find("message")) paths.message = parse_template_files(*f, base_dir);
  if (const auto f = field.find("inmail")) paths.inmail = parse_template_files(*f, base_dir);
  if (const auto f = field.find("follow_up")) paths.follow_up = parse_template_files(*f, base_dir);
  return paths;
}

// ["2026-12-24", {"from": "2026-12-28", "to": "2027-01-01"}, …]
BlackoutDays parse_blackout(const JsonField& field) {
  BlackoutDays days;
  for (const JsonField& element : field.elements()) {
    if (element.value().is_object()) {
      element.expect_keys({"from", "to"});
      const Date from = strict_date(element.at("from"));
      const Date to = strict_date(element.at("to"));
      if (to < from) element.at("to").fail("the last day is before the first");
      days.ranges.emplace_back(from, to);
    } else {
      const Date day = strict_date(element);
      days.ranges.emplace_back(day, day);
    }
  }
  std::sort(days.ranges.begin(), days.ranges.end());
  return days;
}

// The defaults but the zone: the machine's zone is only looked up when the account names
// none (TZ may hold what cannot be used).
Account defaults_without_zone(const Rules& rules) {
  Account account;
  account.weekly_invite_limit = rules.plan.weekly_invite_limit;
  account.business_hours = rules.plan.business_hours;
  account.sequence = rules.sequence;
  return account;
}

}  // namespace

std::size_t variant_index(std::string_view id, std::string_view key, std::size_t count) {
  const std::uint64_t hash = Fnv1a64().add(id).add("\n").add(key).value();
  return count == 0 ? 0 : static_cast<std::size_t>(hash % count);
}

Account default_account(const Rules& rules) {
  Account account = defaults_without_zone(rules);
  account.zone = machine_time_zone();
  return account;
}

Account parse_account(std::string_view text, const std::string& origin, const std::string& base_dir,
                      const Rules& rules) {
  const nlohmann::json document = parse_json_document(text, origin);
  const JsonField root(document, origin, "");
  root.expect_keys(account_keys());

  Account account = defaults_without_zone(rules);
  account.origin = origin;
  if (const auto f = root.find("plan")) account.plan = parse_plan(*f, origin, rules);
  if (const auto f = root.find("plan_start")) account.plan_start = strict_date(*f);
  if (const auto f = root.find("timezone")) {
    const std::string name = f->as_string();
    if (has_control_characters(name))
      f->fail(fmt::format("expected an IANA time zone name, got {}", describe_json(f->value())));
    account.zone = find_time_zone(name, fmt::format("{}: {}", origin, f->path()));
  } else {
    account.zone = machine_time_zone();
  }
  if (const auto f = root.find("credits")) account.opening = parse_opening(*f);
  if (const auto f = root.find("ledger")) account.ledger_path = resolve_path(*f, base_dir);
  if (const auto f = root.find("templates")) account.templates = parse_templates(*f, base_dir);
  if (const auto f = root.find("weekly_invite_limit"))
    account.weekly_invite_limit = static_cast<int>(f->as_int(0, 1'000'000));
  if (const auto f = root.find("business_hours")) account.business_hours = parse_business_hours(*f);
  if (const auto f = root.find("sequence"))
    account.sequence = parse_sequence_rules(*f, account.sequence, false);
  if (const auto f = root.find("blackout_dates")) account.blackout = parse_blackout(*f);
  return account;
}

bool BlackoutDays::contains(Date day) const {
  // The ranges are few (holidays): a scan is as fast as a search and simpler.
  for (const auto& [first, last] : ranges)
    if (first <= day && day <= last) return true;
  return false;
}

}  // namespace outreach
