#pragma once
// The plan as an aligned table for a terminal.

#include <iosfwd>

#include "outreach/plan.hpp"

namespace outreach::detail {

/// An aligned table, one row per prospect, then the findings one per line. Prospect text is
/// passed through `printable`: no control character or escape sequence reaches the terminal.
void write_plan_table(const PlanResult& plan, std::ostream& out, bool color);

}  // namespace outreach::detail
