#pragma once
/// Writers of a plan: table (terminal), tsv, csv, json, ndjson (SPEC §7), and the summary.
///
/// tsv and csv: a header line, then one line per prospect in input order, with the columns
///   id, channel, reason, cost, send_at, group, then, findings
/// — send_at in ISO 8601 with the offset of the zone it is planned in (empty without a send
/// time), group the group conversation (empty for one-to-one), then the follow-up channels and
/// findings the rule ids, each comma-separated. TSV escapes tab, newline, CR and backslash as
/// \t, \n, \r, \\ and other control bytes as \xHH; CSV ends records with CRLF.
/// ndjson: one object per prospect and line with the keys id, channel, reason, cost, send_at
///   (null without one), timezone (the zone of send_at, or null), group (or null), then
///   ([{"channel", "send_at", "note"}]) and findings ([{"rule", "severity", "message"}]).
/// json: {"prospects": [the same objects, one a line], "summary": {start, plan, prospects,
///   channels {message, inmail, connect, message-ad, skip}, group_conversations, credits
///   {at_start, granted, forfeited, used, left, pending_refunds_at_start, window_end},
///   expected {replies, refunds, acceptances: {low, high}}, invitations_per_week
///   [{week, invitations}], last_send, prospects_with_errors, warnings}}.

#include <iosfwd>
#include <optional>
#include <string_view>

#include "outreach/plan.hpp"

namespace outreach {

enum class PlanFormat { table, tsv, csv, json, ndjson };

std::optional<PlanFormat> parse_plan_format(std::string_view name);

/// Writes the per-prospect rows (and for json the summary too) to `out`. Untrusted prospect
/// text is made safe for the format: TSV never carries a raw tab or newline, CSV follows
/// RFC 4180 and neutralises spreadsheet formulas (leading =, +, -, @), the table never passes
/// control characters or escape sequences through.
void write_plan(const PlanResult& plan, PlanFormat format, std::ostream& out, bool color);

/// The human summary (for table/tsv/csv it goes to stderr), warnings included.
void write_plan_summary(const PlanSummary& summary, std::ostream& out);

}  // namespace outreach
