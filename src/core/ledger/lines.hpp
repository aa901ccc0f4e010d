#pragma once
// Reading a ledger line by line from text that arrives in chunks, so that a ledger file is
// never held whole in memory and a corrupt line of hundreds of megabytes costs no more than
// max_ledger_line_bytes (include/outreach/limits.hpp). parse_ledger, find_torn_last_line and
// the file reader and appender all go through these, so they agree on every line.

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "ledger/event.hpp"
#include "outreach/ledger.hpp"
#include "outreach/limits.hpp"

namespace outreach {

/// A last line left incomplete by an interrupted append: its 1-based number and what is wrong.
struct TornLine {
  std::size_t line = 0;
  std::string problem;  ///< "no newline at its end; …" or "not JSON: <why> at column N"
  std::string repair;   ///< what the user should do about it
};

/// The voids (SPEC §12) a ledger's parser has seen.
struct LedgerCorrections {
  std::size_t lines = 0;                                ///< lines read so far, blank ones too
  std::vector<std::size_t> void_lines;                  ///< the lines that hold a void, ascending
  std::unordered_map<std::size_t, std::size_t> voided;  ///< a voided line → its void's line
};

/// What stands in the way of voiding line `target` by a void on line `own_line`.
enum class VoidProblem { none, no_such_line, blank, is_void, already_voided };

/// `events`: those read so far in line order (the voided ones among them or not).
VoidProblem void_problem(const std::vector<LedgerEvent>& events,
                         const LedgerCorrections& corrections, std::size_t target,
                         std::size_t own_line);

}  // namespace outreach

namespace outreach::ledger_lines {

/// Splits chunks into lines (without their '\n'). A line longer than `limit` is passed on cut
/// to limit + 1 bytes and marked overlong, so holding it back never takes more memory.
class LineSplitter {
 public:
  /// Receives each line; `complete` is false for a last line without its newline.
  using Sink = std::function<void(std::string_view line, bool complete, bool overlong)>;

  /// With `eager_overlong`, an over-long line is passed on (cut, marked overlong and not
  /// complete) as soon as it crosses the limit, for a sink that stops there: a line with no
  /// end (/dev/zero) is then refused instead of read for ever.
  LineSplitter(std::size_t limit, Sink sink, bool eager_overlong = false)
      : limit_(limit), sink_(std::move(sink)), eager_overlong_(eager_overlong) {}
  void feed(std::string_view chunk);
  /// Passes on the last line if it has no newline.
  void finish();

 private:
  std::size_t limit_;
  Sink sink_;
  bool eager_overlong_;
  std::string partial_;
  bool has_partial_ = false;
  bool overlong_ = false;
};

/// Finds the torn last line (see find_torn_last_line) while lines go by.
class TornLineFinder {
 public:
  static constexpr bool stops_at_overlong_line = false;
  void line(std::string_view text, bool complete, bool overlong);
  std::optional<TornLine> result() const;

 private:
  std::size_t number_ = 0;
  std::size_t last_number_ = 0;  ///< of the last non-blank line; 0 for none
  std::string last_;
  bool last_complete_ = true;
  bool last_overlong_ = false;
};

/// Parses events while lines go by, with parse_ledger's rules: a torn last line (no newline,
/// or a last non-blank line that is not JSON) is an InputError naming it, unless the last line
/// may lack its newline; every other problem is the InputError of the first bad line. A void
/// must name an earlier line that holds an event not voided yet; finish() leaves the voided
/// events out.
class LedgerParser {
 public:
  static constexpr bool stops_at_overlong_line = true;  ///< line() throws for one
  LedgerParser(std::string origin, const date::time_zone* zone, LastLine last_line)
      : origin_(std::move(origin)), zone_(zone), last_line_(last_line) {}
  void line(std::string_view text, bool complete, bool overlong);
  std::vector<LedgerEvent> finish();
  std::size_t events() const { return events_.size(); }
  const LedgerCorrections& corrections() const { return corrections_; }

 private:
  void add(LedgerLine&& parsed);

  std::string origin_;
  const date::time_zone* zone_;
  LastLine last_line_;
  std::vector<LedgerEvent> events_;
  LedgerCorrections corrections_;
  /// A line that is not JSON: torn if it stays the last non-blank line, else an error.
  std::optional<std::pair<std::size_t, std::string>> not_json_;
};

/// The torn last line of a ledger's text (the last non-blank line has no newline, or is not
/// JSON), if there is one.
std::optional<TornLine> find_torn_last_line(std::string_view text);

/// A splitter at the ledger's line limit that hands each line to `consumer.line(…)` (a
/// TornLineFinder or a LedgerParser); the consumer must outlive it.
template <typename Consumer>
LineSplitter lines_into(Consumer& consumer) {
  return LineSplitter(
      max_ledger_line_bytes,
      [&consumer](std::string_view line, bool complete, bool overlong) {
        consumer.line(line, complete, overlong);
      },
      Consumer::stops_at_overlong_line);
}

}  // namespace outreach::ledger_lines
