// `outreach rules --diff A B`: the values two sets of rules disagree on, with what each rests on.
#include <algorithm>
#include <ostream>

#include <fmt/format.h>

#include "output/json_writer.hpp"
#include "outreach/output.hpp"
#include "outreach/text.hpp"

namespace outreach {
namespace {

void write_side(detail::JsonWriter& json, const std::string& name, const std::string& source) {
  json.begin_object().key("name").string(name).key("source").string(source).end_object();
}

void value_or_null(detail::JsonWriter& json, const std::optional<std::string>& value) {
  if (value)
    json.raw(*value);
  else
    json.null();
}

void string_or_null(detail::JsonWriter& json, const std::optional<std::string>& value) {
  if (value)
    json.string(*value);
  else
    json.null();
}

std::string json_diff(const RulesDiff& diff) {
  std::string text;
  detail::JsonWriter json(text);
  json.begin_object().key("a");
  write_side(json, diff.a_name, diff.a_source);
  json.key("b");
  write_side(json, diff.b_name, diff.b_source);
  json.key("differences").begin_array();
  for (const RulesDifference& d : diff.differences) {
    json.begin_object().key("key").string(d.key).key("a");
    value_or_null(json, d.a);
    json.key("b");
    value_or_null(json, d.b);
    json.key("notes").begin_object().key("a");
    string_or_null(json, d.note_a);
    json.key("b");
    string_or_null(json, d.note_b);
    json.end_object().end_object();
  }
  json.end_array().end_object();
  return text + '\n';
}

std::string text_diff(const RulesDiff& diff) {
  const std::string a = printable(diff.a_name);
  const std::string b = printable(diff.b_name);
  std::string text =
      fmt::format("{}: {}\n{}: {}\n", a, printable(diff.a_source), b, printable(diff.b_source));
  if (diff.differences.empty()) return text + "They hold the same values.\n";
  text += fmt::format("{} {} differ{}:\n", diff.differences.size(),
                      diff.differences.size() == 1 ? "value" : "values",
                      diff.differences.size() == 1 ? "s" : "");
  const std::size_t width = std::max(a.size(), b.size()) + 1;
  const auto side = [width](const std::string& name, const std::optional<std::string>& value,
                            const std::optional<std::string>& note) {
    std::string line = fmt::format("  {:<{}} {}", name + ":", width,
                                   value ? printable(*value) : std::string("(none)"));
    if (note) line += fmt::format("  ({})", printable(*note));
    return line + '\n';
  };
  for (const RulesDifference& d : diff.differences) {
    text += fmt::format("\n{}\n", printable(d.key));
    text += side(a, d.a, d.note_a);
    text += side(b, d.b, d.note_b);
  }
  return text;
}

}  // namespace

void write_rules_diff(const RulesDiff& diff, ReportFormat format, std::ostream& out) {
  out << (format == ReportFormat::json ? json_diff(diff) : text_diff(diff));
}

}  // namespace outreach
