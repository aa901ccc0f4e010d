// `outreach stats` (SPEC §12): the ledger's sends grouped, and what came back to each group.
#include <algorithm>
#include <cstdio>
#include <map>
#include <tuple>

#include <date/iso_week.h>
#include <fmt/format.h>

#include "outreach/stats.hpp"
#include "stats/attribution.hpp"
#include "support/name_table.hpp"

namespace outreach {
namespace {

constexpr detail::NameTable<SendChannel, 3> channel_table({{
    {"connect", SendChannel::connect},
    {"message", SendChannel::message},
    {"inmail", SendChannel::inmail},
}});

constexpr detail::NameTable<StatsGrouping, 4> grouping_table({{
    {"channel", StatsGrouping::channel},
    {"variant", StatsGrouping::variant},
    {"week", StatsGrouping::week},
    {"reason", StatsGrouping::reason},
}});

std::string group_key(const stats::AttributedSend& send, StatsGrouping grouping) {
  const std::string channel(send_channel_name(send.channel));
  switch (grouping) {
    case StatsGrouping::channel:
      return channel;
    case StatsGrouping::variant:
      return send.event->template_name.empty() ? channel
                                               : channel + "/" + send.event->template_name;
    case StatsGrouping::week:
      return iso_week_name(send.event->date);
    case StatsGrouping::reason:
      return send.event->reason;
  }
  return channel;
}

bool in_window(Date day, const StatsWindow& window) {
  return (!window.from || day >= *window.from) && (!window.to || day <= *window.to);
}

void count(ChannelOutcomes& outcomes, const stats::AttributedSend& send, const Rules& rules) {
  ++outcomes.sent;
  if (send.follow_up) ++outcomes.follow_ups;
  if (send.channel == SendChannel::inmail) ++(send.paid ? outcomes.paid : outcomes.free);
  if (send.accepted_after) {
    ++outcomes.accepted;
    outcomes.days_to_accept.push_back(*send.accepted_after);
  }
  if (send.withdrawn) ++outcomes.withdrawn;
  if (send.replied_after) {
    ++outcomes.replies;
    outcomes.days_to_reply.push_back(*send.replied_after);
  }
  if (send.declined) ++outcomes.declined;
  // SPEC §3: a paid InMail answered inside the window gives its credit back; a declined one only
  // where the rules say so.
  const bool answered_in_time =
      send.replied_after && *send.replied_after <= rules.refund_window_days;
  if (send.paid && (answered_in_time || (send.declined && rules.declined_inmail_refunded)))
    ++outcomes.refunded;
}

// Channels in their own order (connect, message, inmail), then by key.
auto listing_order(const OutcomeGroup& group, StatsGrouping grouping) {
  int channel = 0;
  if (grouping == StatsGrouping::channel || grouping == StatsGrouping::variant) {
    const std::string_view key = group.key;
    const std::string_view name = key.substr(0, key.find('/'));
    channel = static_cast<int>(channel_table.parse(name).value_or(SendChannel::connect));
  }
  return std::make_tuple(channel, std::string_view(group.key));
}

// Every pair of variants of one channel, each side's success rate among its sends.
std::vector<VariantComparison> compare_variants(const std::vector<OutcomeGroup>& groups,
                                                const OutcomeRules& rules) {
  std::vector<VariantComparison> comparisons;
  for (const SendChannel channel :
       {SendChannel::connect, SendChannel::message, SendChannel::inmail}) {
    const std::string prefix = std::string(send_channel_name(channel)) + "/";
    std::vector<std::pair<std::string, Rate>> variants;
    for (const OutcomeGroup& group : groups) {
      if (group.key.rfind(prefix, 0) != 0) continue;
      const ChannelOutcomes& outcomes = group.of(channel);
      variants.emplace_back(group.key.substr(prefix.size()),
                            rate_of(outcomes.successes(channel), outcomes.sent, rules.confidence));
    }
    for (std::size_t i = 0; i < variants.size(); ++i)
      for (std::size_t j = i + 1; j < variants.size(); ++j) {
        auto first = variants[i], second = variants[j];
        if (second.second.value() > first.second.value()) std::swap(first, second);
        VariantComparison comparison;
        comparison.channel = channel;
        comparison.first = first.first;
        comparison.second = second.first;
        comparison.first_rate = first.second;
        comparison.second_rate = second.second;
        comparison.test = two_proportion_test(first.second, second.second);
        comparison.significant = comparison.test.p_value < rules.significance;
        comparisons.push_back(std::move(comparison));
      }
  }
  return comparisons;
}

}  // namespace

std::string iso_week_name(Date day) {
  const iso_week::year_weeknum_weekday week{day};
  return fmt::format("{}-W{:02}", static_cast<int>(week.year()),
                     static_cast<unsigned>(week.weeknum()));
}

std::optional<Date> iso_week_monday(std::string_view name) {
  int year = 0;
  unsigned week = 0;
  const std::string text(name);
  if (std::sscanf(text.c_str(), "%d-W%u", &year, &week) != 2 || week < 1 || week > 53)
    return std::nullopt;
  const iso_week::year_weeknum_weekday monday{iso_week::year{year}, iso_week::weeknum{week},
                                              iso_week::mon};
  if (!monday.ok()) return std::nullopt;
  return Date(monday);
}

std::string_view send_channel_name(SendChannel channel) { return channel_table.name(channel); }

SendChannel channel_of(EventType type) {
  switch (type) {
    case EventType::invite_sent:
      return SendChannel::connect;
    case EventType::inmail_sent:
      return SendChannel::inmail;
    default:
      return SendChannel::message;
  }
}

std::int64_t ChannelOutcomes::successes(SendChannel channel) const {
  return channel == SendChannel::connect ? accepted : replies;
}

std::string_view stats_grouping_name(StatsGrouping grouping) {
  return grouping_table.name(grouping);
}

std::optional<StatsGrouping> parse_stats_grouping(std::string_view name) {
  return grouping_table.parse(name);
}

const std::vector<std::string>& stats_grouping_names() {
  static const std::vector<std::string> names = grouping_table.names();
  return names;
}

OutcomeStats outcome_stats(const std::vector<LedgerEvent>& events, StatsGrouping grouping,
                           const StatsWindow& window, const Rules& rules) {
  OutcomeStats result;
  result.grouping = grouping;
  result.window = window;
  result.rules = rules.outcomes;
  result.events = static_cast<std::int64_t>(events.size());
  // Every send is walked, in the window or not: a reply answers the latest send whenever it was.
  const stats::Attribution attribution = stats::attribute(events, rules.outcomes.attribution_days);
  std::map<std::string, OutcomeGroup> groups;
  for (const stats::AttributedSend& send : attribution.sends) {
    if (!in_window(send.event->date, window)) continue;
    const std::string key = group_key(send, grouping);
    OutcomeGroup& group = groups[key];
    group.key = key;
    count(group.of(send.channel), send, rules);
  }
  for (const LedgerEvent* reply : attribution.unattributed_replies)
    if (in_window(reply->date, window)) ++result.unattributed_replies;
  for (auto& [_, group] : groups) result.groups.push_back(std::move(group));
  std::sort(result.groups.begin(), result.groups.end(),
            [&](const OutcomeGroup& a, const OutcomeGroup& b) {
              return listing_order(a, grouping) < listing_order(b, grouping);
            });
  if (grouping == StatsGrouping::variant)
    result.comparisons = compare_variants(result.groups, rules.outcomes);
  return result;
}

}  // namespace outreach
