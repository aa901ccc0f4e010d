#pragma once
// Plans and agendas as iCalendar (RFC 5545), for a calendar app to subscribe to.

#include <iosfwd>

#include "outreach/agenda.hpp"
#include "outreach/plan.hpp"

namespace outreach::detail {

/// One VCALENDAR with a VEVENT per timed send of the plan (first steps; what waits for an
/// acceptance has no time). DTSTAMP is the plan's start, so the same input gives the same
/// bytes.
void write_plan_calendar(const PlanResult& plan, std::ostream& out);

/// The same for an agenda's timed actions (withdrawals and what the ledger alone makes due
/// have no time of day, and no event).
void write_agenda_calendar(const Agenda& agenda, std::ostream& out);

}  // namespace outreach::detail
