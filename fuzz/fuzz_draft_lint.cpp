// Fuzzes the draft parser and the linter in every counting unit: a draft's own content is
// never bad input, so only an unknown Channel: header may throw.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "outreach/error.hpp"
#include "outreach/lint.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto& rules = outreach::Rules::builtin();
  for (const auto unit : {outreach::CountUnit::utf16, outreach::CountUnit::code_points,
                          outreach::CountUnit::graphemes}) {
    outreach::LintOptions options;
    options.unit = unit;
    options.template_mode = unit == outreach::CountUnit::graphemes;
    try {
      (void)outreach::lint_draft(text, "draft.txt", rules, options);
    } catch (const outreach::InputError&) {
    }
  }
  return 0;
}
