#pragma once
/// The rules data (SPEC §6): every domain number, list and prior, loaded from JSON.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "outreach/calendar.hpp"
#include "outreach/sequence.hpp"

namespace outreach {

/// A low–high range such as a response rate of 10–25%.
struct Range {
  double low = 0;
  double high = 0;
};

/// What one channel allows.
struct ChannelRules {
  std::string id;
  int body_limit = 0;  ///< 0: not applicable (message-ad)
  bool subject_allowed = false;
  bool subject_required = false;
  int subject_limit = 0;
  int credit_cost = 0;
  int open_profile_credit_cost = 0;
  bool group_conversations = false;
  Range cost_usd_per_send;  ///< message-ad only
};

/// A subscription plan.
struct PlanRules {
  std::string id;
  std::string name;
  int monthly_credits = 0;
  int cap = 0;
  /// When the grants fall (SPEC §11): 0 ("start") on the plan start's day of every month
  /// (SPEC §2.1), else this day of every month (1–28) from the plan's start on.
  int grant_day = 0;
  /// The longest connection note the plan allows (SPEC §11: free 200); none: the channel's.
  std::optional<int> connect_note_limit;
  /// Personalised connection notes a calendar month (SPEC §11: free 5); none: unlimited.
  std::optional<int> personalized_notes_per_month;
};

/// Severity and explanation of one lint rule, or of another finding code the tool prints.
struct LintRuleInfo {
  std::string id;
  std::string severity;   ///< "error" or "warning"
  std::string rationale;  ///< with {placeholders} already filled in from the rules data
};

/// The explanation of one of the plan's reason codes ("free-path", "no-credits", …).
struct PlanReasonInfo {
  std::string id;
  std::string rationale;  ///< with {placeholders} already filled in from the rules data
};

/// Thresholds and phrase lists of the linter.
struct LintRules {
  int long_inmail_chars = 0;
  int shouting_min_letters = 0;
  int exclamation_run = 0;
  std::vector<std::string> generic_subjects;
  std::vector<std::string> clickbait_subjects;
  std::vector<std::string> formal_subjects;
  std::vector<std::string> call_to_action_phrases;
  std::vector<std::string> generic_openers;
  std::vector<std::string> salutations;  ///< greetings skipped before looking for an opener
  std::vector<LintRuleInfo> rules;  ///< all fourteen: SPEC §3's thirteen, then template-syntax
};

/// Thresholds and windows of the planner.
struct PlanDefaults {
  int acceptance_delay_days = 0;
  int hard_to_connect_pending_invitations = 0;
  int same_template_threshold = 0;
  int weekly_invite_limit = 0;
  int invite_window_days = 0;
  std::vector<int> invite_days;
  std::vector<int> message_days;
  BusinessHours business_hours;
  int inmail_send_spacing_minutes = 0;
  int max_reported_problems = 0;
  /// Fields whose values are masked before drafts are compared for `same-template`.
  std::vector<std::string> same_template_masked_fields;
};

/// Response-rate priors used for forecasts.
struct ResponseRates {
  Range inmail;
  Range inmail_generic;
  Range inmail_personalised;
  double short_inmail_multiplier = 1;
  Range connect_acceptance_personalised;
  Range message;
  Range message_ad_click_through;
};

/// How `outreach stats` reads outcomes and when forecasts learn from them (SPEC §12).
struct OutcomeRules {
  /// A reply counts for the latest send to the prospect before it, this many days back at most.
  int attribution_days = 0;
  double confidence = 0;    ///< of the rates' intervals (Wilson)
  double significance = 0;  ///< a two-proportion test's p below it: "unlikely to be chance"
  /// Outcomes of a channel in the ledger from which the plan's forecasts use the account's own
  /// rate instead of the priors.
  int learn_after_outcomes = 0;
};

/// How CSV and TSV prospects are read (SPEC §9): header names that stand for a field.
struct CsvRules {
  /// An alias's column key (csv_column_key) → the field it names, sorted by alias.
  std::vector<std::pair<std::string, std::string>> aliases;

  /// The field a header names: its alias's field, else its column key.
  std::string field_for(std::string_view header) const;
};

/// A CSV header as matched against field names: trimmed, lower-case (ASCII), spaces and
/// hyphens as '_' ("First Name" → "first_name", "Open-Profile" → "open_profile").
std::string csv_column_key(std::string_view header);

/// The whole rules file, validated.
struct Rules {
  int version = 1;     ///< the rules file's "version" (its format)
  std::string source;  ///< the rules file's "source": where its values come from
  std::map<std::string, ChannelRules> channels;  ///< message, inmail, connect, message-ad
  std::map<std::string, PlanRules> plans;
  int refund_window_days = 0;
  bool declined_inmail_refunded = false;
  LintRules lint;
  /// The plan's own finding codes (missing-field, same-template, …), sorted by id: what
  /// `outreach explain` says of each. Every code the planner prints has one (a unit test).
  std::vector<LintRuleInfo> plan_findings;
  /// The plan's reason codes, sorted by id; every PlanReason has one (a unit test).
  std::vector<PlanReasonInfo> plan_reasons;
  PlanDefaults plan;
  SequenceRules sequence;
  ResponseRates rates;
  OutcomeRules outcomes;
  CsvRules csv;
  std::map<std::string, std::string> notes;
  std::string source_text;  ///< the document as loaded

  /// The document as `outreach rules` prints it: indented by two spaces, keys sorted.
  std::string document() const;

  /// The rules compiled into the binary: the `article` profile, the default.
  static const Rules& builtin();
  /// The built-in profile of this name (SPEC §11: "article", "linkedin-help"), or nullptr.
  static const Rules* builtin_profile(std::string_view name);
  /// The names of the built-in profiles, the default first.
  static const std::vector<std::string>& profile_names();
  /// Parses and validates a rules document; `origin` names it in errors.
  /// Throws InputError naming the key, e.g. "rules.json: plans.free.cap: expected an integer ≥ 0".
  static Rules parse(std::string_view text, const std::string& origin);

  const ChannelRules& channel(const std::string& id) const;
  /// The plan with this id; throws InputError with a "did you mean …?" when unknown.
  const PlanRules& plan_named(const std::string& id, const std::string& where) const;
  /// These rules as an account of this plan meets them: the connect channel's limit is the
  /// plan's connect_note_limit when it has one (SPEC §11). Throws as plan_named.
  Rules for_plan(const std::string& id, const std::string& where) const;
  /// The lint rule with this id, or nullptr.
  const LintRuleInfo* lint_rule(std::string_view id) const;
  /// The plan finding code with this id, or nullptr.
  const LintRuleInfo* plan_finding(std::string_view id) const;
  /// The plan reason code with this id, or nullptr.
  const PlanReasonInfo* plan_reason(std::string_view id) const;
  /// Every id `outreach explain` knows: the lint rules, the plan's findings, its reasons.
  std::vector<std::string> explainable_ids() const;
  /// The ids of the lint rules the code implements, in SPEC §3 order, then template-syntax.
  static const std::vector<std::string>& lint_rule_ids();
};

/// The text of the embedded rules.json (the article profile).
std::string_view builtin_rules_json();
/// The text of the embedded profiles/linkedin-help.json: a JSON merge patch (RFC 7386) on
/// rules.json.
std::string_view builtin_linkedin_help_json();

}  // namespace outreach
