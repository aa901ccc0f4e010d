#pragma once
// The attribution rule of SPEC §12: which send each acceptance, withdrawal, reply and decline in
// the ledger answers. `outreach stats` counts the result; the plan's learned rates settle it.

#include <cstddef>
#include <optional>
#include <vector>

#include "outreach/ledger.hpp"
#include "outreach/rules.hpp"
#include "outreach/stats.hpp"

namespace outreach::stats {

/// One send and what came back to it.
struct AttributedSend {
  const LedgerEvent* event = nullptr;
  SendChannel channel = SendChannel::message;
  bool paid = false;       ///< an InMail that spent a credit
  bool follow_up = false;  ///< a message after an unanswered message to the same prospect
  std::optional<int> accepted_after;  ///< days from the send to its acceptance
  std::optional<int> replied_after;   ///< days from the send to the reply counted for it
  bool withdrawn = false;
  bool declined = false;
};

struct Attribution {
  std::vector<AttributedSend> sends;  ///< in the ledger's order
  /// Replies that answer no send: none before them, or only one older than attribution_days.
  std::vector<const LedgerEvent*> unattributed_replies;
};

/// Walks each prospect's events in date order (file order within a day): a reply counts for the
/// prospect's latest send before it if that send is at most `attribution_days` old (a second
/// reply to the same send is the same conversation and counts for nothing); an acceptance or a
/// withdrawal for the latest invitation still pending; a decline for the latest InMail not yet
/// answered. `events` must outlive the result.
Attribution attribute(const std::vector<LedgerEvent>& events, int attribution_days);

}  // namespace outreach::stats
