#pragma once
// The typed values of CSV cells (SPEC §9): degree words, yes/no booleans, numbers — each read
// into the JsonValue the prospect builder takes from JSON, so that both formats are validated
// by the same code.

#include <optional>
#include <string_view>

#include "prospects/builder.hpp"

namespace outreach::detail {

/// The text without surrounding spaces and tabs.
std::string_view trim_cell(std::string_view text);

/// 1, 2, 3, 1st, 2nd, 3rd, 3rd+ (3) or Out of Network (null), case-insensitive and trimmed;
/// nullopt for anything else.
std::optional<JsonValue> degree_cell(std::string_view text);
/// What degree_cell accepts, for messages.
inline constexpr std::string_view degree_cell_rule =
    "1, 2, 3, 1st, 2nd, 3rd, 3rd+, Out of Network or empty";

/// true/false, yes/no, y/n, 1/0, case-insensitive and trimmed; nullopt for anything else.
std::optional<JsonValue> flag_cell(std::string_view text);
inline constexpr std::string_view flag_cell_rule = "true, false, yes, no, y, n, 1, 0 or empty";

/// An integer or a number as JSON would hold it; anything else stays a string (for the
/// builder's "expected a number, got …"). With `decimal_comma` (a ';'-separated file, written
/// where ',' is the decimal separator) "1,5" is 1.5. `buffer` holds the text a number is read
/// from when it differs from `text`.
JsonValue number_cell(std::string_view text, bool decimal_comma, std::string& buffer);

}  // namespace outreach::detail
