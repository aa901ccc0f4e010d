#pragma once
/// The campaign planner (SPEC §4): decide a channel per prospect, allocate InMail credits across
/// the whole list, schedule every send, check every rendered draft, forecast the outcome.

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "outreach/account.hpp"
#include "outreach/calendar.hpp"
#include "outreach/ledger.hpp"
#include "outreach/prospect.hpp"
#include "outreach/rules.hpp"
#include "outreach/template.hpp"
#include "outreach/thread_pool.hpp"

namespace outreach {

enum class PlanChannel : std::uint8_t { message, inmail, connect, message_ad, skip };

/// Reason codes of SPEC §4's decision table, in its order.
enum class PlanReason : std::uint8_t {
  do_not_contact,
  declined,
  in_progress,
  connected,
  marketing,
  inmail_disabled,
  open_profile,
  time_sensitive,
  hard_to_connect,
  recruiting,
  no_credits,
  free_path,
};

std::string_view plan_channel_name(
    PlanChannel channel);  ///< "message", "inmail", "connect", "message-ad", "skip"
std::string_view plan_reason_name(PlanReason reason);  ///< "do-not-contact", …, "free-path"

/// A finding on one prospect: a lint diagnostic on its rendered draft, or a template field it
/// lacks (rule "missing-field", error).
struct PlanFinding {
  std::string rule;
  std::string severity;  ///< "error" or "warning"
  std::string message;   ///< one line; names the draft ("connect note: …")
};

/// One planned send in a prospect's sequence (e.g. a connection request, then the message once
/// accepted). `at` is nullopt for what cannot be timed (a follow-up after an acceptance).
struct PlannedStep {
  PlanChannel channel = PlanChannel::connect;
  std::optional<date::sys_seconds> at;
  std::string note;  ///< e.g. "after the invitation is accepted"
};

/// The plan for one prospect — compact: kept for every input prospect until output.
struct PlannedProspect {
  std::string id;
  PlanChannel channel = PlanChannel::skip;
  PlanReason reason = PlanReason::free_path;
  int cost = 0;                              ///< InMail credits
  std::optional<date::sys_seconds> send_at;  ///< first send; nullopt for skips and Message Ads
  const date::time_zone* zone = nullptr;     ///< the zone send_at is shown in
  std::string group;                         ///< group conversation, if one
  std::vector<PlanFinding> findings;
  std::vector<PlannedStep> followups;  ///< steps after the first send

  bool has_errors() const;
};

/// What the campaign adds up to (SPEC §4 "the plan reports … for the campaign"). Credits are
/// counted from the start through the last send date (the start when nothing is sent).
struct PlanSummary {
  Date start;
  std::string plan;
  int prospects = 0;
  int count_message = 0, count_inmail = 0, count_connect = 0, count_message_ad = 0, count_skip = 0;
  int group_messages = 0;  ///< group conversations (each counts its members as messages)
  int credits_at_start = 0;
  /// Grants after the start through the last send date, at their full monthly amount.
  int credits_granted_in_window = 0;
  int credits_used = 0;
  int credits_forfeited = 0;  ///< what of those grants did not fit under the cap
  /// At the end of the last send date, before refunds: at_start + granted - forfeited - used.
  int credits_left = 0;
  /// Credits of the ledger's paid InMails still inside their refund window at the start.
  int pending_refunds_at_start = 0;
  /// The campaign window's last day: only grants up to it pay for the plan's InMails.
  Date window_end;
  Range expected_replies;      ///< InMail + message replies (follow-ups included), as a range
  Range expected_refunds;      ///< credits expected back from replies
  Range expected_acceptances;  ///< connection requests accepted
  std::vector<std::pair<Date, int>> invitations_per_week;  ///< week starting Monday → count
  std::optional<Date> last_send;                           ///< in the account's zone
  int prospects_with_errors = 0;
  std::vector<std::string> warnings;  ///< campaign-level: same-template, …
};

struct PlanResult {
  std::vector<PlannedProspect> prospects;  ///< input order, every input prospect exactly once
  PlanSummary summary;
};

/// Everything the planner is handed: it never reads files or the clock itself.
struct PlanConfig {
  const Rules* rules = nullptr;
  Account account;
  std::vector<LedgerEvent> ledger;  ///< events after `start` are ignored
  /// Names the ledger in errors (else the account's ledger path).
  std::optional<std::string> ledger_origin;
  Date start;  ///< nothing is scheduled before its midnight in the account's zone
  std::optional<Template> connect_template;
  std::optional<Template> message_template;
  std::optional<Template> inmail_template;  ///< its text may open with a `Subject:` header
};

/// The string fields a plan needs each prospect to carry: those its templates name (the reader
/// checks and drops the others).
FieldSelection fields_used(const PlanConfig& config);

struct PlannerState;

/// Plans a campaign. Prospects are added a batch at a time as they are read (rendering and
/// checking their drafts then, so that only a compact record is kept); `finish` ranks,
/// allocates credits, schedules and sums up.
class Planner {
 public:
  /// `pool`: the run's workers, borrowed to check a batch's drafts (null: on the caller alone).
  explicit Planner(PlanConfig config, ThreadPool* pool = nullptr);
  ~Planner();
  Planner(const Planner&) = delete;
  Planner& operator=(const Planner&) = delete;

  /// Adds the prospects in order; their drafts are rendered and checked on the pool's threads.
  /// The plan is the same however the prospects are cut into batches.
  void add(std::span<Prospect> prospects);
  PlanResult finish();

 private:
  std::unique_ptr<PlannerState> state_;
};

}  // namespace outreach
