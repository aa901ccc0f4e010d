#pragma once
// The one ranking of a campaign: who gets credits, InMail slots and invitation days first.

#include <cstdint>
#include <optional>
#include <string_view>

#include "outreach/calendar.hpp"

namespace outreach {

/// What prospects are ranked by (for credits, InMail slots and invitation days), compact so
/// that 300,000 of them sort fast.
struct RankKey {
  static constexpr std::int32_t no_deadline = 2147483647;

  // 32 bytes: a plan of millions holds one a prospect while it sorts, beside every row.
  double priority = 0;
  std::int32_t mutual_connections = 0;
  std::int32_t deadline = no_deadline;  ///< days since 1970-01-01
  std::uint32_t index = 0;              ///< the prospect's input position
  std::uint32_t id_tail = 0;            ///< the id's bytes 9 to 12, big-endian
  std::uint64_t id_head = 0;            ///< its first 8 bytes (ties sort fast)

  static std::int32_t deadline_days(std::optional<Date> deadline) {
    return deadline ? deadline->time_since_epoch().count() : no_deadline;
  }
  /// Fills id_head and id_tail: comparing them orders ids as bytes do, as far as 12 bytes go.
  void set_id_prefix(std::string_view id);
};

/// Priority (higher first), then deadline (earliest first, none last), then mutual connections
/// (more first): negative when `a` ranks first, positive when `b` does, 0 on a tie — which the
/// ids then break (byte order), and for equal ids the input position.
static_assert(sizeof(RankKey) == 32, "one rank key a prospect is held while the plan sorts");

int compare_ranks(const RankKey& a, const RankKey& b);

}  // namespace outreach
