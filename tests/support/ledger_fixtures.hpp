#pragma once
// Small builders shared by the ledger and credit tests: accounts and events from compact text.

#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "outreach/account.hpp"
#include "outreach/calendar.hpp"
#include "outreach/ledger.hpp"
#include "outreach/rules.hpp"

namespace outreach::testing {

/// A scratch folder removed at the end of the test.
struct ScratchDir {
  std::filesystem::path path;
  ScratchDir() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "outreach-ledger-XXXXXX").string();
    path = ::mkdtemp(pattern.data());
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  ~ScratchDir() { std::filesystem::remove_all(path); }
  std::string file(const std::string& name) const { return (path / name).string(); }
};

inline std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

inline void write_text(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

inline Date day(const std::string& text) {
  const auto parsed = parse_iso_date(text);
  if (!parsed) throw std::invalid_argument("bad test date " + text);
  return *parsed;
}

/// An account on `plan` started on `start` (UTC), optionally with an opening balance.
inline Account account(const std::string& plan, const std::string& start,
                       std::optional<std::pair<int, std::string>> opening = std::nullopt) {
  Account a = default_account(Rules::builtin());
  a.origin = "account.json";
  a.plan = plan;
  a.plan_start = day(start);
  a.zone = find_time_zone("UTC", "test");
  if (opening) a.opening = OpeningBalance{opening->first, day(opening->second)};
  return a;
}

/// Events from lines "DATE TYPE PROSPECT [free]", numbered from 1 like ledger lines.
inline std::vector<LedgerEvent> events(const std::vector<std::string>& lines) {
  std::vector<LedgerEvent> out;
  for (const std::string& line : lines) {
    std::istringstream words(line);
    std::string date_text, type, prospect, flag;
    words >> date_text >> type >> prospect >> flag;
    LedgerEvent event;
    event.date = day(date_text);
    event.type = *parse_event_type(type);
    event.prospect = prospect;
    event.free = flag == "free";
    event.line = out.size() + 1;
    out.push_back(event);
  }
  return out;
}

}  // namespace outreach::testing
