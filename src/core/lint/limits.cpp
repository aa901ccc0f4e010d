// The encoding and limit rules of a draft.
#include "lint/limits.hpp"

#include <cmath>
#include <cstring>
#include <optional>

#include <fmt/format.h>

#include "lint/wording.hpp"

namespace outreach::lint_detail {

void check_encoding(const Draft& draft, Findings& findings) {
  const std::string_view text = draft.text;
  if (std::memchr(text.data(), '\0', text.size()) == nullptr && !first_invalid_utf8(text)) return;
  std::optional<std::size_t> first;
  std::size_t places = 0;
  for (std::size_t at = 0; at < text.size();) {
    const auto byte = static_cast<unsigned char>(text[at]);
    if (byte != 0 && byte < 0x80) {  // the common case, without a call
      ++at;
      continue;
    }
    const DecodedChar c = decode_utf8(text, at);
    if (!c.valid || c.code_point == 0) {
      if (!first) first = at;
      ++places;
    }
    at += c.length;
  }
  if (!first) return;
  std::string message = text[*first] == '\0'
                            ? std::string("NUL byte in the text")
                            : fmt::format("byte 0x{:02X} is not valid UTF-8",
                                          static_cast<unsigned char>(text[*first]));
  if (places > 1) message += fmt::format(" (first of {} bad places)", with_thousands(places));
  findings.add(Rule::invalid_utf8, *first, std::move(message));
}

void check_subject_limits(const LimitCheck& c, const DraftCounts& counts, Findings& findings) {
  const std::string_view channel = c.channel.id;
  const std::string_view title = lint_detail::channel_title(channel);
  const std::optional<DraftHeader>& subject = c.draft.subject;
  if (c.channel.subject_required && (!subject || subject->value.empty())) {
    if (!subject)
      findings.add_at(Rule::subject_missing, {1, 1},
                      fmt::format("{} needs a subject: start the file with a 'Subject:' "
                                  "line and a blank line",
                                  title));
    else
      findings.add_at(Rule::subject_missing, {subject->line, subject->column},
                      fmt::format("the {} subject is empty", title));
  }
  if (!subject || subject->value.empty()) return;
  if (!c.channel.subject_allowed) {
    findings.add_at(Rule::subject_not_supported, {subject->line, 1},
                    fmt::format("a {} has no subject line; this subject would be lost", title));
    return;
  }
  if (counts.subject > counts.limit_subject && findings.enabled(Rule::subject_too_long)) {
    const auto past = offset_past_limit(subject->value, counts.limit_subject, c.unit);
    findings.add(
        Rule::subject_too_long, subject->offset + past.value_or(0),
        fmt::format("subject is {} {}; the {} subject limit is {}", with_thousands(counts.subject),
                    unit_noun(c.unit), title, with_thousands(counts.limit_subject)));
  }
}

void check_body_limits(const LimitCheck& c, const DraftCounts& counts, Findings& findings) {
  const std::string_view body = c.draft.body();
  const std::string_view title = lint_detail::channel_title(c.channel.id);
  if (counts.body > counts.limit_body && findings.enabled(Rule::body_too_long)) {
    const auto past = offset_past_limit(body, counts.limit_body, c.unit);
    findings.add(Rule::body_too_long, c.draft.body_offset + past.value_or(0),
                 fmt::format("body is {} {}; the {} limit is {}", with_thousands(counts.body),
                             unit_noun(c.unit), title, with_thousands(counts.limit_body)));
  }
  const auto long_inmail = static_cast<std::size_t>(c.lint.long_inmail_chars);
  if (c.channel.id == "inmail" && counts.body >= long_inmail &&
      findings.enabled(Rule::long_inmail)) {
    const auto at = offset_past_limit(body, long_inmail - 1, c.unit);
    const double gain = std::round((c.short_inmail_multiplier - 1) * 100);
    findings.add(Rule::long_inmail, c.draft.body_offset + at.value_or(0),
                 fmt::format("InMail body is {} {}; InMails under {} get about {}% more replies",
                             with_thousands(counts.body), unit_noun(c.unit),
                             with_thousands(long_inmail), gain));
  }
}

}  // namespace outreach::lint_detail
