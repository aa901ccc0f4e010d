// The planner: each prospect is decided and its drafts checked as it is added, then `finish`
// ranks, allocates credits, places the sends and sums the campaign up.
#include <algorithm>
#include <array>
#include <limits>

#include <fmt/format.h>

#include "outreach/credits.hpp"
#include "outreach/error.hpp"
#include "plan/decision.hpp"
#include "plan/notes.hpp"
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
  if (config.until && *config.until < config.start)
    throw InputError(fmt::format("--until {} is before the start, {}", format_date(*config.until),
                                 format_date(config.start)));
}

// The fields the templates name, each once, in the templates' order.
std::vector<std::string> template_field_names(const PlanConfig& config) {
  std::vector<std::string> names;
  for (const auto* templates : {&config.connect_templates, &config.message_templates,
                                &config.inmail_templates, &config.follow_up_templates})
    for (const NamedTemplate& named : *templates)
      for (const Template::Piece& piece : named.tmpl.pieces())
        if (piece.is_field && std::find(names.begin(), names.end(), piece.text) == names.end())
          names.push_back(piece.text);
  return names;
}

// The variants' names, each one string that every row of its variant shares.
// Each kind of draft's variant names, held once and shared by the rows (SPEC §12).
using VariantNames = std::array<std::vector<SharedName>, draft_kind_count>;

VariantNames variant_names_of(const PlanConfig& config) {
  VariantNames names;
  for (std::size_t kind = 0; kind < draft_kind_count; ++kind)
    for (const NamedTemplate& named :
         *templates_for(config, static_cast<DraftKind>(kind)).templates)
      names[kind].emplace_back(named.name);
  return names;
}

// The variant of the template a row's first step is rendered from, as DraftChecker chooses it:
// empty for a skip, a Message Ad, or a channel given one path.
void name_variant(const PlanConfig& config, const VariantNames& names, PlannedProspect& row) {
  DraftKind kind = DraftKind::message;
  switch (row.channel) {
    case PlanChannel::inmail:
      kind = DraftKind::inmail;
      break;
    case PlanChannel::connect:
      kind = DraftKind::connect;
      break;
    case PlanChannel::message:
      kind = row.followup > 0 ? DraftKind::follow_up : DraftKind::message;
      break;
    default:
      return;
  }
  const std::vector<SharedName>& variants = names[static_cast<std::size_t>(kind)];
  if (variants.empty()) return;
  row.variant = variants[variant_index(row.id, templates_for(config, kind).key, variants.size())];
}

}  // namespace

PlannerState::PlannerState(PlanConfig&& plan_config, ThreadPool* thread_pool)
    : config(std::move(plan_config)),
      rules(rules_of(config).for_plan(config.account.plan, config.account.origin + ": plan")),
      zone(zone_of(config.account)),
      threads(config.ledger, config.start, config.account.sequence.recontact_after_days),
      until(config.until.value_or(config.start + date::days{config.account.sequence.horizon_days})),
      pool(thread_pool),
      drafts(thread_pool != nullptr ? thread_pool->slots() : 1) {
  check_config(config, rules);
  for (std::string& name : template_field_names(config))
    template_fields.emplace_back(std::move(name), false);
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
  used.names = template_field_names(config);
  for (const std::string& name : config.with_fields)
    if (std::find(used.names.begin(), used.names.end(), name) == used.names.end())
      used.names.push_back(name);
  return used;
}

void Planner::fields_in_list(std::vector<std::string> names) {
  state_->list_fields = std::move(names);
}

namespace {

// Independent of every other prospect, so a batch is assessed on several threads, each with its
// own DraftChecker.
// Whether a sorted list of ids and profile URLs names the prospect.
bool listed(const std::vector<std::string>& keys, const Prospect& prospect) {
  if (keys.empty()) return false;
  return std::binary_search(keys.begin(), keys.end(), prospect.id) ||
         (!prospect.profile_url.empty() &&
          std::binary_search(keys.begin(), keys.end(), prospect.profile_url));
}

AssessedProspect assess(const PlannerState& s, DraftChecker& drafts, const Prospect& prospect) {
  const ThreadVerdict thread =
      judge_thread(s.threads.of(prospect.id), prospect.degree == 1, s.config.start,
                   s.config.account.sequence, s.rules.refund_window_days);
  const Decision decision =
      decide(prospect, thread, s.config.start, s.rules, listed(s.config.excluded, prospect));
  AssessedProspect out;
  PlanRecord& record = out.record;
  record.priority = prospect.priority;
  record.mutual_connections = static_cast<std::int32_t>(std::min<std::int64_t>(
      prospect.mutual_connections, std::numeric_limits<std::int32_t>::max()));
  record.zone = prospect.zone ? prospect.zone : s.zone;
  record.deadline = RankKey::deadline_days(prospect.deadline);
  record.earliest =
      decision.earliest ? decision.earliest->time_since_epoch().count() : PlanRecord::no_day;
  record.needs_credit = decision.needs_credit;

  PlannedProspect& row = out.row;
  row.channel = decision.channel;
  row.reason = decision.reason;
  row.followup = static_cast<std::uint8_t>(decision.followup);
  row.zone = record.zone;

  // What the first step sends, kept only when the plan is asked to.
  std::shared_ptr<RowExtras> extras;
  if (s.config.keep_drafts || !s.config.with_fields.empty()) extras = std::make_shared<RowExtras>();
  for (const std::string& name : s.config.with_fields)
    if (const auto value = prospect.field(name)) extras->fields.emplace_back(name, *value);
  RenderedDraft first, note;
  RenderedDraft* keep_first = s.config.keep_drafts ? &first : nullptr;
  bool kept = false;

  // The drafts this prospect may be sent; a candidate's InMail and connect note are both checked
  // now, and the allocation later keeps the findings of the one it chooses.
  const bool inmail = decision.channel == PlanChannel::inmail;
  if (inmail) {
    const DraftCheck check = drafts.check(DraftKind::inmail, prospect, row.findings, keep_first);
    record.inmail_findings = static_cast<std::uint32_t>(check.findings);
    record.inmail_hash = check.masked_hash;
    record.has_inmail_body = drafts.has_template(DraftKind::inmail);
    record.short_inmail = check.short_body;
    kept = record.has_inmail_body;
  }
  if (decision.channel == PlanChannel::connect || decision.needs_credit) {
    RenderedDraft* keep_note = !s.config.keep_drafts ? nullptr : inmail ? &note : &first;
    const DraftCheck check = drafts.check(DraftKind::connect, prospect, row.findings, keep_note);
    record.connect_findings = static_cast<std::uint32_t>(check.findings);
    record.connect_hash = check.masked_hash;
    record.has_connect_body = drafts.has_template(DraftKind::connect);
    if (!inmail) kept = record.has_connect_body;
    if (inmail && record.has_connect_body && s.config.keep_drafts)
      out.candidate_note = std::move(note.body);
  }
  if (decision.channel == PlanChannel::message) {
    const DraftKind kind = decision.followup > 0 ? DraftKind::follow_up : DraftKind::message;
    record.message_findings =
        static_cast<std::uint32_t>(drafts.check(kind, prospect, row.findings, keep_first).findings);
    kept = drafts.has_template(kind);
  } else if (decision.channel == PlanChannel::connect || decision.needs_credit) {
    // The message that follows an acceptance is checked too; the plan sends it later.
    record.message_findings = static_cast<std::uint32_t>(
        drafts.check(DraftKind::message, prospect, row.findings).findings);
  }
  if (extras && kept) {
    extras->subject = std::move(first.subject);
    extras->body = std::move(first.body);
  }
  row.extras = std::move(extras);
  return out;
}

// The part of add() that depends on the prospects before: groups, the fields the list carries,
// and the rows in input order.
void commit(PlannerState& s, Prospect&& prospect, AssessedProspect&& assessed) {
  PlanRecord& record = assessed.record;
  PlannedProspect& row = assessed.row;
  if (!prospect.group.empty()) {
    const auto [it, inserted] =
        s.group_ids.try_emplace(prospect.group, static_cast<std::uint32_t>(s.groups.size()));
    if (inserted) s.groups.push_back(PlanGroup{prospect.group, {}, 0, 0, false});
    PlanGroup& group = s.groups[it->second];
    record.group = it->second + 1;
    if (row.channel != PlanChannel::skip) ++group.members;
    if (row.channel == PlanChannel::message) ++group.connected;
  }
  for (auto& [name, carried] : s.template_fields)
    if (!carried && prospect.field(name)) carried = true;
  if (assessed.candidate_note)
    s.candidate_notes.emplace(static_cast<std::uint32_t>(s.rows.size()),
                              std::move(*assessed.candidate_note));
  row.id = std::move(prospect.id);
  s.rows.push_back(std::move(row));
  s.records.push_back(std::move(record));
}

}  // namespace

void Planner::add(std::span<Prospect> prospects) {
  PlannerState& s = *state_;
  // LinkedIn's own list of connections outranks a CRM's degree column.
  if (!s.config.connections.empty())
    for (Prospect& prospect : prospects)
      if (listed(s.config.connections, prospect)) {
        prospect.degree = 1;
        ++s.connections_matched;
      }
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

  // One ranking for everything that competes: credits and send times. The keys are gathered in
  // one array (fast to sort); ids are read from the rows only when their first 12 bytes tie.
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
  std::vector<std::uint32_t> order(count);
  for (std::size_t i = 0; i < count; ++i) order[i] = keys[i].index;
  std::vector<RankKey>().swap(keys);

  // Group conversations: two or more members left after skips, every one of them connected.
  std::size_t conversations = 0;
  for (PlanGroup& group : s.groups) {
    group.conversation = group.members >= 2 && group.connected == group.members;
    if (group.conversation) ++conversations;
  }
  for (std::size_t i = 0; i < count; ++i) {
    const std::uint32_t g = s.records[i].group;
    if (g == 0) continue;
    PlanGroup& group = s.groups[g - 1];
    if (!group.conversation || s.rows[i].channel != PlanChannel::message) continue;
    if (group.row_name.empty()) group.row_name = SharedName(group.name);
    s.rows[i].group = group.row_name;
  }

  // Only the grants up to the plan's last day pay for its InMails.
  const Account& account = s.config.account;
  const PlanRules& plan = s.rules.plan_named(account.plan, account.origin + ": plan");
  std::vector<Date> grants;
  if (s.credits_known)
    grants = grant_dates_between(*account.plan_start, start, s.until, plan.grant_day);
  CreditTimeline credits(s.start_balance, start, grants, plan.monthly_credits, plan.cap);
  const ScheduleOutcome schedule = schedule_sends(s, order, credits);
  s.connect_without_note = spend_note_budget(s, order);
  const VariantNames variant_names = variant_names_of(s.config);
  for (std::size_t i = 0; i < s.rows.size(); ++i) name_variant(s.config, variant_names, s.rows[i]);

  PlanResult result;
  result.summary = summarize(s, credits, schedule, conversations);
  std::vector<std::uint32_t>().swap(order);
  s.records.clear();
  s.rows.move_into(result.prospects);
  result.with_fields = s.config.with_fields;
  return result;
}

}  // namespace outreach
