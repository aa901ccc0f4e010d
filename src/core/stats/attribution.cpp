// Which send each answer in the ledger belongs to (SPEC §12).
#include "stats/attribution.hpp"

#include <algorithm>
#include <numeric>
#include <string_view>

namespace outreach::stats {
namespace {

// What is open for one prospect while its events are walked: indices into the sends, or none.
// (Plain indices, not std::optional: GCC 12 at -O3 takes optionals in a loop for uninitialised.)
constexpr std::size_t none = static_cast<std::size_t>(-1);
struct Thread {
  std::size_t latest_send = none;
  std::size_t pending_invite = none;
  std::size_t open_inmail = none;
};

int days_between(Date from, Date to) { return static_cast<int>((to - from).count()); }

}  // namespace

Attribution attribute(const std::vector<LedgerEvent>& events, int attribution_days) {
  // One prospect's events together, in date order; a day's events in file order.
  std::vector<std::size_t> order(events.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const LedgerEvent& x = events[a];
    const LedgerEvent& y = events[b];
    if (x.prospect != y.prospect) return x.prospect < y.prospect;
    return x.date < y.date;
  });

  Attribution result;
  Thread thread;
  std::string_view prospect;
  for (const std::size_t index : order) {
    const LedgerEvent& event = events[index];
    if (event.prospect != prospect) {
      prospect = event.prospect;
      thread = {};
    }
    if (is_send(event.type)) {
      AttributedSend send;
      send.event = &event;
      send.channel = channel_of(event.type);
      send.paid = event.type == EventType::inmail_sent && !event.free;
      if (send.channel == SendChannel::message && thread.latest_send != none) {
        const AttributedSend& before = result.sends[thread.latest_send];
        send.follow_up = before.channel == SendChannel::message && !before.replied_after;
      }
      thread.latest_send = result.sends.size();
      if (send.channel == SendChannel::connect) thread.pending_invite = result.sends.size();
      if (send.channel == SendChannel::inmail) thread.open_inmail = result.sends.size();
      result.sends.push_back(send);
      continue;
    }
    switch (event.type) {
      case EventType::invite_accepted:
      case EventType::invite_withdrawn:
        if (thread.pending_invite != none) {
          AttributedSend& invite = result.sends[thread.pending_invite];
          if (event.type == EventType::invite_accepted)
            invite.accepted_after = days_between(invite.event->date, event.date);
          else
            invite.withdrawn = true;
          thread.pending_invite = none;
        }
        break;
      case EventType::reply: {
        AttributedSend* send =
            thread.latest_send != none ? &result.sends[thread.latest_send] : nullptr;
        const int age = send ? days_between(send->event->date, event.date) : 0;
        if (send != nullptr && send->replied_after) break;  // more of the same conversation
        if (send == nullptr || age > attribution_days) {
          result.unattributed_replies.push_back(&event);
          break;
        }
        send->replied_after = age;
        if (send->channel == SendChannel::inmail) thread.open_inmail = none;
        break;
      }
      case EventType::inmail_declined:
        if (thread.open_inmail != none) {
          result.sends[thread.open_inmail].declined = true;
          thread.open_inmail = none;
        }
        break;
      default:
        break;
    }
  }
  // Back in the ledger's order, so that every listing derived from it is stable.
  std::sort(result.sends.begin(), result.sends.end(),
            [&](const AttributedSend& a, const AttributedSend& b) { return a.event < b.event; });
  std::sort(result.unattributed_replies.begin(), result.unattributed_replies.end());
  return result;
}

}  // namespace outreach::stats
