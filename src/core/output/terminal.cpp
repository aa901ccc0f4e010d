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

}  // namespace outreach::detail
