#pragma once
/// What each libFuzzer target does with one input, shared by the fuzz targets (fuzz/fuzz_*.cpp)
/// and by the unit test that replays tests/data/fuzz-regressions/<target>/, so that a crash
/// input keeps going through exactly the code that crashed. Bad input may only ever end in an
/// outreach::InputError; any other exception, a crash, a leak or undefined behaviour is a bug.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <cstdlib>

#include "entry_points.hpp"
#include "ledger/event.hpp"
#include "ledger/lines.hpp"
#include "lint/phrases.hpp"
#include "output/cells.hpp"
#include "outreach/account.hpp"
#include "outreach/credits.hpp"
#include "outreach/error.hpp"
#include "outreach/ledger.hpp"
#include "outreach/lint.hpp"
#include "outreach/prospect.hpp"
#include "outreach/prospect_lists.hpp"
#include "outreach/rules.hpp"
#include "outreach/template.hpp"
#include "outreach/text.hpp"
#include "phrase_reference.hpp"
#include "prospects/csv_records.hpp"
#include "prospects/exact_reader.hpp"
#include "prospects/parallel_reader.hpp"

namespace outreach::fuzz {

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

/// The rules loader, and a dump of what it accepted (dump() throws on invalid UTF-8).
inline void run_rules(std::string_view text) {
  try {
    const auto rules = Rules::parse(text, "fuzz.json");
    (void)rules.document();
  } catch (const InputError&) {
  }
}

/// The account reader.
inline void run_account(std::string_view text) {
  try {
    (void)parse_account(text, "account.json", "/tmp", Rules::builtin());
  } catch (const InputError&) {
  }
}

/// The ledger reader, the torn-line finder, the canonical writer and the credit simulation
/// over whatever the reader accepts.
inline void run_ledger(std::string_view text) {
  const auto& rules = Rules::builtin();
  static const Account account = [&] {
    auto a = default_account(rules);
    a.plan = "premium-career";
    a.plan_start = parse_iso_date("2026-01-31");
    a.zone = find_time_zone("America/New_York", "fuzz");
    return a;
  }();
  (void)ledger_lines::find_torn_last_line(text);
  try {
    const auto events = parse_ledger(text, "ledger.ndjson", account.zone);
    // Whatever is accepted must survive a round trip through the canonical line that an
    // append writes: a ledger must never hold a line it cannot read back.
    for (const auto& event : events) {
      const std::string line = format_ledger_event(event);
      const LedgerEvent back = parse_ledger_event(line, "canonical", event.line, account.zone);
      if (back.date != event.date || back.type != event.type || back.prospect != event.prospect ||
          back.free != event.free)
        throw std::logic_error("ledger event changed in a round trip: " + line);
    }
    (void)simulate_credits(account, events, *parse_iso_date("2027-06-30"), rules, "ledger.ndjson");
  } catch (const InputError&) {
  }
  // An import is streamed: the stream reader must accept what the text reader accepts, with
  // the same events, and refuse what it refuses.
  std::optional<std::vector<LedgerEvent>> whole, streamed;
  try {
    whole = parse_ledger(text, "in", account.zone, LastLine::may_lack_newline);
  } catch (const InputError&) {
  }
  try {
    std::istringstream in{std::string(text)};
    streamed = parse_ledger_stream(in, "in", account.zone, LastLine::may_lack_newline);
  } catch (const InputError&) {
  }
  if (whole.has_value() != streamed.has_value()) std::abort();
  if (whole) {
    if (whole->size() != streamed->size()) std::abort();
    for (std::size_t i = 0; i < whole->size(); ++i)
      if ((*whole)[i].prospect != (*streamed)[i].prospect ||
          (*whole)[i].line != (*streamed)[i].line)
        std::abort();
    // The check before an import refuses exactly what the simulation would refuse.
    bool simulated = true, checked = true;
    const Date last = whole->empty() ? *account.plan_start : whole->back().date;
    Date latest = last;
    for (const auto& event : *whole) latest = std::max(latest, event.date);
    try {
      (void)simulate_credits(account, *whole, latest, rules, "in");
    } catch (const InputError&) {
      simulated = false;
    }
    try {
      check_events_against_account(account, rules, {}, "ledger", *whole, "in");
    } catch (const InputError&) {
      checked = false;
    }
    if (simulated != checked && !whole->empty()) std::abort();
  }
}

/// The phrase automaton against a search phrase by phrase: the input's lines up to its first
/// empty line are the phrases, the rest is the text.
inline void run_phrases(std::string_view text) {
  std::vector<std::string> phrases;
  while (!text.empty()) {
    const std::size_t newline = text.find('\n');
    const std::string_view line = text.substr(0, newline);
    text.remove_prefix(newline == std::string_view::npos ? text.size() : newline + 1);
    if (line.empty()) break;
    phrases.emplace_back(line);
  }
  const lint_detail::PhraseSet set(phrases);
  for (std::size_t begin = 0; begin <= text.size(); begin += 1 + text.size() / 4) {
    const auto expected = testing::naive_first_phrase(text, begin, text.size(), phrases);
    const auto got = set.find_first(text, begin, text.size());
    if (got.has_value() != expected.has_value()) std::abort();
    if (got && (got->offset != expected->offset || got->length != expected->length)) std::abort();
    if (set.contains_any(text, begin, text.size()) != expected.has_value()) std::abort();
  }
}

/// Reads a TSV field back (\t \n \r \\ \xHH \uHHHH); what append_tsv_field wrote must read back
/// to the value it was given.
inline std::string unescape_tsv(std::string_view field) {
  std::string out;
  for (std::size_t i = 0; i < field.size(); ++i) {
    if (field[i] != '\\') {
      out += field[i];
      continue;
    }
    const char kind = field.at(++i);
    if (kind == 't')
      out += '\t';
    else if (kind == 'n')
      out += '\n';
    else if (kind == 'r')
      out += '\r';
    else if (kind == '\\')
      out += '\\';
    else if (kind == 'x' || kind == 'u') {
      const std::size_t digits = kind == 'x' ? 2 : 4;
      const auto value = std::stoul(std::string(field.substr(i + 1, digits)), nullptr, 16);
      append_utf8(out, static_cast<char32_t>(value));
      i += digits;
    } else {
      throw std::logic_error("unknown TSV escape");
    }
  }
  return out;
}

/// The output cells of every plan format: TSV reads back exactly and holds no control or
/// bidirectional character; CSV and printable() hold none but CSV's tabs and line breaks.
inline void run_cells(std::string_view text) {
  const auto holds_control = [](std::string_view out, std::string_view allowed) {
    for (std::size_t at = 0; at < out.size();) {
      const DecodedChar c = decode_utf8(out, at);
      if (c.valid && is_control_or_bidi(c.code_point) &&
          allowed.find(static_cast<char>(c.code_point)) == std::string_view::npos)
        return true;
      at += c.length;
    }
    return false;
  };
  std::string tsv, csv;
  detail::append_tsv_field(tsv, text);
  detail::append_csv_field(csv, text);
  if (holds_control(tsv, "") || holds_control(csv, "\t\r\n") || holds_control(printable(text), ""))
    std::abort();
  if (!first_invalid_utf8(text) && unescape_tsv(tsv) != text) std::abort();
}

/// The draft parser and the linter in every counting unit (templates in one of them): a
/// draft's own content is never bad input, so only an unknown Channel: header may throw.
inline void run_draft_lint(std::string_view text) {
  const auto& rules = Rules::builtin();
  for (const auto unit : {CountUnit::utf16, CountUnit::code_points, CountUnit::graphemes}) {
    LintOptions options;
    options.unit = unit;
    options.template_mode = unit == CountUnit::graphemes;
    try {
      (void)testing::lint_draft(text, "draft.txt", rules, options);
    } catch (const InputError&) {
    }
  }
}

/// Template parsing and rendering with one known field.
inline void run_template(std::string_view text) {
  auto parsed = Template::parse(text);
  if (auto* tmpl = std::get_if<Template>(&parsed)) {
    std::string out;
    std::vector<std::string> missing;
    tmpl->render(
        [](std::string_view name) -> std::optional<std::string_view> {
          if (name == "first_name") return std::string_view("Ada");
          return std::nullopt;
        },
        out, missing);
  }
}

/// Everything a prospect holds, to compare two readers' records.
inline bool same_prospect(const Prospect& a, const Prospect& b) {
  return a.id == b.id && a.position == b.position && a.degree == b.degree &&
         a.open_profile == b.open_profile && a.accepts_inmail == b.accepts_inmail &&
         a.pending_invitations == b.pending_invitations && a.rarely_accepts == b.rarely_accepts &&
         a.deadline == b.deadline && a.goal == b.goal &&
         a.mutual_connections == b.mutual_connections && a.zone == b.zone &&
         (a.priority == b.priority || (a.priority != a.priority && b.priority != b.priority)) &&
         a.group == b.group && a.do_not_contact == b.do_not_contact && a.fields == b.fields;
}

/// The streaming prospects reader (through read_prospect_batches, which tries the parallel
/// reader first on a stream that can seek); then the parallel reader against the exact one, keeping
/// every field and keeping a plan's few: when the parallel reader accepts an input, the exact
/// reader must accept it too and read the same prospects.
inline void run_prospects(std::string_view text) {
  const std::string input(text);
  std::istringstream in{input};
  std::size_t seen = 0;
  try {
    testing::read_prospects(in, "prospects.json", 20, [&](Prospect&& p) { seen += p.id.size(); });
  } catch (const InputError&) {
  }
  FieldSelection some;
  some.all = false;
  some.names = {"company", "first_name"};
  for (const FieldSelection& kept : {FieldSelection{}, some}) {
    std::vector<Prospect> exact, parallel;
    bool exact_ok = true;
    std::istringstream exact_in{input}, parallel_in{input};
    try {
      detail::read_prospects_in_order(
          exact_in, "p", 20, [&](Prospect&& p) { exact.push_back(std::move(p)); }, kept);
    } catch (const InputError&) {
      exact_ok = false;
    }
    const bool parallel_ok = detail::read_prospects_parallel(
        parallel_in, testing::pool(),
        [&](std::vector<Prospect>&& batch) {
          for (Prospect& p : batch) parallel.push_back(std::move(p));
        },
        kept);
    if (parallel_ok && (!exact_ok || exact.size() != parallel.size())) std::abort();
    for (std::size_t i = 0; i < parallel.size(); ++i)
      if (i >= exact.size() || !same_prospect(exact[i], parallel[i])) std::abort();
  }
}

/// The CSV readers: the prospects reader (CSV, TSV), the record reader with a round trip (the
/// records it accepts, written back quoted, read back the same), and the Connections.csv and
/// --exclude readers.
inline void run_csv(std::string_view text) {
  const std::string input(text);
  for (const ProspectFormat format : {ProspectFormat::csv, ProspectFormat::tsv}) {
    std::istringstream in{input};
    try {
      std::size_t seen = 0;
      testing::read_prospects(
          in, "leads.csv", 20, [&](Prospect&& p) { seen += p.id.size(); }, {}, format);
    } catch (const InputError&) {
    }
  }
  const auto read_records = [](const std::string& bytes) {
    std::istringstream in{bytes};
    detail::CsvRecords records(in, "r.csv", ',', std::size_t{1} << 20);
    std::vector<std::vector<std::string>> out;
    detail::CsvRecord record;
    while (records.next(record)) out.push_back(record.cells);
    return out;
  };
  std::vector<std::vector<std::string>> first;
  try {
    first = read_records(input);
  } catch (const InputError&) {
    first.clear();
  }
  if (!first.empty()) {
    std::string written;
    for (const auto& cells : first) {
      for (std::size_t i = 0; i < cells.size(); ++i) {
        if (i > 0) written += ',';
        written += '"';
        for (const char c : cells[i]) written += c == '"' ? std::string("\"\"") : std::string(1, c);
        written += '"';
      }
      written += '\n';
    }
    if (read_records(written) != first) std::abort();
  }
  try {
    std::istringstream in{input};
    (void)read_connections(in, "Connections.csv");
  } catch (const InputError&) {
  }
  try {
    std::istringstream in{input};
    (void)read_exclusions(in, "exclude.txt", Rules::builtin().csv);
  } catch (const InputError&) {
  }
}

}  // namespace outreach::fuzz
