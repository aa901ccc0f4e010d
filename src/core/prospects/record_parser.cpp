#include "prospects/record_parser.hpp"

#include <cstring>
#include <utility>

#include "outreach/limits.hpp"
#include "prospects/elide.hpp"
#include "prospects/sax_handler.hpp"

namespace outreach::detail {

RecordParser::RecordParser(bool array_elements, const FieldSelection& kept,
                           std::vector<std::string>* field_names, Paths paths)
    : paths_(paths),
      problems_({}, 1),
      builder_(problems_, !array_elements, false, &kept),
      kept_(kept),
      array_elements_(array_elements),
      sink_([this](Prospect&& prospect) {
        *target_ = std::move(prospect);
        built_ = true;
      }) {
  builder_.record_field_names(field_names);
}

bool RecordParser::parse(char* first, char* last, std::size_t position, Prospect& out) {
  // nlohmann takes a NUL byte for the end of the input: the exact reader looks for them first.
  if (!problems_.empty() || std::memchr(first, '\0', static_cast<std::size_t>(last - first)))
    return false;
  by_simdjson_ = paths_ == Paths::simdjson_first && count_ < max_prospects &&
                 simdjson_.read(first, last) == SimdjsonRecord::Outcome::parsed;
  if (by_simdjson_) return build(position, out);
  target_ = &out;
  built_ = false;
  ProspectSax sax(builder_, problems_, sink_, count_, nullptr);
  sax.set_line(position, 0);
  if (array_elements_) sax.set_depth_limit(static_cast<std::size_t>(max_json_depth) - 1);
  last = first + elide_unused_strings(first, static_cast<std::size_t>(last - first), kept_);
  const bool parsed = sax_parse_bytes(first, last, sax);
  sax.flush();
  return parsed && problems_.empty() && built_;
}

// The builder calls ProspectSax makes for an object at the top level, in its order: begin, then
// each key and its value, then finish, with no call once a problem is logged (its cap is one).
bool RecordParser::build(std::size_t position, Prospect& out) {
  ++count_;
  builder_.begin(position);
  for (const SimdjsonRecord::Field& field : simdjson_.fields()) {
    if (problems_.full()) return false;
    builder_.key(field.key);
    if (problems_.full()) return false;
    builder_.value(field.value);
  }
  if (problems_.full()) return false;
  Prospect prospect;
  if (!builder_.finish(prospect) || !problems_.empty()) return false;
  out = std::move(prospect);
  return true;
}

}  // namespace outreach::detail
