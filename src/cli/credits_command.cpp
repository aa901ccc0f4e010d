// `outreach credits`: the InMail credit balance of an account (SPEC §2), month by month.
#include <memory>
#include <ostream>

#include <fmt/format.h>

#include "account_options.hpp"
#include "commands.hpp"
#include "outreach/credits.hpp"
#include "outreach/output.hpp"

namespace outreach::cli {
namespace {

struct CreditsOptions {
  std::optional<std::string> account;
  std::optional<std::string> ledger;
  std::optional<std::string> as_of;
  std::string format = "text";
};

void run(const CreditsOptions& options, Context& ctx) {
  const std::optional<std::string> account_path = resolve_account_path(options.account, ctx);
  if (!account_path)
    throw InputError(
        "credits: no account file: pass --account FILE with at least \"plan\" and \"plan_start\" "
        "(or set OUTREACH_ACCOUNT, or put a .outreach.json in this folder or a parent)");
  const LoadedAccount loaded = load_account_options(account_path, options.ledger, ctx);
  const Account& account = loaded.account;
  const Date as_of =
      options.as_of ? parse_date_option(*options.as_of, "--as-of") : today_in(account, ctx);
  const std::vector<LedgerEvent> events = read_account_ledger(loaded, ctx);
  const CreditReport report =
      simulate_credits(account, events, as_of, ctx.rules(), loaded.ledger_path.value_or("ledger"));
  const PlanRules& plan = ctx.rules().plan_named(report.plan, account.origin + ": plan");
  const CreditsView view{&plan, &account, !options.as_of, ctx.rules().refund_window_days};
  write_credits_report(report, view,
                       options.format == "json" ? ReportFormat::json : ReportFormat::text, ctx.out);
  if (report.next_grant_date && report.next_grant_forfeits > 0)
    ctx.err << "outreach: warning: forfeits-ahead: "
            << forfeits_ahead_message(report.next_grant_forfeits, *report.next_grant_date) << '\n';
}

}  // namespace

void setup_credits(CLI::App& app, Context& ctx) {
  auto options = std::make_shared<CreditsOptions>();
  auto* sub = app.add_subcommand(
      "credits",
      "Show the InMail credit balance month by month, pending refunds and the next grant");
  sub->add_option("--account", options->account,
                  "Account file (JSON): plan, plan_start, time zone, opening balance, ledger")
      ->type_name("FILE");
  sub->add_option("--ledger", options->ledger,
                  "Ledger file (NDJSON); default: the account's \"ledger\"")
      ->type_name("FILE");
  sub->add_option(
         "--as-of", options->as_of,
         "Balance at the end of this date (YYYY-MM-DD); default: today in the account's time zone")
      ->type_name("DATE");
  ctx.choices.one_of(sub->add_option("--format", options->format, "Output format (default text)")
                         ->type_name("FORMAT"),
                     "format", {"text", "json"});
  sub->callback([options, &ctx] { run(*options, ctx); });
}

}  // namespace outreach::cli
