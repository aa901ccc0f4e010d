// `outreach credits`: the InMail credit balance month by month, as text or one JSON object.
#include <algorithm>
#include <ostream>

#include <fmt/format.h>

#include "output/json_writer.hpp"
#include "outreach/error.hpp"
#include "outreach/output.hpp"

namespace outreach {
namespace {

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

std::string plural(int count, const char* one, const char* many) {
  return fmt::format("{} {}", count, count == 1 ? one : many);
}

std::string text_report(const CreditReport& report, const CreditsView& view) {
  const PlanRules& plan = *view.plan;
  const Account& account = *view.account;
  std::string out;
  out +=
      fmt::format("{} ({}): {} a month, balance capped at {}\n", printable(plan.name),
                  printable(plan.id), plural(plan.monthly_credits, "credit", "credits"), plan.cap);
  out += fmt::format("As of {} (end of the day{}, {})\n", format_date(report.as_of),
                     view.as_of_is_today ? ", today" : "", account.zone->name());
  if (account.opening)
    out += fmt::format("Opening balance: {} on {}\n", account.opening->balance,
                       format_date(account.opening->as_of));
  out += fmt::format("\n{:<7}  {:>7}  {:>5}  {:>8}  {:>9}  {:>7}\n", "MONTH", "GRANTED", "SPENT",
                     "REFUNDED", "FORFEITED", "BALANCE");
  for (const CreditMonth& month : report.months) {
    const std::string bar = balance_bar(month.end_balance, report.cap);
    out += fmt::format("{:<7}  {:>7}  {:>5}  {:>8}  {:>9}  {:>7}{}{}\n", month.month, month.granted,
                       month.spent, month.refunded, month.forfeited, month.end_balance,
                       bar.empty() ? "" : "  ", bar);
  }
  out += fmt::format(
      "\nBalance: {} ({} opening + {} granted - {} forfeited - {} spent + {} refunded)\n",
      plural(report.balance, "credit", "credits"), report.opening, report.granted, report.forfeited,
      report.spent, report.refunded);
  if (report.pending.empty()) {
    out += fmt::format(
        "Pending refunds: none (no paid InMail is waiting for a reply within {} days)\n",
        view.refund_window_days);
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
    out += fmt::format("Pending refunds: {} back if {}; the first window closes on {} ({})\n",
                       plural(credits, "credit comes", "credits come"), who,
                       format_date(first->expires), printable(first->prospect));
  }
  if (report.next_grant_date)
    out += fmt::format("Next grant: {}, +{} (the balance is capped at {})\n",
                       format_date(*report.next_grant_date),
                       plural(report.next_grant_credits, "credit", "credits"), report.cap);
  return out;
}

std::string json_report(const CreditReport& report, const CreditsView& view) {
  const Account& account = *view.account;
  std::string out;
  detail::JsonWriter json(out, 2);
  json.begin_object();
  json.key("plan").string(report.plan);
  json.key("plan_name").string(view.plan->name);
  json.key("timezone").string(account.zone->name());
  json.key("as_of").string(format_date(report.as_of));
  json.key("opening");
  if (account.opening)
    json.begin_object()
        .key("balance")
        .number(account.opening->balance)
        .key("as_of")
        .string(format_date(account.opening->as_of))
        .end_object();
  else
    json.null();
  json.key("balance").number(report.balance);
  json.key("cap").number(report.cap);
  json.key("monthly").number(report.monthly);
  json.key("granted").number(report.granted);
  json.key("spent").number(report.spent);
  json.key("refunded").number(report.refunded);
  json.key("forfeited").number(report.forfeited);
  json.key("pending_refunds").begin_array();
  for (const PendingRefund& p : report.pending)
    json.begin_object()
        .key("prospect")
        .string(p.prospect)
        .key("sent")
        .string(format_date(p.sent))
        .key("expires")
        .string(format_date(p.expires))
        .key("credits")
        .number(p.credits)
        .end_object();
  json.end_array();
  json.key("next_grant");
  if (report.next_grant_date)
    json.begin_object()
        .key("date")
        .string(format_date(*report.next_grant_date))
        .key("credits")
        .number(report.next_grant_credits)
        .key("forfeited")
        .number(report.next_grant_forfeits)
        .end_object();
  else
    json.null();
  json.key("months").begin_array();
  for (const CreditMonth& m : report.months)
    json.begin_object()
        .key("month")
        .string(m.month)
        .key("granted")
        .number(m.granted)
        .key("spent")
        .number(m.spent)
        .key("refunded")
        .number(m.refunded)
        .key("forfeited")
        .number(m.forfeited)
        .key("end_balance")
        .number(m.end_balance)
        .end_object();
  json.end_array();
  json.end_object();
  out += '\n';
  return out;
}

}  // namespace

void write_credits_report(const CreditReport& report, const CreditsView& view, ReportFormat format,
                          std::ostream& out) {
  switch (format) {
    case ReportFormat::text:
      out << text_report(report, view);
      return;
    case ReportFormat::json:
      out << json_report(report, view);
      return;
    case ReportFormat::ndjson:
      break;
  }
  throw InternalError("credits: no ndjson report");
}

}  // namespace outreach
