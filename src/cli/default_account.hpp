#pragma once
// The account a command uses without --account (SPEC §11): OUTREACH_ACCOUNT, else the nearest
// .outreach.json in the current folder or a parent, as git finds .git.

#include <filesystem>
#include <optional>
#include <string>

namespace outreach::cli {

struct DefaultAccount {
  std::string path;  ///< as given in OUTREACH_ACCOUNT, or relative to the current folder
  std::string how;   ///< "from OUTREACH_ACCOUNT" or "the nearest .outreach.json"
};

/// The default account, if there is one. `environment_value`: OUTREACH_ACCOUNT's value (null
/// or empty: unset); `folder`: where the search for .outreach.json starts.
std::optional<DefaultAccount> find_default_account(const char* environment_value,
                                                   const std::filesystem::path& folder);

}  // namespace outreach::cli
