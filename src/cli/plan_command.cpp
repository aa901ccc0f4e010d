// `outreach plan PROSPECTS`: recommend, allocate and schedule a whole campaign (SPEC §4, §7).
#include <algorithm>
#include <chrono>
#include <memory>
#include <ostream>

#include <fmt/format.h>

#include "account_options.hpp"
#include "commands.hpp"
#include "outreach/io.hpp"
#include "outreach/output.hpp"
#include "outreach/plan.hpp"
#include "outreach/prospect_reader.hpp"
#include "outreach/template.hpp"
#include "outreach/text.hpp"
#include "outreach/thread_pool.hpp"
#include "progress.hpp"

namespace outreach::cli {
namespace {

struct PlanOptions {
  std::string prospects;
  std::optional<std::string> account;
  std::optional<std::string> ledger;
  std::optional<std::string> start;
  std::optional<std::string> until;
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
  if (options.start) {
    config.start = parse_date_option(*options.start, "--start");
  } else {
    // No --start: the plan starts now, and nothing is scheduled in the past (SPEC §10).
    const auto now = date::floor<std::chrono::seconds>(ctx.now());
    config.start_at = now;
    config.start = local_date(now, loaded.account.zone);
  }
  if (options.until) config.until = parse_date_option(*options.until, "--until");
  config.ledger = read_account_ledger(loaded, ctx);
  config.ledger_origin = loaded.ledger_path;
  config.connect_template =
      load_template(loaded.account, loaded.account.templates.connect, "connect");
  config.message_template =
      load_template(loaded.account, loaded.account.templates.message, "message");
  config.inmail_template = load_template(loaded.account, loaded.account.templates.inmail, "inmail");
  config.follow_up_template =
      load_template(loaded.account, loaded.account.templates.follow_up, "follow_up");
  config.account = std::move(loaded.account);
  config.with_fields = with_fields(options.with);
  config.keep_drafts = options.drafts || format == PlanFormat::json || format == PlanFormat::ndjson;
  const FieldSelection kept = fields_used(config);

  // The run's one set of workers: the reader parses on them, the planner checks drafts on
  // them, the writer formats rows on them.
  ThreadPool pool;
  Planner planner(std::move(config), &pool);
  Progress progress(ctx);
  std::vector<std::string> field_names;
  read_prospect_batches(
      input.stream(), input.name(), static_cast<std::size_t>(rules.plan.max_reported_problems),
      [&planner, &progress](std::span<Prospect> batch) {
        planner.add(batch);
        progress.read(batch.size());
      },
      kept, &pool, &field_names);
  planner.fields_in_list(std::move(field_names));
  progress.planning();
  const PlanResult plan = planner.finish();
  progress.clear();

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
  sub->add_option("--until", options->until,
                  "Last day a send may fall on, YYYY-MM-DD in the account's zone (default: the "
                  "start + sequence.horizon_days)")
      ->type_name("DATE");
  sub->add_option("--with", options->with,
                  "Input fields every row carries too (TSV/CSV columns, \"fields\" in JSON), "
                  "e.g. first_name,company")
      ->type_name("FIELDS")
      ->delimiter(',')
      ->allow_extra_args(false);
  sub->add_option("--drafts", options->drafts,
                  "Write each prospect's rendered draft to DIR/<id>.txt, for outreach check")
      ->type_name("DIR");
  ctx.choices.one_of(sub->add_option("--format", options->format,
                                     "Output format (default: table on a terminal, else tsv)")
                         ->type_name("FORMAT"),
                     "format", plan_format_names());
  sub->callback([&ctx, options] { run_plan(*options, ctx); });
}

}  // namespace outreach::cli
