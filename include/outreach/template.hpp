#pragma once
/// Message templates: `{{field}}` and `{{field|fallback}}` rendered per prospect.

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace outreach {

/// A parsed template: literal text and fields, in order.
class Template {
 public:
  struct Piece {
    bool is_field = false;
    std::string text;                     ///< literal text, or the field name
    std::optional<std::string> fallback;  ///< for `{{field|fallback}}`
  };

  /// A syntax problem: unclosed `{{` (a field stays on one line), empty or malformed field
  /// name (a letter or '_' first, then letters, digits, '_', '-', '.'), stray `}}`.
  struct SyntaxError {
    std::size_t offset = 0;  ///< byte offset in the template text
    std::string message;
  };

  /// Parses; on a syntax problem returns the error instead.
  static std::variant<Template, SyntaxError> parse(std::string_view text);
  /// Parses a template file's text; a syntax problem is the InputError
  /// "ORIGIN:LINE:COLUMN: template-syntax: MESSAGE" (columns in bytes).
  static Template read(std::string_view text, const std::string& origin);

  /// Looks a field up by name; nullopt when the prospect has no such string field.
  using Lookup = std::function<std::optional<std::string_view>(std::string_view name)>;

  /// Renders into `out` (cleared first); appends the names of fields that were missing and had
  /// no fallback to `missing` (their place is left empty). A fallback also replaces a field
  /// whose value is the empty string.
  void render(const Lookup& lookup, std::string& out, std::vector<std::string>& missing) const;

  const std::vector<Piece>& pieces() const { return pieces_; }

 private:
  std::vector<Piece> pieces_;
};

}  // namespace outreach
