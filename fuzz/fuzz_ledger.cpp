// Fuzzes the ledger reader and the credit simulation over whatever it accepts.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "outreach/account.hpp"
#include "outreach/credits.hpp"
#include "outreach/error.hpp"
#include "outreach/ledger.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto& rules = outreach::Rules::builtin();
  static const outreach::Account account = [&] {
    auto a = outreach::default_account(rules);
    a.plan = "premium-career";
    a.plan_start = outreach::parse_iso_date("2026-01-31");
    a.zone = outreach::find_time_zone("America/New_York", "fuzz");
    return a;
  }();
  try {
    const auto events = outreach::parse_ledger(text, "ledger.ndjson", account.zone);
    for (const auto& event : events) (void)outreach::format_ledger_event(event);
    (void)outreach::simulate_credits(account, events, *outreach::parse_iso_date("2027-06-30"),
                                     rules, "ledger.ndjson");
  } catch (const outreach::InputError&) {
  }
  return 0;
}
