#pragma once
// What the commands that work from an account share: loading --account, resolving the ledger
// (--ledger, else the account's "ledger"), reading it, and dates given as options.

#include <optional>
#include <string>
#include <vector>

#include "context.hpp"
#include "outreach/account.hpp"
#include "outreach/error.hpp"
#include "outreach/ledger.hpp"

namespace outreach::cli {

/// The account in force and where its ledger is.
struct LoadedAccount {
  Account account;                         ///< default_account() without --account
  std::optional<std::string> ledger_path;  ///< --ledger, else the account's "ledger", else none
  /// True when the path came from the account file: a ledger that does not exist yet then
  /// holds no events (the first `ledger add` creates it). A missing --ledger file is an error.
  bool ledger_missing_ok = false;
  /// "ledger" when the path came from the account file, for errors that name its key.
  std::optional<std::string> ledger_key;
};

/// The account file a command uses: --account, else the default account (default_account.hpp),
/// which it says on stderr; none for the built-in defaults.
std::optional<std::string> resolve_account_path(const std::optional<std::string>& account_path,
                                                Context& ctx);

/// Loads the account file (--account, else the default account, if any) and resolves the
/// ledger path.
LoadedAccount load_account_options(const std::optional<std::string>& account_path,
                                   const std::optional<std::string>& ledger_path, Context& ctx);

/// The ledger's events in the account's time zone; none when there is no ledger. An account's
/// ledger that does not exist yet holds no events, said once on stderr (SPEC §11). A lock held
/// by another process is waited for, saying so on stderr (ledger_lock_wait).
std::vector<LedgerEvent> read_account_ledger(const LoadedAccount& loaded, Context& ctx);

/// Checks the ledger's path before it is read or (`for_writing`) appended to: a missing file
/// or folder the account names is an InputError naming the account's key.
void check_ledger_path(const LoadedAccount& loaded, bool for_writing);

/// Waiting for a ledger lock as SPEC §7 says: a line on stderr, then up to 10 seconds.
LedgerLockWait ledger_lock_wait(Context& ctx);

/// Runs `action` on a file the account names; an InputError about it is named by the account's
/// key too ("account.json: templates.connect: t/c.txt: cannot open: …"). Without the key
/// (the path came from the command line) the error is passed on as it is.
template <typename Action>
auto naming_account_key(const Account& account, const std::optional<std::string>& key,
                        Action&& action) -> decltype(action()) {
  if (!key) return action();
  try {
    return action();
  } catch (const InputError& e) {
    throw InputError(account.origin + ": " + *key + ": " + e.what());
  }
}

/// `day` when it is no later than latest_input_date(), else InputError naming the option.
Date checked_option_date(Date day, const std::string& option);

/// A strict YYYY-MM-DD option value, no later than latest_input_date(); throws InputError "--as-of:
/// expected a date …".
Date parse_date_option(const std::string& text, const std::string& option);

/// Today's date in the account's time zone (from ctx.now(), which OUTREACH_NOW can fix).
Date today_in(const Account& account, const Context& ctx);

}  // namespace outreach::cli
