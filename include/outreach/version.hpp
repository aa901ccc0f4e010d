#pragma once
/// The version of the outreach library and command, and of the libraries it was built with.

#include <string>
#include <string_view>
#include <vector>

namespace outreach {

/// The project's version (CMake's project(VERSION), which the packages carry too).
inline constexpr std::string_view version = OUTREACH_VERSION;

/// A library outreach was built with, and its version.
struct LibraryVersion {
  std::string name;     ///< "fmt"
  std::string version;  ///< "9.1.0"
};

/// The libraries the outreach library was built with (nlohmann/json, fmt, utf8proc, Howard
/// Hinnant's date and the tz database it reads), then the compiler. The command line adds its
/// own (CLI11).
std::vector<LibraryVersion> library_versions();

}  // namespace outreach
