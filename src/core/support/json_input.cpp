#include "support/json_input.hpp"

#include <cmath>
#include <limits>
#include <unordered_set>
#include <vector>

#include <fmt/format.h>

#include "outreach/error.hpp"
#include "outreach/suggest.hpp"
#include "outreach/text.hpp"

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

struct DuplicateKey {
  std::string path;
};

// Follows the parser's events to refuse a key given twice in one object (nlohmann keeps the
// last one silently), with the key path for the message: "plans.free.cap".
class KeyPaths {
 public:
  void on(json::parse_event_t event, const json& parsed) {
    switch (event) {
      case json::parse_event_t::object_start:
      case json::parse_event_t::array_start:
        element_starts();
        frames_.push_back({event == json::parse_event_t::object_start, {}, {}, 0});
        break;
      case json::parse_event_t::object_end:
      case json::parse_event_t::array_end:
        if (!frames_.empty()) frames_.pop_back();
        break;
      case json::parse_event_t::key: {
        Frame& frame = frames_.back();
        frame.key = parsed.get<std::string>();
        if (!frame.keys.insert(frame.key).second) throw DuplicateKey{path()};
        break;
      }
      case json::parse_event_t::value:
        element_starts();
        break;
    }
  }

 private:
  struct Frame {
    bool object;
    std::unordered_set<std::string> keys;
    std::string key;        // the member being read
    std::size_t index = 0;  // the next element of an array
  };

  void element_starts() {
    if (!frames_.empty() && !frames_.back().object) ++frames_.back().index;
  }

  std::string path() const {
    std::string out;
    for (const Frame& frame : frames_) {
      if (frame.object) {
        if (!out.empty()) out += '.';
        out += printable(frame.key);
      } else {
        out += fmt::format("[{}]", frame.index - 1);
      }
    }
    return out;
  }

  std::vector<Frame> frames_;
};

bool is_number_char(char c) {
  return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
}

// The offset of the first byte outside string literals for which `found(offset)` holds, or
// npos: JSON text scanned the way the parser sees it, for positions the parser does not give.
template <typename Found>
std::size_t find_outside_strings(std::string_view text, Found found) {
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
    } else if (found(i)) {
      return i;
    }
  }
  return std::string_view::npos;
}

// Byte offset of the first number token equal to `token` outside strings (0 if none): the
// parser reports a number too large for a double without its position.
std::size_t offset_of_number(std::string_view text, std::string_view token) {
  const std::size_t at = find_outside_strings(text, [&](std::size_t i) {
    if (!is_number_char(text[i]) || (i > 0 && is_number_char(text[i - 1]))) return false;
    std::size_t end = i;
    while (end < text.size() && is_number_char(text[end])) ++end;
    return text.substr(i, end - i) == token;
  });
  return at == std::string_view::npos ? 0 : at;
}

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
  // The CLI refuses bigger files before reading them; this guards every other caller.
  if (text.size() > max_document_bytes)
    throw InputError(fmt::format("{}: too large: more than {}", origin,
                                 describe_byte_count(max_document_bytes)));
  if (const auto nul = text.find('\0'); nul != std::string_view::npos) {
    const auto [line, column] = line_and_column(text, nul);
    throw InputError(fmt::format("{}:{}:{}: NUL byte in JSON input", origin, line, column));
  }
  KeyPaths keys;
  try {
    return json::parse(text.begin(), text.end(),
                       [&](int depth, json::parse_event_t event, json& parsed) {
                         if ((event == json::parse_event_t::object_start ||
                              event == json::parse_event_t::array_start) &&
                             depth >= max_json_depth)
                           throw TooDeep{static_cast<std::size_t>(depth)};
                         keys.on(event, parsed);
                         return true;
                       });
  } catch (const DuplicateKey& duplicate) {
    throw InputError(fmt::format("{}: {}: duplicate key", origin, duplicate.path));
  } catch (const TooDeep&) {
    // Find the first bracket that crosses the limit, for the position.
    int depth = 0;
    const std::size_t deepest = find_outside_strings(text, [&](std::size_t i) {
      if (text[i] == '[' || text[i] == '{') return ++depth > max_json_depth;
      if (text[i] == ']' || text[i] == '}') --depth;
      return false;
    });
    const auto [line, column] =
        line_and_column(text, deepest == std::string_view::npos ? 0 : deepest);
    throw InputError(fmt::format("{}:{}:{}: JSON nested deeper than {} levels", origin, line,
                                 column, max_json_depth));
  } catch (const json::parse_error& e) {
    const std::size_t offset = e.byte > 0 ? e.byte - 1 : 0;
    const auto [line, column] = line_and_column(text, offset);
    throw InputError(fmt::format("{}:{}:{}: {}", origin, line, column, parse_reason(e.what())));
  } catch (const json::out_of_range& e) {
    // A number beyond a double's range (1e400) is error 406, "number overflow parsing '1e400'",
    // thrown as out_of_range rather than parse_error (regression input of fuzz_account:
    // tests/data/fuzz-regressions/account/number-overflow.json).
    const std::string what = e.what();
    const auto open = what.find('\''), close = what.rfind('\'');
    const std::string token =
        open != std::string::npos && close > open ? what.substr(open + 1, close - open - 1) : "";
    const auto [line, column] = line_and_column(text, offset_of_number(text, token));
    throw InputError(fmt::format("{}:{}:{}: number too large", origin, line, column));
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
  const auto out_of_range = [&] {
    fail(
        fmt::format("expected an integer from {} to {}, got {}", min, max, describe_json(*value_)));
  };
  std::int64_t v = 0;
  if (value_->is_number_unsigned()) {
    const auto u = value_->get<std::uint64_t>();
    if (u > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) out_of_range();
    v = static_cast<std::int64_t>(u);
  } else if (value_->is_number_integer()) {
    v = value_->get<std::int64_t>();
  } else if (value_->is_number_float()) {
    const double d = value_->get<double>();
    if (std::trunc(d) != d)
      fail(fmt::format("expected an integer, got {}", describe_json(*value_)));
    // Converting a double outside int64's range is undefined behaviour (regression input of
    // fuzz_account: tests/data/fuzz-regressions/account/float-beyond-int64.json): compare first,
    // against -2^63 and 2^63, which doubles hold exactly.
    constexpr double two_to_63 = 9223372036854775808.0;
    if (!(d >= -two_to_63 && d < two_to_63)) out_of_range();
    v = static_cast<std::int64_t>(d);
  } else {
    fail(fmt::format("expected an integer, got {}", describe_json(*value_)));
  }
  if (v < min || v > max) out_of_range();
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

std::string JsonField::as_text() const {
  std::string text = as_string();
  if (first_control_or_bidi(text))
    fail(fmt::format("expected text without control or bidirectional characters, got {}",
                     describe_json(*value_)));
  return text;
}

std::vector<std::string> JsonField::as_string_list() const {
  std::vector<std::string> out;
  for (const auto& element : elements()) out.push_back(element.as_string());
  return out;
}

}  // namespace outreach
