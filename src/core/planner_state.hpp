#pragma once
// What the planner keeps between `add` and `finish` (private to src/core/planner*.cpp and
// plan_allocate.cpp).

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "chunked_store.hpp"
#include "outreach/plan.hpp"
#include "outreach/plan_parts.hpp"
#include "parallel_for.hpp"

namespace outreach {

/// The planning facts of one prospect that its PlannedProspect row does not hold (56 bytes).
struct PlanRecord {
  double priority = 0;
  std::int64_t mutual_connections = 0;
  const date::time_zone* zone = nullptr;         ///< the prospect's zone, else the account's
  std::uint64_t inmail_hash = 0;                 ///< masked InMail body, when rendered
  std::int32_t deadline = RankKey::no_deadline;  ///< days since 1970-01-01
  std::uint32_t group = 0;  ///< 1-based index into PlannerState::groups; 0: none
  // Findings are appended in the order inmail, connect note, message; a step-6 candidate has
  // all three until the allocation decides which apply.
  std::uint32_t inmail_findings = 0;
  std::uint32_t connect_findings = 0;
  std::uint32_t message_findings = 0;
  bool needs_credit = false;
  bool has_inmail_body = false;
  bool short_inmail = false;

  std::optional<Date> deadline_date() const {
    if (deadline == RankKey::no_deadline) return std::nullopt;
    return Date{date::days{deadline}};
  }
};

static_assert(sizeof(PlanRecord) <= 56, "the per-prospect record is kept for every prospect");

/// A `group` named in the input and who in it could take part in one conversation.
struct PlanGroup {
  std::string name;
  std::uint32_t members = 0;    ///< not skipped
  std::uint32_t connected = 0;  ///< not skipped and connected (a `message` row)
  bool conversation = false;    ///< two or more members, all connected
};

/// What the planner learns of one prospect from the prospect alone: its decision and its
/// drafts' findings (the record's group and the row's id come after, in input order).
struct AssessedProspect {
  PlanRecord record;
  PlannedProspect row;
};

struct PlannerState {
  explicit PlannerState(PlanConfig&& plan_config);

  PlanConfig config;
  const Rules& rules;
  const date::time_zone* zone;  ///< the account's
  LedgerHistory history;
  DraftChecker drafts;
  /// Threads that assess a batch of prospects (Planner::add of a span), with a checker each.
  detail::ParallelFor parallel;
  std::vector<std::unique_ptr<DraftChecker>> helper_drafts;
  int start_balance = 0;       ///< credits at the end of the start date (SPEC §2 simulation)
  int pending_refunds = 0;     ///< credits of the ledger's InMails that a reply may still return
  bool credits_known = false;  ///< false without plan_start: no balance, no grants
  std::vector<std::string> warnings;

  ChunkedStore<PlannedProspect> rows;
  ChunkedStore<PlanRecord> records;
  std::unordered_map<std::string, std::uint32_t> group_ids;
  std::vector<PlanGroup> groups;
  std::vector<AssessedProspect> assessed;  ///< a batch's, between its two steps
};

/// What the scheduling phases hand to the summary.
struct ScheduleOutcome {
  std::vector<std::pair<Date, int>> invitation_days;
  std::size_t unscheduled_invitations = 0;
};

/// Prospects by what competes for what, each list in rank order: positions in `order`, which
/// holds prospect indices from the best-ranked down.
struct RankedLists {
  std::vector<std::uint32_t> order;
  std::vector<std::uint32_t> paid;         ///< InMails that need a credit (step-6 candidates)
  std::vector<std::uint32_t> free_inmail;  ///< Open Profile InMails
  std::vector<std::uint32_t> connect;      ///< connection requests decided without credits
};

/// The last day of the campaign window: the day the last connection request would go out if
/// all `might_invite` prospects that might be sent one were (every candidate failing), but at
/// least the start and the invite window's days after it (a week).
Date campaign_window_end(const PlannerState& state, std::int64_t might_invite);

/// Allocates credits to the paid InMails in rank order and gives every InMail its slot; those
/// that find no credit become connect / no-credits and are returned (positions, rank order).
std::vector<std::uint32_t> allocate_inmails(PlannerState& state, const RankedLists& lists,
                                            CreditTimeline& credits, Date window_end);

/// Connection requests in rank order under the rolling limit, then messages.
ScheduleOutcome schedule_invitations_and_messages(PlannerState& state, const RankedLists& lists,
                                                  const std::vector<std::uint32_t>& no_credits);

/// Keeps the findings of the drafts each prospect will really be sent, then counts, warns
/// (same-template, …) and forecasts.
PlanSummary summarize(PlannerState& state, CreditTimeline& credits, const ScheduleOutcome& schedule,
                      Date window_end, std::size_t conversations);

}  // namespace outreach
