// `outreach check`: lint message drafts (SPEC §3, §7). Every file is read and linted before
// anything is printed, so that bad input (exit 2) leaves stdout empty.
#include <algorithm>
#include <memory>
#include <ostream>
#include <vector>

#include <fmt/format.h>

#include "commands.hpp"
#include "outreach/io.hpp"
#include "outreach/lint.hpp"
#include "outreach/output.hpp"
#include "outreach/suggest.hpp"
#include "outreach/text.hpp"

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
  std::vector<std::string> files;
};

// "unknown unit 'utf8' (did you mean 'utf16'?)", or the list of what is allowed.
std::string unknown_value(std::string_view option, std::string_view what, std::string_view value,
                          const std::vector<std::string>& allowed) {
  std::string hint = did_you_mean(value, allowed);
  if (hint.empty()) {
    hint = " (expected ";
    for (std::size_t i = 0; i < allowed.size(); ++i)
      hint += fmt::format("{}{}",
                          i == 0                    ? ""
                          : i + 1 == allowed.size() ? " or "
                                                    : ", ",
                          allowed[i]);
    hint += ")";
  }
  return fmt::format("{}: unknown {} '{}'{}", option, what, printable(value), hint);
}

LintOptions lint_options(const CheckOptions& options) {
  LintOptions lint;
  const auto unit = parse_count_unit(options.count);
  if (!unit)
    throw InputError(
        unknown_value("--count", "unit", options.count, {"utf16", "code-points", "graphemes"}));
  lint.unit = *unit;
  if (!options.channel.empty()) {
    const auto& channels = draft_channels();
    if (std::find(channels.begin(), channels.end(), options.channel) == channels.end())
      throw InputError(unknown_value("--channel", "channel", options.channel, channels));
    lint.channel = options.channel;
  }
  for (const auto& id : options.disable) {
    const auto& ids = Rules::lint_rule_ids();
    if (std::find(ids.begin(), ids.end(), id) == ids.end())
      throw InputError(unknown_value("--disable", "rule", id, ids));
    lint.disabled.insert(id);
  }
  lint.template_mode = options.template_mode;
  return lint;
}

void run_check(const CheckOptions& options, Context& ctx) {
  if (options.format != "text" && options.format != "json")
    throw InputError(unknown_value("--format", "format", options.format, {"text", "json"}));
  const LintOptions lint = lint_options(options);
  if (std::count(options.files.begin(), options.files.end(), "-") > 1)
    throw InputError("-: standard input can be read only once");

  const LintEngine engine(ctx.rules());
  std::vector<CheckedDraft> checked;
  for (const std::string& path : options.files) {
    const std::string name = path == "-" ? std::string(stdin_name) : path;
    const std::string bytes = read_input_file(path);
    checked.push_back({name, engine.lint_file(bytes, name, lint)});
  }

  write_check_report(checked, options.format == "json" ? ReportFormat::json : ReportFormat::text,
                     lint.unit, ctx.colorize_stdout(), ctx.out);
  const bool errors = std::any_of(checked.begin(), checked.end(),
                                  [](const CheckedDraft& f) { return f.result.has_errors(); });
  if (errors) ctx.status = ExitStatus::findings;
}

}  // namespace

void setup_check(CLI::App& app, Context& ctx) {
  auto* sub = app.add_subcommand(
      "check", "Lint message drafts: limits, subject line, placeholders and style");
  auto options = std::make_shared<CheckOptions>();
  sub->add_option("--channel", options->channel,
                  "Channel of every draft: message, inmail or connect (default: the Channel: "
                  "header, else inmail when there is a subject, else message)")
      ->type_name("CHANNEL");
  sub->add_flag("--template", options->template_mode,
                "The drafts are templates: {{field}} and {{field|fallback}} are allowed");
  sub->add_option("--count", options->count,
                  "Count characters in utf16 (default), code-points or graphemes")
      ->type_name("UNIT");
  sub->add_option("--format", options->format, "Output format: text (default) or json")
      ->type_name("FORMAT");
  sub->add_option("--disable", options->disable,
                  "Turn rules off (repeatable, or comma-separated), e.g. long-inmail")
      ->type_name("ID")
      ->delimiter(',')
      ->allow_extra_args(false);
  sub->add_option("FILE", options->files, "Draft files, or - for standard input")
      ->required()
      ->type_name("FILE");
  sub->callback([&ctx, options] { run_check(*options, ctx); });
}

}  // namespace outreach::cli
