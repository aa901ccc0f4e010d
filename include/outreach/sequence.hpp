#pragma once
/// How a conversation goes on over time (SPEC §10): the `sequence` of the rules data, which an
/// account may override key by key.

namespace outreach {

/// The waits, limits and horizon of a campaign's conversations.
struct SequenceRules {
  int message_after_accept_days = 0;  ///< first message at least this long after an acceptance
  int followup_after_days = 0;        ///< a follow-up at least this long after a message
  int max_followups = 0;              ///< follow-ups after the first message; then no-reply
  int withdraw_after_days = 0;        ///< an invitation pending this long is stale
  int reinvite_lock_days = 0;         ///< no new invitation this long after a withdrawal
  int recontact_after_days = 0;       ///< a thread older than this starts over
  int horizon_days = 0;               ///< how far ahead a plan schedules (--until overrides)
  int min_send_gap_minutes = 0;       ///< no two sends of one account closer than this
  int daily_message_limit = 0;        ///< messages a day of the account's zone
};

}  // namespace outreach
