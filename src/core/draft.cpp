// Draft files: normalisation for counting (SPEC §1) and the Subject/Channel header block (§3).
#include "outreach/draft.hpp"

#include <algorithm>

#include "outreach/text.hpp"

namespace outreach {
namespace {

constexpr std::string_view byte_order_mark = "\xEF\xBB\xBF";

char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return ascii_lower(x) == ascii_lower(y);
         });
}

bool is_blank_line(std::string_view line) {
  return line.find_first_not_of(" \t") == std::string_view::npos;
}

// Drops a leading BOM, turns CRLF into LF and removes the trailing newlines.
std::string normalise(std::string_view bytes) {
  if (bytes.substr(0, byte_order_mark.size()) == byte_order_mark)
    bytes.remove_prefix(byte_order_mark.size());
  std::string text;
  text.reserve(bytes.size());
  for (std::size_t at = 0; at < bytes.size();) {
    const std::size_t cr = bytes.find("\r\n", at);
    const std::size_t end = cr == std::string_view::npos ? bytes.size() : cr;
    text.append(bytes.substr(at, end - at));
    if (cr == std::string_view::npos) break;
    at = cr + 1;  // keep the LF, drop the CR
  }
  while (!text.empty() && text.back() == '\n') text.pop_back();
  return text;
}

enum class HeaderName { none, subject, channel };

HeaderName header_name(std::string_view name) {
  if (equals_ignoring_case(name, "subject")) return HeaderName::subject;
  if (equals_ignoring_case(name, "channel")) return HeaderName::channel;
  return HeaderName::none;
}

// Reads the header block at the top of draft.text and sets the body's place.
void split_headers(Draft& draft) {
  const std::string_view text = draft.text;
  std::size_t at = 0;
  std::size_t line = 1;
  bool any_header = false;
  while (at <= text.size()) {
    const std::size_t newline = text.find('\n', at);
    const std::size_t end = newline == std::string_view::npos ? text.size() : newline;
    const std::string_view content = text.substr(at, end - at);
    const std::size_t next = newline == std::string_view::npos ? text.size() : newline + 1;

    if (any_header && is_blank_line(content)) {  // the separator line
      draft.body_offset = next;
      draft.body_line = line + 1;
      return;
    }
    const std::size_t colon = content.find(':');
    const HeaderName name =
        colon == std::string_view::npos ? HeaderName::none : header_name(content.substr(0, colon));
    std::optional<DraftHeader>& slot = name == HeaderName::subject ? draft.subject : draft.channel;
    if (name == HeaderName::none || slot) {  // the body starts here
      draft.body_offset = at;
      draft.body_line = line;
      return;
    }
    std::size_t value_start = at + colon + 1;
    while (value_start < end && (text[value_start] == ' ' || text[value_start] == '\t'))
      ++value_start;
    std::size_t value_end = end;
    while (value_end > value_start && (text[value_end - 1] == ' ' || text[value_end - 1] == '\t'))
      --value_end;
    slot = DraftHeader{std::string(text.substr(value_start, value_end - value_start)), line,
                       code_points_before(content, value_start - at) + 1, value_start};
    any_header = true;
    if (newline == std::string_view::npos) {  // headers only: the body is empty
      draft.body_offset = text.size();
      draft.body_line = line + 1;
      return;
    }
    at = next;
    ++line;
  }
}

}  // namespace

TextPosition Draft::position(std::size_t offset) const {
  const std::string_view before = std::string_view(text).substr(0, std::min(offset, text.size()));
  const std::size_t last_newline = before.rfind('\n');
  const std::size_t line_start = last_newline == std::string_view::npos ? 0 : last_newline + 1;
  const auto lines = static_cast<std::size_t>(std::count(before.begin(), before.end(), '\n'));
  return {lines + 1, code_points_before(before.substr(line_start), before.size() - line_start) + 1};
}

Draft parse_draft(std::string_view file_bytes) {
  Draft draft;
  draft.text = normalise(file_bytes);
  split_headers(draft);
  return draft;
}

Draft draft_from_parts(std::optional<std::string_view> subject, std::string_view body) {
  constexpr std::string_view name = "Subject: ";
  Draft draft;
  const std::string normalised_body = normalise(body);
  if (subject) {
    draft.text.reserve(name.size() + subject->size() + 2 + normalised_body.size());
    draft.text.append(name).append(*subject).append("\n\n");
    draft.subject = DraftHeader{std::string(*subject), 1, name.size() + 1, name.size()};
    draft.body_offset = draft.text.size();
    draft.body_line = 3;
  }
  draft.text += normalised_body;
  return draft;
}

}  // namespace outreach
