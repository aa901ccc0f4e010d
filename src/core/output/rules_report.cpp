// What the rules data says: `outreach plans`, `outreach explain ID` and `outreach explain`.
#include <algorithm>
#include <ostream>
#include <vector>

#include <fmt/format.h>

#include "output/json_writer.hpp"
#include "output/terminal.hpp"
#include "outreach/output.hpp"

namespace outreach {

using detail::display_width;

void write_plans(const Rules& rules, ReportFormat format, std::ostream& out) {
  std::string text;
  if (format == ReportFormat::json) {
    detail::JsonWriter json(text);
    json.begin_object().key("plans").begin_array();
    for (const auto& [id, plan] : rules.plans) {
      json.begin_object().key("cap").number(plan.cap).key("grant_day");
      if (plan.grant_day == 0)
        json.string("start");
      else
        json.number(plan.grant_day);
      json.key("id")
          .string(id)
          .key("monthly_credits")
          .number(plan.monthly_credits)
          .key("name")
          .string(plan.name)
          .end_object();
    }
    json.end_array().end_object();
    out << text << '\n';
    return;
  }
  std::vector<const PlanRules*> plans;
  for (const auto& [id, plan] : rules.plans) plans.push_back(&plan);
  std::stable_sort(plans.begin(), plans.end(), [](const PlanRules* a, const PlanRules* b) {
    return a->monthly_credits < b->monthly_credits;
  });
  // Columns as wide as their widest cell: a rules file may name plans of any length.
  std::size_t id_width = display_width("PLAN");
  std::size_t name_width = display_width("NAME");
  for (const PlanRules* plan : plans) {
    id_width = std::max(id_width, display_width(printable(plan->id)));
    name_width = std::max(name_width, display_width(printable(plan->name)));
  }
  const auto line = [&](std::string_view id, std::string_view name, std::string_view monthly,
                        std::string_view cap, std::string_view grants) {
    return fmt::format("{}{}  {}{}  {:>7}  {:>5}  {}\n", id,
                       std::string(id_width - display_width(id), ' '), name,
                       std::string(name_width - display_width(name), ' '), monthly, cap, grants);
  };
  text += line("PLAN", "NAME", "MONTHLY", "CAP", "GRANTS ON");
  for (const PlanRules* plan : plans)
    text += line(printable(plan->id), printable(plan->name),
                 fmt::format("{}", plan->monthly_credits), fmt::format("{}", plan->cap),
                 plan->grant_day == 0 ? std::string("the start day")
                                      : fmt::format("day {}", plan->grant_day));
  text += fmt::format(
      "Unused credits roll over up to the cap; a reply{} within {} days returns the credit.\n",
      rules.declined_inmail_refunded ? " or a decline" : "", rules.refund_window_days);
  out << text;
}

void write_explanation(const LintRuleInfo& rule, std::ostream& out) {
  out << fmt::format("{} ({})\n\n{}\n", printable(rule.id), rule.severity,
                     printable(rule.rationale));
}

void write_explanation(const PlanReasonInfo& reason, std::ostream& out) {
  out << fmt::format("{} (plan reason)\n\n{}\n", printable(reason.id), printable(reason.rationale));
}

void write_explainable(const Rules& rules, std::ostream& out) {
  std::size_t width = 0;
  for (const std::string& id : rules.explainable_ids())
    width = std::max(width, display_width(printable(id)));
  const auto entry = [width](std::string_view id, std::string_view note) {
    const std::string shown = printable(id);
    if (note.empty()) return fmt::format("  {}\n", shown);
    return fmt::format("  {}{}  {}\n", shown, std::string(width - display_width(shown), ' '), note);
  };
  std::string text = "Lint rules (outreach check, and every draft a plan renders):\n";
  for (const LintRuleInfo& rule : rules.lint.rules) text += entry(rule.id, rule.severity);
  text += "\nPlan findings (outreach plan):\n";
  for (const LintRuleInfo& finding : rules.plan_findings)
    text += entry(finding.id, finding.severity);
  text += "\nPlan reasons (the REASON of each row of outreach plan):\n";
  for (const PlanReasonInfo& reason : rules.plan_reasons) text += entry(reason.id, "");
  text += "\n'outreach explain ID' says why one exists and how it decides.\n";
  out << text;
}

}  // namespace outreach
