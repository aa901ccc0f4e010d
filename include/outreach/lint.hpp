#pragma once
/// The draft linter (SPEC §3): fourteen rules with stable ids, positions and severities.

#include <cstddef>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "outreach/draft.hpp"
#include "outreach/rules.hpp"
#include "outreach/text.hpp"

namespace outreach {

/// One finding, positioned at 1-based line and column (code points) of the file.
struct Diagnostic {
  std::string rule;      ///< e.g. "body-too-long"
  std::string severity;  ///< "error" or "warning"
  std::size_t line = 1;
  std::size_t column = 1;
  std::string message;  ///< one line, no trailing period
};

/// Characters counted against the limits; a limit of 0 means "none" (no subject allowed).
struct DraftCounts {
  std::size_t subject = 0;
  std::size_t body = 0;
  std::size_t limit_subject = 0;
  std::size_t limit_body = 0;
};

struct LintOptions {
  CountUnit unit = CountUnit::utf16;
  std::set<std::string> disabled;      ///< rule ids turned off with --disable
  std::optional<std::string> channel;  ///< --channel; overrides the Channel: header
  /// The channel when neither --channel nor a Channel: header names one, before SPEC §3's
  /// rule: the account's template key the file is listed under (SPEC §13).
  std::optional<std::string> default_channel;
  bool template_mode = false;  ///< --template: {{field}} is allowed, syntax checked
};

struct LintResult {
  std::string channel;  ///< message, inmail or connect
  DraftCounts counts;
  std::vector<Diagnostic> diagnostics;  ///< sorted by line, column, then rule order

  bool has_errors() const;
};

/// The linter prepared from one set of rules: phrase lists lowered and severities looked up
/// once, so that linting a draft allocates little. Build it once and reuse it for every draft
/// (the planner lints each rendered draft); `lint` is const and may run on several threads.
/// The rules must outlive the engine.
class LintEngine {
 public:
  explicit LintEngine(const Rules& rules);

  /// Lints one draft file's bytes. `origin` names the file in errors. Throws InputError only
  /// for bad input that drives the run: an unknown channel in `options` or in the `Channel:`
  /// header ("draft.txt:2: unknown channel 'inmial' (did you mean 'inmail'?)"). Everything
  /// about the draft's own content (invalid UTF-8, NUL bytes, an empty file) is a finding.
  LintResult lint_file(std::string_view file_bytes, const std::string& origin,
                       const LintOptions& options) const;
  /// Lints a draft already split (e.g. by draft_from_parts); same errors as lint_file.
  LintResult lint(const Draft& draft, const std::string& origin, const LintOptions& options) const;

  /// The phrase lists as matched (lint/phrases.hpp): each compiled once into one automaton.
  struct Phrases;

 private:
  const Rules* rules_;
  std::shared_ptr<const Phrases> phrases_;  ///< shared by copies of the engine
  std::vector<std::string> severities_;     ///< by position in Rules::lint_rule_ids()
};

/// The channel ids a draft may name.
const std::vector<std::string>& draft_channels();

}  // namespace outreach
