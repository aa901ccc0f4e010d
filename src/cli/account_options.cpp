#include "account_options.hpp"

#include <filesystem>

#include <fmt/format.h>

#include "outreach/io.hpp"
#include "outreach/text.hpp"

namespace outreach::cli {

LoadedAccount load_account_options(const std::optional<std::string>& account_path,
                                   const std::optional<std::string>& ledger_path, Context& ctx) {
  LoadedAccount loaded;
  loaded.account = default_account(ctx.rules());
  if (account_path) {
    const std::string origin = *account_path == "-" ? "stdin" : *account_path;
    const std::string base_dir = *account_path == "-"
                                     ? std::string()
                                     : std::filesystem::path(*account_path).parent_path().string();
    loaded.account = parse_account(read_input_file(*account_path), origin, base_dir, ctx.rules());
  }
  if (ledger_path) {
    loaded.ledger_path = *ledger_path;
  } else if (loaded.account.ledger_path) {
    loaded.ledger_path = loaded.account.ledger_path;
    loaded.ledger_missing_ok = true;
  }
  return loaded;
}

std::vector<LedgerEvent> read_account_ledger(const LoadedAccount& loaded) {
  if (!loaded.ledger_path) return {};
  return read_ledger_file(*loaded.ledger_path, loaded.account.zone, loaded.ledger_missing_ok);
}

Date parse_date_option(const std::string& text, const std::string& option) {
  if (const auto day = parse_iso_date(text)) return *day;
  throw InputError(
      fmt::format("{}: expected a date YYYY-MM-DD, got {}", option, quoted_printable(text)));
}

Date today_in(const Account& account, const Context& ctx) {
  return local_date(ctx.now(), account.zone);
}

}  // namespace outreach::cli
