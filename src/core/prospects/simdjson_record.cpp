#include "prospects/simdjson_record.hpp"

#include <simdjson.h>

#include <charconv>
#include <cstdint>
#include <cstring>
#include <system_error>
#include <utility>

#include "prospects/json_scan.hpp"

namespace outreach::detail {
namespace {

namespace od = simdjson::ondemand;
using Kind = JsonValue::Kind;

// Containers nested deeper than this (the prospect object is level 1) go to nlohmann, which
// applies the reader's depth limit (max_json_depth) and says so: exports nest a level or two.
constexpr int max_fast_nesting = 8;

// Bytes the fast path leaves to nlohmann wherever they are: a backslash (an escape, which
// nlohmann decodes and judges itself) and the control bytes other than JSON's white space
// (invalid anywhere in JSON; a NUL ends nlohmann's input). Checked without an early exit,
// which lets the compiler vectorise the loop.
bool unusual_bytes(const char* text, std::size_t length) {
  unsigned char odd = 0;
  for (std::size_t i = 0; i < length; ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    odd |= static_cast<unsigned char>(
        (byte == '\\') | ((byte < 0x20) & (byte != '\t') & (byte != '\n') & (byte != '\r')));
  }
  return odd != 0;
}

std::string_view without_trailing_space(std::string_view token) {
  while (!token.empty() && json_space(token.back())) token.remove_suffix(1);
  return token;
}

bool digit(char c) { return c >= '0' && c <= '9'; }

// JSON's number grammar, exactly: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?. `integral`
// tells a token without fraction and exponent, which nlohmann lexes as an integer.
bool json_number(std::string_view token, bool& integral) {
  const std::size_t n = token.size();
  std::size_t i = 0;
  if (i < n && token[i] == '-') ++i;
  if (i == n) return false;
  if (token[i] == '0') {
    ++i;
  } else if (token[i] >= '1' && token[i] <= '9') {
    while (i < n && digit(token[i])) ++i;
  } else {
    return false;
  }
  integral = true;
  if (i < n && token[i] == '.') {
    integral = false;
    const std::size_t start = ++i;
    while (i < n && digit(token[i])) ++i;
    if (i == start) return false;
  }
  if (i < n && (token[i] == 'e' || token[i] == 'E')) {
    integral = false;
    ++i;
    if (i < n && (token[i] == '+' || token[i] == '-')) ++i;
    const std::size_t start = i;
    while (i < n && digit(token[i])) ++i;
    if (i == start) return false;
  }
  return i == n;
}

// A number token as nlohmann's lexer reads it: without '.', 'e' or 'E', an unsigned integer
// when it fits uint64 (no '-') or an integer when it fits int64 ('-'); anything else a double
// (strtod there; std::from_chars is as correctly rounded) with the token kept as written. False
// (nlohmann decides) when the double overflows, for which nlohmann reports an error, or
// underflows.
bool number_value(std::string_view token, JsonValue& out) {
  bool integral = false;
  if (!json_number(token, integral)) return false;
  const char* first = token.data();
  const char* last = first + token.size();
  if (integral) {
    if (token.front() == '-') {
      std::int64_t value = 0;
      const auto [end, error] = std::from_chars(first, last, value);
      if (error == std::errc{} && end == last) {
        out = JsonValue{Kind::integer, false, value, 0, 0, {}};
        return true;
      }
    } else {
      std::uint64_t value = 0;
      const auto [end, error] = std::from_chars(first, last, value);
      if (error == std::errc{} && end == last) {
        out = JsonValue{Kind::unsigned_integer, false, 0, value, 0, {}};
        return true;
      }
    }
  }
  double value = 0;
  const auto [end, error] = std::from_chars(first, last, value);
  if (error != std::errc{} || end != last) return false;
  out = JsonValue{Kind::floating, false, 0, 0, value, token};
  return true;
}

// The text of a string token (from its opening quote), in a record without backslashes: up to
// the next quote. False if the token holds more than the string.
bool string_text(std::string_view token, const char* end_of_record, std::string_view& out) {
  const char* content = token.data() + 1;
  const void* quote = std::memchr(content, '"', static_cast<std::size_t>(end_of_record - content));
  if (quote == nullptr) return false;
  const char* close = static_cast<const char*>(quote);
  if (without_trailing_space(token).size() != static_cast<std::size_t>(close + 1 - token.data()))
    return false;
  out = std::string_view(content, static_cast<std::size_t>(close - content));
  return true;
}

// Reads a value: a scalar into `out`, a container by its kind after walking all of its
// contents (On Demand checks only what it is made to visit). `level` is the nesting of a
// container starting here.
bool read_value(od::value& value, int level, const char* end_of_record, JsonValue& out);

bool walk_array(od::value& value, int level, const char* end_of_record) {
  od::array array;
  if (value.get_array().get(array) != simdjson::SUCCESS) return false;
  JsonValue ignored;
  for (auto element : array) {
    od::value item;
    if (std::move(element).get(item) != simdjson::SUCCESS) return false;
    if (!read_value(item, level + 1, end_of_record, ignored)) return false;
  }
  return true;
}

bool walk_object(od::value& value, int level, const char* end_of_record) {
  od::object object;
  if (value.get_object().get(object) != simdjson::SUCCESS) return false;
  JsonValue ignored;
  for (auto field : object) {
    od::field member;
    if (std::move(field).get(member) != simdjson::SUCCESS) return false;
    od::value item = member.value();
    if (!read_value(item, level + 1, end_of_record, ignored)) return false;
  }
  return true;
}

bool read_value(od::value& value, int level, const char* end_of_record, JsonValue& out) {
  od::json_type type{};
  if (value.type().get(type) != simdjson::SUCCESS) return false;
  switch (type) {
    case od::json_type::object:
      if (level > max_fast_nesting || !walk_object(value, level, end_of_record)) return false;
      out = JsonValue{Kind::object, false, 0, 0, 0, {}};
      return true;
    case od::json_type::array:
      if (level > max_fast_nesting || !walk_array(value, level, end_of_record)) return false;
      out = JsonValue{Kind::array, false, 0, 0, 0, {}};
      return true;
    case od::json_type::number:
      return number_value(without_trailing_space(value.raw_json_token()), out);
    case od::json_type::string: {
      std::string_view text;
      if (!string_text(value.raw_json_token(), end_of_record, text)) return false;
      out = JsonValue{Kind::string, false, 0, 0, 0, text};
      return true;
    }
    case od::json_type::boolean: {
      const std::string_view token = without_trailing_space(value.raw_json_token());
      if (token != "true" && token != "false") return false;
      out = JsonValue{Kind::boolean, token == "true", 0, 0, 0, {}};
      return true;
    }
    case od::json_type::null:
      if (without_trailing_space(value.raw_json_token()) != "null") return false;
      out = JsonValue{};
      return true;
  }
  return false;
}

}  // namespace

struct SimdjsonRecord::Simdjson {
  od::parser parser;
};

SimdjsonRecord::SimdjsonRecord() : simdjson_(std::make_unique<Simdjson>()) {}
SimdjsonRecord::~SimdjsonRecord() = default;

SimdjsonRecord::Outcome SimdjsonRecord::read(const char* first, const char* last) {
  fields_.clear();
  const auto length = static_cast<std::size_t>(last - first);
  if (unusual_bytes(first, length)) return Outcome::fall_back;
  // simdjson reads up to SIMDJSON_PADDING bytes past the end: a copy is cheap next to parsing.
  const std::size_t capacity = length + simdjson::SIMDJSON_PADDING;
  if (buffer_.size() < capacity) buffer_.resize(capacity);
  std::memcpy(buffer_.data(), first, length);
  std::memset(buffer_.data() + length, 0, simdjson::SIMDJSON_PADDING);
  const char* text = buffer_.data();
  const char* end = text + length;

  od::document document;
  if (simdjson_->parser.iterate(text, length, buffer_.size()).get(document) != simdjson::SUCCESS)
    return Outcome::fall_back;
  od::object object;
  if (document.get_object().get(object) != simdjson::SUCCESS) return Outcome::fall_back;
  for (auto field : object) {
    od::field member;
    if (std::move(field).get(member) != simdjson::SUCCESS) return Outcome::fall_back;
    // The key: up to the next quote (no backslash in the record).
    const char* name = member.key().raw();
    const void* quote = std::memchr(name, '"', static_cast<std::size_t>(end - name));
    if (quote == nullptr) return Outcome::fall_back;
    Field& out = fields_.emplace_back();
    out.key =
        std::string_view(name, static_cast<std::size_t>(static_cast<const char*>(quote) - name));
    od::value value = member.value();
    if (!read_value(value, 2, end, out.value)) return Outcome::fall_back;
  }
  // Nothing but white space after the object: the iterator has used up every token.
  const char* after = nullptr;
  if (document.current_location().get(after) != simdjson::OUT_OF_BOUNDS) return Outcome::fall_back;
  return Outcome::parsed;
}

}  // namespace outreach::detail
