#include "output/terminal.hpp"

#include <utf8proc.h>

#include <algorithm>

#include "outreach/text.hpp"

namespace outreach::detail {

// Terminal columns of printable text (wide East Asian characters take two).
std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < text.size();) {
    utf8proc_int32_t code = 0;
    const auto length = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + i),
                                         static_cast<utf8proc_ssize_t>(text.size() - i), &code);
    if (length <= 0) return width + (text.size() - i);
    width += static_cast<std::size_t>(std::max(0, utf8proc_charwidth(code)));
    i += static_cast<std::size_t>(length);
  }
  return width;
}

// Printable text cut to `max` columns, ending in "…" when cut.
std::string fitted(std::string_view text, std::size_t max) {
  std::string safe = printable(text);
  if (display_width(safe) <= max) return safe;
  std::string out;
  std::size_t width = 0;
  for (std::size_t i = 0; i < safe.size();) {
    utf8proc_int32_t code = 0;
    const auto length = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(safe.data() + i),
                                         static_cast<utf8proc_ssize_t>(safe.size() - i), &code);
    if (length <= 0) break;
    const auto w = static_cast<std::size_t>(std::max(0, utf8proc_charwidth(code)));
    if (width + w + 1 > max) break;
    out.append(safe, i, static_cast<std::size_t>(length));
    width += w;
    i += static_cast<std::size_t>(length);
  }
  return out + "\xE2\x80\xA6";  // …
}

// Greedy: as many words on a line as fit, the spaces between them kept as they are.
std::vector<std::string> wrapped(std::string_view text, std::size_t width) {
  if (width == 0 || display_width(text) <= width) return {std::string(text)};
  std::vector<std::string> lines(1);
  std::size_t line_width = 0;
  for (std::size_t at = 0; at < text.size();) {
    const std::size_t end = std::min(text.find(' ', at), text.size());
    const std::string_view word = text.substr(at, end - at);
    const std::size_t word_width = display_width(word);
    if (line_width > 0 && line_width + 1 + word_width > width) {
      lines.emplace_back();
      line_width = 0;
    }
    if (line_width > 0) {
      lines.back() += ' ';
      ++line_width;
    }
    lines.back() += word;
    line_width += word_width;
    at = end + 1;
  }
  return lines;
}

}  // namespace outreach::detail
