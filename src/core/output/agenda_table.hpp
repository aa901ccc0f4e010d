#pragma once
// The agenda as a to-do list for a terminal: each day, its actions aligned, each draft below
// its action.

#include <iosfwd>

#include "outreach/agenda.hpp"

namespace outreach::detail {

/// Every day of the agenda with its actions (or "nothing to do"). Prospect text and drafts are
/// passed through `printable`: no control character or escape sequence reaches the terminal.
void write_agenda_table(const Agenda& agenda, std::ostream& out, bool color);

}  // namespace outreach::detail
