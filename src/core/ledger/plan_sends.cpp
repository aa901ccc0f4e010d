// `ledger import --from-plan`: the rows of a plan (or of an agenda) that were sent, read back as
// ledger events (SPEC §12). The rows are streamed line by line, as a ledger import is.
#include <array>
#include <cstdint>
#include <istream>
#include <limits>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "ledger/event.hpp"
#include "ledger/lines.hpp"
#include "outreach/error.hpp"
#include "outreach/ledger.hpp"
#include "outreach/limits.hpp"
#include "outreach/suggest.hpp"
#include "outreach/text.hpp"
#include "support/json_input.hpp"

namespace outreach {
namespace {

// A row's first step as an event type; none for a row that sends nothing.
struct SendKind {
  std::string_view name;
  std::optional<EventType> type;
};

// `plan --format ndjson`'s channels and `agenda --format ndjson`'s actions.
constexpr std::array<SendKind, 5> plan_channels = {{
    {"connect", EventType::invite_sent},
    {"message", EventType::message_sent},
    {"inmail", EventType::inmail_sent},
    {"message-ad", std::nullopt},  // shown in a campaign, not sent to a person
    {"skip", std::nullopt},
}};
constexpr std::array<SendKind, 5> agenda_actions = {{
    {"connect", EventType::invite_sent},
    {"message", EventType::message_sent},
    {"follow-up", EventType::message_sent},
    {"inmail", EventType::inmail_sent},
    {"withdraw", EventType::invite_withdrawn},
}};

template <std::size_t N>
std::optional<EventType> send_type(const JsonField& field, const std::array<SendKind, N>& kinds) {
  const std::string name = field.as_string();
  std::vector<std::string> names;
  for (const SendKind& kind : kinds) {
    if (kind.name == name) return kind.type;
    names.emplace_back(kind.name);
  }
  field.fail(fmt::format("expected one of {}, got {}{}", fmt::join(names, ", "),
                         quoted_printable(name), did_you_mean(name, names)));
}

// The date of a send: a plan's timestamp (or an agenda's day) as a day of the account's zone.
Date send_date(const JsonField& field, const date::time_zone* zone) {
  const auto day = parse_date_or_timestamp(field.as_string(), zone);
  if (!day)
    field.fail(
        fmt::format("expected a timestamp with an offset such as 2026-03-05T14:30:00-05:00 "
                    "or a date YYYY-MM-DD, got {}",
                    describe_json(field.value())));
  return *day;
}

std::string prospect_of(const JsonField& field) {
  std::string id = field.as_string();
  if (!is_valid_prospect_id(id))
    field.fail(fmt::format("expected {}, got {}", describe_prospect_id_rule(),
                           describe_json(field.value())));
  return id;
}

// What a line that is not a row was most likely meant to be.
[[noreturn]] void not_a_row(const JsonField& root) {
  if (root.value().is_object() && root.value().contains("type"))
    root.fail(
        "a ledger event, not a plan row: import events with `outreach ledger import FILE`, rows of "
        "`outreach plan --format ndjson` with --from-plan");
  if (root.value().is_object() && root.value().contains("prospects"))
    root.fail(
        "the plan of `--format json`: --from-plan reads the rows of `outreach plan --format "
        "ndjson`, one a line");
  root.fail(fmt::format(
      "expected a row of `outreach plan --format ndjson` (keys id, channel, cost, send_at) or "
      "of `outreach agenda --format ndjson` (keys date, action, prospect, cost), got {}",
      describe_json(root.value())));
}

// One row, or nothing when it sends nothing; `later` is set for a send after `through`.
std::optional<LedgerEvent> read_row(std::string_view line, const std::string& origin,
                                    std::size_t number, const date::time_zone* zone, Date through,
                                    PlanSends& sends) {
  const nlohmann::json document = parse_json_line(line, origin, number);
  const std::string where = fmt::format("{}:{}", origin, number);
  const JsonField root(document, where, "");
  if (!document.is_object()) not_a_row(root);
  const bool agenda = document.contains("action");
  if (!agenda && !document.contains("channel")) not_a_row(root);

  LedgerEvent event;
  event.line = number;
  const std::optional<EventType> type = agenda ? send_type(root.at("action"), agenda_actions)
                                               : send_type(root.at("channel"), plan_channels);
  event.prospect = prospect_of(root.at(agenda ? "prospect" : "id"));
  const JsonField cost = root.at("cost");
  const bool free = cost.as_int(0, std::numeric_limits<std::int32_t>::max()) == 0;
  // A plan's row without a send time (an invitation past the weekly limit) is not sent; the key
  // is there all the same (a null).
  const JsonField day = root.at(agenda ? "date" : "send_at");
  if (!type || day.is_null()) {
    ++sends.not_sent;
    return std::nullopt;
  }
  event.type = *type;
  event.free = event.type == EventType::inmail_sent && free;
  event.date = send_date(day, zone);
  if (event.date > through) {
    ++sends.later;
    return std::nullopt;
  }
  // What `outreach stats` groups by (SPEC §12): the variant the draft was rendered from, and why
  // the plan chose the channel. Rows written before they existed have neither; a withdrawal is
  // not a send and carries neither.
  if (!is_send(event.type)) return event;
  if (const auto variant = root.find("variant"); variant && !variant->is_null()) {
    event.template_name = variant->as_string();
    if (!is_valid_template_name(event.template_name))
      variant->fail(fmt::format("expected {}, got {}", describe_template_name_rule(),
                                describe_json(variant->value())));
  }
  if (const auto reason = root.find("reason"); reason && !reason->is_null()) {
    event.reason = reason->as_string();
    if (!is_valid_reason_code(event.reason))
      reason->fail(fmt::format("expected {}, got {}", describe_reason_code_rule(),
                               describe_json(reason->value())));
  }
  return event;
}

[[noreturn]] void throw_row_too_long(const std::string& origin, std::size_t number) {
  throw InputError(fmt::format("{}:{}: line too long: more than the {} a plan row may hold", origin,
                               number, describe_byte_count(max_plan_row_bytes)));
}

}  // namespace

PlanSends read_plan_sends(std::istream& in, const std::string& origin, const date::time_zone* zone,
                          Date through) {
  PlanSends sends;
  std::size_t number = 0;
  ledger_lines::LineSplitter lines(
      max_plan_row_bytes,
      [&](std::string_view line, bool, bool overlong) {
        ++number;
        if (overlong) throw_row_too_long(origin, number);
        if (is_blank_line(line)) return;
        ++sends.rows;
        if (auto event = read_row(line, origin, number, zone, through, sends))
          sends.events.push_back(std::move(*event));
      },
      /*eager_overlong=*/true);
  constexpr std::size_t chunk_size = std::size_t{1} << 16;
  const auto chunk = std::make_unique_for_overwrite<char[]>(chunk_size);
  while (in) {
    in.read(chunk.get(), static_cast<std::streamsize>(chunk_size));
    lines.feed(std::string_view(chunk.get(), static_cast<std::size_t>(in.gcount())));
    if (sends.rows > max_import_events)
      throw InputError(fmt::format("{}: more than {} rows, the most one import reads", origin,
                                   max_import_events));
  }
  if (in.bad()) throw IoError(fmt::format("{}: read error", origin));
  lines.finish();
  return sends;
}

}  // namespace outreach
