// Fuzzes the rules loader: any bytes either load or fail with an InputError.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "outreach/error.hpp"
#include "outreach/rules.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    const auto rules = outreach::Rules::parse(text, "fuzz.json");
    (void)rules.source.dump();
  } catch (const outreach::InputError&) {
  }
  return 0;
}
