#include "plan_input.hpp"

#include <algorithm>
#include <chrono>

#include "outreach/prospect_lists.hpp"
#include "outreach/prospect_reader.hpp"
#include "outreach/template.hpp"
#include "progress.hpp"

namespace outreach::cli {
namespace {

// The template files the account names for a channel, each with its variant's name; a file
// that cannot be read is named by its key in the account ("templates.connect").
std::vector<NamedTemplate> load_templates(const Account& account,
                                          const std::vector<TemplateFile>& files, const char* key) {
  std::vector<NamedTemplate> templates;
  for (const TemplateFile& file : files) {
    const std::string text = naming_account_key(account, std::string("templates.") + key,
                                                [&] { return read_input_file(file.path); });
    templates.push_back({file.name, Template::read(text, file.path)});
  }
  return templates;
}

}  // namespace

void add_plan_input_options(CLI::App& command, PlanInputOptions& options, Context& ctx) {
  command
      .add_option("--until", options.until,
                  "Last day a send may fall on, YYYY-MM-DD in the account's zone (default: the "
                  "start + sequence.horizon_days)")
      ->type_name("DATE");
  ctx.choices.one_of(
      command
          .add_option("--input-format", options.input_format,
                      "Format of the prospects (default: csv or tsv by the file's extension, "
                      "else JSON or NDJSON as the input begins)")
          ->type_name("FORMAT"),
      "format", prospect_format_names());
  command
      .add_option("--connections", options.connections,
                  "LinkedIn's Connections.csv export: the prospects in it are 1st-degree")
      ->type_name("FILE");
  command
      .add_option("--exclude", options.exclude,
                  "A suppression list (ids or profile URLs a line, or a CSV with an id or URL "
                  "column): its prospects are skipped; repeatable")
      ->type_name("FILE")
      ->allow_extra_args(false);
}

PlanConfig plan_config(LoadedAccount loaded, const PlanStart& start,
                       const PlanInputOptions& options, Context& ctx) {
  PlanConfig config;
  config.rules = &ctx.rules();
  if (start.date) {
    config.start = parse_date_option(*start.date, start.option);
  } else {
    // No start date: the plan starts now, and nothing is scheduled in the past (SPEC §10).
    const auto now = date::floor<std::chrono::seconds>(ctx.now());
    config.start_at = now;
    config.start = local_date(now, loaded.account.zone);
  }
  if (options.until) config.until = parse_date_option(*options.until, "--until");
  config.ledger = read_account_ledger(loaded, ctx);
  config.ledger_origin = loaded.ledger_path;
  const TemplatePaths& files = loaded.account.templates;
  config.connect_templates = load_templates(loaded.account, files.connect, "connect");
  config.message_templates = load_templates(loaded.account, files.message, "message");
  config.inmail_templates = load_templates(loaded.account, files.inmail, "inmail");
  config.follow_up_templates = load_templates(loaded.account, files.follow_up, "follow_up");
  config.account = std::move(loaded.account);
  return config;
}

PlanResult plan_prospects(InputFile& input, const PlanInputOptions& options, PlanConfig config,
                          Context& ctx, ThreadPool& pool) {
  const ProspectFormat format = options.input_format ? *parse_prospect_format(*options.input_format)
                                                     : prospect_format_of(input.name());
  const Rules& rules = *config.rules;
  if (options.connections) {
    InputFile connections(*options.connections);
    config.connections = read_connections(connections.stream(), connections.name());
  }
  for (const std::string& path : options.exclude) {
    InputFile list(path);
    std::vector<std::string> keys = read_exclusions(list.stream(), list.name(), rules.csv);
    config.excluded.insert(config.excluded.end(), keys.begin(), keys.end());
  }
  std::sort(config.excluded.begin(), config.excluded.end());
  const FieldSelection kept = fields_used(config);
  Planner planner(std::move(config), &pool);
  Progress progress(ctx);
  std::vector<std::string> field_names;
  read_prospect_batches(
      input.stream(), input.name(), static_cast<std::size_t>(rules.plan.max_reported_problems),
      [&planner, &progress](std::span<Prospect> batch) {
        planner.add(batch);
        progress.read(batch.size());
      },
      kept, &pool, &field_names, format, rules.csv);
  planner.fields_in_list(std::move(field_names));
  progress.planning();
  PlanResult plan = planner.finish();
  progress.clear();
  return plan;
}

}  // namespace outreach::cli
