// `outreach rules`, `outreach plans` and `outreach explain ID`: what the rules data says.
#include <memory>
#include <ostream>

#include <fmt/format.h>

#include "commands.hpp"
#include "outreach/output.hpp"
#include "outreach/suggest.hpp"
#include "outreach/text.hpp"

namespace outreach::cli {

void setup_rules(CLI::App& app, Context& ctx) {
  auto* sub = app.add_subcommand(
      "rules", "Print the rules data in force (limits, plans, phrase lists, priors)");
  sub->callback([&ctx] { ctx.out << ctx.rules().document() << '\n'; });
}

void setup_plans(CLI::App& app, Context& ctx) {
  auto* sub =
      app.add_subcommand("plans", "List the subscription plans with their InMail credits and caps");
  auto format = std::make_shared<std::string>("text");
  sub->add_option("--format", *format, "Output format: text or json")
      ->check(CLI::IsMember({"text", "json"}));
  sub->callback([&ctx, format] {
    write_plans(ctx.rules(), *format == "json" ? ReportFormat::json : ReportFormat::text, ctx.out);
  });
}

void setup_explain(CLI::App& app, Context& ctx) {
  auto* sub =
      app.add_subcommand("explain", "Explain a lint rule: what it checks, why, and how it decides");
  auto id = std::make_shared<std::string>();
  sub->add_option("ID", *id, "Rule id, e.g. long-inmail")->required();
  sub->callback([&ctx, id] {
    const LintRuleInfo* rule = ctx.rules().lint_rule(*id);
    if (rule == nullptr)
      throw InputError(fmt::format("unknown rule '{}'{}", printable(*id),
                                   did_you_mean(*id, Rules::lint_rule_ids())));
    write_explanation(*rule, ctx.out);
  });
}

}  // namespace outreach::cli
