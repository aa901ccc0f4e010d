#pragma once
// Every prospect's drafts rendered from the account's templates and checked with the linter.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "outreach/lint.hpp"
#include "outreach/plan.hpp"
#include "outreach/prospect.hpp"
#include "outreach/rules.hpp"
#include "outreach/template.hpp"

namespace outreach {

/// The drafts a prospect may be sent: an InMail, a connection note, a first message, a
/// follow-up (the follow_up template, else the message one).
enum class DraftKind : std::uint8_t { inmail, connect, message, follow_up };
inline constexpr std::size_t draft_kind_count = 4;

/// What checking one rendered draft left behind.
struct DraftCheck {
  std::size_t findings = 0;       ///< appended to the prospect's findings
  std::uint64_t masked_hash = 0;  ///< the body with the masked fields masked, hashed
  bool short_body = false;        ///< the body is shorter than lint.long_inmail_chars
};

/// A rendered draft split into its parts.
struct RenderedDraft {
  std::optional<std::string> subject;
  std::string body;
};

/// Renders the account's templates for one prospect and checks each rendered draft with the
/// linter's rules for its channel. A field the prospect lacks, with no fallback, is a
/// `missing-field` error. Buffers are reused from one prospect to the next.
class DraftChecker {
 public:
  DraftChecker(const Rules& rules, const PlanConfig& config);

  bool has_template(DraftKind kind) const;
  /// Renders and checks the `kind` draft for `prospect` (nothing when there is no such
  /// template), appending findings whose messages name the draft ("connect note 1:301: …");
  /// the rendered draft goes to `keep` when it is given.
  DraftCheck check(DraftKind kind, const Prospect& prospect, std::vector<PlanFinding>& findings,
                   RenderedDraft* keep = nullptr);

 private:
  struct Slot {
    const Template* tmpl = nullptr;
    std::string origin;
    std::string label;
    LintOptions options;
  };
  const Rules& rules_;
  LintEngine lint_;
  Slot slots_[draft_kind_count];
  std::string rendered_;
  std::vector<std::string> missing_;
};

/// 64-bit FNV-1a.
std::uint64_t fnv1a64(std::string_view bytes);

}  // namespace outreach
