#pragma once
/// The campaign planner (SPEC §4): decide a channel per prospect, allocate InMail credits across
/// the whole list, schedule every send, check every rendered draft, forecast the outcome.

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "outreach/account.hpp"
#include "outreach/calendar.hpp"
#include "outreach/ledger.hpp"
#include "outreach/prospect.hpp"
#include "outreach/rules.hpp"
#include "outreach/shared_name.hpp"
#include "outreach/stats.hpp"
#include "outreach/template.hpp"
#include "outreach/thread_pool.hpp"

namespace outreach {

enum class PlanChannel : std::uint8_t { message, inmail, connect, message_ad, skip };

/// Reason codes: SPEC §4's decision table in its order, then the thread states and limits of
/// SPEC §10.
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
  replied,           ///< a reply in the thread: a person carries the conversation now
  invite_stale,      ///< an invitation pending withdraw_after_days or longer: withdraw it
  follow_up,         ///< a message unanswered for followup_after_days
  no_reply,          ///< the follow-ups are used up, or an InMail's window closed unanswered
  deadline_passed,   ///< the deadline was before the start
  beyond_horizon,    ///< the send would fall after the plan's last day
  no_second_inmail,  ///< an InMail went unanswered: a connection request instead (SPEC §11)
  excluded,          ///< on a suppression list (--exclude, SPEC §9): first of all
};

std::string_view plan_channel_name(
    PlanChannel channel);  ///< "message", "inmail", "connect", "message-ad", "skip"
std::string_view plan_reason_name(PlanReason reason);  ///< "do-not-contact", …, "free-path"
/// Every reason code, in the enum's order (for `explain` and its tests).
const std::vector<PlanReason>& plan_reasons();

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

/// What is sent in a row's first step, rendered (kept only when the plan is asked to), and the
/// input fields a row carries for `--with`.
struct RowExtras {
  std::optional<std::string> subject;  ///< an InMail's
  std::optional<std::string> body;     ///< none: no template for this step, or nothing sent
  std::vector<std::pair<std::string, std::string>> fields;  ///< --with, in the order asked
};

/// One template of a channel and its variant's name (empty: the channel has one template).
struct NamedTemplate {
  std::string name;
  Template tmpl;
};

/// The plan for one prospect — compact: kept for every input prospect until output.
struct PlannedProspect {
  std::string id;
  PlanChannel channel = PlanChannel::skip;
  PlanReason reason = PlanReason::free_path;
  std::uint8_t followup = 0;                 ///< the step: 0 the first, N follow-up-N
  bool note = true;                          ///< connect: the request carries a note
  int cost = 0;                              ///< InMail credits
  std::optional<date::sys_seconds> send_at;  ///< first send; nullopt for skips and Message Ads
  const date::time_zone* zone = nullptr;     ///< the zone send_at is shown in
  SharedName group;                          ///< group conversation, if one
  SharedName variant;                        ///< the first step's template variant (SPEC §12)
  std::vector<PlanFinding> findings;
  std::vector<PlannedStep> followups;       ///< steps after the first send
  std::shared_ptr<const RowExtras> extras;  ///< null unless drafts or --with fields are kept

  bool has_errors() const;
  /// "first" or "follow-up-N".
  std::string step() const;
};

/// What the campaign adds up to (SPEC §4 "the plan reports … for the campaign"). Credits are
/// counted from the start through the last send date (the start when nothing is sent).
struct PlanSummary {
  Date start;
  date::sys_seconds start_at{};  ///< the instant the plan starts: now, or the start's midnight
  bool starts_now = false;       ///< no --start: the plan starts at the current time
  const date::time_zone* zone = nullptr;  ///< the account's (UTC when null)
  Date until;                             ///< the last day a send may fall on (account zone)
  std::string plan;
  int prospects = 0;
  int count_message = 0, count_inmail = 0, count_connect = 0, count_message_ad = 0, count_skip = 0;
  int count_followups = 0;       ///< messages that are follow-ups
  int count_beyond_horizon = 0;  ///< skips because their send would fall after `until`
  int count_excluded = 0;        ///< skips because a suppression list names them (--exclude)
  int connections_matched = 0;   ///< prospects found among the connections (--connections)
  int group_messages = 0;        ///< group conversations (each counts its members as messages)
  /// Connection requests sent without a note: past the month's budget (SPEC §11).
  int count_connect_without_note = 0;
  /// The plan's personalised notes a month; none: unlimited.
  std::optional<int> notes_per_month;
  int credits_at_start = 0;
  /// Grants after the start through the last send date, at their full monthly amount.
  int credits_granted_in_window = 0;
  int credits_used = 0;
  int credits_forfeited = 0;  ///< what of those grants did not fit under the cap
  /// At the end of the last send date, before refunds: at_start + granted - forfeited - used.
  int credits_left = 0;
  /// Credits of the ledger's paid InMails still inside their refund window at the start.
  int pending_refunds_at_start = 0;
  /// The campaign window's last day (`until`): only grants up to it pay for the plan's InMails.
  Date window_end;
  Range expected_replies;      ///< InMail + message replies (follow-ups included), as a range
  Range expected_refunds;      ///< credits expected back from replies
  Range expected_acceptances;  ///< connection requests accepted
  /// The rate each channel's forecast used (by SendChannel): the account's own, learned from the
  /// ledger's outcomes, or the rules' prior (SPEC §12).
  std::array<RateSource, 3> rate_sources;
  int learn_after_outcomes = 0;  ///< the outcomes a channel needs for its own rate
  std::vector<std::pair<Date, int>> invitations_per_week;  ///< week starting Monday → count
  std::optional<Date> last_send;                           ///< in the account's zone
  int prospects_with_errors = 0;
  std::vector<std::string> warnings;  ///< campaign-level: same-template, …
};

struct PlanResult {
  std::vector<PlannedProspect> prospects;  ///< input order, every input prospect exactly once
  PlanSummary summary;
  std::vector<std::string> with_fields;  ///< the input fields each row carries (--with)
};

/// Everything the planner is handed: it never reads files or the clock itself.
struct PlanConfig {
  const Rules* rules = nullptr;
  Account account;
  std::vector<LedgerEvent> ledger;  ///< events after `start` are ignored
  /// Names the ledger in errors (else the account's ledger path).
  std::optional<std::string> ledger_origin;
  Date start;  ///< the start's date in the account's zone; ledger events up to it count
  /// When the plan starts: now (no --start), else nothing is scheduled before `start`'s midnight
  /// in the account's zone.
  std::optional<date::sys_seconds> start_at;
  /// The last day a send may fall on (account zone); default start + sequence.horizon_days.
  std::optional<Date> until;
  /// Each channel's templates: none, one (unnamed), or its variants sorted by name (SPEC §12).
  std::vector<NamedTemplate> connect_templates;
  std::vector<NamedTemplate> message_templates;
  std::vector<NamedTemplate> inmail_templates;     ///< may open with a `Subject:` header
  std::vector<NamedTemplate> follow_up_templates;  ///< follow-ups; else message_templates
  bool keep_drafts = false;                        ///< rows carry their rendered first step
  std::vector<std::string> with_fields;            ///< input fields every row carries (--with)
  /// Profile URLs (normal form) of 1st-degree connections (--connections), sorted: a prospect
  /// whose id or profile URL is among them is 1st-degree whatever its degree says.
  std::vector<std::string> connections;
  /// Ids and profile URLs (normal form) of a suppression list (--exclude), sorted: a prospect
  /// whose id or profile URL is among them is a skip, excluded.
  std::vector<std::string> excluded;
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
  /// The names of the string fields the list holds (as the reader saw them), so that a
  /// template field no prospect carries gets a "did you mean" (`unknown-field`).
  void fields_in_list(std::vector<std::string> names);
  PlanResult finish();

 private:
  std::unique_ptr<PlannerState> state_;
};

}  // namespace outreach
