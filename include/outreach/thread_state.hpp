#pragma once
/// One prospect's conversation as `outreach ledger show --prospect ID` shows it: its events and
/// the state SPEC §10 gives them on a day — what a plan started that day would do with it.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "outreach/calendar.hpp"
#include "outreach/ledger.hpp"
#include "outreach/plan.hpp"
#include "outreach/sequence.hpp"

namespace outreach {

struct ThreadState {
  /// `open`: no thread holds the prospect (none, or one older than recontact_after_days), so
  /// SPEC §4's table decides; `skip`: the thread says wait or stop; `message`: it says send the
  /// first message or a follow-up.
  enum class Kind : std::uint8_t { open, skip, message };

  std::string prospect;
  Date day;                         ///< the state is the one on this day
  std::vector<LedgerEvent> events;  ///< the prospect's events in file order, all of them
  Kind kind = Kind::open;
  PlanReason reason = PlanReason::free_path;  ///< skip: why; message: connected or follow-up
  int followup = 0;                           ///< message: 0 the first, N follow-up-N
  std::optional<Date> not_before;             ///< message: not before this day
  std::optional<Date> connect_not_before;     ///< open: a withdrawal locks invitations until then
  bool connected = false;                     ///< an invite_accepted in the ledger
  bool inmail_blocked = false;  ///< an InMail went unanswered: no second one (SPEC §11)
  /// open: the thread's last event is older than recontact_after_days — a new campaign.
  bool starts_over = false;
};

/// The state of `prospect`'s thread on `day`, from the ledger's events dated up to it (a
/// prospect of degree 1 is not known here: only an invite_accepted makes a connection).
ThreadState thread_state(const std::vector<LedgerEvent>& ledger, std::string_view prospect,
                         Date day, const SequenceRules& sequence, int refund_window_days);

}  // namespace outreach
