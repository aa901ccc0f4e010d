// Fuzzes the streaming prospects reader: any bytes either stream prospects or fail with an
// InputError, without crashing, hanging or exhausting memory.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "outreach/error.hpp"
#include "outreach/prospect.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  std::size_t seen = 0;
  try {
    outreach::read_prospects(in, "prospects.json", 20,
                             [&](outreach::Prospect&& p) { seen += p.id.size(); });
  } catch (const outreach::InputError&) {
  }
  return 0;
}
