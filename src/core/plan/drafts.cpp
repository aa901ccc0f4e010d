// Every prospect's drafts: the account's templates rendered with the prospect's fields, each
// rendered draft checked with the linter for its channel, and the InMail and note bodies hashed
// with the merge fields masked so that the plan can tell when dozens would get the same text.
#include "plan/drafts.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "outreach/draft.hpp"
#include "outreach/limits.hpp"
#include "outreach/text.hpp"
#include "support/fnv.hpp"

namespace outreach {
namespace {

// What a masked field renders as: any fixed text works, it is only ever hashed.
constexpr std::string_view masked_value = "\x01field\x01";

std::optional<std::string_view> field_of(const Prospect& prospect, std::string_view name) {
  for (const auto& [key, value] : prospect.fields)
    if (key == name) return std::string_view(value);
  return std::nullopt;
}

}  // namespace

TemplateChoice templates_for(const PlanConfig& config, DraftKind kind) {
  const TemplatePaths& paths = config.account.templates;
  switch (kind) {
    case DraftKind::inmail:
      return {&config.inmail_templates, &paths.inmail, "inmail"};
    case DraftKind::connect:
      return {&config.connect_templates, &paths.connect, "connect"};
    case DraftKind::follow_up:
      if (!config.follow_up_templates.empty())
        return {&config.follow_up_templates, &paths.follow_up, "follow_up"};
      break;
    case DraftKind::message:
      break;
  }
  return {&config.message_templates, &paths.message, "message"};
}

DraftChecker::DraftChecker(const Rules& rules, const PlanConfig& config)
    : rules_(rules), lint_(rules) {
  const auto setup = [&](DraftKind kind, std::string_view channel, std::string_view label) {
    const TemplateChoice choice = templates_for(config, kind);
    Slot& slot = slots_[static_cast<std::size_t>(kind)];
    for (std::size_t i = 0; i < choice.templates->size(); ++i)
      slot.variants.push_back({&(*choice.templates)[i], i < choice.files->size()
                                                            ? (*choice.files)[i].path
                                                            : fmt::format("{} template", label)});
    slot.key = std::string(choice.key);
    slot.label = std::string(label);
    slot.options.channel = std::string(channel);
  };
  setup(DraftKind::inmail, "inmail", "inmail");
  setup(DraftKind::connect, "connect", "connect note");
  setup(DraftKind::message, "message", "message");
  setup(DraftKind::follow_up, "message", "follow-up");
}

bool DraftChecker::has_template(DraftKind kind) const {
  return !slots_[static_cast<std::size_t>(kind)].variants.empty();
}

DraftCheck DraftChecker::check(DraftKind kind, const Prospect& prospect,
                               std::vector<PlanFinding>& findings, RenderedDraft* keep) {
  const Slot& slot = slots_[static_cast<std::size_t>(kind)];
  DraftCheck result;
  if (slot.variants.empty()) return result;
  const Variant& variant =
      slot.variants[variant_index(prospect.id, slot.key, slot.variants.size())];
  const Template& tmpl = variant.named->tmpl;
  result.variant = variant.named->name;
  const std::size_t before = findings.size();
  // At most max_findings_per_draft are kept; the rest are only counted, never built (a field
  // that renders into 150,000 placeholders must not cost 150,000 messages).
  std::size_t left_out = 0;
  bool left_out_error = false;
  std::string left_out_severity;
  const auto room_for = [&](std::string_view severity) {
    if (findings.size() - before < max_findings_per_draft) return true;
    ++left_out;
    left_out_error = left_out_error || severity == "error";
    if (left_out_severity.empty()) left_out_severity = std::string(severity);
    return false;
  };

  missing_.clear();
  tmpl.render([&](std::string_view name) { return field_of(prospect, name); }, rendered_, missing_);
  for (std::size_t i = 0; i < missing_.size(); ++i) {
    if (std::find(missing_.begin(), missing_.begin() + static_cast<std::ptrdiff_t>(i),
                  missing_[i]) != missing_.begin() + static_cast<std::ptrdiff_t>(i))
      continue;  // reported once per draft
    if (!room_for("error")) continue;
    findings.push_back(PlanFinding{
        "missing-field", "error",
        fmt::format("{}: the prospect has no field '{}' and the template gives no fallback",
                    slot.label, missing_[i])});
  }
  // Split once: the linter, the body's length and what is kept work on the same draft.
  const Draft draft = parse_draft(rendered_);
  const LintResult lint = lint_.lint(draft, variant.origin, slot.options);
  for (const Diagnostic& d : lint.diagnostics)
    if (room_for(d.severity))
      findings.push_back(
          PlanFinding{d.rule, d.severity,
                      fmt::format("{} {}:{}: {}", slot.label, d.line, d.column, d.message)});
  if (keep != nullptr) {
    keep->subject = draft.subject ? std::optional<std::string>(draft.subject->value) : std::nullopt;
    keep->body = std::string(draft.body());
  }

  if (kind == DraftKind::inmail || kind == DraftKind::connect) {
    // The linter counted the body already when it counts in UTF-16 units, as LinkedIn does.
    const std::size_t body_units = slot.options.unit == CountUnit::utf16
                                       ? lint.counts.body
                                       : count_characters(draft.body(), CountUnit::utf16);
    result.short_body = body_units < static_cast<std::size_t>(rules_.lint.long_inmail_chars);
    const std::vector<std::string>& masked = rules_.plan.same_template_masked_fields;
    tmpl.render(
        [&](std::string_view name) -> std::optional<std::string_view> {
          if (std::find(masked.begin(), masked.end(), name) != masked.end()) return masked_value;
          return field_of(prospect, name);
        },
        rendered_, missing_);
    result.masked_hash = fnv1a64(parse_draft(rendered_).body());
  }
  if (left_out > 0)
    findings.push_back(
        PlanFinding{"findings-left-out", left_out_error ? "error" : left_out_severity,
                    fmt::format("{}: {} more findings left out (a draft lists at most {})",
                                slot.label, left_out, max_findings_per_draft)});
  result.findings = findings.size() - before;
  return result;
}

std::size_t leave_out_findings(std::vector<PlanFinding>& findings, std::size_t first,
                               std::size_t limit, const std::string& message) {
  if (findings.size() - first <= limit) return 0;
  const auto cut = findings.begin() + static_cast<std::ptrdiff_t>(first + limit);
  const std::size_t left_out = static_cast<std::size_t>(findings.end() - cut);
  const bool any_error = std::any_of(
      cut, findings.end(), [](const PlanFinding& finding) { return finding.severity == "error"; });
  std::string severity = any_error ? "error" : cut->severity;
  findings.erase(cut, findings.end());
  findings.shrink_to_fit();
  findings.push_back(PlanFinding{"findings-left-out", std::move(severity),
                                 fmt::format(fmt::runtime(message), left_out)});
  return left_out;
}

}  // namespace outreach
