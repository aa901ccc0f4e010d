#pragma once
// The rules every draft must meet to be sent: valid UTF-8, the subject and body limits of its
// channel (and the long-InMail warning, which counts the same characters).

#include "lint/findings.hpp"
#include "outreach/draft.hpp"
#include "outreach/lint.hpp"
#include "outreach/rules.hpp"
#include "outreach/text.hpp"

namespace outreach::lint_detail {

/// What the limit rules check a draft against.
struct LimitCheck {
  const Draft& draft;
  const ChannelRules& channel;
  const LintRules& lint;
  double short_inmail_multiplier;
  CountUnit unit;
};

/// invalid-utf8: the first byte that is not UTF-8 or is NUL; every such place is counted.
void check_encoding(const Draft& draft, Findings& findings);

/// subject-missing, subject-not-supported, subject-too-long.
void check_subject_limits(const LimitCheck& c, const DraftCounts& counts, Findings& findings);

/// body-too-long, long-inmail.
void check_body_limits(const LimitCheck& c, const DraftCounts& counts, Findings& findings);

}  // namespace outreach::lint_detail
