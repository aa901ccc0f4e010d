// Templates: parsed once, rendered per prospect. Rendering only appends pieces to a buffer the
// caller reuses, so a campaign of hundreds of thousands of prospects stays cheap.
#include "outreach/template.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "outreach/error.hpp"
#include "outreach/text.hpp"

namespace outreach {
namespace {

constexpr std::string_view open_field = "{{";
constexpr std::string_view close_field = "}}";

bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::string_view trim(std::string_view text) {
  const std::size_t first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  const std::size_t last = text.find_last_not_of(" \t");
  return text.substr(first, last - first + 1);
}

// Field names are the keys of a prospect: a letter or '_' first, then letters, digits, '_',
// '-' or '.'.
bool is_field_name(std::string_view name) {
  if (name.empty() || !(is_ascii_letter(name[0]) || name[0] == '_')) return false;
  for (const char c : name)
    if (!is_ascii_letter(c) && !is_digit(c) && c != '_' && c != '-' && c != '.') return false;
  return true;
}

}  // namespace

std::variant<Template, Template::SyntaxError> Template::parse(std::string_view text) {
  Template result;
  std::string literal;
  const auto flush_literal = [&] {
    if (literal.empty()) return;
    result.pieces_.push_back(Piece{false, std::move(literal), std::nullopt});
    literal.clear();
  };
  std::size_t at = 0;
  while (at < text.size()) {
    const std::size_t brace = text.find_first_of("{}", at);
    if (brace == std::string_view::npos) {
      literal.append(text.substr(at));
      break;
    }
    literal.append(text.substr(at, brace - at));
    const std::string_view rest = text.substr(brace);
    if (rest.substr(0, 2) == close_field)
      return SyntaxError{brace, "stray '}}' without an opening '{{'"};
    if (rest.substr(0, 2) != open_field) {  // a single brace is literal text
      literal.push_back(text[brace]);
      at = brace + 1;
      continue;
    }
    const std::size_t inner_start = brace + open_field.size();
    const std::size_t close = text.find(close_field, inner_start);
    const std::string_view inner =
        text.substr(inner_start, close == std::string_view::npos ? 0 : close - inner_start);
    if (close == std::string_view::npos || inner.find('\n') != std::string_view::npos)
      return SyntaxError{brace, "unclosed '{{' (no '}}' on the same line)"};
    const std::size_t bar = inner.find('|');
    const std::string_view name = trim(inner.substr(0, bar));
    if (name.empty())
      return SyntaxError{brace, fmt::format("empty field name in '{{{{{}}}}}'", printable(inner))};
    if (!is_field_name(name))
      return SyntaxError{brace, fmt::format("field name '{}' may hold only letters, digits, '_', "
                                            "'-' and '.', and starts with a letter or '_'",
                                            printable(name))};
    flush_literal();
    Piece field{true, std::string(name), std::nullopt};
    if (bar != std::string_view::npos) field.fallback = std::string(trim(inner.substr(bar + 1)));
    result.pieces_.push_back(std::move(field));
    at = close + close_field.size();
  }
  flush_literal();
  return result;
}

Template Template::read(std::string_view text, const std::string& origin) {
  auto parsed = parse(text);
  if (auto* error = std::get_if<SyntaxError>(&parsed)) {
    const std::string_view before = text.substr(0, error->offset);
    const std::size_t line_start = before.rfind('\n') + 1;  // npos + 1 == 0
    const auto line = static_cast<std::size_t>(std::count(before.begin(), before.end(), '\n')) + 1;
    throw InputError(fmt::format("{}:{}:{}: template-syntax: {}", origin, line,
                                 before.size() - line_start + 1, error->message));
  }
  return std::get<Template>(std::move(parsed));
}

void Template::render(const Lookup& lookup, std::string& out,
                      std::vector<std::string>& missing) const {
  out.clear();
  for (const Piece& piece : pieces_) {
    if (!piece.is_field) {
      out += piece.text;
      continue;
    }
    const std::optional<std::string_view> value = lookup(piece.text);
    if (value && !(value->empty() && piece.fallback)) {
      out += *value;
    } else if (piece.fallback) {
      out += *piece.fallback;
    } else {
      missing.push_back(piece.text);
    }
  }
}

}  // namespace outreach
