// The ledger read as of a plan's start, prospect by prospect (SPEC §10).
#include "plan/threads.hpp"

#include <algorithm>

namespace outreach {
namespace {

// A new campaign after a long silence: the conversation so far is over, but a connection
// lasts, a pending invitation is still pending, and an unanswered InMail still forbids another.
void start_over(Thread& thread) {
  thread.replied = false;
  thread.declined = false;
  if (thread.invitation != Thread::Invitation::pending)
    thread.invitation = Thread::Invitation::none;
  thread.messages = 0;
  thread.last_message.reset();
  thread.last_inmail.reset();
}

}  // namespace

Threads::Threads(const std::vector<LedgerEvent>& events, Date start, int recontact_after_days) {
  // SPEC §2.3: by date, then file order within a date; events after the start do not count.
  std::vector<std::size_t> order;
  order.reserve(events.size());
  for (std::size_t i = 0; i < events.size(); ++i)
    if (events[i].date <= start) order.push_back(i);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return events[a].date < events[b].date; });
  for (const std::size_t i : order) {
    const LedgerEvent& event = events[i];
    Thread& thread = prospects_[event.prospect];
    if (thread.last_event && event.date - *thread.last_event > date::days{recontact_after_days})
      start_over(thread);
    thread.last_event = event.date;
    switch (event.type) {
      case EventType::invite_sent:
        thread.invitation = Thread::Invitation::pending;
        thread.invitation_day = event.date;
        ++invitations_[event.date];
        break;
      case EventType::invite_accepted:
        thread.invitation = Thread::Invitation::accepted;
        thread.invitation_day = event.date;
        thread.connected = true;
        thread.messages = 0;  // the messages that count are those since the acceptance
        break;
      case EventType::invite_withdrawn:
        thread.invitation = Thread::Invitation::withdrawn;
        thread.invitation_day = event.date;
        break;
      case EventType::message_sent:
        ++thread.messages;
        thread.last_message = event.date;
        ++messages_[event.date];
        break;
      case EventType::inmail_sent:
        thread.last_inmail = event.date;
        thread.inmail_unanswered = true;
        break;
      case EventType::reply:
        thread.replied = true;
        thread.inmail_unanswered = false;
        break;
      case EventType::inmail_declined:
        thread.declined = true;
        break;
    }
  }
}

Thread Threads::of(std::string_view prospect) const {
  const auto it = prospects_.find(prospect);
  return it == prospects_.end() ? Thread{} : it->second;
}

int Threads::invitations_on(Date day) const {
  const auto it = invitations_.find(day);
  return it == invitations_.end() ? 0 : it->second;
}

int Threads::messages_on(Date day) const {
  const auto it = messages_.find(day);
  return it == messages_.end() ? 0 : it->second;
}

ThreadVerdict judge_thread(const Thread& thread, bool first_degree, Date start,
                           const SequenceRules& sequence, int refund_window_days) {
  ThreadVerdict verdict;
  verdict.connected = thread.connected;
  // Whatever row applies: no second InMail without a reply in between (SPEC §11).
  verdict.inmail_blocked = thread.inmail_unanswered;
  const auto skip = [&](PlanReason reason) {
    verdict.kind = ThreadVerdict::Kind::skip;
    verdict.reason = reason;
    return verdict;
  };
  const bool pending = thread.invitation == Thread::Invitation::pending;
  // The last row first: an old thread is no thread — but a pending invitation keeps its thread
  // open however old (no new invitation while one is pending).
  if (!thread.last_event ||
      (!pending && start - *thread.last_event > date::days{sequence.recontact_after_days}))
    return verdict;
  if (thread.replied) return skip(PlanReason::replied);
  if (thread.declined) return skip(PlanReason::declined);
  if (pending)
    return skip(start - thread.invitation_day < date::days{sequence.withdraw_after_days}
                    ? PlanReason::in_progress
                    : PlanReason::invite_stale);
  if (thread.invitation == Thread::Invitation::withdrawn) {
    verdict.earliest = thread.invitation_day + date::days{sequence.reinvite_lock_days};
    return verdict;  // §4's table, with no invitation before the lock ends
  }
  if ((thread.connected || first_degree) && thread.messages == 0) {
    verdict.kind = ThreadVerdict::Kind::message;
    verdict.reason = PlanReason::connected;
    if (thread.connected)
      verdict.earliest = thread.invitation_day + date::days{sequence.message_after_accept_days};
    return verdict;
  }
  if (thread.messages > 0) {
    // The follow-ups so far are the messages after the first.
    const int followups = thread.messages - 1;
    if (followups >= sequence.max_followups) return skip(PlanReason::no_reply);
    verdict.kind = ThreadVerdict::Kind::message;
    verdict.reason = PlanReason::follow_up;
    verdict.followup = followups + 1;
    verdict.earliest = *thread.last_message + date::days{sequence.followup_after_days};
    return verdict;
  }
  if (thread.last_inmail)
    return skip(start <= *thread.last_inmail + date::days{refund_window_days}
                    ? PlanReason::in_progress
                    : PlanReason::no_reply);
  return verdict;
}

}  // namespace outreach
