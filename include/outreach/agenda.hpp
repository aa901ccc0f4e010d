#pragma once
/// What to do on each day (SPEC §10 "The agenda"): the actions the ledger's conversations make
/// due — a first message after an acceptance, a follow-up, an invitation to withdraw — and,
/// given a plan, the plan's sends on those days.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "outreach/calendar.hpp"
#include "outreach/ledger.hpp"
#include "outreach/plan.hpp"
#include "outreach/sequence.hpp"
#include "outreach/shared_name.hpp"

namespace outreach {

enum class AgendaAction : std::uint8_t { connect, message, follow_up, inmail, withdraw };

/// "connect", "message", "follow-up", "inmail", "withdraw".
std::string_view agenda_action_name(AgendaAction action);

/// One thing to do for one prospect.
struct AgendaItem {
  Date date;  ///< the day it is listed on, in the account's zone
  /// When to send it: the plan's send time. None for a withdrawal, and for what the ledger
  /// makes due when no plan was asked for (the ledger knows no prospect's zone or hours).
  std::optional<date::sys_seconds> at;
  const date::time_zone* zone = nullptr;  ///< the prospect's zone `at` is shown in
  AgendaAction action = AgendaAction::message;
  std::string prospect;
  PlanReason reason = PlanReason::free_path;
  std::string step;    ///< "first", "follow-up-N"; empty for a withdrawal
  int followup = 0;    ///< N of follow-up-N
  SharedName variant;  ///< the template variant the plan rendered it from; none without a plan
  Date due;            ///< the day it fell due (its date, unless it is overdue)
  bool overdue = false;
  int cost = 0;      ///< InMail credits
  bool note = true;  ///< connect: the request carries a note
  /// The rendered draft of the send (subject and body); null without a plan, a template or a
  /// send (a withdrawal).
  std::shared_ptr<const RowExtras> draft;
  /// What the plan's check found in the draft: send nothing with an error in it.
  std::vector<PlanFinding> findings;

  bool has_errors() const;
};

/// The days an agenda covers and the rules it reads the ledger by.
struct AgendaConfig {
  Date first_day;  ///< DATE: the ledger counts up to it; what fell due before it is overdue
  int days = 1;    ///< how many days from first_day
  SequenceRules sequence;
  int refund_window_days = 0;
  const date::time_zone* zone = nullptr;  ///< the account's: the days are its calendar days
};

struct Agenda {
  Date first_day;
  Date last_day;
  const date::time_zone* zone = nullptr;        ///< the account's
  std::optional<date::sys_seconds> plan_start;  ///< the plan's start_at, when a plan was run
  std::vector<AgendaItem> items;  ///< by day, then send time (untimed last), due day, prospect

  /// Items whose draft has an error-level finding.
  int items_with_errors() const;
};

/// The agenda of `config`'s days. `plan`, when given, is a plan started on the first day: its
/// timed sends that fall in the days become items (a message or follow-up the ledger made due
/// earlier keeps its due day and is marked overdue), and it decides the messages and
/// follow-ups of the prospects it holds — what it did not schedule in the days is not listed.
/// The ledger alone lists a prospect's next step only: the one after depends on the reply.
Agenda build_agenda(const std::vector<LedgerEvent>& ledger, const AgendaConfig& config,
                    const PlanResult* plan = nullptr);

}  // namespace outreach
