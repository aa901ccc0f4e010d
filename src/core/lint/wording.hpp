#pragma once
// How the linter's messages word counts, units and channels.

#include <cstddef>
#include <string>
#include <string_view>

#include "outreach/text.hpp"

namespace outreach::lint_detail {

/// Whether the text holds only white space, controls and invisible format characters.
bool is_blank(std::string_view text);
/// 1954 → "1,954".
std::string with_thousands(std::size_t number);
/// "characters", "code points" or "graphemes".
std::string_view unit_noun(CountUnit unit);
/// "message", "InMail" or "connection note".
std::string_view channel_title(std::string_view channel);

}  // namespace outreach::lint_detail
