// The month's personalised notes go to the most valuable invitations; the rest are sent bare.
#include "plan/notes.hpp"

#include <map>

namespace outreach {
namespace {

// A calendar month of the account's zone, as a number that orders months.
int month_of(Date day) {
  const date::year_month_day ymd{day};
  return static_cast<int>(ymd.year()) * 12 + static_cast<int>(static_cast<unsigned>(ymd.month()));
}

// Drops what the note of row `i` added: its findings (after an InMail candidate's own), its
// rendered draft, its hash for same-template.
void send_without_note(PlannerState& s, std::uint32_t i) {
  PlannedProspect& row = s.rows[i];
  PlanRecord& record = s.records[i];
  row.note = false;
  const auto first = row.findings.begin() + static_cast<std::ptrdiff_t>(record.inmail_findings);
  row.findings.erase(first, first + static_cast<std::ptrdiff_t>(record.connect_findings));
  record.connect_findings = 0;
  record.has_connect_body = false;
  s.candidate_notes.erase(i);
  if (row.extras && !record.needs_credit) {
    auto extras = std::make_shared<RowExtras>(*row.extras);
    extras->subject.reset();
    extras->body.reset();
    row.extras = std::move(extras);
  }
}

}  // namespace

int spend_note_budget(PlannerState& s, const std::vector<std::uint32_t>& order) {
  const PlanRules& plan = s.rules.plan_named(s.config.account.plan, s.config.account.origin);
  if (!plan.personalized_notes_per_month) return 0;
  const int per_month = *plan.personalized_notes_per_month;
  // What the ledger already spent: the invitations with a note up to the start.
  std::map<int, int> spent;
  for (const LedgerEvent& event : s.config.ledger)
    if (event.type == EventType::invite_sent && event.note && event.date <= s.config.start)
      ++spent[month_of(event.date)];
  int without = 0;
  for (const std::uint32_t i : order) {
    const PlannedProspect& row = s.rows[i];
    if (row.channel != PlanChannel::connect || !row.send_at) continue;
    int& used = spent[month_of(local_date(*row.send_at, s.zone))];
    if (used < per_month) {
      ++used;
      continue;
    }
    send_without_note(s, i);
    ++without;
  }
  return without;
}

}  // namespace outreach
