// `outreach plan PROSPECTS`: recommend, allocate and schedule a whole campaign (SPEC §4, §7).
#include <memory>
#include <ostream>

#include "account_options.hpp"
#include "commands.hpp"
#include "outreach/io.hpp"
#include "outreach/output.hpp"
#include "outreach/plan.hpp"
#include "outreach/prospect_reader.hpp"
#include "outreach/template.hpp"
#include "outreach/thread_pool.hpp"
#include "progress.hpp"

namespace outreach::cli {
namespace {

struct PlanOptions {
  std::string prospects;
  std::optional<std::string> account;
  std::optional<std::string> ledger;
  std::optional<std::string> start;
  std::optional<std::string> format;
};

// A template file of the account, if it names one; a file that cannot be read is named by
// its key in the account ("templates.connect").
std::optional<Template> load_template(const Account& account,
                                      const std::optional<std::string>& path, const char* key) {
  if (!path) return std::nullopt;
  const std::string text = naming_account_key(account, std::string("templates.") + key,
                                              [&] { return read_input_file(*path); });
  return Template::read(text, *path);
}

void run_plan(const PlanOptions& options, Context& ctx) {
  const Rules& rules = ctx.rules();
  const PlanFormat format = options.format           ? *parse_plan_format(*options.format)
                            : ctx.stdout_is_terminal ? PlanFormat::table
                                                     : PlanFormat::tsv;
  // The prospects are streamed, never read whole: opened first, so that a missing file is
  // reported before anything else is read.
  InputFile input(options.prospects);
  LoadedAccount loaded = load_account_options(options.account, options.ledger, ctx);

  PlanConfig config;
  config.rules = &rules;
  config.start =
      options.start ? parse_date_option(*options.start, "--start") : today_in(loaded.account, ctx);
  config.ledger = read_account_ledger(loaded, ctx);
  config.ledger_origin = loaded.ledger_path;
  config.connect_template =
      load_template(loaded.account, loaded.account.templates.connect, "connect");
  config.message_template =
      load_template(loaded.account, loaded.account.templates.message, "message");
  config.inmail_template = load_template(loaded.account, loaded.account.templates.inmail, "inmail");
  config.account = std::move(loaded.account);
  const FieldSelection kept = fields_used(config);

  // The run's one set of workers: the reader parses on them, the planner checks drafts on
  // them, the writer formats rows on them.
  ThreadPool pool;
  Planner planner(std::move(config), &pool);
  Progress progress(ctx);
  read_prospect_batches(
      input.stream(), input.name(), static_cast<std::size_t>(rules.plan.max_reported_problems),
      [&planner, &progress](std::span<Prospect> batch) {
        planner.add(batch);
        progress.read(batch.size());
      },
      kept, &pool);
  progress.planning();
  const PlanResult plan = planner.finish();
  progress.clear();

  // Every input was valid: from here on nothing can fail, and the output may start.
  write_plan(plan, format, ctx.out, format == PlanFormat::table && ctx.colorize_stdout(), &pool);
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
      ->required();
  sub->add_option("--account", options->account,
                  "Account file: plan, time zone, credits, ledger, templates (default: plan free)")
      ->type_name("FILE");
  sub->add_option("--ledger", options->ledger, "Ledger of what was sent (default: the account's)")
      ->type_name("FILE");
  sub->add_option("--start", options->start,
                  "First day of the campaign, YYYY-MM-DD in the account's zone (default: today)")
      ->type_name("DATE");
  sub->add_option("--format", options->format,
                  "table (default on a terminal), tsv (default otherwise), csv, json or ndjson")
      ->check(CLI::IsMember({"table", "tsv", "csv", "json", "ndjson"}));
  sub->callback([&ctx, options] { run_plan(*options, ctx); });
}

}  // namespace outreach::cli
