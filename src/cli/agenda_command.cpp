// `outreach agenda`: what to do on each day — the ledger's due steps and, with a prospect list,
// the plan's sends on those days (SPEC §10 "The agenda").
#include <charconv>
#include <memory>
#include <ostream>

#include <fmt/format.h>

#include "account_options.hpp"
#include "commands.hpp"
#include "outreach/agenda.hpp"
#include "outreach/limits.hpp"
#include "outreach/output.hpp"
#include "outreach/text.hpp"
#include "plan_input.hpp"

namespace outreach::cli {
namespace {

struct AgendaOptions {
  std::optional<std::string> account;
  std::optional<std::string> ledger;
  std::optional<std::string> prospects;
  std::optional<std::string> date;
  std::string days = "1";
  PlanInputOptions input;
  std::optional<std::string> format;
};

int parse_days(const std::string& text) {
  int days = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), days);
  if (error != std::errc() || end != text.data() + text.size() || days < 1 ||
      days > max_agenda_days)
    throw InputError(fmt::format("--days: expected a number of days from 1 to {}, got {}",
                                 max_agenda_days, quoted_printable(text)));
  return days;
}

void run_agenda(const AgendaOptions& options, Context& ctx) {
  const AgendaFormat format = options.format           ? *parse_agenda_format(*options.format)
                              : ctx.stdout_is_terminal ? AgendaFormat::table
                                                       : AgendaFormat::tsv;
  const int days = parse_days(options.days);
  // The prospects are streamed: opened first, so that a missing file is the first error.
  std::optional<InputFile> input;
  if (options.prospects) input.emplace(*options.prospects);
  LoadedAccount loaded = load_account_options(options.account, options.ledger, ctx);

  AgendaConfig agenda_config;
  agenda_config.days = days;
  agenda_config.sequence = loaded.account.sequence;
  agenda_config.refund_window_days = ctx.rules().refund_window_days;
  agenda_config.zone = loaded.account.zone;
  agenda_config.first_day =
      options.date ? parse_date_option(*options.date, "--date") : today_in(loaded.account, ctx);

  std::optional<PlanResult> plan;
  std::vector<LedgerEvent> ledger;
  if (input) {
    // The plan starts on the agenda's first day: at its midnight for --date, else now.
    PlanConfig config =
        plan_config(std::move(loaded), PlanStart{options.date, "--date"}, options.input, ctx);
    config.keep_drafts = true;
    ledger = config.ledger;
    ThreadPool pool;
    plan = plan_prospects(*input, std::move(config), ctx, pool);
  } else {
    ledger = read_account_ledger(loaded, ctx);
  }
  const Agenda agenda = build_agenda(ledger, agenda_config, plan ? &*plan : nullptr);

  write_agenda(agenda, format, ctx.out, format == AgendaFormat::table && ctx.colorize_stdout());
  ctx.out.flush();
  if (format != AgendaFormat::table && format != AgendaFormat::json)
    write_agenda_summary(agenda, ctx.err);
  if (agenda.items_with_errors() > 0) ctx.status = ExitStatus::findings;
}

}  // namespace

void setup_agenda(CLI::App& app, Context& ctx) {
  auto* sub = app.add_subcommand(
      "agenda",
      "What to do today: the invitations, messages, follow-ups and InMails due, and "
      "the invitations to withdraw");
  auto options = std::make_shared<AgendaOptions>();
  sub->add_option("--account", options->account,
                  "Account file: plan, time zone, credits, ledger, templates (default: plan free)")
      ->type_name("FILE");
  sub->add_option("--ledger", options->ledger, "Ledger of what was sent (default: the account's)")
      ->type_name("FILE");
  sub->add_option("--prospects", options->prospects,
                  "The prospect list: the plan's sends on these days join the agenda, with "
                  "their times and drafts")
      ->type_name("FILE");
  sub->add_option("--date", options->date,
                  "First day, YYYY-MM-DD in the account's zone (default: today)")
      ->type_name("DATE");
  sub->add_option("--days", options->days, "How many days from the first (default: 1)")
      ->type_name("N");
  add_plan_input_options(*sub, options->input);
  ctx.choices.one_of(
      sub->add_option("--format", options->format,
                      "Output format (default: table on a terminal, else tsv; ics: a calendar of "
                      "the timed sends)")
          ->type_name("FORMAT"),
      "format", agenda_format_names());
  sub->callback([&ctx, options] { run_agenda(*options, ctx); });
}

}  // namespace outreach::cli
