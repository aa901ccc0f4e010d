#pragma once
// Taking out of a prospect's JSON text, before it is parsed, the string values that nothing will
// read. A CRM export's notes, headlines and activity logs are most of its bytes, nlohmann's lexer
// costs the same for every byte of a string, and a plan reads only the fields its templates
// name: the parallel reader shortens each record first, then parses what is left.

#include <cstddef>

#include "outreach/prospect.hpp"

namespace outreach::detail {

/// Shortens the JSON text of one record in place and returns its new length: the value of each
/// top-level field that is not a SPEC §4 field and that `kept` does not keep becomes "" when it
/// is a string of at least 16 bytes of printable ASCII without escapes. Parsing the result gives
/// the same prospect, the same problems and the same syntax errors as parsing the original:
/// such a string is valid whatever its bytes, an extra field's string is only kept or dropped,
/// and anything the elision could misjudge lies after a syntax error that stops the parser
/// first. Nothing changes when `kept` keeps every field.
std::size_t elide_unused_strings(char* text, std::size_t length, const FieldSelection& kept);

}  // namespace outreach::detail
