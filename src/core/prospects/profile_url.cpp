#include "prospects/profile_url.hpp"

#include <algorithm>
#include <vector>

#include "outreach/text.hpp"

namespace outreach::detail {
namespace {

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::string lower_ascii(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), lower);
  return out;
}

bool starts_with_ignoring_case(std::string_view text, std::string_view lower_prefix) {
  return text.size() >= lower_prefix.size() &&
         lower_ascii(text.substr(0, lower_prefix.size())) == lower_prefix;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  c = lower(c);
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

// %XX sequences decoded; nullopt for a broken one.
std::optional<std::string> percent_decoded(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%') {
      out += text[i];
      continue;
    }
    if (i + 2 >= text.size()) return std::nullopt;
    const int high = hex_value(text[i + 1]);
    const int low = hex_value(text[i + 2]);
    if (high < 0 || low < 0) return std::nullopt;
    out += static_cast<char>(high * 16 + low);
    i += 2;
  }
  return out;
}

// linkedin.com itself, or one subdomain: www., m., or a country's (uk., de., …).
bool linkedin_host(std::string_view host) {
  if (host == "linkedin.com") return true;
  constexpr std::string_view suffix = ".linkedin.com";
  if (host.size() <= suffix.size() || host.substr(host.size() - suffix.size()) != suffix)
    return false;
  const std::string_view sub = host.substr(0, host.size() - suffix.size());
  if (sub == "www" || sub == "m") return true;
  return (sub.size() == 2 || sub.size() == 3) &&
         std::all_of(sub.begin(), sub.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// A decoded path segment that can be part of an id: printable UTF-8, no '/', no spaces.
bool plausible_segment(std::string_view text) {
  return !text.empty() && text.size() <= 200 && !first_invalid_utf8(text) &&
         !first_control_or_bidi(text) && text.find_first_of("/ \t\\") == std::string_view::npos;
}

}  // namespace

std::optional<std::string> normalise_profile_url(std::string_view url) {
  const auto first = url.find_first_not_of(" \t");
  if (first == std::string_view::npos) return std::nullopt;
  url = url.substr(first, url.find_last_not_of(" \t") - first + 1);
  for (const std::string_view scheme : {"https://", "http://", "//"})
    if (starts_with_ignoring_case(url, scheme)) {
      url.remove_prefix(scheme.size());
      break;
    }
  // The query and the fragment say how the page was reached, not whose it is.
  url = url.substr(0, url.find_first_of("?#"));
  const auto slash = url.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  std::string host = lower_ascii(url.substr(0, slash));
  if (const auto colon = host.find(':'); colon != std::string::npos) host.resize(colon);
  if (!host.empty() && host.back() == '.') host.pop_back();
  if (!linkedin_host(host)) return std::nullopt;

  std::vector<std::string_view> segments;
  for (std::string_view path = url.substr(slash + 1); !path.empty();) {
    const auto end = path.find('/');
    if (const auto segment = path.substr(0, end); !segment.empty()) segments.push_back(segment);
    if (end == std::string_view::npos) break;
    path.remove_prefix(end + 1);
  }
  // The mobile site's lite pages: /mwlite/in/<slug>.
  if (segments.size() >= 2 && lower_ascii(segments[0]) == "mwlite")
    segments.erase(segments.begin());
  if (segments.size() >= 2 && lower_ascii(segments[0]) == "in") {
    auto slug = percent_decoded(segments[1]);
    if (!slug || !plausible_segment(*slug)) return std::nullopt;
    return "linkedin.com/in/" + lower_ascii(*slug);
  }
  // Sales Navigator: /sales/lead/<id>,NAME_SEARCH,… (and the older /sales/people/<id>,…).
  if (segments.size() >= 3 && lower_ascii(segments[0]) == "sales" &&
      (lower_ascii(segments[1]) == "lead" || lower_ascii(segments[1]) == "people")) {
    auto lead = percent_decoded(segments[2]);
    if (!lead) return std::nullopt;
    lead->resize(std::min(lead->size(), lead->find(',')));
    if (!plausible_segment(*lead)) return std::nullopt;
    return "linkedin.com/sales/lead/" + *lead;
  }
  return std::nullopt;
}

}  // namespace outreach::detail
