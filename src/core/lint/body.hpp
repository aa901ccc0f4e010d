#pragma once
// The body's content: placeholders, template syntax, a call to action and the opening line.

#include <string>

#include "lint/draft_text.hpp"
#include "lint/findings.hpp"
#include "outreach/draft.hpp"
#include "outreach/lint.hpp"

namespace outreach::lint_detail {

/// no-call-to-action and generic-opener.
void check_body_style(const DraftText& text, const LintEngine::Phrases& phrases,
                      Findings& findings);
/// unfilled-placeholder, in the subject and the body.
void check_placeholders(const DraftText& text, Findings& findings);
/// template-syntax, with --template.
void check_template_syntax(const Draft& draft, Findings& findings);
/// Blanks every `{{…}}` of a line with spaces (for --template), keeping offsets.
void blank_template_fields(std::string& text);

}  // namespace outreach::lint_detail
