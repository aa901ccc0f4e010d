#pragma once
// The subject line's style: generic, clickbait and formal subjects.

#include "lint/draft_text.hpp"
#include "lint/findings.hpp"
#include "outreach/lint.hpp"
#include "outreach/rules.hpp"

namespace outreach::lint_detail {

/// generic-subject, clickbait-subject and formal-subject.
void check_subject_style(const DraftText& text, const LintEngine::Phrases& phrases,
                         const LintRules& rules, Findings& findings);

}  // namespace outreach::lint_detail
