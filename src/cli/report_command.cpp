// `outreach report`: the ledger's outcomes, the credits and, with a prospect list, the plan, as
// one self-contained HTML page (SPEC §12).
#include <memory>
#include <sstream>

#include "account_options.hpp"
#include "commands.hpp"
#include "output_file.hpp"
#include "outreach/output.hpp"
#include "outreach/report.hpp"
#include "plan_input.hpp"

namespace outreach::cli {
namespace {

struct ReportOptions {
  std::optional<std::string> account;
  std::optional<std::string> ledger;
  std::optional<std::string> prospects;
  PlanInputOptions input;
  std::string output = "-";
};

void run_report(const ReportOptions& options, Context& ctx) {
  // Where the page goes is checked first: a typo there should not cost a whole plan.
  check_output_path(options.output);
  std::optional<InputFile> input;
  if (options.prospects) input.emplace(*options.prospects);
  LoadedAccount loaded = load_account_options(options.account, options.ledger, ctx);
  if (!loaded.ledger_path && !input)
    throw InputError(
        "report: no ledger file: pass --ledger FILE, or --account FILE with a \"ledger\" key (or "
        "--prospects FILE for a plan alone)");
  const Account account = loaded.account;
  const std::string ledger_path = loaded.ledger_path.value_or("");
  const Date today = today_in(account, ctx);

  std::optional<PlanResult> plan;
  std::vector<LedgerEvent> ledger;
  if (input) {
    // The plan starts now, as `plan` without --start does.
    PlanConfig config = plan_config(std::move(loaded), PlanStart{}, options.input, ctx);
    ledger = config.ledger;
    ThreadPool pool;
    plan = plan_prospects(*input, options.input, std::move(config), ctx, pool);
  } else {
    ledger = read_account_ledger(loaded, ctx);
  }
  ReportInput report_input;
  report_input.account = &account;
  report_input.rules = &ctx.rules();
  report_input.events = &ledger;
  report_input.ledger = ledger_path;
  report_input.as_of = today;
  report_input.plan = plan ? &*plan : nullptr;
  const ReportModel report = build_report(report_input);

  std::ostringstream page;
  write_report_html(report, page);
  write_output_file(options.output, page.str(), ctx);
}

}  // namespace

void setup_report(CLI::App& app, Context& ctx) {
  auto* sub = app.add_subcommand(
      "report",
      "One self-contained HTML page: credits month by month and ahead, invitations a week, each "
      "channel's funnel, the variants' rates with their intervals, and the plan's sends a day");
  auto options = std::make_shared<ReportOptions>();
  sub->add_option("--account", options->account,
                  "Account file: plan, plan_start, time zone, credits, ledger, templates")
      ->type_name("FILE");
  sub->add_option("--ledger", options->ledger, "Ledger of what was sent (default: the account's)")
      ->type_name("FILE");
  sub->add_option("--prospects", options->prospects,
                  "The prospect list: the plan from now joins the report (its sends a day, its "
                  "invitations and InMail credits)")
      ->type_name("FILE");
  add_plan_input_options(*sub, options->input, ctx);
  sub->add_option("-o,--output", options->output,
                  "Write the page to this file, whole or not at all (default: -, stdout)")
      ->type_name("FILE");
  sub->callback([&ctx, options] { run_report(*options, ctx); });
}

}  // namespace outreach::cli
