#pragma once
// What the commands that work from an account share: loading --account, resolving the ledger
// (--ledger, else the account's "ledger"), reading it, and dates given as options.

#include <optional>
#include <string>
#include <vector>

#include "context.hpp"
#include "outreach/account.hpp"
#include "outreach/ledger.hpp"

namespace outreach::cli {

/// The account in force and where its ledger is.
struct LoadedAccount {
  Account account;                         ///< default_account() without --account
  std::optional<std::string> ledger_path;  ///< --ledger, else the account's "ledger", else none
  /// True when the path came from the account file: a ledger that does not exist yet then
  /// holds no events (the first `ledger add` creates it). A missing --ledger file is an error.
  bool ledger_missing_ok = false;
};

/// Loads the account file (if any) and resolves the ledger path.
LoadedAccount load_account_options(const std::optional<std::string>& account_path,
                                   const std::optional<std::string>& ledger_path, Context& ctx);

/// The ledger's events in the account's time zone; none when there is no ledger.
std::vector<LedgerEvent> read_account_ledger(const LoadedAccount& loaded);

/// A strict YYYY-MM-DD option value; throws InputError "--as-of: expected a date …".
Date parse_date_option(const std::string& text, const std::string& option);

/// Today's date in the account's time zone (from ctx.now(), which OUTREACH_NOW can fix).
Date today_in(const Account& account, const Context& ctx);

}  // namespace outreach::cli
