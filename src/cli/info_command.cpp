// `outreach rules`, `outreach plans` and `outreach explain [ID]`: what the rules data says.
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "commands.hpp"
#include "outreach/output.hpp"
#include "outreach/suggest.hpp"
#include "outreach/text.hpp"

namespace outreach::cli {

void setup_rules(CLI::App& app, Context& ctx) {
  auto* sub = app.add_subcommand(
      "rules",
      "Print the rules data in force (limits, plans, phrase lists, priors), or with --diff where "
      "two profiles or files differ");
  auto diff = std::make_shared<std::vector<std::string>>();
  auto format = std::make_shared<std::string>("text");
  sub->add_option("--diff", *diff,
                  "Show the values where two sets of rules differ, each a built-in profile "
                  "(article, linkedin-help) or a file, with their notes")
      ->type_name("A B")
      ->expected(2);
  ctx.choices.one_of(
      sub->add_option("--format", *format, "Format of --diff (default text)")->type_name("FORMAT"),
      "format", {"text", "json"});
  sub->callback([&ctx, diff, format] {
    if (diff->empty()) {
      if (*format != "text")
        throw InputError("rules --format: only --diff has formats (the rules print as JSON)");
      ctx.out << ctx.rules().document() << '\n';
      return;
    }
    const Rules a = Context::load_rules((*diff)[0], "rules --diff");
    const Rules b = Context::load_rules((*diff)[1], "rules --diff");
    write_rules_diff(diff_rules(a, (*diff)[0], b, (*diff)[1]),
                     *format == "json" ? ReportFormat::json : ReportFormat::text, ctx.out);
  });
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
