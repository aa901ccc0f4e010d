#include "prospects/sax_handler.hpp"

namespace outreach::detail {

// nlohmann's messages read "[json.exception.parse_error.101] parse error at line 1, column 4:
// syntax error while parsing value - unexpected ']'; expected '[', '{', or a literal; last
// read: '…'". Keep the reason only: the position is given in our form, and the "last read"
// echo holds raw input bytes.
std::string parse_reason(const nlohmann::detail::exception& error) {
  if (error.id == 406) return "number out of range";
  std::string reason = error.what();
  if (const auto colon = reason.find(": "); colon != std::string::npos) reason.erase(0, colon + 2);
  if (const auto dash = reason.find(" - "); dash != std::string::npos) reason.erase(0, dash + 3);
  if (const auto last = reason.find("; last read: '"); last != std::string::npos) {
    const auto rest = reason.rfind("'; expected ");
    reason = reason.substr(0, last) +
             (rest != std::string::npos && rest > last ? reason.substr(rest + 1) : "");
  }
  for (char& c : reason)
    if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x7f) c = '?';
  return reason;
}

}  // namespace outreach::detail
