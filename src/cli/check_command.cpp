// `outreach check`: lint message drafts (SPEC §3, §7, §13). Over several files it keeps going,
// as linters do: a file that cannot be read or names an unknown channel is reported on stderr,
// every other file is checked and printed, and the exit status is 2 at the end.
#include <algorithm>
#include <filesystem>
#include <memory>
#include <ostream>
#include <vector>

#include <fmt/format.h>

#include "account_options.hpp"
#include "commands.hpp"
#include "errors.hpp"
#include "outreach/io.hpp"
#include "outreach/lint.hpp"
#include "outreach/output.hpp"

namespace outreach::cli {
namespace {

// How stdin is named in the output ("-" would read oddly in `-:3:1: error: …`).
constexpr std::string_view stdin_name = "<stdin>";

struct CheckOptions {
  std::string channel;
  bool template_mode = false;
  std::string count = "utf16";
  std::string format = "text";
  std::vector<std::string> disable;
  std::optional<std::string> account;
  std::vector<std::string> files;
};

LintOptions lint_options(const CheckOptions& options) {
  LintOptions lint;
  lint.unit = *parse_count_unit(options.count);
  if (!options.channel.empty()) lint.channel = options.channel;
  lint.disabled.insert(options.disable.begin(), options.disable.end());
  lint.template_mode = options.template_mode;
  return lint;
}

// The channel of the account's template key a file is listed under (SPEC §13), if it is one.
std::optional<std::string> listed_channel(const TemplatePaths& templates, const std::string& path) {
  const std::pair<const std::vector<TemplateFile>*, const char*> keys[] = {
      {&templates.connect, "connect"},
      {&templates.message, "message"},
      {&templates.inmail, "inmail"},
  };
  for (const auto& [listed, channel] : keys) {
    for (const TemplateFile& file : *listed) {
      std::error_code error;
      if (std::filesystem::equivalent(path, file.path, error)) return channel;
    }
  }
  return std::nullopt;
}

void run_check(const CheckOptions& options, Context& ctx) {
  LintOptions lint = lint_options(options);
  if (std::count(options.files.begin(), options.files.end(), "-") > 1)
    throw InputError("-: standard input can be read only once");
  std::optional<Account> account;
  if (const auto path = resolve_account_path(options.account, ctx))
    account = load_account_options(path, std::nullopt, ctx).account;

  // An account's plan may limit connection notes more tightly (a free account's 200, SPEC §11).
  const Rules rules =
      account ? ctx.rules().for_plan(account->plan, account->origin + ": plan") : ctx.rules();
  const LintEngine engine(rules);
  std::vector<CheckedDraft> checked;
  std::vector<CheckFailure> failures;
  for (const std::string& path : options.files) {
    const std::string name = path == "-" ? std::string(stdin_name) : path;
    try {
      lint.default_channel.reset();
      if (account && path != "-") lint.default_channel = listed_channel(account->templates, path);
      const std::string bytes = read_input_file(path);
      checked.push_back({name, engine.lint_file(bytes, name, lint)});
    } catch (const InputError& e) {
      failures.push_back({name, e.what()});
      report_failure(std::current_exception(), ctx.err);
    } catch (const IoError& e) {
      failures.push_back({name, e.what()});
      report_failure(std::current_exception(), ctx.err);
    }
  }

  if (options.format == "sarif")
    write_check_sarif(checked, failures, ctx.rules(), ctx.out);
  else
    write_check_report(checked, options.format == "json" ? ReportFormat::json : ReportFormat::text,
                       lint.unit, ctx.colorize_stdout(), ctx.out);
  const bool errors = std::any_of(checked.begin(), checked.end(),
                                  [](const CheckedDraft& f) { return f.result.has_errors(); });
  if (!failures.empty())
    ctx.status = ExitStatus::input;
  else if (errors)
    ctx.status = ExitStatus::findings;
}

}  // namespace

void setup_check(CLI::App& app, Context& ctx) {
  auto* sub = app.add_subcommand(
      "check", "Lint message drafts: limits, subject line, placeholders and style");
  auto options = std::make_shared<CheckOptions>();
  ctx.choices.one_of(
      sub->add_option("--channel", options->channel,
                      "Channel of every draft (default: the Channel: header, else the account's "
                      "template key the file is listed under, else inmail when there is a "
                      "subject, else message)")
          ->type_name("CHANNEL"),
      "channel", draft_channels());
  sub->add_flag("--template", options->template_mode,
                "The drafts are templates: {{field}} and {{field|fallback}} are allowed");
  ctx.choices.one_of(
      sub->add_option("--count", options->count, "Count characters in this unit (default utf16)")
          ->type_name("UNIT"),
      "unit", count_unit_names());
  ctx.choices.one_of(sub->add_option("--format", options->format,
                                     "Output format (default text; sarif for code-scanning tools)")
                         ->type_name("FORMAT"),
                     "format", {"text", "json", "sarif"});
  ctx.choices.one_of(sub->add_option("--disable", options->disable,
                                     "Turn rules off (repeatable, or comma-separated), e.g. "
                                     "long-inmail; 'outreach explain' lists them")
                         ->type_name("ID")
                         ->delimiter(',')
                         ->allow_extra_args(false),
                     "rule", Rules::lint_rule_ids(), false);
  sub->add_option("--account", options->account,
                  "Account file: a draft listed under one of its template keys takes that "
                  "channel, and connection notes are held to its plan's limit")
      ->type_name("FILE");
  sub->add_option("FILE", options->files, "Draft files, or - for standard input")
      ->required()
      ->type_name("FILE");
  sub->callback([&ctx, options] { run_check(*options, ctx); });
}

}  // namespace outreach::cli
