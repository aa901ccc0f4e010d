#include "outreach/thread_state.hpp"

#include "plan/threads.hpp"

namespace outreach {

ThreadState thread_state(const std::vector<LedgerEvent>& ledger, std::string_view prospect,
                         Date day, const SequenceRules& sequence, int refund_window_days) {
  ThreadState state;
  state.prospect = prospect;
  state.day = day;
  std::vector<LedgerEvent> own;
  for (const LedgerEvent& event : ledger)
    if (event.prospect == prospect) own.push_back(event);
  // The plan's own reading of the ledger, so that the two never disagree.
  const Thread thread = Threads(own, day, sequence.recontact_after_days).of(prospect);
  const ThreadVerdict verdict =
      judge_thread(thread, /*first_degree=*/false, day, sequence, refund_window_days);
  state.events = std::move(own);
  state.connected = verdict.connected;
  state.inmail_blocked = verdict.inmail_blocked;
  state.reason = verdict.reason;
  state.followup = verdict.followup;
  switch (verdict.kind) {
    case ThreadVerdict::Kind::none:
      state.kind = ThreadState::Kind::open;
      // A re-invite lock that is over by the day no longer says anything.
      if (verdict.earliest && *verdict.earliest > day) state.connect_not_before = verdict.earliest;
      state.starts_over = thread.last_event.has_value() && !verdict.earliest &&
                          day - *thread.last_event > date::days{sequence.recontact_after_days};
      break;
    case ThreadVerdict::Kind::skip:
      state.kind = ThreadState::Kind::skip;
      break;
    case ThreadVerdict::Kind::message:
      state.kind = ThreadState::Kind::message;
      state.not_before = verdict.earliest;
      break;
  }
  return state;
}

}  // namespace outreach
