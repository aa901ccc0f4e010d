// `outreach rules`, `outreach plans` and `outreach explain ID`: what the rules data says.
#include <algorithm>
#include <ostream>
#include <vector>

#include <fmt/format.h>

#include "command.hpp"
#include "outreach/suggest.hpp"

namespace outreach::cli {
namespace {

void setup_rules(CLI::App& app, Context& ctx) {
  auto* sub = app.add_subcommand(
      "rules", "Print the rules data in force (limits, plans, phrase lists, priors)");
  sub->callback([&ctx] {
    // dump() with the default strict handler throws on invalid UTF-8; what is dumped here was
    // validated, and the replace handler keeps it so if that ever changes.
    ctx.out << ctx.rules().source.dump(2, ' ', false, nlohmann::json::error_handler_t::replace)
            << '\n';
  });
}

void setup_plans(CLI::App& app, Context& ctx) {
  auto* sub =
      app.add_subcommand("plans", "List the subscription plans with their InMail credits and caps");
  auto format = std::make_shared<std::string>("text");
  sub->add_option("--format", *format, "Output format: text or json")
      ->check(CLI::IsMember({"text", "json"}));
  sub->callback([&ctx, format] {
    const Rules& rules = ctx.rules();
    if (*format == "json") {
      auto list = nlohmann::json::array();
      for (const auto& [id, plan] : rules.plans)
        list.push_back({{"id", id},
                        {"name", plan.name},
                        {"monthly_credits", plan.monthly_credits},
                        {"cap", plan.cap}});
      ctx.out << nlohmann::json{{"plans", list}}.dump(-1, ' ', false,
                                                      nlohmann::json::error_handler_t::replace)
              << '\n';
      return;
    }
    std::vector<const PlanRules*> plans;
    for (const auto& [id, plan] : rules.plans) plans.push_back(&plan);
    std::stable_sort(plans.begin(), plans.end(), [](const PlanRules* a, const PlanRules* b) {
      return a->monthly_credits < b->monthly_credits;
    });
    ctx.out << fmt::format("{:<22} {:<22} {:>8} {:>5}\n", "PLAN", "NAME", "MONTHLY", "CAP");
    for (const PlanRules* plan : plans)
      ctx.out << fmt::format("{:<22} {:<22} {:>8} {:>5}\n", plan->id, plan->name,
                             plan->monthly_credits, plan->cap);
    ctx.out << fmt::format(
        "Unused credits roll over up to the cap; a reply within {} days returns the credit.\n",
        rules.refund_window_days);
  });
}

void setup_explain(CLI::App& app, Context& ctx) {
  auto* sub =
      app.add_subcommand("explain", "Explain a lint rule: what it checks, why, and how it decides");
  auto id = std::make_shared<std::string>();
  sub->add_option("ID", *id, "Rule id, e.g. long-inmail")->required();
  sub->callback([&ctx, id] {
    const Rules& rules = ctx.rules();
    const LintRuleInfo* rule = rules.lint_rule(*id);
    if (rule == nullptr)
      throw InputError(
          fmt::format("unknown rule '{}'{}", *id, did_you_mean(*id, Rules::lint_rule_ids())));
    ctx.out << fmt::format("{} ({})\n\n{}\n", rule->id, rule->severity, rule->rationale);
  });
}

[[maybe_unused]] const bool registered = register_command(50, setup_rules) &&
                                         register_command(51, setup_plans) &&
                                         register_command(52, setup_explain);

}  // namespace
}  // namespace outreach::cli
