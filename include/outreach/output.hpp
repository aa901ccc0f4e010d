#pragma once
/// The output layer: every writer of what a command prints on stdout, in every format. The CLI
/// parses options, reads, runs the domain, and hands the result to one of these. Untrusted text
/// (prospect ids, file names, template fields) is made safe for each format here: human text
/// goes through printable(), JSON strings through one string writer, TSV and CSV through their
/// own field escaping.
///
/// Plans (SPEC §7, §10):
/// tsv and csv: a header line, then one line per prospect in input order, with the columns
///   id, channel, reason, cost, send_at, group, then, findings, step, variant, note, send_at_utc
/// and the --with fields — send_at in ISO 8601 with the offset of the zone it is planned in
/// (empty without a send time), group the group conversation (empty for one-to-one), then the
/// follow-up channels and findings the rule ids, each comma-separated, step "first" or
/// "follow-up-N" (empty for a skip), variant the template variant (empty: one template a
/// channel), note "true"/"false" for a connection request, send_at_utc the same instant in UTC.
/// TSV escapes tab, newline, CR and backslash as \t, \n, \r, \\ and other control bytes as
/// \xHH; CSV ends records with CRLF.
/// ndjson: one object per prospect and line with the keys id, channel, reason, cost, send_at
///   (null without one), timezone (the zone of send_at, or null), group (or null), then
///   ([{"channel", "send_at", "note"}]), findings ([{"rule", "severity", "message"}]), step,
///   variant, note (null but for a connection request), send_at_utc, draft ({"subject",
///   "body"} of the first step, or null) and, with --with, fields ({name: value or null}).
/// ics: an RFC 5545 VCALENDAR (VERSION 2.0, PRODID, X-WR-CALNAME) with a VEVENT per timed
///   send: UID "<id, percent-encoded>.<step>@outreach" (the same on every run), DTSTAMP the
///   plan's start, DTSTART in UTC, DURATION PT15M, SUMMARY "InMail to p-005", "Connection
///   request to …", "Message to …", "Follow-up N to …", DESCRIPTION the rendered draft.
/// json: {"prospects": [the same objects, one a line], "summary": {start, start_at, until,
///   plan, prospects, channels {message, inmail, connect, message-ad, skip}, follow_ups,
///   beyond_horizon, group_conversations, credits {at_start, granted, forfeited, used, left,
///   pending_refunds_at_start, window_end}, expected {replies, refunds, acceptances: {low,
///   high}}, invitations_per_week [{week, invitations}], last_send, prospects_with_errors,
///   warnings}}.

#include <cstddef>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "outreach/account.hpp"
#include "outreach/agenda.hpp"
#include "outreach/command_line.hpp"
#include "outreach/credits.hpp"
#include "outreach/ledger.hpp"
#include "outreach/lint.hpp"
#include "outreach/plan.hpp"
#include "outreach/report.hpp"
#include "outreach/rules.hpp"
#include "outreach/rules_diff.hpp"
#include "outreach/stats.hpp"
#include "outreach/text.hpp"
#include "outreach/thread_pool.hpp"
#include "outreach/thread_state.hpp"
#include "outreach/version.hpp"

namespace outreach {

// ---- Plans -------------------------------------------------------------------------------------

enum class PlanFormat { table, tsv, csv, json, ndjson, ics };

std::optional<PlanFormat> parse_plan_format(std::string_view name);
/// Every plan format's name: "table", "tsv", "csv", "json", "ndjson", "ics".
const std::vector<std::string>& plan_format_names();

/// Writes the per-prospect rows (and for json the summary too) to `out`. Untrusted prospect
/// text is made safe for the format: TSV never carries a raw tab or newline, CSV follows
/// RFC 4180 and neutralises spreadsheet formulas (leading =, +, -, @), the table never passes
/// control characters or escape sequences through. With a pool, rows are formatted a chunk at
/// a time on its workers and written in order. The table is fitted into `table_width` terminal
/// columns (long cells cut, then the least needed columns dropped; 0: no limit).
void write_plan(const PlanResult& plan, PlanFormat format, std::ostream& out, bool color,
                ThreadPool* pool = nullptr, std::size_t table_width = 0);

/// The human summary (for table/tsv/csv it goes to stderr), warnings included.
void write_plan_summary(const PlanSummary& summary, std::ostream& out);

/// `--drafts DIR`: each row's rendered first step as DIR/<id>.txt in SPEC §3's draft format
/// (`Channel:` and `Subject:` headers, a blank line, the body), so that `outreach check DIR/*`
/// checks exactly what will be sent. The folder is made if it does not exist; IoError when a
/// file cannot be written. Returns how many files were written.
std::size_t write_draft_files(const PlanResult& plan, const std::string& dir);

/// The file name of a prospect's draft: every byte outside [A-Za-z0-9._-] becomes '_', and a
/// short hash of the id is added when that changed it ("p 1" → "p_1-1a2b3c4d.txt").
std::string draft_file_name(std::string_view id);

// ---- Agendas ----------------------------------------------------------------------------------

/// Agendas (SPEC §10 "The agenda"):
/// table: each day with its actions aligned — time in the prospect's zone, zone, action,
///   prospect, reason, step, overdue since — and each draft indented below its action.
/// tsv: a header line, then one line per action with the columns date, at, action, prospect,
///   reason, step, overdue, due, timezone, cost, note, at_utc, findings, subject, body (escaped
///   as the plan's TSV is).
/// ndjson: one object per action and line with the keys date, at (null when untimed), at_utc,
///   timezone, action, prospect, reason, step (null for a withdrawal), overdue, due, cost, note
///   (null but for a connection request), findings ([{"rule", "severity", "message"}] of the
///   draft) and draft ({"subject", "body"} or null).
/// json: {"from", "to", "timezone", "plan_start", "actions": [the same objects, one a line]}.
/// ics: an RFC 5545 calendar of the timed actions (as for plans).
enum class AgendaFormat { table, tsv, json, ndjson, ics };

std::optional<AgendaFormat> parse_agenda_format(std::string_view name);
/// Every agenda format's name: "table", "tsv", "json", "ndjson", "ics".
const std::vector<std::string>& agenda_format_names();

void write_agenda(const Agenda& agenda, AgendaFormat format, std::ostream& out, bool color);

/// One line for stderr when stdout is a machine format: the days, what they hold, and what the
/// agenda was made from ("the ledger", or the ledger and a plan started at …).
void write_agenda_summary(const Agenda& agenda, std::ostream& out);

// ---- Reports -----------------------------------------------------------------------------------

/// The formats of the other commands' reports; each writer says which it takes.
enum class ReportFormat { text, json, ndjson };

/// One linted draft and the name it is shown by ("<stdin>" for standard input).
struct CheckedDraft {
  std::string name;
  LintResult result;
};

/// `outreach check` (SPEC §3, §7), text or json. Text: `file:line:col: severity: message
/// [rule]` per finding, then `file: channel, subject 37/200, body 302/1900` per file (the
/// unit named when it is not UTF-16). JSON: {"files": [{file, channel, counts {subject, body,
/// limit_subject, limit_body}, diagnostics [{rule, severity, line, column, message}]}]}.
void write_check_report(const std::vector<CheckedDraft>& drafts, ReportFormat format,
                        CountUnit unit, bool color, std::ostream& out);

/// A file `check` could not check (unreadable, or an unknown `Channel:` header), and why.
struct CheckFailure {
  std::string name;
  std::string message;  ///< one line, as stderr shows it after "outreach: error: "
};

/// `outreach check --format sarif` (SPEC §13): one SARIF 2.1.0 log with one run whose tool
/// lists every lint rule (id, severity as its default level, rationale as help text), with
/// `columnKind` unicodeCodePoints and one result per finding (rule, level, message, file as a
/// URI reference, line and column). The files that could not be checked are the invocation's
/// error notifications, and make it unsuccessful.
void write_check_sarif(const std::vector<CheckedDraft>& drafts,
                       const std::vector<CheckFailure>& failures, const Rules& rules,
                       std::ostream& out);

/// What `outreach credits` shows besides the report itself.
struct CreditsView {
  const PlanRules* plan = nullptr;
  const Account* account = nullptr;
  bool as_of_is_today = false;  ///< no --as-of: the text says "today"
  int refund_window_days = 0;
};

/// `outreach credits` (SPEC §2, §7), text (a month table with balance bars, the identity of
/// §2.9, pending refunds, the next grant) or json (one object; SPEC §7 lists its keys).
void write_credits_report(const CreditReport& report, const CreditsView& view, ReportFormat format,
                          std::ostream& out);

/// `outreach ledger show`: text (a table of the events, then what they span), json
/// ({"ledger", "events": [{line, date, type, prospect, free?}]}) or ndjson (the events in
/// their canonical one-line form).
void write_ledger_events(const std::vector<LedgerEvent>& events, const std::string& ledger_path,
                         ReportFormat format, std::ostream& out);

/// `outreach ledger show --prospect ID`: text (the prospect's events as `ledger show` shows
/// them, then a line with its state on the day), json ({"ledger", "prospect", "date", "events",
/// "state": {"action": "open"|"skip"|"message", "reason"?, "step"?, "not_before"?,
/// "connect_not_before"?, "connected", "inmail_blocked", "starts_over"}}) or ndjson (the events).
void write_prospect_thread(const ThreadState& thread, const std::string& ledger_path,
                           ReportFormat format, std::ostream& out);

/// `outreach stats` (SPEC §12): text (a line a group and channel: sends, outcomes, rates with
/// their intervals, median days; then each comparison of two variants in a sentence) or json
/// ({"ledger", "by", "from", "to", "confidence", "attribution_days", "events", "groups": [{"key",
/// "connect"?: {…}, "message"?: {…}, "inmail"?: {…}}], "comparisons": […],
/// "unattributed_replies"}).
void write_stats_report(const OutcomeStats& stats, const std::string& ledger_path,
                        ReportFormat format, std::ostream& out);
/// "31% [23–40%]": a rate and its interval in whole percents.
std::string rate_text(const Rate& rate);
/// SPEC §12's plain sentence: "connect (accepted): question: 31% [23–40%] of 120 vs short: 18%
/// [12–26%] of 118; the difference is unlikely to be chance, p = 0.02".
std::string comparison_sentence(const VariantComparison& comparison);

/// `outreach report` (SPEC §12): one self-contained HTML page — inline CSS and SVG, no script,
/// nothing fetched — with the credits month by month and the months ahead, the invitations a
/// week against the limit, the funnel of each channel, the rates of each variant with their
/// intervals and the tests' sentences, and with a plan its sends a day. Each chart has its
/// figures in a table beside it; all input text is escaped for HTML. Readable at 375 px wide and
/// printed (@media print).
void write_report_html(const ReportModel& report, std::ostream& out);

/// `outreach plans`: the subscription plans by monthly credits (text), or {"plans": [...]}.
void write_plans(const Rules& rules, ReportFormat format, std::ostream& out);
/// `outreach rules --diff A B`: each value that differs with both sides and their notes (text),
/// or {"a": {"name", "source"}, "b": {…}, "differences": [{"key", "a", "b", "notes": {"a",
/// "b"}}]} with the values as JSON and null for a missing value or note.
void write_rules_diff(const RulesDiff& diff, ReportFormat format, std::ostream& out);

/// `outreach explain ID` for a lint rule or a plan finding: its id, severity and rationale.
void write_explanation(const LintRuleInfo& rule, std::ostream& out);
/// `outreach explain ID` for a plan reason code: its id and rationale.
void write_explanation(const PlanReasonInfo& reason, std::ostream& out);
/// `outreach explain` without an id: every id it can explain, by kind (lint rules with their
/// severity, the plan's findings, the plan's reasons).
void write_explainable(const Rules& rules, std::ostream& out);

// ---- About the tool ----------------------------------------------------------------------------

/// What `outreach --version` prints (SPEC §13).
struct VersionReport {
  std::string version;  ///< outreach's own
  const Rules* rules = nullptr;
  std::string rules_origin;               ///< "built in", or the --rules file
  std::vector<LibraryVersion> libraries;  ///< what it was built with
};

/// "outreach 0.1.0", then the rules data's version and source, then the libraries.
void write_version(const VersionReport& report, std::ostream& out);

/// The shells `outreach completions` writes for.
enum class Shell { bash, zsh, fish };

/// "bash", "zsh", "fish" → the shell; nullopt otherwise.
std::optional<Shell> parse_shell(std::string_view name);
/// Every shell's name, in the order above.
const std::vector<std::string>& shell_names();

/// A completion script for `shell` made from the command line's own definition: the
/// subcommands, the options of each (its parents' included), file names where a file is
/// expected, and the values of every enumerated option and argument.
void write_completions(const CommandSpec& command_line, Shell shell, std::ostream& out);

/// The manual page outreach(1) in roff (man(7) macros) made from the same definition: every
/// command with its options and their values, the lint rules, the plan's codes and the plans
/// of the rules data, exit statuses, environment.
void write_man_page(const CommandSpec& command_line, const Rules& rules, std::ostream& out);

}  // namespace outreach
