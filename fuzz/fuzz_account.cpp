// Fuzzes the account reader: any bytes either load or fail with an InputError.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "outreach/account.hpp"
#include "outreach/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    (void)outreach::parse_account(text, "account.json", "/tmp", outreach::Rules::builtin());
  } catch (const outreach::InputError&) {
  }
  return 0;
}
