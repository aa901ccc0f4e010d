#pragma once
// Writing untrusted text as JSON string literals without nlohmann's dump() (which throws on
// invalid UTF-8): used by the plan writers and by the messages that quote input values.

#include <cstddef>
#include <string>
#include <string_view>

namespace outreach::detail {

/// Appends `text` as a JSON string literal (with its quotes). Control characters (C0, DEL,
/// C1) and the line/paragraph separators are escaped as \uXXXX, bytes that are not UTF-8
/// become U+FFFD; everything else is copied as is.
void append_json_string(std::string& out, std::string_view text);

/// A JSON string literal of `text`, shortened to about `max_bytes` with "..." — for quoting an
/// input value in an error message safely.
std::string quote_for_message(std::string_view text, std::size_t max_bytes = 40);

/// Length of the valid UTF-8 sequence starting at text[i], or 0 when the byte there does not
/// start one.
std::size_t utf8_sequence_length(std::string_view text, std::size_t i);

}  // namespace outreach::detail
