#pragma once
// What the ledger says about each prospect as of the plan's start.

#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "outreach/calendar.hpp"
#include "outreach/ledger.hpp"

namespace outreach {

/// What the ledger says about one prospect, from its events up to the start date.
struct ProspectHistory {
  bool declined = false;         ///< they declined an InMail
  bool connected = false;        ///< an invite_accepted
  bool invitation_open = false;  ///< the last invite_sent neither accepted nor withdrawn since
  bool inmail_open =
      false;  ///< the last InMail inside its refund window, no reply or decline since

  bool in_progress() const { return invitation_open || inmail_open; }
};

/// The ledger read as of a start date: events dated after it are ignored; within a date, events
/// count in file order (SPEC §2.3).
class LedgerHistory {
 public:
  LedgerHistory() = default;
  LedgerHistory(const std::vector<LedgerEvent>& events, Date start, int refund_window_days);

  ProspectHistory of(std::string_view prospect) const;
  /// The invite_sent events dated `day` (any prospect); 0 after the start date.
  int invitations_on(Date day) const;

 private:
  struct Entry {
    ProspectHistory state;
    bool inmail_unanswered = false;
    Date last_inmail{};
  };
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const {
      return std::hash<std::string_view>{}(text);
    }
  };
  std::unordered_map<std::string, Entry, Hash, std::equal_to<>> prospects_;
  std::map<Date, int> invitations_;
  Date start_{};
  int refund_window_days_ = 0;
};

}  // namespace outreach
