#include "outreach/json_input.hpp"

#include <limits>

#include <fmt/format.h>

#include "outreach/error.hpp"
#include "outreach/suggest.hpp"

namespace outreach {
namespace {

using nlohmann::json;

// nlohmann's messages read "[json.exception.parse_error.101] parse error at line 1, column 2:
// syntax error while parsing value - invalid literal; last read: 'x'". Keep only the reason:
// the position is given in our own form and the "last read" echo may hold raw input bytes.
std::string parse_reason(const std::string& what) {
  std::string reason = what;
  if (const auto colon = reason.find(": "); colon != std::string::npos)
    reason = reason.substr(colon + 2);
  if (const auto dash = reason.find(" - "); dash != std::string::npos)
    reason = reason.substr(dash + 3);
  if (const auto last = reason.find("; last read"); last != std::string::npos) reason.resize(last);
  for (char& c : reason)
    if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x7f) c = '?';
  return reason.empty() ? "malformed JSON" : "malformed JSON: " + reason;
}

struct TooDeep {
  std::size_t depth;
};

}  // namespace

std::pair<std::size_t, std::size_t> line_and_column(std::string_view text, std::size_t offset) {
  std::size_t line = 1, column = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return {line, column};
}

json parse_json_document(std::string_view text, const std::string& origin) {
  if (const auto nul = text.find('\0'); nul != std::string_view::npos) {
    const auto [line, column] = line_and_column(text, nul);
    throw InputError(fmt::format("{}:{}:{}: NUL byte in JSON input", origin, line, column));
  }
  std::size_t deepest_offset = 0;
  try {
    return json::parse(text.begin(), text.end(), [&](int depth, json::parse_event_t event, json&) {
      if ((event == json::parse_event_t::object_start ||
           event == json::parse_event_t::array_start) &&
          depth >= max_json_depth)
        throw TooDeep{static_cast<std::size_t>(depth)};
      return true;
    });
  } catch (const TooDeep&) {
    // Find the first bracket that crosses the limit, for the position.
    int depth = 0;
    bool in_string = false, escaped = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
      const char c = text[i];
      if (in_string) {
        if (escaped)
          escaped = false;
        else if (c == '\\')
          escaped = true;
        else if (c == '"')
          in_string = false;
      } else if (c == '"') {
        in_string = true;
      } else if (c == '[' || c == '{') {
        if (++depth > max_json_depth) {
          deepest_offset = i;
          break;
        }
      } else if (c == ']' || c == '}') {
        --depth;
      }
    }
    const auto [line, column] = line_and_column(text, deepest_offset);
    throw InputError(fmt::format("{}:{}:{}: JSON nested deeper than {} levels", origin, line,
                                 column, max_json_depth));
  } catch (const json::parse_error& e) {
    const std::size_t offset = e.byte > 0 ? e.byte - 1 : 0;
    const auto [line, column] = line_and_column(text, offset);
    throw InputError(fmt::format("{}:{}:{}: {}", origin, line, column, parse_reason(e.what())));
  }
}

std::string describe_json(const json& value) {
  switch (value.type()) {
    case json::value_t::null:
      return "null";
    case json::value_t::boolean:
      return value.get<bool>() ? "true" : "false";
    case json::value_t::object:
      return "an object";
    case json::value_t::array:
      return "an array";
    case json::value_t::string: {
      // Strings were validated as UTF-8 by the parser; shorten long ones.
      std::string s = value.get<std::string>();
      if (s.size() > 40) s = s.substr(0, 37) + "...";
      return json(s).dump(-1, ' ', false, json::error_handler_t::replace);
    }
    default:
      return value.dump(-1, ' ', false, json::error_handler_t::replace);
  }
}

JsonField::JsonField(const json& value, std::string origin, std::string path)
    : value_(&value), origin_(std::move(origin)), path_(std::move(path)) {}

void JsonField::fail(const std::string& message) const {
  if (path_.empty()) throw InputError(fmt::format("{}: {}", origin_, message));
  throw InputError(fmt::format("{}: {}: {}", origin_, path_, message));
}

void JsonField::expect_object() const {
  if (!value_->is_object()) fail(fmt::format("expected an object, got {}", describe_json(*value_)));
}

JsonField JsonField::at(const std::string& key) const {
  expect_object();
  const auto it = value_->find(key);
  const std::string child = path_.empty() ? key : path_ + "." + key;
  if (it == value_->end()) JsonField(*value_, origin_, child).fail("missing key");
  return JsonField(*it, origin_, child);
}

std::optional<JsonField> JsonField::find(const std::string& key) const {
  expect_object();
  const auto it = value_->find(key);
  if (it == value_->end() || it->is_null()) return std::nullopt;
  return JsonField(*it, origin_, path_.empty() ? key : path_ + "." + key);
}

std::vector<JsonField> JsonField::elements() const {
  if (!value_->is_array()) fail(fmt::format("expected an array, got {}", describe_json(*value_)));
  std::vector<JsonField> out;
  out.reserve(value_->size());
  for (std::size_t i = 0; i < value_->size(); ++i)
    out.emplace_back((*value_)[i], origin_, fmt::format("{}[{}]", path_, i));
  return out;
}

void JsonField::expect_keys(const std::vector<std::string>& allowed) const {
  expect_object();
  for (const auto& [key, _] : value_->items()) {
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
      const std::string child = path_.empty() ? key : path_ + "." + key;
      JsonField(*value_, origin_, child).fail("unknown key" + did_you_mean(key, allowed));
    }
  }
}

std::int64_t JsonField::as_int(std::int64_t min, std::int64_t max) const {
  const bool integral = value_->is_number_integer() ||
                        (value_->is_number_float() &&
                         value_->get<double>() ==
                             static_cast<double>(static_cast<std::int64_t>(value_->get<double>())));
  if (!integral) fail(fmt::format("expected an integer, got {}", describe_json(*value_)));
  const std::int64_t v =
      value_->is_number_unsigned()
          ? (value_->get<std::uint64_t>() >
                     static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())
                 ? std::numeric_limits<std::int64_t>::max()
                 : static_cast<std::int64_t>(value_->get<std::uint64_t>()))
          : (value_->is_number_float() ? static_cast<std::int64_t>(value_->get<double>())
                                       : value_->get<std::int64_t>());
  if (v < min || v > max)
    fail(
        fmt::format("expected an integer from {} to {}, got {}", min, max, describe_json(*value_)));
  return v;
}

double JsonField::as_number(double min, double max) const {
  if (!value_->is_number()) fail(fmt::format("expected a number, got {}", describe_json(*value_)));
  const double v = value_->get<double>();
  if (!(v >= min && v <= max))
    fail(fmt::format("expected a number from {} to {}, got {}", min, max, describe_json(*value_)));
  return v;
}

bool JsonField::as_bool() const {
  if (!value_->is_boolean())
    fail(fmt::format("expected true or false, got {}", describe_json(*value_)));
  return value_->get<bool>();
}

std::string JsonField::as_string() const {
  if (!value_->is_string()) fail(fmt::format("expected a string, got {}", describe_json(*value_)));
  return value_->get<std::string>();
}

std::vector<std::string> JsonField::as_string_list() const {
  std::vector<std::string> out;
  for (const auto& element : elements()) out.push_back(element.as_string());
  return out;
}

}  // namespace outreach
