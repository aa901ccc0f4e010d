#pragma once
/// Writers of a plan: table (terminal), tsv, csv, json, ndjson (SPEC §7), and the summary.

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
