#pragma once
/// The version of the outreach library and command.

#include <string_view>

namespace outreach {
inline constexpr std::string_view version = "0.1.0";
}
