// --connections and --exclude (SPEC §9): lists of people read into the keys a prospect is
// matched by — its id, and its profile URL in normal form.
#include <algorithm>
#include <array>
#include <istream>
#include <optional>

#include <fmt/format.h>

#include "outreach/error.hpp"
#include "outreach/limits.hpp"
#include "outreach/prospect_lists.hpp"
#include "outreach/text.hpp"
#include "prospects/csv_records.hpp"
#include "prospects/csv_values.hpp"
#include "prospects/profile_url.hpp"
#include "support/json_text.hpp"

namespace outreach {
namespace {

using detail::CsvRecord;
using detail::CsvRecords;

void sort_unique(std::vector<std::string>& keys) {
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
}

std::string column_label(const std::string& header) { return printable(header.substr(0, 80)); }

// "15 Mar 2024" (LinkedIn's export), and the ISO form for a file someone edited.
bool connected_on_date(std::string_view text) {
  text = detail::trim_cell(text);
  if (parse_iso_date(text)) return true;
  constexpr std::array<std::string_view, 12> months = {"jan", "feb", "mar", "apr", "may", "jun",
                                                       "jul", "aug", "sep", "oct", "nov", "dec"};
  const auto first_space = text.find(' ');
  const auto last_space = text.rfind(' ');
  if (first_space == std::string_view::npos || first_space == last_space) return false;
  const std::string_view day = text.substr(0, first_space);
  std::string month(text.substr(first_space + 1, last_space - first_space - 1));
  const std::string_view year = text.substr(last_space + 1);
  std::transform(month.begin(), month.end(), month.begin(), [](char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  });
  const auto number = [](std::string_view digits, std::size_t min, std::size_t max) {
    return digits.size() >= min && digits.size() <= max &&
           std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  const auto m = std::find(months.begin(), months.end(), month);
  if (!number(day, 1, 2) || !number(year, 4, 4) || m == months.end()) return false;
  const std::string iso =
      fmt::format("{}-{:02}-{:02}", year, m - months.begin() + 1, std::stoi(std::string(day)));
  return parse_iso_date(iso).has_value();
}

// The column the header names `key`, or npos: a later row may have more cells than the header,
// and none of them is that column then.
std::size_t column_of(const CsvRecord& header, std::string_view key) {
  for (std::size_t i = 0; i < header.cells.size(); ++i)
    if (csv_column_key(header.cells[i]) == key) return i;
  return std::string::npos;
}

}  // namespace

std::vector<std::string> read_connections(std::istream& in, const std::string& origin) {
  CsvRecords records(in, origin, ',', max_prospect_bytes);
  CsvRecord record;
  // LinkedIn opens the file with a few note lines: the header is the first record that names
  // both First Name and URL.
  std::optional<CsvRecord> header;
  while (records.next(record)) {
    if (column_of(record, "first_name") < record.cells.size() &&
        column_of(record, "url") < record.cells.size()) {
      header = std::move(record);
      break;
    }
  }
  if (!header)
    throw InputError(
        fmt::format("{}: no header line 'First Name,Last Name,URL,…' found: expected LinkedIn's "
                    "Connections.csv (Settings, Data privacy, Get a copy of your data)",
                    origin));
  records.name_columns(header->cells);
  const std::size_t url = column_of(*header, "url");
  const std::size_t connected_on = column_of(*header, "connected_on");
  std::vector<std::string> keys;
  while (records.next(record)) {
    if (url < record.cells.size() && !detail::trim_cell(record.cells[url]).empty()) {
      auto normal = detail::normalise_profile_url(record.cells[url]);
      if (!normal)
        throw InputError(fmt::format("{}:{}: column '{}': expected {}, got {}", origin, record.line,
                                     column_label(header->cells[url]), detail::profile_url_rule,
                                     detail::quote_for_message(record.cells[url])));
      keys.push_back(std::move(*normal));
    }
    if (connected_on < record.cells.size() && !record.cells[connected_on].empty() &&
        !connected_on_date(record.cells[connected_on]))
      throw InputError(
          fmt::format("{}:{}: column '{}': expected a date such as 15 Mar 2024, got {}", origin,
                      record.line, column_label(header->cells[connected_on]),
                      detail::quote_for_message(record.cells[connected_on])));
  }
  sort_unique(keys);
  return keys;
}

std::vector<std::string> read_exclusions(std::istream& in, const std::string& origin,
                                         const CsvRules& csv) {
  CsvRecords records(in, origin, 0, max_prospect_bytes);
  CsvRecord record;
  std::vector<std::string> keys;
  if (!records.next(record)) return keys;
  // A CSV file names its id or profile URL column in its header; a plain list has one key a
  // line (a lone cell each, whatever its commas: a line is read as the record it is).
  // npos for a column the header does not name: a later row may have more cells than the
  // header, and none of them is the id or URL column then.
  constexpr std::size_t none = std::string::npos;
  std::size_t id = none, url = none;
  for (std::size_t i = 0; i < record.cells.size(); ++i) {
    const std::string field = csv.field_for(record.cells[i]);
    if (field == "id" && id == none) id = i;
    if (field == "profile_url" && url == none) url = i;
  }
  const bool has_header = id != none || url != none;
  // A plain list's line is the whole line: a Sales Navigator URL holds commas.
  const auto whole_line = [&](const CsvRecord& line) {
    std::string text;
    for (std::size_t i = 0; i < line.cells.size(); ++i) {
      if (i > 0) text += records.delimiter();
      text += line.cells[i];
    }
    return text;
  };
  if (has_header) {
    records.name_columns(record.cells);
  } else if (record.cells.size() > 1 && !detail::normalise_profile_url(whole_line(record))) {
    throw InputError(fmt::format(
        "{}:{}: expected one id or profile URL a line, or a CSV header naming an 'id' or a "
        "profile URL column",
        origin, record.line));
  }
  const std::vector<std::string> header = has_header ? record.cells : std::vector<std::string>{};
  const auto add = [&](std::string_view cell, std::size_t line, std::size_t column) {
    const std::string_view text = detail::trim_cell(cell);
    if (text.empty() || (!has_header && text.front() == '#')) return;
    if (first_invalid_utf8(text) || text.find('\0') != std::string_view::npos)
      throw InputError(fmt::format("{}:{}: not UTF-8 text", origin, line));
    if (auto normal = detail::normalise_profile_url(text)) {
      keys.push_back(std::move(*normal));
    } else if (has_header && column == url) {
      throw InputError(fmt::format("{}:{}: column '{}': expected {}, got {}", origin, line,
                                   column_label(header[url]), detail::profile_url_rule,
                                   detail::quote_for_message(text)));
    } else {
      keys.emplace_back(text);
    }
  };
  if (!has_header) add(whole_line(record), record.line, 0);
  while (records.next(record)) {
    if (!has_header) {
      add(whole_line(record), record.line, 0);
      continue;
    }
    if (id < record.cells.size()) add(record.cells[id], record.line, id);
    if (url < record.cells.size()) add(record.cells[url], record.line, url);
  }
  sort_unique(keys);
  return keys;
}

}  // namespace outreach
