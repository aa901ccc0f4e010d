// `outreach stats`: what came back to the ledger's sends (SPEC §12), by channel, template
// variant, week or reason.
#include <memory>
#include <ostream>

#include <fmt/format.h>

#include "account_options.hpp"
#include "commands.hpp"
#include "outreach/output.hpp"
#include "outreach/stats.hpp"

namespace outreach::cli {
namespace {

struct StatsOptions {
  std::optional<std::string> account;
  std::optional<std::string> ledger;
  std::optional<std::string> from;
  std::optional<std::string> to;
  std::string by = "channel";
  std::string format = "text";
};

void run(const StatsOptions& options, Context& ctx) {
  const LoadedAccount loaded = load_account_options(options.account, options.ledger, ctx);
  if (!loaded.ledger_path)
    throw InputError(
        "stats: no ledger file: pass --ledger FILE, or --account FILE with a \"ledger\" key");
  StatsWindow window;
  if (options.from) window.from = parse_date_option(*options.from, "--from");
  if (options.to) window.to = parse_date_option(*options.to, "--to");
  if (window.from && window.to && *window.to < *window.from)
    throw InputError(fmt::format("--to: {} is before --from, {}", format_date(*window.to),
                                 format_date(*window.from)));
  const std::vector<LedgerEvent> events = read_account_ledger(loaded, ctx);
  // --by's choices were checked when the command line was read.
  const StatsGrouping grouping = parse_stats_grouping(options.by).value_or(StatsGrouping::channel);
  const OutcomeStats stats = outcome_stats(events, grouping, window, ctx.rules());
  write_stats_report(stats, *loaded.ledger_path,
                     options.format == "json" ? ReportFormat::json : ReportFormat::text, ctx.out);
}

}  // namespace

void setup_stats(CLI::App& app, Context& ctx) {
  auto options = std::make_shared<StatsOptions>();
  auto* sub = app.add_subcommand(
      "stats",
      "What came back to the ledger's sends: acceptance and reply rates with their intervals, by "
      "channel, template variant, week or reason");
  sub->add_option("--account", options->account,
                  "Account file: its \"ledger\", and its time zone for dates")
      ->type_name("FILE");
  sub->add_option("--ledger", options->ledger,
                  "Ledger file (NDJSON); default: the account's \"ledger\"")
      ->type_name("FILE");
  sub->add_option("--from", options->from,
                  "Count the sends from this date (YYYY-MM-DD), with whatever came back to them")
      ->type_name("DATE");
  sub->add_option("--to", options->to, "Count the sends up to this date (YYYY-MM-DD)")
      ->type_name("DATE");
  ctx.choices.one_of(sub->add_option("--by", options->by, "Group the sends by (default channel)")
                         ->type_name("GROUPING"),
                     "grouping", stats_grouping_names());
  ctx.choices.one_of(sub->add_option("--format", options->format, "Output format (default text)")
                         ->type_name("FORMAT"),
                     "format", {"text", "json"});
  sub->callback([options, &ctx] { run(*options, ctx); });
}

}  // namespace outreach::cli
