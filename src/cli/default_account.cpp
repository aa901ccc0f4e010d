#include "default_account.hpp"

#include <system_error>

namespace outreach::cli {

std::optional<DefaultAccount> find_default_account(const char* environment_value,
                                                   const std::filesystem::path& folder) {
  if (environment_value != nullptr && *environment_value != '\0')
    return DefaultAccount{environment_value, "from OUTREACH_ACCOUNT"};
  // Upwards to the root; the path is given relative to where the search started ("../.x"),
  // which is shorter to read than an absolute one and names the same file.
  std::error_code error;
  std::filesystem::path relative;
  for (std::filesystem::path dir = folder; !dir.empty(); dir = dir.parent_path()) {
    const std::filesystem::path candidate = dir / ".outreach.json";
    if (std::filesystem::is_regular_file(candidate, error))
      return DefaultAccount{(relative / ".outreach.json").string(), "the nearest .outreach.json"};
    if (dir == dir.parent_path()) break;
    relative /= "..";
  }
  return std::nullopt;
}

}  // namespace outreach::cli
