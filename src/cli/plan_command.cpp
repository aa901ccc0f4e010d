// `outreach plan PROSPECTS`: recommend, allocate and schedule a whole campaign (SPEC §4, §7).
#include <algorithm>
#include <memory>
#include <ostream>

#include <fmt/format.h>

#include "account_options.hpp"
#include "commands.hpp"
#include "outreach/io.hpp"
#include "outreach/output.hpp"
#include "outreach/plan.hpp"
#include "outreach/text.hpp"
#include "outreach/thread_pool.hpp"
#include "plan_input.hpp"

namespace outreach::cli {
namespace {

struct PlanOptions {
  std::string prospects;
  std::optional<std::string> account;
  std::optional<std::string> ledger;
  std::optional<std::string> start;
  PlanInputOptions input;
  std::optional<std::string> format;
  std::vector<std::string> with;
  std::optional<std::string> drafts;
};

// --with first_name,company: each a field name as templates name them, once.
std::vector<std::string> with_fields(const std::vector<std::string>& asked) {
  std::vector<std::string> fields;
  for (const std::string& name : asked) {
    if (name.empty() || name.size() > 64 || !std::all_of(name.begin(), name.end(), [](char c) {
          return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                 c == '_' || c == '-' || c == '.';
        }))
      throw InputError(
          fmt::format("--with: expected field names such as first_name,company, got {}",
                      quoted_printable(name)));
    if (std::find(fields.begin(), fields.end(), name) == fields.end()) fields.push_back(name);
  }
  return fields;
}

void run_plan(const PlanOptions& options, Context& ctx) {
  const PlanFormat format = options.format           ? *parse_plan_format(*options.format)
                            : ctx.stdout_is_terminal ? PlanFormat::table
                                                     : PlanFormat::tsv;
  // The prospects are streamed, never read whole: opened first, so that a missing file is
  // reported before anything else is read.
  InputFile input(options.prospects);
  LoadedAccount loaded = load_account_options(options.account, options.ledger, ctx);
  PlanConfig config =
      plan_config(std::move(loaded), PlanStart{options.start, "--start"}, options.input, ctx);
  config.with_fields = with_fields(options.with);
  config.keep_drafts = options.drafts || format == PlanFormat::json ||
                       format == PlanFormat::ndjson || format == PlanFormat::ics;

  // The run's one set of workers: the reader parses on them, the planner checks drafts on
  // them, the writer formats rows on them.
  ThreadPool pool;
  const PlanResult plan = plan_prospects(input, std::move(config), ctx, pool);

  // Every input was valid: the drafts folder first (a write there may still fail), then stdout.
  if (options.drafts) write_draft_files(plan, *options.drafts);
  write_plan(plan, format, ctx.out, format == PlanFormat::table && ctx.colorize_stdout(), &pool,
             ctx.stdout_columns());
  ctx.out.flush();
  if (format != PlanFormat::json) write_plan_summary(plan.summary, ctx.err);
  if (plan.summary.prospects_with_errors > 0) ctx.status = ExitStatus::findings;
}

}  // namespace

void setup_plan(CLI::App& app, Context& ctx) {
  auto* sub = app.add_subcommand(
      "plan", "Plan a campaign: a channel, a reason, a cost and a send time for every prospect");
  auto options = std::make_shared<PlanOptions>();
  sub->add_option("PROSPECTS", options->prospects,
                  "A JSON array of prospects, or NDJSON (one object per line); - reads stdin")
      ->required()
      ->type_name("FILE");
  sub->add_option("--account", options->account,
                  "Account file: plan, time zone, credits, ledger, templates (default: plan free)")
      ->type_name("FILE");
  sub->add_option("--ledger", options->ledger, "Ledger of what was sent (default: the account's)")
      ->type_name("FILE");
  sub->add_option("--start", options->start,
                  "First day of the campaign, YYYY-MM-DD in the account's zone (default: now)")
      ->type_name("DATE");
  add_plan_input_options(*sub, options->input);
  sub->add_option("--with", options->with,
                  "Input fields every row carries too (TSV/CSV columns, \"fields\" in JSON), "
                  "e.g. first_name,company")
      ->type_name("FIELDS")
      ->delimiter(',')
      ->allow_extra_args(false);
  sub->add_option("--drafts", options->drafts,
                  "Write each prospect's rendered draft to DIR/<id>.txt, for outreach check")
      ->type_name("DIR");
  ctx.choices.one_of(
      sub->add_option(
             "--format", options->format,
             "Output format (default: table on a terminal, else tsv; ics: a calendar of the sends)")
          ->type_name("FORMAT"),
      "format", plan_format_names());
  sub->callback([&ctx, options] { run_plan(*options, ctx); });
}

}  // namespace outreach::cli
