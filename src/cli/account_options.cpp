#include "account_options.hpp"

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <ostream>

#include <fmt/format.h>

#include "default_account.hpp"
#include "outreach/io.hpp"
#include "outreach/text.hpp"

namespace outreach::cli {

std::optional<std::string> resolve_account_path(const std::optional<std::string>& account_path,
                                                Context& ctx) {
  if (account_path) return account_path;
  std::error_code error;
  const std::filesystem::path here = std::filesystem::current_path(error);
  const auto found = find_default_account(std::getenv("OUTREACH_ACCOUNT"), here);
  if (!found) return std::nullopt;
  ctx.err << fmt::format("outreach: account {} ({})\n", printable(found->path), found->how);
  return found->path;
}

LoadedAccount load_account_options(const std::optional<std::string>& given_account_path,
                                   const std::optional<std::string>& ledger_path, Context& ctx) {
  const std::optional<std::string> account_path = resolve_account_path(given_account_path, ctx);
  LoadedAccount loaded;
  // The machine's zone is only looked up without an account (its own zone comes first).
  if (!account_path) loaded.account = default_account(ctx.rules());
  if (account_path) {
    const std::string origin = *account_path == "-" ? "stdin" : *account_path;
    const std::string base_dir = *account_path == "-"
                                     ? std::string()
                                     : std::filesystem::path(*account_path).parent_path().string();
    loaded.account = parse_account(read_input_file(*account_path), origin, base_dir, ctx.rules());
  }
  if (ledger_path) {
    if (ledger_path->empty()) throw InputError("--ledger: expected a file path, got ''");
    loaded.ledger_path = *ledger_path;
  } else if (loaded.account.ledger_path) {
    loaded.ledger_path = loaded.account.ledger_path;
    loaded.ledger_missing_ok = true;
    loaded.ledger_key = "ledger";
  }
  return loaded;
}

LedgerLockWait ledger_lock_wait(Context& ctx) {
  LedgerLockWait wait;
  wait.on_wait = [&ctx,
                  seconds = std::chrono::duration_cast<std::chrono::seconds>(wait.timeout).count()](
                     const std::string& path) {
    ctx.err << "outreach: waiting for " << printable(path)
            << ": another process holds its lock (giving up after " << seconds << " seconds)\n";
    ctx.err.flush();
  };
  return wait;
}

void check_ledger_path(const LoadedAccount& loaded, bool for_writing) {
  if (!loaded.ledger_path) return;
  const std::string& path = *loaded.ledger_path;
  naming_account_key(loaded.account, loaded.ledger_key, [&] {
    if (inspect_input(path, loaded.ledger_missing_ok || for_writing) || !for_writing) return;
    // A ledger is created by its first append, never its folder.
    const std::filesystem::path parent = std::filesystem::path(path).parent_path();
    std::error_code error;
    if (!parent.empty() && !std::filesystem::is_directory(parent, error))
      throw InputError(fmt::format("{}: cannot create: the folder {} does not exist", path,
                                   quoted_printable(parent.string())));
  });
}

std::vector<LedgerEvent> read_account_ledger(const LoadedAccount& loaded, Context& ctx) {
  if (!loaded.ledger_path) return {};
  check_ledger_path(loaded, false);
  if (loaded.ledger_missing_ok && !inspect_input(*loaded.ledger_path, true)) {
    ctx.err << fmt::format(
        "outreach: {} (the account's \"ledger\") does not exist yet: no events so far; "
        "`outreach ledger add` creates it\n",
        printable(*loaded.ledger_path));
    return {};
  }
  return read_ledger_file(*loaded.ledger_path, loaded.account.zone, loaded.ledger_missing_ok,
                          ledger_lock_wait(ctx));
}

Date checked_option_date(Date day, const std::string& option) {
  if (day > latest_input_date())
    throw InputError(fmt::format(
        "{}: {} is too late: outreach counts and plans up to the year 9999, so dates after {} "
        "are refused",
        option, format_date(day), format_date(latest_input_date())));
  return day;
}

Date parse_date_option(const std::string& text, const std::string& option) {
  if (const auto day = parse_iso_date(text)) return checked_option_date(*day, option);
  throw InputError(
      fmt::format("{}: expected a date YYYY-MM-DD, got {}", option, quoted_printable(text)));
}

Date today_in(const Account& account, const Context& ctx) {
  return local_date(ctx.now(), account.zone);
}

}  // namespace outreach::cli
