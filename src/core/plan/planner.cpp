// The planner: each prospect is decided and its drafts checked as it is added, then `finish`
// ranks, allocates credits, schedules and sums the campaign up.
#include <algorithm>

#include <fmt/format.h>

#include "outreach/credits.hpp"
#include "outreach/error.hpp"
#include "plan/allocate.hpp"
#include "plan/decision.hpp"
#include "plan/planner_state.hpp"
#include "plan/schedule.hpp"
#include "plan/summary.hpp"

namespace outreach {
namespace {

std::string clock_time(int minute_of_day) {
  return fmt::format("{:02}:{:02}", minute_of_day / 60, minute_of_day % 60);
}

const Rules& rules_of(const PlanConfig& config) {
  return config.rules ? *config.rules : Rules::builtin();
}

const date::time_zone* zone_of(const Account& account) {
  return account.zone ? account.zone : date::locate_zone("UTC");
}

void check_config(const PlanConfig& config, const Rules& rules) {
  const BusinessHours& hours = config.account.business_hours;
  if (hours.end_minute - hours.start_minute < rules.plan.inmail_send_spacing_minutes)
    throw InputError(fmt::format(
        "{}: business_hours: {}-{} is shorter than the {} minutes between two InMails (rules: "
        "plan.inmail_send_spacing_minutes)",
        config.account.origin, clock_time(hours.start_minute), clock_time(hours.end_minute),
        rules.plan.inmail_send_spacing_minutes));
  if (hours.days.empty())
    throw InputError(fmt::format("{}: business_hours.days: expected at least one weekday",
                                 config.account.origin));
}

}  // namespace

PlannerState::PlannerState(PlanConfig&& plan_config, ThreadPool* thread_pool)
    : config(std::move(plan_config)),
      rules(rules_of(config)),
      zone(zone_of(config.account)),
      history(config.ledger, config.start, rules.refund_window_days),
      pool(thread_pool),
      drafts(thread_pool != nullptr ? thread_pool->slots() : 1) {
  check_config(config, rules);
  const Account& account = config.account;
  const PlanRules& plan = rules.plan_named(account.plan, account.origin + ": plan");
  if (account.plan_start) {
    if (account.opening && config.start < account.opening->as_of)
      throw InputError(fmt::format(
          "--start {} is before the date of the opening balance, {} ({}: credits.as_of): "
          "nothing is known about the credits then",
          format_date(config.start), format_date(account.opening->as_of), account.origin));
    const CreditReport report =
        simulate_credits(account, config.ledger, config.start, rules,
                         config.ledger_origin.value_or(account.ledger_path.value_or("ledger")));
    start_balance = report.balance;
    for (const PendingRefund& pending : report.pending) pending_refunds += pending.credits;
    credits_known = true;
  } else if (plan.monthly_credits > 0) {
    warnings.push_back(
        fmt::format("no-plan-start: {} has no plan_start, so the InMail credits of plan '{}' "
                    "cannot be counted; the plan spends none (set plan_start to use them)",
                    account.origin, account.plan));
  }
}

Planner::Planner(PlanConfig config, ThreadPool* pool)
    : state_(std::make_unique<PlannerState>(std::move(config), pool)) {}

Planner::~Planner() = default;

FieldSelection fields_used(const PlanConfig& config) {
  FieldSelection used;
  used.all = false;
  for (const auto* tmpl :
       {&config.connect_template, &config.message_template, &config.inmail_template}) {
    if (!tmpl->has_value()) continue;
    for (const Template::Piece& piece : (*tmpl)->pieces())
      if (piece.is_field &&
          std::find(used.names.begin(), used.names.end(), piece.text) == used.names.end())
        used.names.push_back(piece.text);
  }
  return used;
}

namespace {

// Independent of every other prospect, so a batch is assessed on several threads, each with its
// own DraftChecker.
AssessedProspect assess(const PlannerState& s, DraftChecker& drafts, const Prospect& prospect) {
  const Decision decision = decide(prospect, s.history.of(prospect.id), s.config.start, s.rules);
  AssessedProspect out;
  PlanRecord& record = out.record;
  record.priority = prospect.priority;
  record.mutual_connections = prospect.mutual_connections;
  record.zone = prospect.zone ? prospect.zone : s.zone;
  record.deadline = RankKey::deadline_days(prospect.deadline);
  record.needs_credit = decision.needs_credit;

  PlannedProspect& row = out.row;
  row.channel = decision.channel;
  row.reason = decision.reason;
  row.zone = record.zone;
  // The drafts this prospect may be sent; a candidate's InMail and connect note are both checked
  // now, and the allocation later keeps the findings of the one it chooses.
  const bool inmail = decision.channel == PlanChannel::inmail;
  if (inmail) {
    const DraftCheck check = drafts.check(DraftKind::inmail, prospect, row.findings);
    record.inmail_findings = static_cast<std::uint32_t>(check.findings);
    record.inmail_hash = check.masked_body_hash;
    record.has_inmail_body = drafts.has_template(DraftKind::inmail);
    record.short_inmail = check.short_body;
  }
  if (decision.channel == PlanChannel::connect || decision.needs_credit)
    record.connect_findings = static_cast<std::uint32_t>(
        drafts.check(DraftKind::connect, prospect, row.findings).findings);
  if (decision.channel == PlanChannel::message || decision.channel == PlanChannel::connect ||
      decision.needs_credit)
    record.message_findings = static_cast<std::uint32_t>(
        drafts.check(DraftKind::message, prospect, row.findings).findings);
  return out;
}

// The part of add() that depends on the prospects before: groups, and the rows in input order.
void commit(PlannerState& s, Prospect&& prospect, AssessedProspect&& assessed) {
  PlanRecord& record = assessed.record;
  PlannedProspect& row = assessed.row;
  if (!prospect.group.empty()) {
    const auto [it, inserted] =
        s.group_ids.try_emplace(prospect.group, static_cast<std::uint32_t>(s.groups.size()));
    if (inserted) s.groups.push_back(PlanGroup{prospect.group, 0, 0, false});
    PlanGroup& group = s.groups[it->second];
    record.group = it->second + 1;
    if (row.channel != PlanChannel::skip) ++group.members;
    if (row.channel == PlanChannel::message) ++group.connected;
  }
  row.id = std::move(prospect.id);
  s.rows.push_back(std::move(row));
  s.records.push_back(std::move(record));
}

}  // namespace

void Planner::add(std::span<Prospect> prospects) {
  PlannerState& s = *state_;
  s.assessed.resize(prospects.size());
  const auto assess_one = [&](unsigned slot, std::size_t i) {
    // Each thread has its own slot, so each checker is used by one thread at a time.
    std::unique_ptr<DraftChecker>& drafts = s.drafts[slot];
    if (drafts == nullptr) drafts = std::make_unique<DraftChecker>(s.rules, s.config);
    s.assessed[i] = assess(s, *drafts, prospects[i]);
  };
  if (s.pool != nullptr)
    s.pool->parallel_for(prospects.size(), assess_one);
  else
    for (std::size_t i = 0; i < prospects.size(); ++i) assess_one(0, i);
  for (std::size_t i = 0; i < prospects.size(); ++i)
    commit(s, std::move(prospects[i]), std::move(s.assessed[i]));
  s.assessed.clear();
}

PlanResult Planner::finish() {
  PlannerState& s = *state_;
  const std::size_t count = s.rows.size();
  const Date start = s.config.start;

  // One ranking for everything that competes: credits, InMail slots, invitation days. The keys
  // are gathered in one array (fast to sort); ids are read from the rows only when their first
  // 16 bytes tie.
  std::vector<RankKey> keys(count);
  for (std::size_t i = 0; i < count; ++i) {
    const PlanRecord& r = s.records[i];
    keys[i] = RankKey{r.priority, r.mutual_connections, r.deadline, static_cast<std::uint32_t>(i)};
    keys[i].set_id_prefix(s.rows[i].id);
  }
  std::sort(keys.begin(), keys.end(), [&](const RankKey& a, const RankKey& b) {
    if (const int rank = compare_ranks(a, b); rank != 0) return rank < 0;
    if (a.id_head != b.id_head) return a.id_head < b.id_head;
    if (a.id_tail != b.id_tail) return a.id_tail < b.id_tail;
    const int ids = s.rows[a.index].id.compare(s.rows[b.index].id);
    return ids != 0 ? ids < 0 : a.index < b.index;
  });
  RankedLists lists;
  lists.order.resize(count);
  for (std::size_t i = 0; i < count; ++i) lists.order[i] = keys[i].index;
  std::vector<RankKey>().swap(keys);
  {
    // What each prospect competes for, gathered in input order (sequential reads), then listed
    // in rank order.
    const ChannelRules& inmail = s.rules.channel("inmail");
    std::vector<std::uint8_t> kind(count, 0);
    for (std::size_t i = 0; i < count; ++i) {
      const PlannedProspect& row = s.rows[i];
      if (s.records[i].needs_credit)
        kind[i] = 1;
      else if (row.channel == PlanChannel::inmail)
        kind[i] = inmail.open_profile_credit_cost > 0 ? 1 : 2;
      else if (row.channel == PlanChannel::connect)
        kind[i] = 3;
    }
    for (std::uint32_t position = 0; position < count; ++position) {
      switch (kind[lists.order[position]]) {
        case 1:
          lists.paid.push_back(position);
          break;
        case 2:
          lists.free_inmail.push_back(position);
          break;
        case 3:
          lists.connect.push_back(position);
          break;
        default:
          break;
      }
    }
  }

  // Group conversations: two or more members left after skips, every one of them connected.
  std::size_t conversations = 0;
  for (PlanGroup& group : s.groups) {
    group.conversation = group.members >= 2 && group.connected == group.members;
    if (group.conversation) ++conversations;
  }
  for (std::size_t i = 0; i < count; ++i) {
    const std::uint32_t g = s.records[i].group;
    if (g != 0 && s.groups[g - 1].conversation && s.rows[i].channel == PlanChannel::message)
      s.rows[i].group = s.groups[g - 1].name;
  }

  const Date window_end =
      campaign_window_end(s, static_cast<std::int64_t>(lists.paid.size() + lists.connect.size()));
  const Account& account = s.config.account;
  const PlanRules& plan = s.rules.plan_named(account.plan, account.origin + ": plan");
  std::vector<Date> grants;
  if (s.credits_known) grants = grant_dates_between(*account.plan_start, start, window_end);
  CreditTimeline credits(s.start_balance, start, grants, plan.monthly_credits, plan.cap);
  const std::vector<std::uint32_t> no_credits = allocate_inmails(s, lists, credits, window_end);
  const ScheduleOutcome schedule = schedule_invitations_and_messages(s, lists, no_credits);

  PlanResult result;
  result.summary = summarize(s, credits, schedule, window_end, conversations);
  lists = RankedLists{};
  s.records.clear();
  s.rows.move_into(result.prospects);
  return result;
}

}  // namespace outreach
