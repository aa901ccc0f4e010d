#pragma once
// The JSON documents the reports print, written straight into a string: compact, or indented
// by two spaces per level the way `jq .` and nlohmann's dump(2) lay them out. Strings go
// through the one JSON string writer (support/json_text.hpp), whatever bytes they hold.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace outreach::detail {

class JsonWriter {
 public:
  /// `indent` spaces per level, or compact (everything on one line) when negative.
  explicit JsonWriter(std::string& out, int indent = -1) : out_(out), indent_(indent) {}

  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  /// The key of the object member whose value comes next.
  JsonWriter& key(std::string_view name);
  JsonWriter& string(std::string_view text);
  JsonWriter& number(std::int64_t value);
  JsonWriter& boolean(bool value);
  JsonWriter& null();
  /// A value that is already compact JSON text (a value of a rules document).
  JsonWriter& raw(std::string_view json);

 private:
  void before_value();
  void new_line(std::size_t level);

  std::string& out_;
  int indent_;
  std::vector<bool> empty_;  ///< per open container: nothing written in it yet
  bool after_key_ = false;
};

}  // namespace outreach::detail
