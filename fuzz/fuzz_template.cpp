// Fuzzes template parsing and rendering.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "outreach/template.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto parsed = outreach::Template::parse(text);
  if (auto* tmpl = std::get_if<outreach::Template>(&parsed)) {
    std::string out;
    std::vector<std::string> missing;
    tmpl->render(
        [](std::string_view name) -> std::optional<std::string_view> {
          if (name == "first_name") return std::string_view("Ada");
          return std::nullopt;
        },
        out, missing);
  }
  return 0;
}
