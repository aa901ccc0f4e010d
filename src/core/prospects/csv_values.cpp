#include "prospects/csv_values.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>

namespace outreach::detail {
namespace {

bool same_letters(std::string_view text, std::string_view lower) {
  return text.size() == lower.size() &&
         std::equal(text.begin(), text.end(), lower.begin(), [](char a, char b) {
           return (a >= 'A' && a <= 'Z' ? static_cast<char>(a - 'A' + 'a') : a) == b;
         });
}

JsonValue integer_value(std::int64_t number) {
  JsonValue value;
  value.kind = JsonValue::Kind::integer;
  value.integer = number;
  return value;
}

}  // namespace

std::string_view trim_cell(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

std::optional<JsonValue> degree_cell(std::string_view text) {
  text = trim_cell(text);
  constexpr std::array<std::pair<std::string_view, int>, 7> words = {
      {{"1", 1}, {"2", 2}, {"3", 3}, {"1st", 1}, {"2nd", 2}, {"3rd", 3}, {"3rd+", 3}}};
  for (const auto& [word, degree] : words)
    if (same_letters(text, word)) return integer_value(degree);
  if (same_letters(text, "out of network")) return JsonValue{};
  return std::nullopt;
}

std::optional<JsonValue> flag_cell(std::string_view text) {
  text = trim_cell(text);
  JsonValue value;
  value.kind = JsonValue::Kind::boolean;
  for (const std::string_view word : {"true", "yes", "y", "1"})
    if (same_letters(text, word)) {
      value.boolean = true;
      return value;
    }
  for (const std::string_view word : {"false", "no", "n", "0"})
    if (same_letters(text, word)) return value;
  return std::nullopt;
}

JsonValue number_cell(std::string_view text, bool decimal_comma, std::string& buffer) {
  std::string_view number = trim_cell(text);
  if (decimal_comma && std::count(number.begin(), number.end(), ',') == 1 &&
      number.find('.') == std::string_view::npos) {
    buffer.assign(number);
    buffer[buffer.find(',')] = '.';
    number = buffer;
  }
  const char* begin = number.data();
  const char* end = begin + number.size();
  // from_chars takes no '+'; JSON takes no leading '+' either, but spreadsheets write one.
  const char* digits = !number.empty() && number.front() == '+' ? begin + 1 : begin;
  if (digits != begin && digits != end && *digits == '-') digits = begin;  // "+-3": not a number
  std::int64_t integer = 0;
  if (auto [at, error] = std::from_chars(digits, end, integer);
      error == std::errc() && at == end && digits != end)
    return integer_value(integer);
  double floating = 0;
  if (auto [at, error] = std::from_chars(digits, end, floating, std::chars_format::fixed);
      error == std::errc() && at == end && digits != end && std::isfinite(floating)) {
    JsonValue value;
    value.kind = JsonValue::Kind::floating;
    value.floating = floating;
    value.text = number;
    return value;
  }
  JsonValue value;
  value.kind = JsonValue::Kind::string;
  value.text = text;
  return value;
}

}  // namespace outreach::detail
