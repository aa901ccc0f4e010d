#pragma once
// LinkedIn profile URLs as prospect ids (SPEC §9): one person's URL is written in many ways —
// with or without the scheme and www., from the mobile site or a country's, with tracking
// parameters, a trailing slash or a sub-page — and all of them name the same id.

#include <optional>
#include <string>
#include <string_view>

namespace outreach::detail {

/// The normal form of a LinkedIn profile URL: "linkedin.com/in/<slug>" (the slug
/// percent-decoded and lower-cased) or, for a Sales Navigator lead, "linkedin.com/sales/lead/<id>"
/// (the part of the id before its first comma); nullopt when it is not a profile URL.
std::optional<std::string> normalise_profile_url(std::string_view url);

/// What normalise_profile_url takes, for messages.
inline constexpr std::string_view profile_url_rule =
    "a LinkedIn profile URL such as https://www.linkedin.com/in/jane-doe or a Sales Navigator "
    "lead URL";

}  // namespace outreach::detail
