#pragma once
// The plan as an aligned table for a terminal.

#include <cstddef>
#include <iosfwd>

#include "outreach/plan.hpp"

namespace outreach::detail {

/// An aligned table, one row per prospect, then the findings one per line. Prospect text is
/// passed through `printable`: no control character or escape sequence reaches the terminal.
/// With a `max_width`, the table is fitted into that many terminal columns: long cells cut,
/// then the least needed columns dropped (0: no limit).
void write_plan_table(const PlanResult& plan, std::ostream& out, bool color,
                      std::size_t max_width = 0);

}  // namespace outreach::detail
