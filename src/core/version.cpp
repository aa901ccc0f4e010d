// The versions --version reports, read from the libraries' own headers when outreach was built
// (and, for the tz database, from the one in use, where the library can tell).
#include "outreach/version.hpp"

#include <date/tz.h>
#include <fmt/format.h>
#include <utf8proc.h>

#include <exception>
#include <nlohmann/json.hpp>

namespace outreach {

std::vector<LibraryVersion> library_versions() {
  std::vector<LibraryVersion> libraries = {
      {"nlohmann/json", fmt::format("{}.{}.{}", NLOHMANN_JSON_VERSION_MAJOR,
                                    NLOHMANN_JSON_VERSION_MINOR, NLOHMANN_JSON_VERSION_PATCH)},
      {"fmt",
       fmt::format("{}.{}.{}", FMT_VERSION / 10000, FMT_VERSION / 100 % 100, FMT_VERSION % 100)},
      {"utf8proc", fmt::format("{}.{}.{}", UTF8PROC_VERSION_MAJOR, UTF8PROC_VERSION_MINOR,
                               UTF8PROC_VERSION_PATCH)},
      {"date", OUTREACH_DATE_VERSION},
  };
  // The tz database is the system's (tzdata); the library knows its version on some systems
  // only (Debian's has none it reads).
  try {
    if (const std::string& tz = date::get_tzdb().version; tz != "unknown")
      libraries.push_back({"tz database", tz});
  } catch (const std::exception&) {
  }
#if defined(__clang__)
  libraries.push_back({"clang", __clang_version__});
#elif defined(__GNUC__)
  libraries.push_back(
      {"GCC", fmt::format("{}.{}.{}", __GNUC__, __GNUC_MINOR__, __GNUC_PATCHLEVEL__)});
#endif
  return libraries;
}

}  // namespace outreach
