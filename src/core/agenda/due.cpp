#include "agenda/due.hpp"

#include <algorithm>

namespace outreach {

std::vector<DueStep> due_steps(const Threads& threads, Date day, const SequenceRules& sequence,
                               int refund_window_days) {
  std::vector<DueStep> steps;
  threads.each([&](std::string_view prospect, const Thread& thread) {
    // The ledger cannot know a degree-1 prospect it never names: only a plan can.
    const ThreadVerdict verdict =
        judge_thread(thread, /*first_degree=*/false, day, sequence, refund_window_days);
    DueStep step;
    step.prospect = std::string(prospect);
    if (verdict.kind == ThreadVerdict::Kind::message) {
      step.action = verdict.followup > 0 ? AgendaAction::follow_up : AgendaAction::message;
      step.reason = verdict.reason;
      step.followup = verdict.followup;
      step.due = verdict.earliest.value_or(day);
    } else if (verdict.kind == ThreadVerdict::Kind::skip &&
               (verdict.reason == PlanReason::invite_stale ||
                verdict.reason == PlanReason::in_progress) &&
               thread.invitation == Thread::Invitation::pending) {
      // Pending for less than withdraw_after_days is in progress today, stale on a later day.
      step.action = AgendaAction::withdraw;
      step.reason = PlanReason::invite_stale;
      step.due = thread.invitation_day + date::days{sequence.withdraw_after_days};
    } else {
      return;  // replied, declined, no reply, an InMail in its window, or no open thread
    }
    steps.push_back(std::move(step));
  });
  std::sort(steps.begin(), steps.end(),
            [](const DueStep& a, const DueStep& b) { return a.prospect < b.prospect; });
  return steps;
}

}  // namespace outreach
