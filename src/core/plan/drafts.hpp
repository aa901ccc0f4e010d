#pragma once
// Every prospect's drafts rendered from the account's templates and checked with the linter.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "outreach/limits.hpp"
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

/// The templates a kind of draft is rendered from (SPEC §12): their list, their files and the
/// account key its variants are assigned by (variant_index). A follow-up uses the follow_up
/// templates, or the message ones (and their key) when there are none. One answer for the
/// checker that renders the drafts and for the rows that name their variant.
struct TemplateChoice {
  const std::vector<NamedTemplate>* templates = nullptr;
  const std::vector<TemplateFile>* files = nullptr;
  std::string_view key;
};
TemplateChoice templates_for(const PlanConfig& config, DraftKind kind);

/// What checking one rendered draft left behind.
struct DraftCheck {
  std::size_t findings = 0;       ///< appended to the prospect's findings
  std::uint64_t masked_hash = 0;  ///< the body with the masked fields masked, hashed
  bool short_body = false;        ///< the body is shorter than lint.long_inmail_chars
  std::string_view variant;       ///< the variant rendered (empty: the channel has one template)
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
  /// template) from the variant variant_index gives it, appending findings whose messages name the
  /// draft ("connect note 1:301: …"): at most max_findings_per_draft, then one `findings-left-out`
  /// that counts the rest. The rendered draft goes to `keep` when it is given.
  DraftCheck check(DraftKind kind, const Prospect& prospect, std::vector<PlanFinding>& findings,
                   RenderedDraft* keep = nullptr);

 private:
  struct Variant {
    const NamedTemplate* named = nullptr;
    std::string origin;  ///< its file, for the linter's messages
  };
  struct Slot {
    std::vector<Variant> variants;  ///< sorted by name; empty: no template
    std::string key;                ///< the account's key, which the assignment hashes
    std::string label;
    LintOptions options;
  };
  const Rules& rules_;
  LintEngine lint_;
  Slot slots_[draft_kind_count];
  std::string rendered_;
  std::vector<std::string> missing_;
};

/// Keeps at most `limit` findings from `first` on (in order) and replaces the others with one
/// `findings-left-out` finding that counts them, at the highest severity among them; returns
/// how many were left out. `message` is its text, "{}" standing for the count.
std::size_t leave_out_findings(std::vector<PlanFinding>& findings, std::size_t first,
                               std::size_t limit, const std::string& message);

/// Caps the findings of the whole plan at max_findings_per_plan, in row order: past it, each
/// row keeps only a `findings-left-out` finding. Returns how many were left out. `rows` is
/// any indexable store of PlannedProspect (the planner's ChunkedStore, a vector).
template <typename Rows>
std::size_t cap_plan_findings(Rows& rows) {
  const std::string message =
      fmt::format("{{}} findings left out (a plan lists at most {})", max_findings_per_plan);
  std::size_t kept = 0, left_out = 0;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    std::vector<PlanFinding>& findings = rows[i].findings;
    const std::size_t room = max_findings_per_plan - std::min(kept, max_findings_per_plan);
    kept += std::min(room, findings.size());
    left_out += leave_out_findings(findings, 0, room, message);
  }
  return left_out;
}

}  // namespace outreach
