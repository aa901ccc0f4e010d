// What the rules data says: `outreach plans` and `outreach explain ID`.
#include <algorithm>
#include <ostream>
#include <vector>

#include <fmt/format.h>

#include "output/json_writer.hpp"
#include "outreach/output.hpp"

namespace outreach {

void write_plans(const Rules& rules, ReportFormat format, std::ostream& out) {
  std::string text;
  if (format == ReportFormat::json) {
    detail::JsonWriter json(text);
    json.begin_object().key("plans").begin_array();
    for (const auto& [id, plan] : rules.plans)
      json.begin_object()
          .key("cap")
          .number(plan.cap)
          .key("id")
          .string(id)
          .key("monthly_credits")
          .number(plan.monthly_credits)
          .key("name")
          .string(plan.name)
          .end_object();
    json.end_array().end_object();
    out << text << '\n';
    return;
  }
  std::vector<const PlanRules*> plans;
  for (const auto& [id, plan] : rules.plans) plans.push_back(&plan);
  std::stable_sort(plans.begin(), plans.end(), [](const PlanRules* a, const PlanRules* b) {
    return a->monthly_credits < b->monthly_credits;
  });
  text += fmt::format("{:<22} {:<22} {:>8} {:>5}\n", "PLAN", "NAME", "MONTHLY", "CAP");
  for (const PlanRules* plan : plans)
    text += fmt::format("{:<22} {:<22} {:>8} {:>5}\n", printable(plan->id), printable(plan->name),
                        plan->monthly_credits, plan->cap);
  text += fmt::format(
      "Unused credits roll over up to the cap; a reply within {} days returns the credit.\n",
      rules.refund_window_days);
  out << text;
}

void write_explanation(const LintRuleInfo& rule, std::ostream& out) {
  out << fmt::format("{} ({})\n\n{}\n", rule.id, rule.severity, printable(rule.rationale));
}

}  // namespace outreach
