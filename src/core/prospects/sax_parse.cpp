#include "prospects/sax_parse.hpp"

namespace outreach::detail {

bool sax_parse_bytes(char* first, char* last, JsonSax& sax) {
  return nlohmann::json::sax_parse(first, last, &sax);
}

}  // namespace outreach::detail
