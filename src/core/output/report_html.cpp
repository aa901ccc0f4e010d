// `outreach report` (SPEC §12): the report's model as one self-contained HTML page. Each
// section is a chart (output/svg_chart) and the same figures as a table beside it.
#include <cmath>
#include <ostream>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "output/svg_chart.hpp"
#include "outreach/output.hpp"
#include "outreach/version.hpp"

namespace outreach {
namespace {

using svg::escape;

constexpr SendChannel all_channels[] = {SendChannel::connect, SendChannel::message,
                                        SendChannel::inmail};

// The page's only style: screen first (phones stack the chart over its table), then paper.
constexpr std::string_view style = R"(
:root{--ink:#1f2933;--muted:#52606d;--line:#d9e2ec;--sent:#2f6fde;--planned:#9dbcf2;
--ok:#2f9e6e;--warn:#c2410c;--message:#7c4dcc;--inmail:#d97706}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;color:var(--ink);background:#fff;
font:16px/1.45 "DejaVu Sans",Verdana,system-ui,sans-serif}
main{max-width:1120px;margin:0 auto;padding:12px 16px 32px}
h1{font-size:1.5rem;margin:.3em 0 .1em}
h2{font-size:1.2rem;margin:1.6em 0 .5em;padding-bottom:.2em;border-bottom:2px solid var(--line)}
h3{font-size:1rem;margin:1em 0 .3em}
p{margin:.4em 0}
.meta,.note{color:var(--muted);font-size:.875rem;overflow-wrap:anywhere}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:8px;margin:12px 0}
.card{border:1px solid var(--line);border-radius:6px;padding:8px 10px}
.card b{display:block;font-size:1.35rem}
.card span{color:var(--muted);font-size:.8rem}
.pair{display:grid;grid-template-columns:minmax(0,560px) minmax(0,1fr);gap:12px 24px;align-items:start}
svg{display:block;width:100%;height:auto;font-size:15px;font-family:inherit}
svg .grid{stroke:var(--line);stroke-width:1}
svg .tick,svg .label{fill:var(--muted)}
svg .value{fill:var(--ink);font-weight:bold}
svg .track{fill:#f0f4f8}
svg .sent,svg .accepted{fill:var(--sent)}
svg .planned,svg .forecast{fill:var(--planned)}
svg .replied{fill:var(--ok)}
svg .message{fill:var(--message)}
svg .inmail{fill:var(--inmail)}
svg .over rect{fill:var(--warn)}
svg .limit{stroke:var(--warn);stroke-width:1.5;stroke-dasharray:5 3}
svg .limit-label{fill:var(--warn);font-size:13px}
svg .interval line{stroke:var(--ink);stroke-width:1.5}
.key{display:flex;flex-wrap:wrap;gap:4px 14px;font-size:.8rem;color:var(--muted);margin:4px 0}
.key i{display:inline-block;width:.9em;height:.9em;margin-right:4px;vertical-align:-.1em;border-radius:2px}
.figures{overflow-x:auto;max-height:28em;overflow-y:auto}
table{border-collapse:collapse;width:100%;font-size:.875rem;font-variant-numeric:tabular-nums}
caption{text-align:left;font-weight:bold;padding:2px 0 4px}
th,td{padding:3px 5px;border-bottom:1px solid var(--line);text-align:right;vertical-align:bottom}
td{white-space:nowrap}
.wide{max-width:640px}
th:first-child,td:first-child{text-align:left}
thead th{position:sticky;top:0;background:#fff}
tr.forecast td{color:var(--muted);font-style:italic}
tr.over td{color:var(--warn);font-weight:bold}
.sentence{border-left:4px solid var(--sent);padding:4px 10px;background:#f5f8fc;overflow-wrap:anywhere}
footer{margin-top:2em;color:var(--muted);font-size:.8rem}
@media (max-width:760px){.pair{grid-template-columns:minmax(0,1fr)}main{padding:8px 10px 24px}}
@media (max-width:480px){table{font-size:.8rem}th,td{padding:3px 3px}}
@media print{
@page{margin:14mm}
body{font-size:10pt}
main{max-width:none;padding:0}
section{break-inside:avoid;page-break-inside:avoid}
.pair{grid-template-columns:minmax(0,1fr) minmax(0,1.2fr);gap:8px 16px}
.figures{max-height:none;overflow:visible}
table{font-size:8pt}
th,td{padding:1px 3px}
.meta,.note,.key,.card span{font-size:8pt}
h1{font-size:16pt}
h2{font-size:12pt}
.card b{font-size:13pt}
thead th{position:static}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
)";

std::string key_item(std::string_view colour, std::string_view text) {
  return fmt::format("<span><i style=\"background:var(--{})\"></i>{}</span>", colour, text);
}

std::string short_day(Date day) { return format_date(day).substr(5); }  // "08-31"

std::string plural(int count, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", count, count == 1 ? one : many);
}

std::string percent(double share) { return fmt::format("{:.0f}%", share * 100); }

// What a channel's success is called.
std::string_view success_name(SendChannel channel) {
  return channel == SendChannel::connect ? "accepted" : "replied";
}

std::string channel_title(SendChannel channel) {
  switch (channel) {
    case SendChannel::connect:
      return "Connection requests";
    case SendChannel::message:
      return "Messages";
    case SendChannel::inmail:
      return "InMails";
  }
  return "";
}

void write_pair(std::ostream& out, const std::string& chart, const std::string& key,
                const std::string& table) {
  out << "<div class=\"pair\"><div class=\"chart\">" << chart;
  if (!key.empty()) out << "<div class=\"key\">" << key << "</div>";
  out << "</div><div class=\"figures\">" << table << "</div></div>\n";
}

// ---- The figures at the top ---------------------------------------------------------------

void write_cards(const ReportModel& report, std::ostream& out) {
  const double confidence = report.by_channel.rules.confidence;
  out << "<div class=\"cards\" id=\"key-figures\">";
  for (const OutcomeGroup& group : report.by_channel.groups) {
    for (const SendChannel channel : all_channels) {
      const ChannelOutcomes& o = group.of(channel);
      if (o.sent == 0) continue;
      const Rate rate = rate_of(o.successes(channel), o.sent, confidence);
      const std::string what = channel == SendChannel::connect   ? "invitations sent"
                               : channel == SendChannel::message ? "messages sent"
                                                                 : "InMails sent";
      out << fmt::format(
          "<div class=\"card\"><b>{}</b><span>{}</span></div>"
          "<div class=\"card\"><b>{}</b><span>{} rate, 95% interval {}–{}</span></div>",
          o.sent, what, percent(rate.value()),
          channel == SendChannel::connect   ? "acceptance"
          : channel == SendChannel::message ? "message reply"
                                            : "InMail reply",
          percent(rate.interval.low), percent(rate.interval.high));
    }
  }
  if (report.credits)
    out << fmt::format("<div class=\"card\"><b>{}</b><span>InMail credits (cap {})</span></div>",
                       report.credits->balance, report.credits->cap);
  out << "</div>\n";
}

// ---- Credits ------------------------------------------------------------------------------

void write_credits(const ReportModel& report, std::ostream& out) {
  out << "<section id=\"credits\"><h2>InMail credits month by month</h2>\n";
  if (!report.credits) {
    out << "<p class=\"note\">" << escape(report.credits_missing) << ".</p></section>\n";
    return;
  }
  const CreditReport& credits = *report.credits;
  out << fmt::format(
      "<p>Balance <b>{}</b> of a cap of {} at the end of {} ({} granted, {} spent, {} refunded, {} "
      "forfeited since the start).",
      credits.balance, credits.cap, format_date(credits.as_of), credits.granted, credits.spent,
      credits.refunded, credits.forfeited);
  if (credits.next_grant_date)
    out << fmt::format(" Next grant on {}: +{} credit{}{}.", format_date(*credits.next_grant_date),
                       credits.next_grant_credits, credits.next_grant_credits == 1 ? "" : "s",
                       credits.next_grant_forfeits > 0
                           ? fmt::format(", {} forfeited unless spent", credits.next_grant_forfeits)
                           : "");
  out << "</p>\n";

  svg::ColumnChart chart;
  chart.title = "InMail credit balance at the end of each month, and the forecast";
  chart.limit = credits.cap;
  chart.limit_label = fmt::format("cap {}", credits.cap);
  std::string table =
      "<table><caption>Credits a month</caption><thead><tr><th>Month</th><th>Gran&shy;ted</th>"
      "<th>Spent</th><th>Re&shy;funded</th><th>For&shy;feited</th><th>Bal&shy;ance</th></tr>"
      "</thead><tbody>";
  // The chart shows the month of the report's date by its forecast (the rest of the month
  // ahead); the table shows both.
  const std::string first_forecast = report.forecast.empty() ? "" : report.forecast.front().month;
  for (const CreditMonth& month : credits.months) {
    if (month.month != first_forecast)
      chart.columns.push_back({month.month,
                               {{double(month.end_balance), "sent"}},
                               fmt::format("{}: balance {}", month.month, month.end_balance)});
    table +=
        fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                    escape(month.month), month.granted, month.spent, month.refunded,
                    month.forfeited, month.end_balance);
  }
  for (const CreditForecastMonth& month : report.forecast) {
    chart.columns.push_back(
        {month.month,
         {{double(month.end_balance), "forecast"}},
         fmt::format("{} (forecast): balance {}", month.month, month.end_balance)});
    table += fmt::format(
        "<tr class=\"forecast\"><td>{}*</td><td>{}</td><td>{}</td><td>–</td><td>{}</td>"
        "<td>{}</td></tr>",
        escape(month.month), month.granted, month.planned_spend, month.forfeited,
        month.end_balance);
  }
  table += "</tbody></table>";
  if (!report.forecast.empty())
    table += fmt::format(
        "<p class=\"note\">* Forecast: the grants after {}{}; refunds "
        "are never counted in advance.</p>",
        format_date(report.as_of),
        report.plan ? " and the plan's paid InMails (Spent)" : " (no plan: nothing spent)");
  write_pair(
      out, svg::column_chart(chart),
      key_item("sent", "balance") + key_item("planned", "forecast") + key_item("warn", "cap"),
      table);

  if (!credits.pending.empty()) {
    out << "<h3>Pending refunds</h3><div class=\"figures wide\"><table><thead><tr><th>Prospect</th>"
           "<th>Sent</th><th>Refunded if they reply by</th></tr></thead><tbody>";
    for (const PendingRefund& pending : credits.pending)
      out << fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td></tr>", escape(pending.prospect),
                         format_date(pending.sent), format_date(pending.expires));
    out << "</tbody></table></div>\n";
  }
  out << "</section>\n";
}

// ---- Invitations --------------------------------------------------------------------------

void write_invitations(const ReportModel& report, std::ostream& out) {
  out << "<section id=\"invitations\"><h2>Invitations per week</h2>\n";
  if (report.invitations.empty()) {
    out << "<p class=\"note\">No invitations in the ledger";
    out << (report.plan ? " or the plan" : "") << ".</p></section>\n";
    return;
  }
  const double limit = report.weekly_invite_limit;
  svg::ColumnChart chart;
  chart.title = "Connection requests a week against the weekly limit";
  chart.limit = limit;
  chart.limit_label = fmt::format("limit {}", report.weekly_invite_limit);
  chart.mark_over_limit = true;
  std::int64_t busiest = 0;
  int over = 0;
  std::string table = fmt::format(
      "<table><caption>Invitations a week (limit {})</caption><thead><tr><th>Week</th>"
      "<th>From</th><th>Sent</th>{}</tr></thead><tbody>",
      report.weekly_invite_limit, report.plan ? "<th>Planned</th>" : "");
  for (const InvitationWeek& week : report.invitations) {
    const std::int64_t total = week.sent + week.planned;
    busiest = std::max(busiest, total);
    if (total > report.weekly_invite_limit) ++over;
    chart.columns.push_back(
        {short_day(week.monday),
         {{double(week.sent), "sent"}, {double(week.planned), "planned"}},
         fmt::format("{} (from {}): {} sent{}", week.week, format_date(week.monday), week.sent,
                     report.plan ? fmt::format(", {} planned", week.planned) : "")});
    table += fmt::format("<tr{}><td>{}</td><td>{}</td><td>{}</td>{}</tr>",
                         total > report.weekly_invite_limit ? " class=\"over\"" : "",
                         escape(week.week), format_date(week.monday), week.sent,
                         report.plan ? fmt::format("<td>{}</td>", week.planned) : "");
  }
  table += "</tbody></table>";
  out << fmt::format(
      "<p>{} weeks, at most {} invitations in one week against a limit of {} (any 7 days in a "
      "row){}.</p>\n",
      report.invitations.size(), busiest, report.weekly_invite_limit,
      over > 0 ? fmt::format("; {} week{} over it", over, over == 1 ? "" : "s") : "");
  write_pair(out, svg::column_chart(chart),
             key_item("sent", "sent (ledger)") +
                 (report.plan ? key_item("planned", "planned") : std::string()) +
                 key_item("warn", "limit, and weeks over it"),
             table);
  out << "</section>\n";
}

// ---- Funnel -------------------------------------------------------------------------------

void write_funnel(const ReportModel& report, std::ostream& out) {
  out << "<section id=\"funnel\"><h2>Funnel: sent → accepted → replied</h2>\n";
  const double confidence = report.by_channel.rules.confidence;
  std::int64_t widest = 1;
  for (const OutcomeGroup& group : report.by_channel.groups)
    for (const SendChannel channel : all_channels)
      widest = std::max(widest, group.of(channel).sent);
  std::vector<svg::BarRow> rows;
  std::string table =
      "<table><caption>Each channel's sends and what came back</caption><thead><tr>"
      "<th>Channel</th><th>Sent</th><th>Accepted</th><th>Replied</th><th>Rate [95%]</th>"
      "</tr></thead><tbody>";
  for (const OutcomeGroup& group : report.by_channel.groups) {
    for (const SendChannel channel : all_channels) {
      const ChannelOutcomes& o = group.of(channel);
      if (o.sent == 0) continue;
      const std::string name(send_channel_name(channel));
      const Rate rate = rate_of(o.successes(channel), o.sent, confidence);
      const auto share = [widest](std::int64_t n) {
        return static_cast<double>(n) / static_cast<double>(widest);
      };
      rows.push_back({name + " · sent", share(o.sent), {}, {}, "sent", fmt::format("{}", o.sent)});
      if (channel == SendChannel::connect)
        rows.push_back({name + " · accepted",
                        share(o.accepted),
                        {},
                        {},
                        "accepted",
                        fmt::format("{} ({})", o.accepted, percent(rate.value()))});
      if (channel != SendChannel::connect || o.replies > 0)
        rows.push_back(
            {name + " · replied",
             share(o.replies),
             {},
             {},
             "replied",
             fmt::format("{} ({})", o.replies,
                         percent(static_cast<double>(o.replies) / static_cast<double>(o.sent)))});
      table += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                           escape(name), o.sent,
                           channel == SendChannel::connect ? fmt::format("{}", o.accepted) : "–",
                           o.replies, rate_text(rate));
    }
  }
  table += "</tbody></table>";
  if (rows.empty()) {
    out << "<p class=\"note\">No sends in the ledger.</p></section>\n";
    return;
  }
  table += fmt::format(
      "<p class=\"note\">Rate: accepted for connect, replied for the others. A reply counts for "
      "the latest send to that prospect before it (within {} "
      "days): a reply after an accepted invitation counts for the message that followed.</p>",
      report.by_channel.rules.attribution_days);
  write_pair(out, svg::bar_chart("Sends, acceptances and replies of each channel", rows, false),
             key_item("sent", "sent, accepted") + key_item("ok", "replied"), table);
  out << "</section>\n";
}

// ---- Variants -----------------------------------------------------------------------------

void write_variants(const ReportModel& report, std::ostream& out) {
  out << "<section id=\"variants\"><h2>Template variants</h2>\n";
  const OutcomeStats& stats = report.by_variant;
  bool any = false;
  for (const SendChannel channel : all_channels) {
    const std::string prefix = std::string(send_channel_name(channel)) + "/";
    std::vector<svg::BarRow> rows;
    std::string table = fmt::format(
        "<table><caption>{}: {} rate by variant</caption><thead><tr><th>Variant</th><th>Sent</th>"
        "<th>{}</th><th>Rate</th><th>95% interval</th></tr></thead><tbody>",
        channel_title(channel), channel == SendChannel::connect ? "acceptance" : "reply",
        channel == SendChannel::connect ? "Accepted" : "Replied");
    for (const OutcomeGroup& group : stats.groups) {
      if (group.key.rfind(prefix, 0) != 0) continue;
      const ChannelOutcomes& o = group.of(channel);
      if (o.sent == 0) continue;
      const std::string variant = group.key.substr(prefix.size());
      const Rate rate = rate_of(o.successes(channel), o.sent, stats.rules.confidence);
      rows.push_back({fmt::format("{} (n = {})", variant, o.sent), rate.value(), rate.interval.low,
                      rate.interval.high, channel == SendChannel::connect ? "accepted" : "replied",
                      rate_text(rate)});
      table += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}–{}</td></tr>",
                           escape(variant), o.sent, o.successes(channel), percent(rate.value()),
                           percent(rate.interval.low), percent(rate.interval.high));
    }
    if (rows.empty()) continue;
    any = true;
    table += "</tbody></table>";
    out << "<h3>" << channel_title(channel) << ": " << success_name(channel) << "</h3>\n";
    write_pair(out,
               svg::bar_chart(fmt::format("{} {} rate by variant, with 95% intervals",
                                          channel_title(channel), success_name(channel)),
                              rows, true),
               "", table);
    for (const VariantComparison& comparison : stats.comparisons)
      if (comparison.channel == channel)
        out << "<p class=\"sentence\">" << escape(comparison_sentence(comparison)) << "</p>\n";
  }
  if (!any)
    out << "<p class=\"note\">No sends with a template variant in the ledger (give a channel "
           "several templates in the account: SPEC §12).</p>\n";
  else
    out << fmt::format(
        "<p class=\"note\">Bars: the share of sends that succeeded; whiskers: its {:g}% Wilson "
        "interval. Two variants of one channel are compared by a two-sided pooled two-proportion "
        "z test.</p>\n",
        stats.rules.confidence * 100);
  out << "</section>\n";
}

// ---- The plan -----------------------------------------------------------------------------

void write_plan_days(const ReportModel& report, std::ostream& out) {
  if (!report.plan) return;
  const PlanSummary& plan = *report.plan;
  out << "<section id=\"plan\"><h2>The plan's sends per day</h2>\n";
  out << fmt::format(
      "<p>A plan of {} from {} to {}: {} connection requests, {} messages ({} "
      "follow-ups), {} InMails using {} credits ({} left), {} skipped.",
      plural(plan.prospects, "prospect", "prospects"), format_date(plan.start),
      format_date(plan.until), plan.count_connect, plan.count_message, plan.count_followups,
      plan.count_inmail, plan.credits_used, plan.credits_left, plan.count_skip);
  out << fmt::format(" Expected: {:g}–{:g} acceptances, {:g}–{:g} replies.</p>\n",
                     std::round(plan.expected_acceptances.low),
                     std::round(plan.expected_acceptances.high),
                     std::round(plan.expected_replies.low), std::round(plan.expected_replies.high));
  std::vector<std::string> sources;
  for (const SendChannel channel : all_channels) {
    const RateSource& source = plan.rate_sources[static_cast<std::size_t>(channel)];
    sources.push_back(fmt::format("{} {}–{} from {} ({} outcomes)", send_channel_name(channel),
                                  percent(source.rate.low), percent(source.rate.high),
                                  source.learned ? "the ledger" : "the rules' priors",
                                  source.outcomes));
  }
  out << fmt::format(
      "<p class=\"note\">Rates forecast with: {}; a channel's own rate is used from {} "
      "outcomes.</p>\n",
      fmt::join(sources, "; "), plan.learn_after_outcomes);
  if (report.plan_days.empty()) {
    out << "<p class=\"note\">The plan sends nothing.</p></section>\n";
    return;
  }
  svg::ColumnChart chart;
  chart.title = "The plan's connection requests, messages and InMails a day";
  std::string table =
      "<table><caption>Sends a day</caption><thead><tr><th>Day</th><th>Connect</th>"
      "<th>Message</th><th>InMail</th><th>Total</th></tr></thead><tbody>";
  for (const PlannedDay& day : report.plan_days) {
    chart.columns.push_back(
        {short_day(day.day),
         {{double(day.connect), "sent"},
          {double(day.message), "message"},
          {double(day.inmail), "inmail"}},
         fmt::format("{}: {} connect, {} message, {} InMail", format_date(day.day), day.connect,
                     day.message, day.inmail)});
    table += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                         format_date(day.day), day.connect, day.message, day.inmail, day.total());
  }
  table += "</tbody></table>";
  write_pair(
      out, svg::column_chart(chart),
      key_item("sent", "connect") + key_item("message", "message") + key_item("inmail", "InMail"),
      table);
  out << "</section>\n";
}

}  // namespace

void write_report_html(const ReportModel& report, std::ostream& out) {
  out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      << fmt::format("<title>Outreach report, {}</title>\n", format_date(report.as_of)) << "<style>"
      << style << "</style>\n</head>\n<body>\n<main>\n";
  out << "<header><h1>Outreach report</h1>\n"
      << fmt::format("<p class=\"meta\">As of {} ({}) · account {} · ledger {}</p></header>\n",
                     format_date(report.as_of), escape(report.zone), escape(report.account),
                     report.ledger.empty() ? "none" : escape(report.ledger));
  write_cards(report, out);
  write_credits(report, out);
  write_invitations(report, out);
  write_funnel(report, out);
  write_variants(report, out);
  write_plan_days(report, out);
  out << fmt::format(
      "<footer>Made offline by outreach {} from the ledger{}; this page fetches nothing."
      "</footer>\n</main>\n</body>\n</html>\n",
      escape(version), report.plan ? " and the plan" : "");
}

}  // namespace outreach
