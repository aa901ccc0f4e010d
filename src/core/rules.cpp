#include "outreach/rules.hpp"

#include <algorithm>
#include <array>
#include <cstdio>

#include <fmt/format.h>

#include "outreach/error.hpp"
#include "outreach/prospect.hpp"
#include "outreach/suggest.hpp"
#include "outreach/text.hpp"
#include "rules_fields.hpp"
#include "support/json_input.hpp"

namespace outreach {
namespace {

constexpr std::int64_t big = 1'000'000'000;

// The lint rules the code implements, in the order of SPEC §3, then template-syntax (which
// SPEC §3 names under --template); the rules file gives each its severity and rationale and
// must name exactly these.
const std::vector<std::string>& known_lint_rule_ids() {
  static const std::vector<std::string> ids = {
      "body-too-long",   "subject-missing",      "subject-too-long", "subject-not-supported",
      "empty-body",      "unfilled-placeholder", "invalid-utf8",     "long-inmail",
      "generic-subject", "clickbait-subject",    "formal-subject",   "no-call-to-action",
      "generic-opener",  "template-syntax"};
  return ids;
}

// The most credits a plan may grant a month or hold: far above any real plan (150), and low
// enough that no total over centuries of months can overflow.
constexpr std::int64_t max_plan_credits = 1'000'000;

// A fixed grant day falls in every month: February has 28 days.
constexpr std::int64_t max_grant_day = 28;

Range parse_range(const JsonField& field, double max = 1e9) {
  field.expect_keys({"low", "high"});
  Range r{field.at("low").as_number(0, max), field.at("high").as_number(0, max)};
  if (r.low > r.high) field.fail("low is greater than high");
  return r;
}

// Rationales may name values of the rules data ("{inmail_limit}"); they are filled in once,
// so that `explain` always says what the rules in force say.
std::string fill_rationale(std::string text, const Rules& rules) {
  const std::array<std::pair<std::string_view, int>, 19> values = {{
      {"{message_limit}", rules.channels.at("message").body_limit},
      {"{inmail_limit}", rules.channels.at("inmail").body_limit},
      {"{connect_limit}", rules.channels.at("connect").body_limit},
      {"{subject_limit}", rules.channels.at("inmail").subject_limit},
      {"{long_inmail_chars}", rules.lint.long_inmail_chars},
      {"{shouting_min_letters}", rules.lint.shouting_min_letters},
      {"{exclamation_run}", rules.lint.exclamation_run},
      {"{refund_window_days}", rules.refund_window_days},
      {"{acceptance_delay_days}", rules.plan.acceptance_delay_days},
      {"{hard_to_connect_pending_invitations}", rules.plan.hard_to_connect_pending_invitations},
      {"{same_template_threshold}", rules.plan.same_template_threshold},
      {"{weekly_invite_limit}", rules.plan.weekly_invite_limit},
      {"{invite_window_days}", rules.plan.invite_window_days},
      {"{followup_after_days}", rules.sequence.followup_after_days},
      {"{max_followups}", rules.sequence.max_followups},
      {"{withdraw_after_days}", rules.sequence.withdraw_after_days},
      {"{reinvite_lock_days}", rules.sequence.reinvite_lock_days},
      {"{recontact_after_days}", rules.sequence.recontact_after_days},
      {"{horizon_days}", rules.sequence.horizon_days},
  }};
  for (const auto& [key, value] : values) {
    for (auto at = text.find(key); at != std::string::npos; at = text.find(key))
      text.replace(at, key.size(), fmt::format("{}", value));
  }
  return text;
}

void parse_channels(const JsonField& field, Rules& rules) {
  field.expect_keys({"message", "inmail", "connect", "message-ad"});
  for (const std::string id : {"message", "inmail", "connect"}) {
    const JsonField c = field.at(id);
    c.expect_keys({"recipients", "body_limit", "subject", "subject_limit", "credit_cost",
                   "open_profile_credit_cost", "group_conversations"});
    ChannelRules channel;
    channel.id = id;
    channel.body_limit = static_cast<int>(c.at("body_limit").as_int(1, big));
    const JsonField subject = c.at("subject");
    const std::string mode = subject.as_string();
    if (mode != "none" && mode != "optional" && mode != "required")
      subject.fail(fmt::format("expected \"none\", \"optional\" or \"required\", got {}",
                               describe_json(subject.value())));
    channel.subject_allowed = mode != "none";
    channel.subject_required = mode == "required";
    if (channel.subject_allowed)
      channel.subject_limit = static_cast<int>(c.at("subject_limit").as_int(1, big));
    channel.credit_cost = static_cast<int>(c.at("credit_cost").as_int(0, big));
    if (const auto f = c.find("open_profile_credit_cost"))
      channel.open_profile_credit_cost = static_cast<int>(f->as_int(0, big));
    if (const auto f = c.find("group_conversations")) channel.group_conversations = f->as_bool();
    rules.channels[id] = channel;
  }
  const JsonField ad = field.at("message-ad");
  ad.expect_keys({"recipients", "cost_usd_per_send", "credit_cost"});
  ChannelRules channel;
  channel.id = "message-ad";
  channel.cost_usd_per_send = parse_range(ad.at("cost_usd_per_send"));
  rules.channels["message-ad"] = channel;
}

// "start" (the plan start's day of the month, SPEC §2.1) or a day that every month has.
int parse_grant_day(const JsonField& field) {
  if (field.value().is_string() && field.value().get<std::string>() == "start") return 0;
  if (!field.value().is_number_integer())
    field.fail(fmt::format("expected \"start\" or a day of the month from 1 to {}, got {}",
                           max_grant_day, describe_json(field.value())));
  return static_cast<int>(field.as_int(1, max_grant_day));
}

void parse_plans(const JsonField& field, Rules& rules) {
  field.expect_object();
  for (const auto& [id, _] : field.value().items()) {
    const JsonField p = field.at(id);
    p.expect_keys({"name", "monthly_credits", "cap", "grant_day", "connect_note_limit",
                   "personalized_notes_per_month"});
    if (first_control_or_bidi(id) || id.empty())
      field.fail(fmt::format("expected plan ids of printable text, got {}", quoted_printable(id)));
    PlanRules plan;
    plan.id = id;
    plan.name = p.at("name").as_text();
    plan.monthly_credits = static_cast<int>(p.at("monthly_credits").as_int(0, max_plan_credits));
    plan.cap = static_cast<int>(p.at("cap").as_int(0, max_plan_credits));
    if (plan.cap < plan.monthly_credits)
      p.at("cap").fail("the cap is smaller than the monthly credits");
    if (const auto day = p.find("grant_day")) plan.grant_day = parse_grant_day(*day);
    // null, like a missing key: the channel's limit, no monthly budget.
    if (const auto limit = p.find("connect_note_limit"); limit && !limit->value().is_null())
      plan.connect_note_limit = static_cast<int>(limit->as_int(1, big));
    if (const auto notes = p.find("personalized_notes_per_month");
        notes && !notes->value().is_null())
      plan.personalized_notes_per_month = static_cast<int>(notes->as_int(0, big));
    rules.plans[id] = plan;
  }
  if (rules.plans.empty()) field.fail("expected at least one plan");
}

// A phrase list of the linter: an empty phrase would match every draft.
std::vector<std::string> parse_phrases(const JsonField& field) {
  std::vector<std::string> phrases;
  for (const auto& element : field.elements()) {
    std::string phrase = element.as_string();
    if (phrase.find_first_not_of(" \t") == std::string::npos)
      element.fail("expected a phrase, got an empty string");
    phrases.push_back(std::move(phrase));
  }
  return phrases;
}

std::string parse_rationale(const JsonField& field, const Rules& rules) {
  std::string text = field.as_text();
  if (text.find_first_not_of(" \t") == std::string::npos)
    field.fail("expected an explanation, got an empty string");
  return fill_rationale(std::move(text), rules);
}

std::string parse_severity(const JsonField& field) {
  std::string severity = field.as_string();
  if (severity != "error" && severity != "warning")
    field.fail(
        fmt::format("expected \"error\" or \"warning\", got {}", describe_json(field.value())));
  return severity;
}

// An id the tool prints ("missing-field", "free-path"): lower-case letters, digits and '-'.
void expect_code(const JsonField& field, const std::string& id) {
  const bool valid = !id.empty() && id.front() != '-' && id.back() != '-' &&
                     std::all_of(id.begin(), id.end(), [](char c) {
                       return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
                     });
  if (!valid)
    field.fail(fmt::format("'{}' is not a code: expected lower-case letters, digits and '-'",
                           printable(id)));
}

// plan_findings and plan_reasons: what `explain` says of the codes the planner prints. Which
// codes there are is the planner's business (a unit test checks that each has an entry); here
// each entry is checked for its shape, and no two codes `explain` knows share an id.
void parse_plan_codes(const JsonField& findings, const JsonField& reasons, Rules& rules) {
  findings.expect_object();
  for (const auto& [id, _] : findings.value().items()) {
    const JsonField info = findings.at(id);
    expect_code(info, id);
    if (rules.lint_rule(id) != nullptr) info.fail("a lint rule already has this id");
    info.expect_keys({"severity", "rationale"});
    rules.plan_findings.push_back(
        {id, parse_severity(info.at("severity")), parse_rationale(info.at("rationale"), rules)});
  }
  reasons.expect_object();
  for (const auto& [id, _] : reasons.value().items()) {
    const JsonField info = reasons.at(id);
    expect_code(info, id);
    if (rules.lint_rule(id) != nullptr || rules.plan_finding(id) != nullptr)
      info.fail("a lint rule or a plan finding already has this id");
    info.expect_keys({"rationale"});
    rules.plan_reasons.push_back({id, parse_rationale(info.at("rationale"), rules)});
  }
}

void parse_lint(const JsonField& field, const JsonField& rule_infos, Rules& rules) {
  field.expect_keys({"long_inmail_chars", "shouting_min_letters", "exclamation_run",
                     "generic_subjects", "clickbait_subjects", "formal_subjects",
                     "call_to_action_phrases", "generic_openers", "salutations"});
  LintRules& lint = rules.lint;
  lint.long_inmail_chars = static_cast<int>(field.at("long_inmail_chars").as_int(1, big));
  lint.shouting_min_letters = static_cast<int>(field.at("shouting_min_letters").as_int(2, big));
  lint.exclamation_run = static_cast<int>(field.at("exclamation_run").as_int(2, big));
  lint.generic_subjects = parse_phrases(field.at("generic_subjects"));
  lint.clickbait_subjects = parse_phrases(field.at("clickbait_subjects"));
  lint.formal_subjects = parse_phrases(field.at("formal_subjects"));
  lint.call_to_action_phrases = parse_phrases(field.at("call_to_action_phrases"));
  lint.generic_openers = parse_phrases(field.at("generic_openers"));
  lint.salutations = parse_phrases(field.at("salutations"));

  rule_infos.expect_keys(known_lint_rule_ids());
  for (const auto& id : known_lint_rule_ids()) {
    const JsonField info = rule_infos.at(id);
    info.expect_keys({"severity", "rationale"});
    lint.rules.push_back(
        {id, parse_severity(info.at("severity")), parse_rationale(info.at("rationale"), rules)});
  }
}

void parse_plan_defaults(const JsonField& field, Rules& rules) {
  field.expect_keys({"acceptance_delay_days", "hard_to_connect_pending_invitations",
                     "same_template_threshold", "weekly_invite_limit", "invite_window_days",
                     "invite_days", "message_days", "business_hours", "inmail_send_spacing_minutes",
                     "max_reported_problems", "same_template_masked_fields"});
  PlanDefaults& plan = rules.plan;
  plan.acceptance_delay_days = static_cast<int>(field.at("acceptance_delay_days").as_int(0, 3650));
  plan.hard_to_connect_pending_invitations =
      static_cast<int>(field.at("hard_to_connect_pending_invitations").as_int(0, big));
  plan.same_template_threshold =
      static_cast<int>(field.at("same_template_threshold").as_int(0, big));
  plan.weekly_invite_limit = static_cast<int>(field.at("weekly_invite_limit").as_int(0, big));
  plan.invite_window_days = static_cast<int>(field.at("invite_window_days").as_int(1, 366));
  plan.invite_days = parse_weekdays(field.at("invite_days"));
  plan.message_days = parse_weekdays(field.at("message_days"));
  plan.business_hours = parse_business_hours(field.at("business_hours"));
  plan.inmail_send_spacing_minutes =
      static_cast<int>(field.at("inmail_send_spacing_minutes").as_int(1, 24 * 60));
  plan.max_reported_problems = static_cast<int>(field.at("max_reported_problems").as_int(1, big));
  plan.same_template_masked_fields = field.at("same_template_masked_fields").as_string_list();
}

void parse_sequence(const JsonField& field, Rules& rules) {
  rules.sequence = parse_sequence_rules(field, SequenceRules{}, true);
}

void parse_rates(const JsonField& field, Rules& rules) {
  field.expect_keys({"inmail", "inmail_generic", "inmail_personalised", "short_inmail_multiplier",
                     "connect_acceptance_personalised", "message", "message_ad_click_through"});
  ResponseRates& r = rules.rates;
  r.inmail = parse_range(field.at("inmail"), 1);
  r.inmail_generic = parse_range(field.at("inmail_generic"), 1);
  r.inmail_personalised = parse_range(field.at("inmail_personalised"), 1);
  r.short_inmail_multiplier = field.at("short_inmail_multiplier").as_number(0, 100);
  r.connect_acceptance_personalised = parse_range(field.at("connect_acceptance_personalised"), 1);
  r.message = parse_range(field.at("message"), 1);
  r.message_ad_click_through = parse_range(field.at("message_ad_click_through"), 1);
}

void parse_outcomes(const JsonField& field, Rules& rules) {
  field.expect_keys({"attribution_days", "confidence", "significance", "learn_after_outcomes"});
  OutcomeRules& o = rules.outcomes;
  o.attribution_days = static_cast<int>(field.at("attribution_days").as_int(1, 3650));
  // Open intervals: a 100% interval or a test that nothing passes says nothing.
  o.confidence = field.at("confidence").as_number(0.5, 0.9999);
  o.significance = field.at("significance").as_number(0.0001, 0.5);
  o.learn_after_outcomes = static_cast<int>(field.at("learn_after_outcomes").as_int(1, 1'000'000));
}

// csv.aliases: {"field": ["Header", …]}; each field one of SPEC §4's or profile_url, each
// alias naming one field only.
void parse_csv(const JsonField& field, Rules& rules) {
  field.expect_keys({"aliases"});
  const JsonField aliases = field.at("aliases");
  aliases.expect_object();
  std::vector<std::string> targets(prospect_field_names().begin(), prospect_field_names().end());
  targets.emplace_back("profile_url");
  // Every alias first, then each checked against all the others.
  for (const auto& [target, _] : aliases.value().items()) {
    const JsonField names = aliases.at(target);
    if (std::find(targets.begin(), targets.end(), target) == targets.end())
      names.fail(
          fmt::format("unknown field '{}'{}", printable(target), did_you_mean(target, targets)));
    for (const JsonField& name : names.elements()) {
      std::string key = csv_column_key(name.as_text());
      if (key.empty()) name.fail("expected a header name, got an empty string");
      if (std::find(targets.begin(), targets.end(), key) != targets.end() && key != target)
        name.fail(fmt::format("'{}' is already the name of the field '{}'", printable(key), key));
      rules.csv.aliases.emplace_back(std::move(key), target);
    }
  }
  for (const auto& [target, _] : aliases.value().items()) {
    for (const JsonField& name : aliases.at(target).elements()) {
      const std::string key = csv_column_key(name.as_text());
      for (const auto& [alias, other] : rules.csv.aliases)
        if (alias == key && other != target)
          name.fail(fmt::format("'{}' is already an alias of '{}'", printable(key), other));
    }
  }
  std::sort(rules.csv.aliases.begin(), rules.csv.aliases.end());
}

}  // namespace

std::string csv_column_key(std::string_view header) {
  const auto first = header.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  header = header.substr(first, header.find_last_not_of(" \t") - first + 1);
  std::string key;
  key.reserve(header.size());
  for (const char c : header) {
    if (c == ' ' || c == '-')
      key += '_';
    else if (c >= 'A' && c <= 'Z')
      key += static_cast<char>(c - 'A' + 'a');
    else
      key += c;
  }
  return key;
}

std::string CsvRules::field_for(std::string_view header) const {
  std::string key = csv_column_key(header);
  const auto it = std::lower_bound(aliases.begin(), aliases.end(), key,
                                   [](const std::pair<std::string, std::string>& alias,
                                      const std::string& k) { return alias.first < k; });
  if (it != aliases.end() && it->first == key) return it->second;
  return key;
}

Rules Rules::parse(std::string_view text, const std::string& origin) {
  Rules rules;
  const nlohmann::json document = parse_json_document(text, origin);
  rules.source_text = std::string(text);
  const JsonField root(document, origin, "");
  root.expect_keys({"version", "source", "channels", "plans", "credits", "lint", "lint_rules",
                    "plan_findings", "plan_reasons", "plan", "sequence", "response_rates",
                    "outcomes", "csv", "notes"});
  rules.version = static_cast<int>(root.at("version").as_int(1, 1));
  rules.source = root.at("source").as_string();
  parse_channels(root.at("channels"), rules);
  parse_plans(root.at("plans"), rules);
  const JsonField credits = root.at("credits");
  credits.expect_keys({"refund_window_days", "declined_inmail_refunded"});
  rules.refund_window_days = static_cast<int>(credits.at("refund_window_days").as_int(0, 3650));
  rules.declined_inmail_refunded = credits.at("declined_inmail_refunded").as_bool();
  // The plan's thresholds first: the explanations name them.
  parse_plan_defaults(root.at("plan"), rules);
  parse_sequence(root.at("sequence"), rules);
  parse_lint(root.at("lint"), root.at("lint_rules"), rules);
  parse_plan_codes(root.at("plan_findings"), root.at("plan_reasons"), rules);
  parse_rates(root.at("response_rates"), rules);
  parse_outcomes(root.at("outcomes"), rules);
  parse_csv(root.at("csv"), rules);
  if (const auto notes = root.find("notes")) {
    notes->expect_object();
    for (const auto& [key, _] : notes->value().items()) rules.notes[key] = notes->at(key).as_text();
  }
  return rules;
}

const Rules& Rules::builtin() {
  static const Rules rules = parse(builtin_rules_json(), "built-in rules");
  return rules;
}

const std::vector<std::string>& Rules::profile_names() {
  static const std::vector<std::string> names = {"article", "linkedin-help"};
  return names;
}

const Rules* Rules::builtin_profile(std::string_view name) {
  if (name == "article") return &builtin();
  if (name == "linkedin-help") {
    // A profile holds only what it changes: the article's document with the profile's patch
    // merged in, validated like any rules file.
    static const Rules rules = [] {
      nlohmann::json document = nlohmann::json::parse(builtin_rules_json());
      document.merge_patch(nlohmann::json::parse(builtin_linkedin_help_json()));
      return parse(document.dump(2), "built-in profile linkedin-help");
    }();
    return &rules;
  }
  return nullptr;
}

std::string Rules::document() const {
  // The text was parsed and validated when loaded; dumped again it shows every key in order.
  // The replace handler keeps dump() from throwing should a string ever not be UTF-8.
  return nlohmann::json::parse(source_text)
      .dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
}

const ChannelRules& Rules::channel(const std::string& id) const { return channels.at(id); }

const PlanRules& Rules::plan_named(const std::string& id, const std::string& where) const {
  const auto it = plans.find(id);
  if (it != plans.end()) return it->second;
  std::vector<std::string> names;
  for (const auto& [name, _] : plans) names.push_back(name);
  throw InputError(fmt::format("{}: unknown plan '{}'{}", where, id, did_you_mean(id, names)));
}

Rules Rules::for_plan(const std::string& id, const std::string& where) const {
  const PlanRules& named = plan_named(id, where);
  Rules rules = *this;
  if (named.connect_note_limit) rules.channels.at("connect").body_limit = *named.connect_note_limit;
  return rules;
}

const LintRuleInfo* Rules::lint_rule(std::string_view id) const {
  for (const auto& rule : lint.rules)
    if (rule.id == id) return &rule;
  return nullptr;
}

const LintRuleInfo* Rules::plan_finding(std::string_view id) const {
  for (const auto& finding : plan_findings)
    if (finding.id == id) return &finding;
  return nullptr;
}

const PlanReasonInfo* Rules::plan_reason(std::string_view id) const {
  for (const auto& reason : plan_reasons)
    if (reason.id == id) return &reason;
  return nullptr;
}

std::vector<std::string> Rules::explainable_ids() const {
  std::vector<std::string> ids;
  for (const auto& rule : lint.rules) ids.push_back(rule.id);
  for (const auto& finding : plan_findings) ids.push_back(finding.id);
  for (const auto& reason : plan_reasons) ids.push_back(reason.id);
  return ids;
}

const std::vector<std::string>& Rules::lint_rule_ids() { return known_lint_rule_ids(); }

}  // namespace outreach
