// `outreach stats` (SPEC §12): what came back to the ledger's sends, as lines of text or one
// JSON object.
#include <cmath>
#include <ostream>

#include <fmt/format.h>

#include "output/json_writer.hpp"
#include "outreach/output.hpp"
#include "outreach/text.hpp"

namespace outreach {
namespace {

constexpr SendChannel all_channels[] = {SendChannel::connect, SendChannel::message,
                                        SendChannel::inmail};

std::string percent(double share) { return fmt::format("{:.0f}", share * 100); }

std::string days(std::optional<double> median) {
  if (!median) return "";
  return fmt::format("median {:g} day{}", *median, *median == 1 ? "" : "s");
}

std::string plural(std::int64_t count, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", count, count == 1 ? one : many);
}

// What a rate of a channel is of: "accepted" for an invitation, "replied" for the others.
std::string_view success_name(SendChannel channel) {
  return channel == SendChannel::connect ? "accepted" : "replied";
}

// One channel of one group on one line.
std::string channel_line(SendChannel channel, const ChannelOutcomes& o, double confidence) {
  const Rate rate = rate_of(o.successes(channel), o.sent, confidence);
  std::vector<std::string> parts;
  switch (channel) {
    case SendChannel::connect:
      parts.push_back(plural(o.sent, "invitation", "invitations"));
      parts.push_back(fmt::format("{} accepted {}", o.accepted, rate_text(rate)));
      if (!o.days_to_accept.empty()) parts.push_back(days(median_of(o.days_to_accept)));
      if (o.withdrawn > 0) parts.push_back(fmt::format("{} withdrawn", o.withdrawn));
      if (o.replies > 0) parts.push_back(plural(o.replies, "reply", "replies"));
      break;
    case SendChannel::message:
      parts.push_back(plural(o.sent, "message", "messages") +
                      (o.follow_ups > 0 ? fmt::format(" ({} follow-up{})", o.follow_ups,
                                                      o.follow_ups == 1 ? "" : "s")
                                        : ""));
      parts.push_back(fmt::format("{} {}", plural(o.replies, "reply", "replies"), rate_text(rate)));
      if (!o.days_to_reply.empty()) parts.push_back(days(median_of(o.days_to_reply)));
      break;
    case SendChannel::inmail:
      parts.push_back(fmt::format("{} ({} paid, {} free)", plural(o.sent, "InMail", "InMails"),
                                  o.paid, o.free));
      parts.push_back(fmt::format("{} {}", plural(o.replies, "reply", "replies"), rate_text(rate)));
      if (!o.days_to_reply.empty()) parts.push_back(days(median_of(o.days_to_reply)));
      if (o.declined > 0) parts.push_back(fmt::format("{} declined", o.declined));
      parts.push_back(plural(o.refunded, "credit refunded", "credits refunded"));
      break;
  }
  return fmt::format("{}", fmt::join(parts, ", "));
}

std::string window_text(const StatsWindow& window) {
  if (window.from && window.to)
    return fmt::format(" from {} to {}", format_date(*window.from), format_date(*window.to));
  if (window.from) return fmt::format(" from {}", format_date(*window.from));
  if (window.to) return fmt::format(" up to {}", format_date(*window.to));
  return "";
}

// A group's name as shown: a send without a template or a reason is "(none)".
std::string shown_key(const OutcomeGroup& group, StatsGrouping grouping) {
  if (grouping == StatsGrouping::reason && group.key.empty()) return "(no reason)";
  if (grouping == StatsGrouping::variant && group.key.find('/') == std::string::npos)
    return group.key + " (no template)";
  return printable(group.key);
}

std::string text_report(const OutcomeStats& stats, const std::string& ledger) {
  std::string out;
  if (stats.groups.empty()) {
    out = fmt::format("No sends in {}{}\n", printable(ledger), window_text(stats.window));
    return out;
  }
  out += fmt::format("Outcomes of the sends in {}{}, by {} (rates with {:g}% intervals)\n\n",
                     printable(ledger), window_text(stats.window),
                     stats_grouping_name(stats.grouping), stats.rules.confidence * 100);
  // Channel and variant keys name their channel; weeks and reasons take a line a channel.
  const bool keyed_by_channel =
      stats.grouping == StatsGrouping::channel || stats.grouping == StatsGrouping::variant;
  std::size_t width = 0;
  for (const OutcomeGroup& group : stats.groups)
    width = std::max(width, shown_key(group, stats.grouping).size());
  for (const OutcomeGroup& group : stats.groups) {
    bool first = true;
    for (const SendChannel channel : all_channels) {
      const ChannelOutcomes& outcomes = group.of(channel);
      if (outcomes.sent == 0) continue;
      const std::string key = first ? shown_key(group, stats.grouping) : "";
      const std::string line = channel_line(channel, outcomes, stats.rules.confidence);
      if (keyed_by_channel)
        out += fmt::format("{:<{}}  {}\n", key, width, line);
      else
        out += fmt::format("{:<{}}  {:<7}  {}\n", key, width, send_channel_name(channel), line);
      first = false;
    }
  }
  if (!stats.comparisons.empty()) {
    out += '\n';
    for (const VariantComparison& comparison : stats.comparisons)
      out += comparison_sentence(comparison) + '\n';
  }
  if (stats.unattributed_replies > 0)
    out += fmt::format(
        "\n{} answer{} no send in the ledger (none to that prospect in the {} days before)\n",
        plural(stats.unattributed_replies, "reply", "replies"),
        stats.unattributed_replies == 1 ? "s" : "", stats.rules.attribution_days);
  return out;
}

// Shares to four decimals: more is noise, and the text shows whole percents.
std::string share(double value) { return fmt::format("{}", std::round(value * 10000) / 10000); }

void json_rate(detail::JsonWriter& json, const Rate& rate) {
  json.begin_object();
  json.key("successes").number(rate.successes);
  json.key("trials").number(rate.trials);
  json.key("value").raw(share(rate.value()));
  json.key("low").raw(share(rate.interval.low));
  json.key("high").raw(share(rate.interval.high));
  json.end_object();
}

void json_median(detail::JsonWriter& json, std::string_view key, const std::vector<int>& values) {
  json.key(key);
  if (const auto median = median_of(values))
    json.raw(fmt::format("{:g}", *median));
  else
    json.null();
}

void json_channel(detail::JsonWriter& json, SendChannel channel, const ChannelOutcomes& o,
                  double confidence) {
  const Rate rate = rate_of(o.successes(channel), o.sent, confidence);
  json.key(send_channel_name(channel)).begin_object();
  json.key("sent").number(o.sent);
  switch (channel) {
    case SendChannel::connect:
      json.key("accepted").number(o.accepted);
      json.key("acceptance_rate");
      json_rate(json, rate);
      json_median(json, "median_days_to_accept", o.days_to_accept);
      json.key("withdrawn").number(o.withdrawn);
      json.key("replies").number(o.replies);
      break;
    case SendChannel::message:
      json.key("follow_ups").number(o.follow_ups);
      json.key("replies").number(o.replies);
      json.key("reply_rate");
      json_rate(json, rate);
      json_median(json, "median_days_to_reply", o.days_to_reply);
      break;
    case SendChannel::inmail:
      json.key("paid").number(o.paid);
      json.key("free").number(o.free);
      json.key("replies").number(o.replies);
      json.key("reply_rate");
      json_rate(json, rate);
      json_median(json, "median_days_to_reply", o.days_to_reply);
      json.key("declined").number(o.declined);
      json.key("credits_refunded").number(o.refunded);
      break;
  }
  json.end_object();
}

void json_optional_date(detail::JsonWriter& json, std::string_view key,
                        const std::optional<Date>& day) {
  json.key(key);
  if (day)
    json.string(format_date(*day));
  else
    json.null();
}

std::string json_report(const OutcomeStats& stats, const std::string& ledger) {
  std::string out;
  detail::JsonWriter json(out, 2);
  json.begin_object();
  json.key("ledger").string(ledger);
  json.key("by").string(stats_grouping_name(stats.grouping));
  json_optional_date(json, "from", stats.window.from);
  json_optional_date(json, "to", stats.window.to);
  json.key("confidence").raw(fmt::format("{:g}", stats.rules.confidence));
  json.key("attribution_days").number(stats.rules.attribution_days);
  json.key("events").number(stats.events);
  json.key("groups").begin_array();
  for (const OutcomeGroup& group : stats.groups) {
    json.begin_object();
    json.key("key").string(group.key);
    for (const SendChannel channel : all_channels)
      if (group.of(channel).sent > 0)
        json_channel(json, channel, group.of(channel), stats.rules.confidence);
    json.end_object();
  }
  json.end_array();
  json.key("comparisons").begin_array();
  for (const VariantComparison& c : stats.comparisons) {
    json.begin_object();
    json.key("channel").string(send_channel_name(c.channel));
    json.key("of").string(success_name(c.channel));
    json.key("first").string(c.first);
    json.key("first_rate");
    json_rate(json, c.first_rate);
    json.key("second").string(c.second);
    json.key("second_rate");
    json_rate(json, c.second_rate);
    json.key("z").raw(share(c.test.z));
    json.key("p_value").raw(share(c.test.p_value));
    json.key("significant").boolean(c.significant);
    json.key("sentence").string(comparison_sentence(c));
    json.end_object();
  }
  json.end_array();
  json.key("unattributed_replies").number(stats.unattributed_replies);
  json.end_object();
  out += '\n';
  return out;
}

}  // namespace

std::string rate_text(const Rate& rate) {
  return fmt::format("{}% [{}–{}%]", percent(rate.value()), percent(rate.interval.low),
                     percent(rate.interval.high));
}

std::string comparison_sentence(const VariantComparison& c) {
  // Two decimals, as the spec's example; a third below 0.01, where two would say 0.00.
  const double p_value = c.test.p_value;
  const std::string p = p_value < 0.001  ? std::string("p < 0.001")
                        : p_value < 0.01 ? fmt::format("p = {:.3f}", p_value)
                                         : fmt::format("p = {:.2f}", p_value);
  return fmt::format("{} ({}): {}: {} of {} vs {}: {} of {}; the difference {}, {}",
                     send_channel_name(c.channel), success_name(c.channel), printable(c.first),
                     rate_text(c.first_rate), c.first_rate.trials, printable(c.second),
                     rate_text(c.second_rate), c.second_rate.trials,
                     c.significant ? "is unlikely to be chance" : "could well be chance", p);
}

void write_stats_report(const OutcomeStats& stats, const std::string& ledger_path,
                        ReportFormat format, std::ostream& out) {
  out << (format == ReportFormat::json ? json_report(stats, ledger_path)
                                       : text_report(stats, ledger_path));
}

}  // namespace outreach
