#include "ledger/event.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "outreach/error.hpp"
#include "outreach/limits.hpp"
#include "outreach/suggest.hpp"
#include "outreach/text.hpp"
#include "support/json_input.hpp"
#include "support/json_text.hpp"

namespace outreach {
namespace {

constexpr std::array<std::pair<EventType, std::string_view>, 7> event_types = {{
    {EventType::invite_sent, "invite_sent"},
    {EventType::invite_accepted, "invite_accepted"},
    {EventType::invite_withdrawn, "invite_withdrawn"},
    {EventType::message_sent, "message_sent"},
    {EventType::inmail_sent, "inmail_sent"},
    {EventType::reply, "reply"},
    {EventType::inmail_declined, "inmail_declined"},
}};

bool is_valid_utf8(std::string_view text) { return !first_invalid_utf8(text); }

}  // namespace

// Each line is parsed as a JSON document of its own; it holds no newline, so the position in
// parse_json_document's message is always ":1:COLUMN:". Report it at the ledger's line instead.
nlohmann::json parse_json_line(std::string_view line, const std::string& origin,
                               std::size_t number) {
  try {
    return parse_json_document(line, "");
  } catch (const InputError& e) {
    std::string_view message = e.what();
    // ":1:COLUMN: problem", or ": key: problem" for a problem that has no column.
    if (message.substr(0, 3) == ":1:") {
      message.remove_prefix(3);
      throw InputError(fmt::format("{}:{}:{}", origin, number, message));
    }
    if (message.substr(0, 2) == ": ") message.remove_prefix(2);
    throw InputError(fmt::format("{}:{}: {}", origin, number, message));
  }
}

bool is_blank_line(std::string_view line) {
  return std::all_of(line.begin(), line.end(),
                     [](char c) { return c == ' ' || c == '\t' || c == '\r'; });
}

void throw_line_too_long(const std::string& origin, std::size_t number) {
  throw InputError(fmt::format(
      "{}:{}: line too long: more than the {} a ledger line may hold (an event takes about "
      "100 bytes); is this a ledger?",
      origin, number, describe_byte_count(max_ledger_line_bytes)));
}

std::optional<EventType> parse_event_type(std::string_view name) {
  for (const auto& [type, type_name] : event_types)
    if (type_name == name) return type;
  return std::nullopt;
}

EventType event_type_named(std::string_view name, const std::string& where) {
  if (const auto type = parse_event_type(name)) return *type;
  throw InputError(fmt::format("{}: unknown event type {}{}", where, quoted_printable(name),
                               is_valid_utf8(name) ? did_you_mean(name, event_type_names()) : ""));
}

std::string_view event_type_name(EventType type) {
  for (const auto& [candidate, name] : event_types)
    if (candidate == type) return name;
  return "?";
}

const std::vector<std::string>& event_type_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    for (const auto& [type, name] : event_types) out.emplace_back(name);
    return out;
  }();
  return names;
}

bool is_send(EventType type) {
  return type == EventType::invite_sent || type == EventType::message_sent ||
         type == EventType::inmail_sent;
}

bool is_valid_template_name(std::string_view name) {
  return name.size() <= max_template_name_bytes && !is_blank_line(name) && is_valid_utf8(name) &&
         !first_control_or_bidi(name);
}

std::string describe_template_name_rule() {
  return fmt::format("a template name (non-blank UTF-8 text of at most {}, no control characters)",
                     describe_byte_count(max_template_name_bytes));
}

std::string describe_reason_code_rule() {
  return "a reason code such as \"free-path\" (lower-case letters, digits and hyphens)";
}

bool is_valid_reason_code(std::string_view code) {
  return !code.empty() && code.size() <= max_reason_code_bytes &&
         std::all_of(code.begin(), code.end(), [](char c) {
           return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
         });
}

bool is_valid_prospect_id(std::string_view id) {
  return id.size() <= max_prospect_id_bytes && !is_blank_line(id) && is_valid_utf8(id);
}

std::string describe_prospect_id_rule() {
  return fmt::format("a prospect id (non-blank UTF-8 text of at most {})",
                     describe_byte_count(max_prospect_id_bytes));
}

namespace {

// The type names a void takes in a ledger line (SPEC §12); not an EventType: a void is not
// something that happened to a prospect, and no reader past the parser ever sees one.
constexpr std::string_view void_type = "void";

Date parse_line_date(const JsonField& root, const date::time_zone* zone) {
  const JsonField day = root.at("date");
  const auto parsed = parse_date_or_timestamp(day.as_string(), zone);
  if (!parsed)
    day.fail(
        fmt::format("expected a date YYYY-MM-DD or a timestamp with an offset such as "
                    "2026-03-05T14:30:00-05:00, got {}",
                    describe_json(day.value())));
  return *parsed;
}

LedgerVoid parse_void(const JsonField& root, std::size_t line_number, const date::time_zone* zone) {
  root.expect_keys({"date", "type", "line", "why"});
  LedgerVoid correction;
  correction.line = line_number;
  correction.date = parse_line_date(root, zone);
  // Any line number parses; whether the line holds an event is the parser's to say.
  const JsonField target = root.at("line");
  if (!target.value().is_number_unsigned() || target.value().get<std::uint64_t>() == 0)
    target.fail(fmt::format("expected the number of the line it voids (1, 2, …), got {}",
                            describe_json(target.value())));
  correction.target = target.value().get<std::size_t>();
  if (const auto why = root.find("why")) correction.why = why->as_string();
  return correction;
}

LedgerEvent parse_event(const JsonField& root, std::string_view type_name, const std::string& where,
                        std::size_t line_number, const date::time_zone* zone) {
  root.expect_keys({"date", "type", "prospect", "free", "note", "template", "reason"});
  LedgerEvent event;
  event.line = line_number;
  event.type = event_type_named(type_name, where + ": type");
  event.date = parse_line_date(root, zone);

  const JsonField prospect = root.at("prospect");
  event.prospect = prospect.as_string();
  if (!is_valid_prospect_id(event.prospect))
    prospect.fail(fmt::format("expected {}, got {}", describe_prospect_id_rule(),
                              describe_json(prospect.value())));

  if (const auto free = root.find("free")) {
    event.free = free->as_bool();
    if (event.type != EventType::inmail_sent)
      free->fail(fmt::format("only an inmail_sent event can be free, not {}",
                             event_type_name(event.type)));
  }
  if (const auto note = root.find("note")) {
    event.note = note->as_bool();
    if (event.type != EventType::invite_sent)
      note->fail(fmt::format("only an invite_sent event carries a note or none, not {}",
                             event_type_name(event.type)));
  }
  if (const auto name = root.find("template")) {
    event.template_name = name->as_string();
    if (!is_send(event.type))
      name->fail(
          fmt::format("only a send (invite_sent, message_sent, inmail_sent) names its "
                      "template, not {}",
                      event_type_name(event.type)));
    if (!is_valid_template_name(event.template_name))
      name->fail(fmt::format("expected {}, got {}", describe_template_name_rule(),
                             describe_json(name->value())));
  }
  if (const auto reason = root.find("reason")) {
    event.reason = reason->as_string();
    if (!is_send(event.type))
      reason->fail(
          fmt::format("only a send (invite_sent, message_sent, inmail_sent) carries the "
                      "plan's reason, not {}",
                      event_type_name(event.type)));
    if (!is_valid_reason_code(event.reason))
      reason->fail(fmt::format("expected {}, got {}", describe_reason_code_rule(),
                               describe_json(reason->value())));
  }
  return event;
}

}  // namespace

LedgerLine parse_ledger_line(std::string_view line, const std::string& origin,
                             std::size_t line_number, const date::time_zone* zone) {
  // Checked before parsing: a corrupt line of many megabytes must not become a JSON tree.
  if (line.size() > max_ledger_line_bytes) throw_line_too_long(origin, line_number);
  const nlohmann::json document = parse_json_line(line, origin, line_number);
  const std::string where = fmt::format("{}:{}", origin, line_number);
  const JsonField root(document, where, "");
  root.expect_object();
  const std::string type = root.at("type").as_string();
  LedgerLine parsed;
  if (type == void_type)
    parsed.correction = parse_void(root, line_number, zone);
  else
    parsed.event = parse_event(root, type, where, line_number, zone);
  return parsed;
}

LedgerEvent parse_ledger_event(std::string_view line, const std::string& origin,
                               std::size_t line_number, const date::time_zone* zone) {
  LedgerLine parsed = parse_ledger_line(line, origin, line_number, zone);
  if (!parsed.event)
    throw InputError(
        fmt::format("{}:{}: type: expected an event, got a void", origin, line_number));
  return std::move(*parsed.event);
}

std::string format_ledger_void(const LedgerVoid& correction) {
  std::string line = fmt::format(R"({{"date":"{}","type":"{}","line":{})",
                                 format_date(correction.date), void_type, correction.target);
  if (!correction.why.empty()) {
    line += R"(,"why":)";
    detail::append_json_string(line, correction.why);
  }
  line += '}';
  return line;
}

bool same_event(const LedgerEvent& a, const LedgerEvent& b) {
  return a.date == b.date && a.type == b.type && a.free == b.free && a.note == b.note &&
         a.prospect == b.prospect;
}

namespace {

// The canonical line without what is not the event's identity (its template and reason): what
// same_event compares, as one string to index.
std::string identity_line(const LedgerEvent& event) {
  if (event.template_name.empty() && event.reason.empty()) return format_ledger_event(event);
  LedgerEvent bare = event;
  bare.template_name.clear();
  bare.reason.clear();
  return format_ledger_event(bare);
}

}  // namespace

std::vector<bool> events_present_in(const std::vector<LedgerEvent>& existing,
                                    const std::vector<LedgerEvent>& additions) {
  // The identity line holds exactly what same_event compares; an index of
  // the additions, usually far fewer than the ledger's events, is what is held in memory.
  std::unordered_map<std::string, std::vector<std::size_t>> by_line;
  by_line.reserve(additions.size());
  for (std::size_t i = 0; i < additions.size(); ++i)
    by_line[identity_line(additions[i])].push_back(i);
  std::vector<bool> present(additions.size(), false);
  for (const LedgerEvent& event : existing) {
    const auto it = by_line.find(identity_line(event));
    if (it == by_line.end()) continue;
    for (const std::size_t i : it->second) present[i] = true;
    by_line.erase(it);
    if (by_line.empty()) break;
  }
  return present;
}

void refuse_events_after(const std::vector<LedgerEvent>& events, Date today,
                         const std::string& origin) {
  for (const LedgerEvent& event : events)
    if (event.date > today)
      throw InputError(fmt::format(
          "{}: date: {} is after today, {}: the ledger records what happened, so nothing was "
          "appended",
          event.line > 0 ? fmt::format("{}:{}", origin, event.line) : origin,
          format_date(event.date), format_date(today)));
}

std::string format_ledger_event(const LedgerEvent& event) {
  std::string line = fmt::format(R"({{"date":"{}","type":"{}","prospect":)",
                                 format_date(event.date), event_type_name(event.type));
  detail::append_json_string(line, event.prospect);
  if (event.type == EventType::inmail_sent)
    line += event.free ? R"(,"free":true)" : R"(,"free":false)";
  // Absent means a note was sent (SPEC §11): only the exception is written.
  if (event.type == EventType::invite_sent && !event.note) line += R"(,"note":false)";
  if (!event.template_name.empty()) {
    line += R"(,"template":)";
    detail::append_json_string(line, event.template_name);
  }
  if (!event.reason.empty()) {
    line += R"(,"reason":)";
    detail::append_json_string(line, event.reason);
  }
  line += '}';
  return line;
}

}  // namespace outreach
