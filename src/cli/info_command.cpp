// `outreach rules`, `outreach plans` and `outreach explain [ID]`: what the rules data says.
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
  ctx.choices.one_of(
      sub->add_option("--format", *format, "Output format (default text)")->type_name("FORMAT"),
      "format", {"text", "json"});
  sub->callback([&ctx, format] {
    write_plans(ctx.rules(), *format == "json" ? ReportFormat::json : ReportFormat::text, ctx.out);
  });
}

void setup_explain(CLI::App& app, Context& ctx) {
  auto* sub = app.add_subcommand(
      "explain",
      "Explain a lint rule, a plan finding or a plan reason: what it means, why, and how it "
      "decides (without an id: list them all)");
  auto id = std::make_shared<std::string>();
  // The completions offer the built-in ids; a --rules file is read only when the command runs.
  ctx.choices.offers(
      sub->add_option("ID", *id, "Rule or code, e.g. long-inmail, missing-field, no-credits"),
      Rules::builtin().explainable_ids());
  sub->callback([&ctx, id] {
    const Rules& rules = ctx.rules();
    if (id->empty()) return write_explainable(rules, ctx.out);
    if (const LintRuleInfo* rule = rules.lint_rule(*id)) return write_explanation(*rule, ctx.out);
    if (const LintRuleInfo* finding = rules.plan_finding(*id))
      return write_explanation(*finding, ctx.out);
    if (const PlanReasonInfo* reason = rules.plan_reason(*id))
      return write_explanation(*reason, ctx.out);
    std::string hint = did_you_mean(*id, rules.explainable_ids());
    if (hint.empty()) hint = " ('outreach explain' lists them all)";
    throw InputError(fmt::format("unknown rule or code '{}'{}", printable(*id), hint));
  });
}

}  // namespace outreach::cli
