// libFuzzer target: see run_csv in fuzz_harness.hpp (shared with the regression unit test).
#include <cstddef>
#include <cstdint>

#include "fuzz_harness.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  outreach::fuzz::run_csv(outreach::fuzz::as_text(data, size));
  return 0;
}
