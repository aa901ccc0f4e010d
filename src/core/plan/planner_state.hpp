#pragma once
// What the planner keeps between `add` and `finish`, shared by the phases of `finish`
// (schedule, summary).

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "outreach/plan.hpp"
#include "outreach/thread_pool.hpp"
#include "plan/chunked_store.hpp"
#include "plan/drafts.hpp"
#include "plan/rank.hpp"
#include "plan/threads.hpp"

namespace outreach {

/// The planning facts of one prospect that its PlannedProspect row does not hold (64 bytes).
struct PlanRecord {
  static constexpr std::int32_t no_day = RankKey::no_deadline;

  double priority = 0;
  const date::time_zone* zone = nullptr;         ///< the prospect's zone, else the account's
  std::uint64_t inmail_hash = 0;                 ///< masked InMail body, when rendered
  std::uint64_t connect_hash = 0;                ///< masked connection note, when rendered
  std::int32_t deadline = RankKey::no_deadline;  ///< days since 1970-01-01
  std::int32_t earliest = no_day;                ///< no send before this day (account zone)
  /// Clamped to 2^31 - 1: LinkedIn's 30,000-connection cap keeps real counts far below, and
  /// 4 bytes less for every prospect keep a plan of millions within its memory goal.
  std::int32_t mutual_connections = 0;
  std::uint32_t group = 0;  ///< 1-based index into PlannerState::groups; 0: none
  // Findings are appended in the order inmail, connect note, message; a step-6 candidate has
  // all three until the allocation decides which apply.
  std::uint32_t inmail_findings = 0;
  std::uint32_t connect_findings = 0;
  std::uint32_t message_findings = 0;
  bool needs_credit = false;
  bool has_inmail_body = false;
  bool has_connect_body = false;
  bool short_inmail = false;

  std::optional<Date> deadline_date() const {
    if (deadline == RankKey::no_deadline) return std::nullopt;
    return Date{date::days{deadline}};
  }
  std::optional<Date> earliest_date() const {
    if (earliest == no_day) return std::nullopt;
    return Date{date::days{earliest}};
  }
};

static_assert(sizeof(PlanRecord) <= 64, "the per-prospect record is kept for every prospect");

/// A `group` named in the input and who in it could take part in one conversation.
struct PlanGroup {
  std::string name;
  SharedName row_name;          ///< `name`, shared by the rows of a conversation
  std::uint32_t members = 0;    ///< not skipped
  std::uint32_t connected = 0;  ///< not skipped and connected (a `message` row)
  bool conversation = false;    ///< two or more members, all connected
};

/// What the planner learns of one prospect from the prospect alone: its decision and its
/// drafts' findings (the record's group and the row's id come after, in input order).
struct AssessedProspect {
  PlanRecord record;
  PlannedProspect row;
  /// A step-6 candidate's rendered connection note, kept until the allocation decides (only
  /// when the plan keeps drafts).
  std::optional<std::string> candidate_note;
};

struct PlannerState {
  PlannerState(PlanConfig&& plan_config, ThreadPool* thread_pool);

  PlanConfig config;
  /// The rules as the account's plan meets them (its connection note limit, SPEC §11).
  const Rules rules;
  const date::time_zone* zone;  ///< the account's
  Threads threads;              ///< the ledger as of the start, per prospect
  Date until;                   ///< the plan's last day (account zone)
  /// The run's workers, borrowed to assess a batch of prospects (Planner::add of a span);
  /// null: everything on the calling thread.
  ThreadPool* pool;
  /// A draft checker per pool slot (one thread each), made on first use.
  std::vector<std::unique_ptr<DraftChecker>> drafts;
  int connections_matched = 0;   ///< prospects made 1st-degree by --connections
  int start_balance = 0;         ///< credits at the end of the start date (SPEC §2 simulation)
  int pending_refunds = 0;       ///< credits of the ledger's InMails that a reply may still return
  bool credits_known = false;    ///< false without plan_start: no balance, no grants
  int connect_without_note = 0;  ///< connection requests past the month's note budget
  std::vector<std::string> warnings;

  ChunkedStore<PlannedProspect> rows;
  ChunkedStore<PlanRecord> records;
  std::unordered_map<std::string, std::uint32_t> group_ids;
  std::vector<PlanGroup> groups;
  std::vector<AssessedProspect> assessed;  ///< a batch's, between its two steps
  /// Candidates' connection notes by row, until the allocation (only when drafts are kept).
  std::unordered_map<std::uint32_t, std::string> candidate_notes;
  /// The fields the templates name, and whether any prospect carried each (unknown-field).
  std::vector<std::pair<std::string, bool>> template_fields;
  std::vector<std::string> list_fields;  ///< field names the reader saw, for "did you mean"
};

}  // namespace outreach
