// The streaming prospects reader: a JSON array through nlohmann's SAX parser fed chunk by
// chunk, or NDJSON one line at a time; one prospect is built at a time and handed on, so that
// neither the file nor a tree of it is ever held in memory.
#include "outreach/prospect.hpp"

#include <cstring>
#include <istream>
#include <utility>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "json_sax_parse.hpp"
#include "outreach/error.hpp"
#include "outreach/json_input.hpp"
#include "prospect_elide.hpp"
#include "prospect_fields.hpp"
#include "prospect_reader.hpp"
#include "prospect_stream.hpp"

namespace outreach {

std::optional<Goal> parse_goal(std::string_view name) {
  if (name == "sales") return Goal::sales;
  if (name == "recruiting") return Goal::recruiting;
  if (name == "nurture") return Goal::nurture;
  if (name == "marketing") return Goal::marketing;
  return std::nullopt;
}

std::string_view goal_name(Goal goal) {
  switch (goal) {
    case Goal::sales:
      return "sales";
    case Goal::recruiting:
      return "recruiting";
    case Goal::nurture:
      return "nurture";
    case Goal::marketing:
      return "marketing";
  }
  return "sales";
}

std::optional<std::string_view> Prospect::field(std::string_view name) const {
  for (const auto& [key, value] : fields)
    if (key == name) return std::string_view(value);
  return std::nullopt;
}

namespace {

using detail::JsonValue;
using detail::ProblemLog;
using detail::ProspectBuilder;
using detail::ProspectStream;
using Kind = JsonValue::Kind;
using Sink = std::function<void(Prospect&&)>;
using json = nlohmann::json;

constexpr std::size_t chunk_size = 64 * 1024;

// nlohmann's messages read "[json.exception.parse_error.101] parse error at line 1, column 4:
// syntax error while parsing value - unexpected ']'; expected '[', '{', or a literal; last
// read: '…'". Keep the reason only: the position is given in our form, and the "last read"
// echo holds raw input bytes.
std::string parse_reason(const nlohmann::detail::exception& error) {
  if (error.id == 406) return "number out of range";
  std::string reason = error.what();
  if (const auto colon = reason.find(": "); colon != std::string::npos) reason.erase(0, colon + 2);
  if (const auto dash = reason.find(" - "); dash != std::string::npos) reason.erase(0, dash + 3);
  if (const auto last = reason.find("; last read: '"); last != std::string::npos) {
    const auto rest = reason.rfind("'; expected ");
    reason = reason.substr(0, last) +
             (rest != std::string::npos && rest > last ? reason.substr(rest + 1) : "");
  }
  for (char& c : reason)
    if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x7f) c = '?';
  return reason;
}

// Receives nlohmann's SAX events for a whole array (prospects at depth 1) or for one NDJSON
// line (the prospect at depth 0), and drives the builder.
class ProspectSax final : public detail::JsonSax {
 public:
  ProspectSax(ProspectBuilder& builder, ProblemLog& problems, const Sink& sink, std::size_t& count,
              ProspectStream* stream)
      : builder_(builder),
        problems_(problems),
        sink_(sink),
        count_(count),
        stream_(stream),
        level_(stream != nullptr ? 1 : 0) {}

  /// NDJSON: the line being parsed, and how many bytes of it were skipped before the text.
  void set_line(std::size_t line, std::size_t column_offset) {
    line_ = line;
    column_offset_ = column_offset;
  }

  /// An array element parsed on its own sits one level below the array: one level less to nest.
  void set_depth_limit(std::size_t limit) { depth_limit_ = limit; }

  bool null() override { return scalar(JsonValue{}); }
  bool boolean(bool value) override { return scalar(JsonValue{Kind::boolean, value, 0, 0, 0, {}}); }
  bool number_integer(json::number_integer_t value) override {
    return scalar(JsonValue{Kind::integer, false, value, 0, 0, {}});
  }
  bool number_unsigned(json::number_unsigned_t value) override {
    return scalar(JsonValue{Kind::unsigned_integer, false, 0, value, 0, {}});
  }
  bool number_float(json::number_float_t value, const json::string_t& text) override {
    return scalar(JsonValue{Kind::floating, false, 0, 0, value, text});
  }
  bool string(json::string_t& value) override {
    return scalar(JsonValue{Kind::string, false, 0, 0, 0, value});
  }
  bool binary(json::binary_t&) override { return true; }  // never produced by JSON text
  bool start_object(std::size_t) override { return start(Kind::object); }
  bool start_array(std::size_t) override { return start(Kind::array); }
  bool key(json::string_t& name) override {
    if (!event()) return false;
    if (in_prospect_ && depth_ == level_ + 1) builder_.key(name);
    return true;
  }
  bool end_object() override {
    if (!event()) return false;
    --depth_;
    if (depth_ == level_ && in_prospect_) {
      in_prospect_ = false;
      Prospect prospect;
      if (builder_.finish(prospect) && problems_.empty()) sink_(std::move(prospect));
    }
    return !problems_.full();
  }
  bool end_array() override {
    --depth_;
    if (depth_ == level_ && in_array_element_) {
      in_array_element_ = false;
      not_an_object("an array");
    }
    return event();
  }
  bool parse_error(std::size_t position, const std::string& last_token,
                   const nlohmann::detail::exception& error) override {
    pending_.clear();  // the syntax error says more than what came before it
    if (report_stop()) return false;
    std::string reason = parse_reason(error);
    // `position` counts the bytes read, up to the end of the offending token. A string or number
    // in the wrong place is shown at its first byte (`last_token` holds it then, and only then);
    // anything else at the last byte read (a bad byte inside a string, a stray comma).
    std::size_t at = position > 0 ? position - 1 : 0;  // 0-based
    const bool literal = reason.rfind("unexpected string literal", 0) == 0 ||
                         reason.rfind("unexpected number literal", 0) == 0;
    if (literal && !last_token.empty() && last_token.size() <= position)
      at = position - last_token.size();
    if (stream_ == nullptr) {
      if (reason.find("unexpected end of input") != std::string::npos)
        reason += " (each NDJSON line holds one whole prospect object)";
      problems_.add(fmt::format("{}:{}:{}: malformed JSON: {}", problems_.origin(), line_,
                                at + 1 + column_offset_, reason));
    } else {
      const auto [line, column] = stream_->line_and_column(at);
      problems_.add(
          fmt::format("{}:{}:{}: malformed JSON: {}", problems_.origin(), line, column, reason));
    }
    return false;
  }

  /// NDJSON: records a problem held back until the line turned out to be well-formed.
  void flush() {
    if (!pending_.empty()) builder_.problem({}, pending_);
    pending_.clear();
  }

  /// Reports why the stream stopped early (a NUL byte, an overlong token); false if it did not.
  bool report_stop() {
    if (stream_ == nullptr || stop_reported_ ||
        stream_->stop_reason() == ProspectStream::Stop::none)
      return false;
    stop_reported_ = true;
    const auto [line, column] = stream_->line_and_column(stream_->offset());
    if (stream_->stop_reason() == ProspectStream::Stop::nul)
      problems_.add(
          fmt::format("{}:{}:{}: NUL byte in the input", problems_.origin(), line, column));
    else
      problems_.add(
          fmt::format("{}:{}:{}: a JSON value longer than {} bytes (the largest accepted)",
                      problems_.origin(), line, column, max_prospect_bytes));
    return true;
  }

 private:
  // Every event: the stream may run another token's length, the element may not grow past
  // the limit, and the cap on problems ends the parse.
  bool event() {
    if (stream_ != nullptr) {
      stream_->mark();
      if (in_prospect_ && stream_->offset() - element_start_ > max_prospect_bytes) {
        builder_.problem({}, fmt::format("prospect larger than {} bytes (the largest accepted)",
                                         max_prospect_bytes));
        return false;
      }
    }
    return !problems_.full();
  }

  // An element that is not an object. On an NDJSON line this is only said once the whole line
  // parsed: a line such as `"degree": 1}` is a syntax error, not a string.
  void not_an_object(const std::string& what) {
    const std::string message = "expected a prospect object, got " + what;
    if (stream_ == nullptr)
      pending_ = message;
    else
      builder_.problem({}, message);
  }

  // A new element of the list (or the NDJSON line's value) begins.
  bool begin_element() {
    if (++count_ > max_prospects) {
      problems_.add(fmt::format("{}: more than {} prospects; split the list", problems_.origin(),
                                max_prospects));
      return false;
    }
    builder_.begin(stream_ != nullptr ? index_++ : line_);
    return true;
  }

  bool scalar(const JsonValue& value) {
    if (!event()) return false;
    if (depth_ == level_) {
      if (!begin_element()) return false;
      not_an_object(detail::describe(value));
    } else if (in_prospect_ && depth_ == level_ + 1) {
      builder_.value(value);
    }
    return !problems_.full();
  }

  bool start(Kind kind) {
    if (!event()) return false;
    if (depth_ + 1 > depth_limit_) {
      if (stream_ == nullptr) {
        problems_.add(fmt::format("{}:{}: JSON nested deeper than {} levels", problems_.origin(),
                                  line_, max_json_depth));
      } else {
        const auto [line, column] = stream_->line_and_column(stream_->offset() - 1);
        problems_.add(fmt::format("{}:{}:{}: JSON nested deeper than {} levels", problems_.origin(),
                                  line, column, max_json_depth));
      }
      return false;
    }
    if (depth_ == level_) {
      if (!begin_element()) return false;
      if (kind == Kind::object) {
        in_prospect_ = true;
        element_start_ = stream_ != nullptr ? stream_->offset() : 0;
      } else {
        in_array_element_ = true;  // said at its end, unless it turns out too deep or malformed
      }
    } else if (in_prospect_ && depth_ == level_ + 1) {
      builder_.value(JsonValue{kind, false, 0, 0, 0, {}});
    }
    ++depth_;
    return !problems_.full();
  }

  ProspectBuilder& builder_;
  ProblemLog& problems_;
  const Sink& sink_;
  std::size_t& count_;
  ProspectStream* stream_;
  std::size_t level_;
  std::size_t depth_ = 0;
  std::size_t index_ = 0;
  std::size_t line_ = 0;
  std::size_t column_offset_ = 0;
  std::size_t element_start_ = 0;
  std::size_t depth_limit_ = static_cast<std::size_t>(max_json_depth);
  bool in_prospect_ = false;
  bool in_array_element_ = false;
  bool stop_reported_ = false;
  std::string pending_;
};

void read_array(ProspectStream& stream, ProblemLog& problems, const Sink& sink,
                const FieldSelection& kept) {
  ProspectBuilder builder(problems, false, true, &kept);
  std::size_t count = 0;
  ProspectSax sax(builder, problems, sink, count, &stream);
  stream.mark();
  detail::sax_parse_stream(stream, sax);
  sax.report_stop();  // a NUL right after a complete list ends the parse without an error
}

void read_ndjson(ProspectStream& stream, ProblemLog& problems, const Sink& sink,
                 const FieldSelection& kept) {
  ProspectBuilder builder(problems, true, true, &kept);
  std::size_t count = 0;
  std::string line;
  bool truncated = false;
  // The first line may have lost leading white space to format detection.
  std::size_t column_offset = stream.line_and_column(stream.offset()).second - 1;
  while (!problems.full()) {
    const std::size_t number = stream.line();
    if (!stream.read_line(line, max_prospect_bytes, truncated)) break;
    const std::size_t offset = std::exchange(column_offset, 0);
    if (truncated) {
      problems.add(fmt::format("{}:{}: line longer than {} bytes (the largest prospect accepted)",
                               problems.origin(), number, max_prospect_bytes));
      continue;
    }
    if (detail::blank_line(line)) continue;
    if (const auto nul = line.find('\0'); nul != std::string::npos) {
      problems.add(fmt::format("{}:{}:{}: NUL byte in the input", problems.origin(), number,
                               offset + nul + 1));
      continue;
    }
    ProspectSax sax(builder, problems, sink, count, nullptr);
    sax.set_line(number, offset);
    detail::sax_parse_bytes(line.data(), line.data() + line.size(), sax);
    sax.flush();
  }
}

}  // namespace

bool detail::blank_line(std::string_view line) {
  return line.find_first_not_of(" \t\r") == std::string_view::npos;
}

detail::RecordParser::RecordParser(bool array_elements, const FieldSelection& kept)
    : problems_({}, 1),
      builder_(problems_, !array_elements, false, &kept),
      kept_(kept),
      array_elements_(array_elements),
      sink_([this](Prospect&& prospect) {
        *target_ = std::move(prospect);
        built_ = true;
      }) {}

bool detail::RecordParser::parse(char* first, char* last, std::size_t position, Prospect& out) {
  // nlohmann takes a NUL byte for the end of the input: the exact reader looks for them first.
  if (!problems_.empty() || std::memchr(first, '\0', static_cast<std::size_t>(last - first)))
    return false;
  target_ = &out;
  built_ = false;
  ProspectSax sax(builder_, problems_, sink_, count_, nullptr);
  sax.set_line(position, 0);
  if (array_elements_) sax.set_depth_limit(static_cast<std::size_t>(max_json_depth) - 1);
  last = first + detail::elide_unused_strings(first, static_cast<std::size_t>(last - first), kept_);
  const bool parsed = detail::sax_parse_bytes(first, last, sax);
  sax.flush();
  return parsed && problems_.empty() && built_;
}

void detail::read_prospects_in_order(std::istream& in, const std::string& origin,
                                     std::size_t max_problems,
                                     const std::function<void(Prospect&&)>& sink,
                                     const FieldSelection& kept) {
  ProspectStream stream(in, chunk_size, max_prospect_bytes);
  ProblemLog problems(origin, max_problems > 0 ? max_problems : 1);
  // A UTF-8 byte-order mark (spreadsheet exports write one) and white space may come first.
  int bom_bytes = 0;
  for (const int bom_byte : {0xEF, 0xBB, 0xBF}) {
    if (stream.peek() != bom_byte) break;
    stream.advance();
    ++bom_bytes;
  }
  const bool broken_bom = bom_bytes == 1 || bom_bytes == 2;
  for (int c = stream.peek(); !broken_bom && (c == ' ' || c == '\t' || c == '\r' || c == '\n');
       c = stream.peek())
    stream.advance();

  const int first = stream.peek();
  const auto [line, column] = stream.line_and_column(stream.offset());
  if (first == '[' && !broken_bom) {
    read_array(stream, problems, sink, kept);
  } else if (first == '{' && !broken_bom) {
    read_ndjson(stream, problems, sink, kept);
  } else if (first == 0) {
    problems.add(fmt::format("{}:{}:{}: NUL byte in the input", origin, line, column));
  } else if (first >= 0 || broken_bom) {
    problems.add(fmt::format(
        "{}:{}:{}: expected a JSON array of prospect objects, or one object per line (NDJSON)",
        origin, line, column));
  }
  if (stream.read_failed()) throw InputError(fmt::format("{}: read error", origin));
  if (first < 0 && !broken_bom)
    throw InputError(
        fmt::format("{}: no prospects: the input is empty (an empty list is [])", origin));
  if (!problems.empty()) throw InputError(problems.text());
}

}  // namespace outreach
