// The agenda (SPEC §10): the ledger's due steps and a plan's sends, laid out on the days asked.
#include "outreach/agenda.hpp"

#include <algorithm>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "agenda/due.hpp"

namespace outreach {
namespace {

// What a timed plan row asks the user to do; none for what is not sent at a time of day.
std::optional<AgendaAction> action_of(const PlannedProspect& row) {
  switch (row.channel) {
    case PlanChannel::connect:
      return AgendaAction::connect;
    case PlanChannel::inmail:
      return AgendaAction::inmail;
    case PlanChannel::message:
      return row.followup > 0 ? AgendaAction::follow_up : AgendaAction::message;
    case PlanChannel::message_ad:  // a campaign in Campaign Manager, not a send of the user's
    case PlanChannel::skip:
      return std::nullopt;
  }
  return std::nullopt;
}

AgendaItem item_of(const PlannedProspect& row, AgendaAction action, Date day) {
  AgendaItem item;
  item.date = day;
  item.at = row.send_at;
  item.zone = row.zone;
  item.action = action;
  item.prospect = row.id;
  item.reason = row.reason;
  item.step = row.step();
  item.followup = row.followup;
  item.variant = row.variant;
  item.due = day;
  item.cost = row.cost;
  item.note = row.note;
  if (row.extras && row.extras->body) item.draft = row.extras;
  item.findings = row.findings;
  return item;
}

AgendaItem item_of(const DueStep& step, Date first_day) {
  AgendaItem item;
  item.date = std::max(step.due, first_day);
  item.action = step.action;
  item.prospect = step.prospect;
  item.reason = step.reason;
  if (step.action == AgendaAction::message) item.step = "first";
  if (step.action == AgendaAction::follow_up)
    item.step = "follow-up-" + std::to_string(step.followup);
  item.followup = step.followup;
  item.due = step.due;
  item.overdue = step.due < first_day;
  return item;
}

bool listed_before(const AgendaItem& a, const AgendaItem& b) {
  // Untimed items after the timed ones of their day, the oldest due first.
  const auto key = [](const AgendaItem& item) {
    return std::make_tuple(item.date, !item.at.has_value(), item.at.value_or(date::sys_seconds{}),
                           item.due, item.action, std::string_view(item.prospect));
  };
  return key(a) < key(b);
}

}  // namespace

std::string_view agenda_action_name(AgendaAction action) {
  switch (action) {
    case AgendaAction::connect:
      return "connect";
    case AgendaAction::message:
      return "message";
    case AgendaAction::follow_up:
      return "follow-up";
    case AgendaAction::inmail:
      return "inmail";
    case AgendaAction::withdraw:
      return "withdraw";
  }
  return "message";
}

bool AgendaItem::has_errors() const {
  return std::any_of(findings.begin(), findings.end(),
                     [](const PlanFinding& finding) { return finding.severity == "error"; });
}

int Agenda::items_with_errors() const {
  return static_cast<int>(std::count_if(items.begin(), items.end(),
                                        [](const AgendaItem& item) { return item.has_errors(); }));
}

Agenda build_agenda(const std::vector<LedgerEvent>& ledger, const AgendaConfig& config,
                    const PlanResult* plan) {
  Agenda agenda;
  agenda.first_day = config.first_day;
  agenda.last_day = config.first_day + date::days{std::max(config.days, 1) - 1};
  agenda.zone = config.zone;
  if (plan) agenda.plan_start = plan->summary.start_at;

  const Threads threads(ledger, config.first_day, config.sequence.recontact_after_days);
  const std::vector<DueStep> steps =
      due_steps(threads, config.first_day, config.sequence, config.refund_window_days);
  std::unordered_map<std::string_view, const DueStep*> due_of;
  for (const DueStep& step : steps) due_of.emplace(step.prospect, &step);

  std::unordered_set<std::string_view> planned;
  if (plan) {
    for (const PlannedProspect& row : plan->prospects) {
      planned.insert(row.id);
      const std::optional<AgendaAction> action = action_of(row);
      if (!action || !row.send_at) continue;
      const Date day = local_date(*row.send_at, config.zone);
      if (day < agenda.first_day || day > agenda.last_day) continue;
      AgendaItem item = item_of(row, *action, day);
      // A message the ledger made due earlier keeps its due day: late is late.
      const auto due = due_of.find(row.id);
      if (due != due_of.end() && due->second->action == *action && due->second->due < day) {
        item.due = due->second->due;
        item.overdue = item.due < agenda.first_day;
      }
      agenda.items.push_back(std::move(item));
    }
  }
  for (const DueStep& step : steps) {
    // The plan decides the messages of the prospects it holds (it knows their zone, their
    // hours and the day's limits); an invitation to withdraw is the ledger's alone.
    if (step.action != AgendaAction::withdraw && planned.contains(step.prospect)) continue;
    AgendaItem item = item_of(step, agenda.first_day);
    if (item.date > agenda.last_day) continue;
    agenda.items.push_back(std::move(item));
  }
  std::sort(agenda.items.begin(), agenda.items.end(), listed_before);
  return agenda;
}

}  // namespace outreach
