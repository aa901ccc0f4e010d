// The formats of a prospect list by name and by file extension (SPEC §9).
#include <algorithm>

#include "outreach/prospect_reader.hpp"
#include "support/name_table.hpp"

namespace outreach {
namespace {

constexpr detail::NameTable<ProspectFormat, 4> formats({{{"json", ProspectFormat::json},
                                                         {"ndjson", ProspectFormat::ndjson},
                                                         {"csv", ProspectFormat::csv},
                                                         {"tsv", ProspectFormat::tsv}}});

bool ends_with_ignoring_case(std::string_view text, std::string_view lower_suffix) {
  if (text.size() < lower_suffix.size()) return false;
  return std::equal(
      lower_suffix.begin(), lower_suffix.end(),
      text.end() - static_cast<std::ptrdiff_t>(lower_suffix.size()), [](char suffix, char c) {
        return suffix == (c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
      });
}

}  // namespace

std::optional<ProspectFormat> parse_prospect_format(std::string_view name) {
  return formats.parse(name);
}

std::string_view prospect_format_name(ProspectFormat format) { return formats.name(format); }

const std::vector<std::string>& prospect_format_names() {
  static const std::vector<std::string> names = formats.names();
  return names;
}

ProspectFormat prospect_format_of(std::string_view path) {
  if (ends_with_ignoring_case(path, ".csv")) return ProspectFormat::csv;
  if (ends_with_ignoring_case(path, ".tsv")) return ProspectFormat::tsv;
  return ProspectFormat::json;
}

}  // namespace outreach
