#pragma once
// Every prospect's conversation as the ledger tells it, up to a plan's start, and what it
// decides before SPEC §4's table (SPEC §10's thread states). The agenda reads the same states.

#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "outreach/calendar.hpp"
#include "outreach/ledger.hpp"
#include "outreach/plan.hpp"
#include "outreach/rules.hpp"

namespace outreach {

/// One prospect's events up to the start, summed up: the events of its current campaign (after
/// the last silence longer than recontact_after_days), and what outlasts a campaign — a
/// connection, a pending invitation, an InMail that was never answered.
struct Thread {
  /// Where the latest invitation stands.
  enum class Invitation : std::uint8_t { none, pending, withdrawn, accepted };

  std::optional<Date> last_event;  ///< none: no thread at all
  bool replied = false;            ///< a reply, to anything
  bool declined = false;           ///< an inmail_declined
  Invitation invitation = Invitation::none;
  Date invitation_day{};   ///< when the latest invitation was sent, withdrawn or accepted
  bool connected = false;  ///< an invite_accepted, ever (a connection lasts)
  /// Messages sent since the latest acceptance (all of them without one), and the last one.
  int messages = 0;
  std::optional<Date> last_message;
  std::optional<Date> last_inmail;
  bool inmail_unanswered = false;  ///< the last InMail had no reply after it
};

/// What a thread decides before SPEC §4's table. `none`: the table decides (no thread, an old
/// one, or a withdrawn invitation), within what `earliest_connect` and `inmail_blocked` allow.
struct ThreadVerdict {
  enum class Kind : std::uint8_t { none, skip, message };
  Kind kind = Kind::none;
  PlanReason reason = PlanReason::free_path;  ///< skip: why; message: connected or follow-up
  int followup = 0;                           ///< message: 0 the first, N follow-up-N
  std::optional<Date> earliest;  ///< message: not before; none: no connect before (re-invite)
  bool connected = false;        ///< an acceptance in the ledger: §4's `connected` row
  bool inmail_blocked = false;   ///< an InMail went unanswered: no second one (SPEC §11)
};

/// The first row of SPEC §10's table that matches `thread` at `start`; the last row (a thread
/// older than recontact_after_days is no thread) is checked first, except that a pending
/// invitation keeps its thread open however old. `first_degree`: the prospect is a connection
/// whatever the ledger says (degree 1).
ThreadVerdict judge_thread(const Thread& thread, bool first_degree, Date start,
                           const SequenceRules& sequence, int refund_window_days);

/// The ledger read as of a start date: events dated after it are ignored; within a date, events
/// count in file order (SPEC §2.3).
class Threads {
 public:
  Threads() = default;
  /// `recontact_after_days`: a silence longer than this between two events of a prospect
  /// starts a new campaign (SPEC §10's last row), as it does before the start.
  Threads(const std::vector<LedgerEvent>& events, Date start, int recontact_after_days);

  /// The thread of one prospect (empty when the ledger never names it).
  Thread of(std::string_view prospect) const;
  /// The invite_sent events dated `day` (any prospect); 0 after the start date.
  int invitations_on(Date day) const;
  /// The message_sent events dated `day` (any prospect).
  int messages_on(Date day) const;

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const {
      return std::hash<std::string_view>{}(text);
    }
  };
  std::unordered_map<std::string, Thread, Hash, std::equal_to<>> prospects_;
  std::map<Date, int> invitations_;
  std::map<Date, int> messages_;
};

}  // namespace outreach
