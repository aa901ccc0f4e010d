// The decision table of SPEC §4, the ledger's state per prospect that it reads, and the
// ranking of credit candidates.
#include <algorithm>

#include "outreach/plan.hpp"
#include "outreach/plan_parts.hpp"

namespace outreach {

std::string_view plan_channel_name(PlanChannel channel) {
  switch (channel) {
    case PlanChannel::message:
      return "message";
    case PlanChannel::inmail:
      return "inmail";
    case PlanChannel::connect:
      return "connect";
    case PlanChannel::message_ad:
      return "message-ad";
    case PlanChannel::skip:
      return "skip";
  }
  return "skip";
}

std::string_view plan_reason_name(PlanReason reason) {
  switch (reason) {
    case PlanReason::do_not_contact:
      return "do-not-contact";
    case PlanReason::declined:
      return "declined";
    case PlanReason::in_progress:
      return "in-progress";
    case PlanReason::connected:
      return "connected";
    case PlanReason::marketing:
      return "marketing";
    case PlanReason::inmail_disabled:
      return "inmail-disabled";
    case PlanReason::open_profile:
      return "open-profile";
    case PlanReason::time_sensitive:
      return "time-sensitive";
    case PlanReason::hard_to_connect:
      return "hard-to-connect";
    case PlanReason::recruiting:
      return "recruiting";
    case PlanReason::no_credits:
      return "no-credits";
    case PlanReason::free_path:
      return "free-path";
  }
  return "free-path";
}

bool PlannedProspect::has_errors() const {
  return std::any_of(findings.begin(), findings.end(),
                     [](const PlanFinding& finding) { return finding.severity == "error"; });
}

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

Decision decide(const Prospect& prospect, const ProspectHistory& history, Date start,
                const Rules& rules) {
  if (prospect.do_not_contact) return {PlanChannel::skip, PlanReason::do_not_contact, false};
  if (history.declined) return {PlanChannel::skip, PlanReason::declined, false};
  if (history.in_progress()) return {PlanChannel::skip, PlanReason::in_progress, false};
  if (prospect.degree == 1 || history.connected)
    return {PlanChannel::message, PlanReason::connected, false};
  if (prospect.goal == Goal::marketing)
    return {PlanChannel::message_ad, PlanReason::marketing, false};
  if (!prospect.accepts_inmail) return {PlanChannel::connect, PlanReason::inmail_disabled, false};
  if (prospect.open_profile) return {PlanChannel::inmail, PlanReason::open_profile, false};
  // "Sooner than the usual acceptance delay": a deadline fewer than acceptance_delay_days after
  // the start (one exactly that far away can still wait for an acceptance).
  if (prospect.deadline &&
      *prospect.deadline < start + date::days{rules.plan.acceptance_delay_days})
    return {PlanChannel::inmail, PlanReason::time_sensitive, true};
  if (prospect.rarely_accepts ||
      prospect.pending_invitations >= rules.plan.hard_to_connect_pending_invitations)
    return {PlanChannel::inmail, PlanReason::hard_to_connect, true};
  if (prospect.goal == Goal::recruiting) return {PlanChannel::inmail, PlanReason::recruiting, true};
  return {PlanChannel::connect, PlanReason::free_path, false};
}

void RankKey::set_id_prefix(std::string_view id) {
  const auto pack = [&](std::size_t from) {
    std::uint64_t packed = 0;
    for (std::size_t k = from; k < from + 8; ++k)
      packed = (packed << 8) | (k < id.size() ? static_cast<unsigned char>(id[k]) : 0U);
    return packed;
  };
  id_head = pack(0);
  id_tail = pack(8);
}

int compare_ranks(const RankKey& a, const RankKey& b) {
  if (a.priority != b.priority) return a.priority > b.priority ? -1 : 1;
  if (a.deadline != b.deadline) return a.deadline < b.deadline ? -1 : 1;
  if (a.mutual_connections != b.mutual_connections)
    return a.mutual_connections > b.mutual_connections ? -1 : 1;
  return 0;
}

}  // namespace outreach
