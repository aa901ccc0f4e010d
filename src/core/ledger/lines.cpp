#include "ledger/lines.hpp"

#include <algorithm>
#include <istream>
#include <memory>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "outreach/error.hpp"
#include "outreach/limits.hpp"
#include "support/json_input.hpp"

namespace outreach::ledger_lines {
namespace {

// Why a line is not JSON, e.g. "invalid string: missing closing quote at column 27".
std::string json_problem(std::string_view line) {
  try {
    (void)parse_json_document(line, "");
  } catch (const InputError& e) {
    // The message reads ":1:COLUMN: malformed JSON: REASON" (or another reason than malformed).
    std::string_view message = e.what();
    if (message.substr(0, 3) == ":1:") message.remove_prefix(3);
    const std::size_t colon = message.find(": ");
    if (colon == std::string_view::npos) return std::string(message);
    std::string_view reason = message.substr(colon + 2);
    if (reason.substr(0, 16) == "malformed JSON: ") reason.remove_prefix(16);
    return fmt::format("{} at column {}", reason, message.substr(0, colon));
  }
  return "malformed JSON";
}

TornLine without_newline(std::size_t number) {
  return {number, "no newline at its end; an append was cut short?",
          "delete that line, or end it with a newline if it holds a complete event"};
}

TornLine not_json(std::size_t number, std::string_view line) {
  return {number, "not JSON: " + json_problem(line),
          "delete that line, or repair it into one complete JSON event"};
}

[[noreturn]] void throw_torn(const std::string& origin, const TornLine& torn) {
  throw InputError(
      fmt::format("{}:{}: torn last line ({}): {}", origin, torn.line, torn.problem, torn.repair));
}

// Why a void read from a ledger cannot stand (the writer refuses each of these first).
std::string reader_void_problem(VoidProblem problem, std::size_t target,
                                const LedgerCorrections& corrections) {
  switch (problem) {
    case VoidProblem::none:
      break;
    case VoidProblem::no_such_line:
      return fmt::format("{} is not a line before this void: a void names an earlier event",
                         target);
    case VoidProblem::blank:
      return fmt::format("line {} is blank: it holds no event to void", target);
    case VoidProblem::is_void:
      return fmt::format("line {} is a void itself: a void is not voided", target);
    case VoidProblem::already_voided:
      return fmt::format("line {} is voided already, by line {}", target,
                         corrections.voided.at(target));
  }
  return "no problem";
}

bool is_json(std::string_view line) { return nlohmann::json::accept(line.begin(), line.end()); }

}  // namespace

void LineSplitter::feed(std::string_view chunk) {
  while (!chunk.empty()) {
    const std::size_t newline = chunk.find('\n');
    const std::string_view piece = chunk.substr(0, newline);
    if (newline != std::string_view::npos && !has_partial_ && piece.size() <= limit_) {
      sink_(piece, true, false);  // the usual case: a whole line inside the chunk, no copy
    } else {
      has_partial_ = true;
      if (!overlong_) {
        const std::size_t room = limit_ + 1 - partial_.size();
        partial_.append(piece.substr(0, room));
        overlong_ = partial_.size() > limit_;
        if (overlong_ && eager_overlong_) sink_(partial_, false, true);
      }
      if (newline == std::string_view::npos) return;
      sink_(partial_, true, overlong_);
      partial_.clear();
      has_partial_ = overlong_ = false;
    }
    chunk.remove_prefix(newline + 1);
  }
}

void LineSplitter::finish() {
  if (has_partial_) sink_(partial_, false, overlong_);
  partial_.clear();
  has_partial_ = overlong_ = false;
}

void TornLineFinder::line(std::string_view text, bool complete, bool overlong) {
  ++number_;
  if (!overlong && is_blank_line(text)) return;
  last_number_ = number_;
  last_complete_ = complete;
  last_overlong_ = overlong;
  last_.assign(overlong ? std::string_view() : text);
}

std::optional<TornLine> TornLineFinder::result() const {
  if (last_number_ == 0) return std::nullopt;
  if (!last_complete_) return without_newline(last_number_);
  // An over-long line is reported as such by the reader, without being parsed here.
  if (last_overlong_ || is_json(last_)) return std::nullopt;
  return not_json(last_number_, last_);
}

void LedgerParser::line(std::string_view text, bool complete, bool overlong) {
  const std::size_t number = ++corrections_.lines;
  if (overlong) throw_line_too_long(origin_, number);
  if (is_blank_line(text)) return;
  // A line that is not JSON is followed by another one: it is not torn, only malformed.
  if (not_json_) {
    // Throws: it is not JSON (kept as a line all the same should the parser think otherwise).
    add(parse_ledger_line(not_json_->second, origin_, not_json_->first, zone_));
    not_json_.reset();
  }
  if (last_line_ == LastLine::must_be_complete) {
    if (!complete) throw_torn(origin_, without_newline(number));
    if (!is_json(text)) {
      not_json_.emplace(number, std::string(text));
      return;
    }
  }
  add(parse_ledger_line(text, origin_, number, zone_));
}

void LedgerParser::add(LedgerLine&& parsed) {
  if (parsed.event) {
    events_.push_back(std::move(*parsed.event));
    return;
  }
  const LedgerVoid& correction = *parsed.correction;
  const std::size_t target = correction.target;
  const VoidProblem problem = void_problem(events_, corrections_, target, correction.line);
  if (problem != VoidProblem::none)
    throw InputError(fmt::format("{}:{}: line: {}", origin_, correction.line,
                                 reader_void_problem(problem, target, corrections_)));
  corrections_.void_lines.push_back(correction.line);
  corrections_.voided.emplace(target, correction.line);
}

std::vector<LedgerEvent> LedgerParser::finish() {
  if (not_json_) throw_torn(origin_, not_json(not_json_->first, not_json_->second));
  if (!corrections_.voided.empty())
    std::erase_if(events_, [&](const LedgerEvent& event) {
      return corrections_.voided.contains(event.line);
    });
  return std::move(events_);
}

std::optional<TornLine> find_torn_last_line(std::string_view text) {
  TornLineFinder finder;
  LineSplitter lines = lines_into(finder);
  lines.feed(text);
  lines.finish();
  return finder.result();
}

}  // namespace outreach::ledger_lines

namespace outreach {

VoidProblem void_problem(const std::vector<LedgerEvent>& events,
                         const LedgerCorrections& corrections, std::size_t target,
                         std::size_t own_line) {
  if (target == 0 || target >= own_line) return VoidProblem::no_such_line;
  if (corrections.voided.contains(target)) return VoidProblem::already_voided;
  if (std::binary_search(corrections.void_lines.begin(), corrections.void_lines.end(), target))
    return VoidProblem::is_void;
  const auto event =
      std::lower_bound(events.begin(), events.end(), target,
                       [](const LedgerEvent& e, std::size_t line) { return e.line < line; });
  return event != events.end() && event->line == target ? VoidProblem::none : VoidProblem::blank;
}

std::vector<LedgerEvent> parse_ledger(std::string_view text, const std::string& origin,
                                      const date::time_zone* zone, LastLine last_line) {
  ledger_lines::LedgerParser parser(origin, zone, last_line);
  ledger_lines::LineSplitter lines = ledger_lines::lines_into(parser);
  lines.feed(text);
  lines.finish();
  return parser.finish();
}

std::vector<LedgerEvent> parse_ledger_stream(std::istream& in, const std::string& origin,
                                             const date::time_zone* zone, LastLine last_line) {
  ledger_lines::LedgerParser parser(origin, zone, last_line);
  ledger_lines::LineSplitter lines = ledger_lines::lines_into(parser);
  constexpr std::size_t chunk_size = std::size_t{1} << 16;
  const auto chunk = std::make_unique_for_overwrite<char[]>(chunk_size);
  while (in) {
    in.read(chunk.get(), static_cast<std::streamsize>(chunk_size));
    lines.feed(std::string_view(chunk.get(), static_cast<std::size_t>(in.gcount())));
    if (parser.events() > max_import_events)
      throw InputError(fmt::format("{}: more than {} events, the most one import reads", origin,
                                   max_import_events));
  }
  if (in.bad()) throw IoError(fmt::format("{}: read error", origin));
  lines.finish();
  return parser.finish();
}

}  // namespace outreach
