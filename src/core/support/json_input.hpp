#pragma once
/// Safe reading of JSON documents that drive a run (rules, account), with errors that name
/// the file, the position and the key path (SPEC §8).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "outreach/limits.hpp"

namespace outreach {

/// Parses one whole JSON document. Refuses NUL bytes, invalid UTF-8 and nesting deeper than
/// max_json_depth; throws InputError "origin:LINE:COL: message" on any problem.
nlohmann::json parse_json_document(std::string_view text, const std::string& origin);

/// Line and column (1-based, columns in bytes) of a byte offset in text.
std::pair<std::size_t, std::size_t> line_and_column(std::string_view text, std::size_t offset);

/// A typed view of a JSON value with its key path, for validation errors such as
/// "account.json: credits.balance: expected an integer ≥ 0, got \"x\"".
class JsonField {
 public:
  JsonField(const nlohmann::json& value, std::string origin, std::string path);

  const nlohmann::json& value() const { return *value_; }
  const std::string& path() const { return path_; }
  const std::string& origin() const { return origin_; }
  bool is_null() const { return value_->is_null(); }

  /// The member `key`; throws when absent ("missing key").
  JsonField at(const std::string& key) const;
  /// The member `key`, if present and not null.
  std::optional<JsonField> find(const std::string& key) const;
  /// The array elements.
  std::vector<JsonField> elements() const;
  /// Throws unless this is an object whose keys are all in `allowed` (with did-you-mean).
  void expect_keys(const std::vector<std::string>& allowed) const;
  void expect_object() const;

  std::int64_t as_int(std::int64_t min, std::int64_t max) const;
  double as_number(double min, double max) const;
  bool as_bool() const;
  std::string as_string() const;
  /// A string that is shown to people as it is (a plan's name, a rationale): refuses the
  /// characters of is_control_or_bidi (text.hpp), which could rewrite a terminal line.
  std::string as_text() const;
  std::vector<std::string> as_string_list() const;

  /// Throws InputError "origin: path: message".
  [[noreturn]] void fail(const std::string& message) const;

 private:
  const nlohmann::json* value_;
  std::string origin_;
  std::string path_;
};

/// A short rendering of a JSON value for error messages, safe for any content.
std::string describe_json(const nlohmann::json& value);

}  // namespace outreach
