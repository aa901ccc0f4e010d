#pragma once
// The prospects reader's handler of nlohmann's SAX events: it follows the nesting, hands each
// top-level object's keys and values to the builder, positions syntax errors in our own form,
// and hands every valid prospect on. The exact reader parses a whole array or one NDJSON line
// through it; the record parser one record at a time.

#include <cstddef>
#include <functional>
#include <string>
#include <utility>

#include <fmt/format.h>

#include "outreach/limits.hpp"
#include "outreach/prospect.hpp"
#include "prospects/builder.hpp"
#include "prospects/sax_parse.hpp"
#include "prospects/stream.hpp"

namespace outreach::detail {

/// nlohmann's reason for a syntax error without its position and its echo of the input ("last
/// read: '…'" holds raw input bytes): "unexpected ']'; expected '[', '{', or a literal".
std::string parse_reason(const nlohmann::detail::exception& error);

/// Receives nlohmann's SAX events for a whole array (prospects at depth 1, read from `stream`)
/// or for one record in memory (the prospect at depth 0, `stream` null), and drives the builder.
class ProspectSax final : public JsonSax {
 public:
  using Sink = std::function<void(Prospect&&)>;
  using Kind = JsonValue::Kind;
  using json = nlohmann::json;

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
      // Named by where the first prospect over the limit starts: its line, or its index.
      std::string place = fmt::format("{}:{}", problems_.origin(), line_);
      if (stream_ != nullptr) {
        const auto [line, column] = stream_->line_and_column(stream_->offset() - 1);
        place = fmt::format("{}:{}:{}: [{}]", problems_.origin(), line, column, index_);
      }
      problems_.add(
          fmt::format("{}: more than {} prospects; split the list", place, max_prospects));
      return false;
    }
    builder_.begin(stream_ != nullptr ? index_++ : line_);
    return true;
  }

  bool scalar(const JsonValue& value) {
    if (!event()) return false;
    if (depth_ == level_) {
      if (!begin_element()) return false;
      not_an_object(describe(value));
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

}  // namespace outreach::detail
