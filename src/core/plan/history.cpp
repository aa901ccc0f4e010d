// The ledger read as of a plan's start: each prospect's open threads (SPEC §4 step 1).
#include "plan/history.hpp"

#include <algorithm>

namespace outreach {

LedgerHistory::LedgerHistory(const std::vector<LedgerEvent>& events, Date start,
                             int refund_window_days)
    : start_(start), refund_window_days_(refund_window_days) {
  // SPEC §2.3: by date, then file order within a date; events after the start do not count.
  std::vector<std::size_t> order;
  order.reserve(events.size());
  for (std::size_t i = 0; i < events.size(); ++i)
    if (events[i].date <= start) order.push_back(i);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return events[a].date < events[b].date; });
  for (const std::size_t i : order) {
    const LedgerEvent& event = events[i];
    Entry& entry = prospects_[event.prospect];
    switch (event.type) {
      case EventType::invite_sent:
        entry.state.invitation_open = true;
        ++invitations_[event.date];
        break;
      case EventType::invite_accepted:
        entry.state.connected = true;
        entry.state.invitation_open = false;
        break;
      case EventType::invite_withdrawn:
        entry.state.invitation_open = false;
        break;
      case EventType::inmail_sent:
        entry.inmail_unanswered = true;
        entry.last_inmail = event.date;
        break;
      case EventType::reply:
        entry.inmail_unanswered = false;
        break;
      case EventType::inmail_declined:
        entry.state.declined = true;
        entry.inmail_unanswered = false;
        break;
      case EventType::message_sent:
        break;
    }
  }
}

ProspectHistory LedgerHistory::of(std::string_view prospect) const {
  const auto it = prospects_.find(prospect);
  if (it == prospects_.end()) return {};
  ProspectHistory state = it->second.state;
  // An InMail stays an open thread while a reply could still come back within its window.
  state.inmail_open = it->second.inmail_unanswered &&
                      start_ <= it->second.last_inmail + date::days{refund_window_days_};
  return state;
}

int LedgerHistory::invitations_on(Date day) const {
  const auto it = invitations_.find(day);
  return it == invitations_.end() ? 0 : it->second;
}

}  // namespace outreach
