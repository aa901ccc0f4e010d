// `outreach credits`: the InMail credit balance of an account (SPEC §2), month by month.
#include <algorithm>
#include <memory>
#include <ostream>

#include <fmt/format.h>

#include "account_options.hpp"
#include "command.hpp"
#include "outreach/credits.hpp"

namespace outreach::cli {
namespace {

struct CreditsOptions {
  std::optional<std::string> account;
  std::optional<std::string> ledger;
  std::optional<std::string> as_of;
  std::string format = "text";
};

constexpr int bar_width = 20;  // cells for a balance at the cap

// The balance as a bar scaled to the cap, in eighths of a cell; over the cap ends with '+'.
std::string balance_bar(int balance, int cap) {
  static constexpr const char* partial[] = {"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"};
  if (cap <= 0 || balance <= 0) return "";
  const long long eighths = std::min<long long>(8LL * bar_width * balance / cap, 8LL * bar_width);
  std::string bar;
  for (long long i = 0; i < eighths / 8; ++i) bar += "█";
  bar += eighths == 0 ? partial[1] : partial[eighths % 8];
  if (balance > cap) bar += '+';
  return bar;
}

// Prospect ids come from JSON and may hold control characters; keep them off the terminal.
std::string printable(const std::string& id) {
  std::string out;
  for (const char c : id) out += static_cast<unsigned char>(c) < 0x20 || c == 0x7f ? '?' : c;
  return out;
}

std::string plural(int count, const char* one, const char* many) {
  return fmt::format("{} {}", count, count == 1 ? one : many);
}

void print_text(std::ostream& out, const CreditReport& report, const PlanRules& plan,
                const Account& account, bool as_of_is_today, int refund_window_days) {
  out << fmt::format("{} ({}): {} a month, balance capped at {}\n", plan.name, plan.id,
                     plural(plan.monthly_credits, "credit", "credits"), plan.cap);
  out << fmt::format("As of {} (end of the day{}, {})\n", format_date(report.as_of),
                     as_of_is_today ? ", today" : "", account.zone->name());
  if (account.opening)
    out << fmt::format("Opening balance: {} on {}\n", account.opening->balance,
                       format_date(account.opening->as_of));
  out << fmt::format("\n{:<7}  {:>7}  {:>5}  {:>8}  {:>9}  {:>7}\n", "MONTH", "GRANTED", "SPENT",
                     "REFUNDED", "FORFEITED", "BALANCE");
  for (const CreditMonth& month : report.months) {
    const std::string bar = balance_bar(month.end_balance, report.cap);
    out << fmt::format("{:<7}  {:>7}  {:>5}  {:>8}  {:>9}  {:>7}{}{}\n", month.month, month.granted,
                       month.spent, month.refunded, month.forfeited, month.end_balance,
                       bar.empty() ? "" : "  ", bar);
  }
  out << fmt::format(
      "\nBalance: {} ({} opening + {} granted - {} forfeited - {} spent + {} refunded)\n",
      plural(report.balance, "credit", "credits"), report.opening, report.granted, report.forfeited,
      report.spent, report.refunded);
  if (report.pending.empty()) {
    out << fmt::format(
        "Pending refunds: none (no paid InMail is waiting for a reply within {} days)\n",
        refund_window_days);
  } else {
    int credits = 0;
    const PendingRefund* first = &report.pending.front();
    for (const PendingRefund& pending : report.pending) {
      credits += pending.credits;
      if (pending.expires < first->expires) first = &pending;
    }
    const std::string who =
        report.pending.size() == 1
            ? std::string("the recipient of 1 InMail replies")
            : fmt::format("the recipients of {} InMails reply", report.pending.size());
    out << fmt::format("Pending refunds: {} back if {}; the first window closes on {} ({})\n",
                       plural(credits, "credit comes", "credits come"), who,
                       format_date(first->expires), printable(first->prospect));
  }
  if (report.next_grant_date)
    out << fmt::format("Next grant: {}, +{} (the balance is capped at {})\n",
                       format_date(*report.next_grant_date),
                       plural(report.next_grant_credits, "credit", "credits"), report.cap);
}

nlohmann::ordered_json to_json(const CreditReport& report, const PlanRules& plan,
                               const Account& account) {
  nlohmann::ordered_json pending = nlohmann::ordered_json::array();
  for (const PendingRefund& p : report.pending)
    pending.push_back({{"prospect", p.prospect},
                       {"sent", format_date(p.sent)},
                       {"expires", format_date(p.expires)},
                       {"credits", p.credits}});
  nlohmann::ordered_json months = nlohmann::ordered_json::array();
  for (const CreditMonth& m : report.months)
    months.push_back({{"month", m.month},
                      {"granted", m.granted},
                      {"spent", m.spent},
                      {"refunded", m.refunded},
                      {"forfeited", m.forfeited},
                      {"end_balance", m.end_balance}});
  nlohmann::ordered_json opening = nullptr;
  if (account.opening)
    opening = {{"balance", account.opening->balance},
               {"as_of", format_date(account.opening->as_of)}};
  nlohmann::ordered_json next_grant = nullptr;
  if (report.next_grant_date)
    next_grant = {{"date", format_date(*report.next_grant_date)},
                  {"credits", report.next_grant_credits}};
  return {{"plan", report.plan},
          {"plan_name", plan.name},
          {"timezone", account.zone->name()},
          {"as_of", format_date(report.as_of)},
          {"opening", opening},
          {"balance", report.balance},
          {"cap", report.cap},
          {"monthly", report.monthly},
          {"granted", report.granted},
          {"spent", report.spent},
          {"refunded", report.refunded},
          {"forfeited", report.forfeited},
          {"pending_refunds", pending},
          {"next_grant", next_grant},
          {"months", months}};
}

void run(const CreditsOptions& options, Context& ctx) {
  if (!options.account)
    throw InputError(
        "credits: no account file: pass --account FILE with at least \"plan\" and \"plan_start\"");
  const LoadedAccount loaded = load_account_options(options.account, options.ledger, ctx);
  const Account& account = loaded.account;
  const Date as_of =
      options.as_of ? parse_date_option(*options.as_of, "--as-of") : today_in(account, ctx);
  const std::vector<LedgerEvent> events = read_account_ledger(loaded);
  const CreditReport report =
      simulate_credits(account, events, as_of, ctx.rules(), loaded.ledger_path.value_or("ledger"));
  const PlanRules& plan = ctx.rules().plan_named(report.plan, account.origin + ": plan");
  if (options.format == "json") {
    // dump() with the default strict handler throws on invalid UTF-8; what is dumped here was
    // validated, and the replace handler keeps it so if that ever changes.
    ctx.out << to_json(report, plan, account)
                   .dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace)
            << '\n';
  } else {
    print_text(ctx.out, report, plan, account, !options.as_of, ctx.rules().refund_window_days);
  }
}

void setup(CLI::App& app, Context& ctx) {
  auto options = std::make_shared<CreditsOptions>();
  auto* sub = app.add_subcommand(
      "credits",
      "Show the InMail credit balance month by month, pending refunds and the next grant");
  sub->add_option("--account", options->account,
                  "Account file (JSON): plan, plan_start, time zone, opening balance, ledger")
      ->type_name("FILE");
  sub->add_option("--ledger", options->ledger,
                  "Ledger file (NDJSON); default: the account's \"ledger\"")
      ->type_name("FILE");
  sub->add_option(
         "--as-of", options->as_of,
         "Balance at the end of this date (YYYY-MM-DD); default: today in the account's time zone")
      ->type_name("DATE");
  sub->add_option("--format", options->format, "Output format: text or json")
      ->check(CLI::IsMember({"text", "json"}));
  sub->callback([options, &ctx] { run(*options, ctx); });
}

[[maybe_unused]] const bool registered = register_command(30, setup);

}  // namespace
}  // namespace outreach::cli
