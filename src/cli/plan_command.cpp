// `outreach plan PROSPECTS`: recommend, allocate and schedule a whole campaign (SPEC §4, §7).
#include <sys/stat.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <memory>
#include <ostream>

#include <fmt/format.h>

#include "account_options.hpp"
#include "command.hpp"
#include "outreach/json_input.hpp"
#include "outreach/plan.hpp"
#include "outreach/plan_output.hpp"
#include "outreach/template.hpp"

namespace outreach::cli {
namespace {

struct PlanOptions {
  std::string prospects;
  std::optional<std::string> account;
  std::optional<std::string> ledger;
  std::optional<std::string> start;
  std::optional<std::string> format;
};

// A template file of the account; a syntax error is bad input naming the file and position.
std::optional<Template> load_template(const std::optional<std::string>& path) {
  if (!path) return std::nullopt;
  const std::string text = read_input_file(*path);
  auto parsed = Template::parse(text);
  if (auto* error = std::get_if<Template::SyntaxError>(&parsed)) {
    const auto [line, column] = line_and_column(text, error->offset);
    throw InputError(
        fmt::format("{}:{}:{}: template-syntax: {}", *path, line, column, error->message));
  }
  return std::get<Template>(std::move(parsed));
}

// The prospects are streamed, never read whole: a file (with the errors read_input_file gives
// for a missing file or a directory) or stdin.
class ProspectsInput {
 public:
  explicit ProspectsInput(const std::string& path) {
    if (path == "-") return;
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0)
      throw InputError(fmt::format("{}: cannot open: {}", path, std::strerror(errno)));
    if (S_ISDIR(info.st_mode))
      throw InputError(fmt::format("{}: is a directory, not a file", path));
    file_.open(path, std::ios::binary);
    if (!file_) throw InputError(fmt::format("{}: cannot open: {}", path, std::strerror(errno)));
  }
  std::istream& stream() { return file_.is_open() ? static_cast<std::istream&>(file_) : std::cin; }

 private:
  std::ifstream file_;
};

// Progress on a terminal for a long plan (issue 5): a line on stderr that counts the prospects
// read, shown once the run has taken a few seconds and erased before the output starts. It
// only measures elapsed time to decide whether to show itself (a steady clock, never a date),
// so the output stays the same bytes for the same input.
// Never on stdout, never when stderr is not a terminal. OUTREACH_PROGRESS_AFTER (seconds,
// default 2) lets the tests show it on a short run.
class Progress {
 public:
  explicit Progress(const Context& ctx)
      : err_(ctx.err), enabled_(ctx.stderr_is_terminal), delay_(delay_from_environment()) {}
  ~Progress() { clear(); }
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  void read(std::size_t prospects) {
    const std::size_t before = count_;
    count_ += prospects;
    if (!enabled_ || before / report_every == count_ / report_every) return;
    if (!shown_ && std::chrono::steady_clock::now() - started_ < delay_) return;
    shown_ = true;
    err_ << fmt::format("\routreach: reading prospects: {}", count_) << std::flush;
  }
  void planning() {
    if (shown_)
      err_ << fmt::format("\routreach: planning {} prospects\x1b[K", count_) << std::flush;
  }
  void clear() {
    if (shown_) err_ << "\r\x1b[K" << std::flush;
    shown_ = false;
  }

 private:
  static std::chrono::seconds delay_from_environment() {
    const char* text = std::getenv("OUTREACH_PROGRESS_AFTER");
    if (text == nullptr || *text < '0' || *text > '9') return std::chrono::seconds(2);
    return std::chrono::seconds(std::strtol(text, nullptr, 10));
  }

  static constexpr std::size_t report_every = 16384;
  std::ostream& err_;
  bool enabled_;
  std::chrono::seconds delay_;
  bool shown_ = false;
  std::size_t count_ = 0;
  std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
};

void run_plan(const PlanOptions& options, Context& ctx) {
  const Rules& rules = ctx.rules();
  const PlanFormat format = options.format           ? *parse_plan_format(*options.format)
                            : ctx.stdout_is_terminal ? PlanFormat::table
                                                     : PlanFormat::tsv;
  ProspectsInput input(options.prospects);
  LoadedAccount loaded = load_account_options(options.account, options.ledger, ctx);

  PlanConfig config;
  config.rules = &rules;
  config.start =
      options.start ? parse_date_option(*options.start, "--start") : today_in(loaded.account, ctx);
  config.ledger = read_account_ledger(loaded);
  config.ledger_origin = loaded.ledger_path;
  config.connect_template = load_template(loaded.account.templates.connect);
  config.message_template = load_template(loaded.account.templates.message);
  config.inmail_template = load_template(loaded.account.templates.inmail);
  config.account = std::move(loaded.account);

  Planner planner(std::move(config));
  Progress progress(ctx);
  read_prospect_batches(
      input.stream(), options.prospects == "-" ? "stdin" : options.prospects,
      static_cast<std::size_t>(rules.plan.max_reported_problems),
      [&planner, &progress](std::span<Prospect> batch) {
        planner.add(batch);
        progress.read(batch.size());
      },
      planner.fields_used());
  progress.planning();
  const PlanResult plan = planner.finish();
  progress.clear();

  // Every input was valid: from here on nothing can fail, and the output may start.
  write_plan(plan, format, ctx.out, format == PlanFormat::table && ctx.colorize_stdout());
  ctx.out.flush();
  if (format != PlanFormat::json) write_plan_summary(plan.summary, ctx.err);
  if (plan.summary.prospects_with_errors > 0) ctx.status = ExitStatus::findings;
}

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

[[maybe_unused]] const bool registered = register_command(20, setup_plan);

}  // namespace
}  // namespace outreach::cli
