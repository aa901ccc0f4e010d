// The manual page outreach(1), in roff with the man(7) macros, made from the command tree and
// the rules data: every command with its options and the values they take, then the lint
// rules, the plan's codes and the plans, then exit statuses and environment.
#include <ostream>

#include <fmt/format.h>

#include "output/command_tree.hpp"
#include "outreach/output.hpp"
#include "outreach/text.hpp"

namespace outreach {
namespace {

// Text for roff: backslashes and hyphens escaped (an option's '-' must stay a hyphen-minus),
// a line never starting with a control character, anything beyond ASCII as a \[uXXXX] glyph.
std::string roff(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    const DecodedChar c = decode_utf8(text, i);
    i += c.length;
    if (c.code_point == '\\')
      out += "\\e";
    else if (c.code_point == '-')
      out += "\\-";
    else if (c.code_point == '\n' || c.code_point == '\t')
      out += ' ';
    else if (c.code_point < 0x20 || c.code_point == 0x7f)
      continue;
    else if (c.code_point < 0x80)
      out += static_cast<char>(c.code_point);
    else
      out += fmt::format("\\[u{:04X}]", static_cast<std::uint32_t>(c.code_point));
  }
  // A '.' or '\'' at the start of a line would be read as a request.
  if (!out.empty() && (out.front() == '.' || out.front() == '\'')) out.insert(0, "\\&");
  return out;
}

// Names in bold or italic, never hyphenated (\%): an option cut at its '-' reads as another.
std::string bold(std::string_view text) { return fmt::format("\\fB\\%{}\\fR", roff(text)); }
std::string italic(std::string_view text) { return fmt::format("\\fI\\%{}\\fR", roff(text)); }

// A description as a sentence: the command line's have no final period.
std::string sentence(std::string_view text) {
  return roff(text) + (text.ends_with('.') ? "" : ".");
}

// "\fB\-h\fR, \fB\-\-help\fR" or "\fB\-\-format\fR \fIFORMAT\fR".
std::string option_term(const ArgumentSpec& option) {
  std::string term;
  for (const std::string& name : option.names)
    term += fmt::format("{}{}", term.empty() ? "" : ", ", bold(name));
  if (option.kind != ValueKind::none) term += fmt::format(" {}", italic(option.value_name));
  return term;
}

std::string positional_term(const ArgumentSpec& positional) {
  return italic(positional.value_name) + (positional.repeatable ? "..." : "");
}

// ".TP", the term, the description, and the values it may take.
std::string argument_entry(const std::string& term, const ArgumentSpec& argument) {
  std::string text = ".TP\n" + term + "\n" + sentence(argument.description) + "\n";
  if (argument.kind == ValueKind::choice && !argument.values.empty()) {
    std::string values;
    for (std::size_t i = 0; i < argument.values.size(); ++i)
      values += fmt::format("{}{}", i == 0 ? "" : ", ", bold(argument.values[i]));
    text += fmt::format(".br\n{}: one of {}.\n", italic(argument.value_name), values);
  }
  return text;
}

// "outreach ledger add [OPTIONS] TYPE PROSPECT"
std::string synopsis(const detail::CommandNode& node) {
  std::string text = fmt::format(".B {}\n", roff(node.path));
  if (!node.options.empty()) text += "[\\fIOPTIONS\\fR]\n";
  if (!node.command->subcommands.empty()) text += "\\fICOMMAND\\fR\n";
  for (const ArgumentSpec& positional : node.command->positionals)
    text += positional.required ? fmt::format("{}\n", positional_term(positional))
                                : fmt::format("[{}]\n", positional_term(positional));
  return text;
}

std::string commands_section(const std::vector<detail::CommandNode>& nodes) {
  std::string text = ".SH COMMANDS\n";
  for (std::size_t n = 1; n < nodes.size(); ++n) {
    const detail::CommandNode& node = nodes[n];
    const CommandSpec& command = *node.command;
    text += ".SS \"" + roff(node.path) + "\"\n";
    text += synopsis(node) + ".PP\n" + sentence(command.description) + "\n";
    if (!command.subcommands.empty()) {
      std::string names;
      for (const CommandSpec& sub : command.subcommands)
        names += fmt::format("{}{}", names.empty() ? "" : ", ", bold(sub.name));
      text += fmt::format("Its commands: {}.\n", names);
    }
    for (const ArgumentSpec& positional : command.positionals)
      text += argument_entry(positional_term(positional), positional);
    for (const ArgumentSpec& option : command.options)
      if (option.names != std::vector<std::string>{"-h", "--help"})
        text += argument_entry(option_term(option), option);
  }
  return text;
}

std::string rules_sections(const Rules& rules) {
  std::string text =
      ".SH LINT RULES\n"
      "What \\fBoutreach check\\fR reports, and checks in every draft a plan renders; "
      "\\fBoutreach explain\\fR \\fIID\\fR says the same.\n";
  for (const LintRuleInfo& rule : rules.lint.rules)
    text += fmt::format(".TP\n{} ({})\n{}\n", bold(rule.id), rule.severity, roff(rule.rationale));
  text += ".SH PLAN FINDINGS\nWhat \\fBoutreach plan\\fR reports besides the lint rules.\n";
  for (const LintRuleInfo& finding : rules.plan_findings)
    text += fmt::format(".TP\n{} ({})\n{}\n", bold(finding.id), finding.severity,
                        roff(finding.rationale));
  text += ".SH PLAN REASONS\nWhy \\fBoutreach plan\\fR chose a row's channel.\n";
  for (const PlanReasonInfo& reason : rules.plan_reasons)
    text += fmt::format(".TP\n{}\n{}\n", bold(reason.id), roff(reason.rationale));
  text += ".SH PLANS\nThe subscription plans of the rules data and their InMail credits.\n";
  for (const auto& [id, plan] : rules.plans)
    text += fmt::format(".TP\n{}\n{}: {} credits a month, the balance capped at {}.\n", bold(id),
                        roff(plan.name), plan.monthly_credits, plan.cap);
  return text;
}

constexpr std::string_view closing_sections = R"roff(.SH EXIT STATUS
.TP
0
Success.
.TP
1
The run worked and found error\-level findings (a draft, or a prospect's rendered draft).
.TP
2
A usage or input error: an unreadable file, malformed JSON, a bad field, an inconsistent
ledger.
Nothing is written to standard output, except by \fBcheck\fR over several files, which
checks and prints every file it can read and then exits 2.
.TP
3
An internal error (a bug).
.SH ENVIRONMENT
.TP
.B NO_COLOR
When set and not empty, no colour on a terminal (\fB\-\-color always\fR still colours).
.TP
.B COLUMNS
The width the plan's table is fitted into (default: the terminal's width).
.TP
.B OUTREACH_ACCOUNT
The account file of the commands that take \fB\-\-account\fR, when it is not given (said on
standard error). Without it, the nearest \fI.outreach.json\fR in the current folder or a
parent is the account.
.TP
.B OUTREACH_NOW
A fixed time, such as 2026\-11\-26T09:00:00Z, instead of the clock: what "today" is.
.TP
.B OUTREACH_PROGRESS_AFTER
Seconds after which a long plan counts the prospects read on a terminal (default 2).
.TP
.B TZ
The time zone without an account file.
.SH FILES
.TP
.I .outreach.json
The default account, found in the current folder or the nearest parent that holds one, as git
finds \fI.git\fR; its paths are relative to its own folder.
.SH SEE ALSO
The README (\fIshare/doc/outreach/README.md\fR) and the examples beside it.
)roff";

}  // namespace

void write_man_page(const CommandSpec& command_line, const Rules& rules, std::ostream& out) {
  const std::vector<detail::CommandNode> nodes = detail::command_nodes(command_line);
  // The description reads "outreach: plan …"; the NAME line wants "outreach \- plan …".
  std::string_view summary = command_line.description;
  const std::string lead = command_line.name + ": ";
  if (summary.starts_with(lead)) summary.remove_prefix(lead.size());
  if (summary.ends_with('.')) summary.remove_suffix(1);

  std::string text = fmt::format(
      ".\\\" Made by `outreach manpage` from the command line's own definition.\n"
      ".TH OUTREACH 1 \"\" \"outreach {}\" \"User Commands\"\n"
      ".SH NAME\n{} \\- {}\n"
      ".SH SYNOPSIS\n{}",
      roff(version), roff(command_line.name), roff(summary), synopsis(nodes.front()));
  text +=
      ".SH DESCRIPTION\n"
      "\\fBoutreach\\fR lints LinkedIn message drafts and plans outreach campaigns: for every "
      "prospect a regular message, an InMail or a connection request, with the reason, the "
      "InMail credits it costs and when to send it.\n"
      "It keeps the credit balance and a ledger of what was sent.\n"
      "Results go to standard output and diagnostics to standard error; machine formats are "
      "the default when standard output is not a terminal.\n"
      "Every limit, plan and threshold is a default of the rules data "
      "(\\fBoutreach rules\\fR), which \\fB\\-\\-rules\\fR \\fIFILE\\fR replaces.\n"
      ".SH OPTIONS\n"
      "These options may be given before or after the command.\n";
  for (const ArgumentSpec& option : command_line.options)
    text += argument_entry(option_term(option), option);
  text += commands_section(nodes);
  text += rules_sections(rules);
  text += closing_sections;
  out << text;
}

}  // namespace outreach
