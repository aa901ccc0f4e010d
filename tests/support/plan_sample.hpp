#pragma once
// A small plan that the writers' tests print in every format: an InMail in Kolkata with a
// warning, a connection request with a follow-up and an error, a skip without a send time.

#include <sstream>
#include <string>
#include <vector>

#include "outreach/output.hpp"

namespace outreach::testing {

inline Date date_of(const char* text) { return *parse_iso_date(text); }

inline PlannedProspect row(std::string id, PlanChannel channel, PlanReason reason) {
  PlannedProspect p;
  p.id = std::move(id);
  p.channel = channel;
  p.reason = reason;
  return p;
}

// Three rows: an InMail in Kolkata with a warning, a connection request with a follow-up and an
// error, a skip without a send time.
inline PlanResult sample() {
  const date::time_zone* kolkata = date::locate_zone("Asia/Kolkata");
  const date::time_zone* new_york = date::locate_zone("America/New_York");
  PlanResult plan;
  PlannedProspect inmail = row("p-1", PlanChannel::inmail, PlanReason::hard_to_connect);
  inmail.cost = 1;
  inmail.send_at = zoned_instant(date_of("2026-12-01"), 9 * 60, kolkata);
  inmail.zone = kolkata;
  inmail.findings.push_back({"long-inmail", "warning", "inmail: body is 420 characters"});
  PlannedProspect connect = row("p-2", PlanChannel::connect, PlanReason::free_path);
  connect.send_at = zoned_instant(date_of("2026-12-02"), 10 * 60 + 30, new_york);
  connect.zone = new_york;
  connect.followups.push_back({PlanChannel::message, std::nullopt, "once accepted"});
  connect.findings.push_back(
      {"body-too-long", "error", "connect note 1:301: body is 323 characters"});
  connect.findings.push_back({"no-call-to-action", "warning", "message: asks nothing"});
  plan.prospects = {inmail, connect, row("p-3", PlanChannel::skip, PlanReason::do_not_contact)};

  PlanSummary& s = plan.summary;
  s.start = date_of("2026-12-01");
  s.until = date_of("2027-03-02");
  s.window_end = date_of("2026-12-31");
  s.plan = "premium-business";
  s.prospects = 3;
  s.count_inmail = 1;
  s.count_connect = 1;
  s.count_skip = 1;
  s.credits_at_start = 10;
  s.credits_granted_in_window = 15;
  s.credits_used = 1;
  s.credits_left = 24;
  s.expected_replies = {0.123, 0.456};
  s.expected_refunds = {0.1, 0.25};
  s.expected_acceptances = {0.2, 0.4};
  s.invitations_per_week = {{date_of("2026-11-30"), 1}};
  s.last_send = date_of("2026-12-02");
  s.prospects_with_errors = 1;
  s.warnings = {"same-template: 25 prospects would get the same InMail"};
  return plan;
}

inline std::string written(const PlanResult& plan, PlanFormat format, bool color = false,
                           std::size_t table_width = 0) {
  std::ostringstream out;
  write_plan(plan, format, out, color, nullptr, table_width);
  return out.str();
}

inline std::vector<std::string> lines_of(const std::string& text, char end = '\n') {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line, end);) lines.push_back(line);
  return lines;
}

}  // namespace outreach::testing
