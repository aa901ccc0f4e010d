// The linter's driver: the channel choice and the counts, then the encoding and limit rules
// (lint/limits.cpp) and the style checks (lint/subject.cpp, lint/body.cpp).
#include "outreach/lint.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "lint/body.hpp"
#include "lint/findings.hpp"
#include "lint/limits.hpp"
#include "lint/phrases.hpp"
#include "lint/subject.hpp"
#include "lint/wording.hpp"
#include "outreach/error.hpp"
#include "outreach/suggest.hpp"

namespace outreach {
namespace {

using lint_detail::Findings;
using lint_detail::Rule;

std::vector<std::string> lowered_all(const std::vector<std::string>& phrases) {
  std::vector<std::string> out;
  for (const auto& phrase : phrases) {
    std::string lowered;
    lint_detail::append_lowered(phrase, lowered);
    out.push_back(std::move(lowered));
  }
  return out;
}

std::string unknown_channel(std::string_view where, std::string_view value) {
  std::string hint = did_you_mean(value, draft_channels());
  if (hint.empty()) hint = " (expected message, inmail or connect)";
  return fmt::format("{}: unknown channel '{}'{}", where, printable(value), hint);
}

// --channel, else the Channel: header, else the default (the account's template key), else
// inmail when a subject is present, else message.
std::string choose_channel(const Draft& draft, const std::string& origin,
                           const LintOptions& options) {
  const auto& known = draft_channels();
  const auto is_known = [&known](const std::string& id) {
    return std::find(known.begin(), known.end(), id) != known.end();
  };
  if (options.channel && !is_known(*options.channel))
    throw InputError(unknown_channel("--channel", *options.channel));
  std::string header;
  if (draft.channel) {
    lint_detail::append_lowered(draft.channel->value, header);
    if (!is_known(header))
      throw InputError(
          unknown_channel(fmt::format("{}:{}", origin, draft.channel->line), draft.channel->value));
  }
  if (options.channel) return *options.channel;
  if (draft.channel) return header;
  if (options.default_channel && is_known(*options.default_channel))
    return *options.default_channel;
  return draft.subject ? "inmail" : "message";
}

}  // namespace

bool LintResult::has_errors() const {
  return std::any_of(diagnostics.begin(), diagnostics.end(),
                     [](const Diagnostic& d) { return d.severity == "error"; });
}

const std::vector<std::string>& draft_channels() {
  static const std::vector<std::string> channels = {"message", "inmail", "connect"};
  return channels;
}

LintEngine::LintEngine(const Rules& rules) : rules_(&rules) {
  const LintRules& lint = rules.lint;
  auto phrases = std::make_shared<Phrases>();
  phrases->clickbait_subjects = lint_detail::PhraseSet(lowered_all(lint.clickbait_subjects));
  phrases->formal_subjects = lint_detail::PhraseSet(lowered_all(lint.formal_subjects));
  phrases->call_to_action = lint_detail::PhraseSet(lowered_all(lint.call_to_action_phrases));
  phrases->generic_openers = lint_detail::PhraseSet(lowered_all(lint.generic_openers));
  phrases->salutations = lint_detail::PhraseSet(lowered_all(lint.salutations));
  // Rules with only ASCII phrases (the shipped ones) let the style checks lower ASCII only:
  // lowering each non-ASCII character of a note costs more than the rest of the lint.
  phrases->ascii_only = phrases->clickbait_subjects.ascii_only() &&
                        phrases->formal_subjects.ascii_only() &&
                        phrases->call_to_action.ascii_only() &&
                        phrases->generic_openers.ascii_only() && phrases->salutations.ascii_only();
  for (const auto& phrase : lint.generic_subjects)
    phrases->generic_subjects.insert(lint_detail::words_only(phrase));
  phrases_ = std::move(phrases);
  for (const auto& id : Rules::lint_rule_ids()) {
    const LintRuleInfo* info = rules.lint_rule(id);
    severities_.push_back(info != nullptr ? info->severity : "error");
  }
}

LintResult LintEngine::lint_file(std::string_view file_bytes, const std::string& origin,
                                 const LintOptions& options) const {
  return lint(parse_draft(file_bytes), origin, options);
}

LintResult LintEngine::lint(const Draft& draft, const std::string& origin,
                            const LintOptions& options) const {
  LintResult result;
  result.channel = choose_channel(draft, origin, options);
  const ChannelRules& channel = rules_->channel(result.channel);
  const std::string_view subject = draft.subject ? std::string_view(draft.subject->value) : "";
  const std::string_view body = draft.body();
  DraftCounts& counts = result.counts;
  counts.subject = count_characters(subject, options.unit);
  counts.body = count_characters(body, options.unit);
  counts.limit_subject =
      channel.subject_allowed ? static_cast<std::size_t>(channel.subject_limit) : 0;
  counts.limit_body = static_cast<std::size_t>(channel.body_limit);

  Findings findings(draft, severities_, options.disabled);
  const lint_detail::LimitCheck limits{draft, channel, rules_->lint,
                                       rules_->rates.short_inmail_multiplier, options.unit};
  if (findings.enabled(Rule::invalid_utf8)) lint_detail::check_encoding(draft, findings);
  lint_detail::check_subject_limits(limits, counts, findings);
  lint_detail::check_body_limits(limits, counts, findings);
  const bool blank_body = lint_detail::is_blank(body);
  if (blank_body)
    findings.add_at(
        Rule::empty_body,
        body.empty() ? TextPosition{draft.body_line, 1} : draft.position(draft.body_offset),
        body.empty() ? "body is empty" : "body is white space only");
  if (options.template_mode && findings.enabled(Rule::template_syntax))
    lint_detail::check_template_syntax(draft, findings);

  // The style checks read a lowered copy (and in --template mode a copy with the fields
  // blanked out); the buffers are kept per thread so that linting many drafts reuses them.
  thread_local std::string blanked, lowered;
  std::string_view source = draft.text;
  if (options.template_mode) {
    blanked.assign(draft.text);
    lint_detail::blank_template_fields(blanked);
    source = blanked;
  }
  lowered.clear();
  if (phrases_->ascii_only)
    lint_detail::append_lowered_ascii(source, lowered);
  else
    lint_detail::append_lowered(source, lowered);
  lint_detail::DraftText text{
      draft, source, lowered, 0, 0, draft.body_offset, options.template_mode};
  if (draft.subject) {
    text.subject_begin = draft.subject->offset;
    text.subject_end = draft.subject->offset + draft.subject->value.size();
  }
  if (findings.enabled(Rule::unfilled_placeholder)) lint_detail::check_placeholders(text, findings);
  if (channel.subject_allowed && !subject.empty())
    lint_detail::check_subject_style(text, *phrases_, rules_->lint, findings);
  if (!blank_body) lint_detail::check_body_style(text, *phrases_, findings);

  result.diagnostics = findings.take_sorted();
  return result;
}

}  // namespace outreach
