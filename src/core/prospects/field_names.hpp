#pragma once
// The SPEC §4 fields of a prospect, in the order the builder numbers them.

#include <array>
#include <string_view>

namespace outreach::detail {

inline constexpr std::array<std::string_view, 13> field_names = {"id",
                                                                 "degree",
                                                                 "open_profile",
                                                                 "accepts_inmail",
                                                                 "pending_invitations",
                                                                 "rarely_accepts",
                                                                 "deadline",
                                                                 "goal",
                                                                 "mutual_connections",
                                                                 "timezone",
                                                                 "priority",
                                                                 "group",
                                                                 "do_not_contact"};

}  // namespace outreach::detail
