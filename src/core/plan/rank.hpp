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

  double priority = 0;
  std::int64_t mutual_connections = 0;
  std::int32_t deadline = no_deadline;  ///< days since 1970-01-01
  std::uint32_t index = 0;              ///< the prospect's input position
  std::uint64_t id_head = 0;            ///< the id's first 8 bytes, big-endian (ties sort fast)
  std::uint64_t id_tail = 0;            ///< its next 8 bytes

  static std::int32_t deadline_days(std::optional<Date> deadline) {
    return deadline ? deadline->time_since_epoch().count() : no_deadline;
  }
  /// Fills id_head and id_tail: comparing them orders ids as bytes do, as far as 16 bytes go.
  void set_id_prefix(std::string_view id);
};

/// Priority (higher first), then deadline (earliest first, none last), then mutual connections
/// (more first): negative when `a` ranks first, positive when `b` does, 0 on a tie — which the
/// ids then break (byte order), and for equal ids the input position.
int compare_ranks(const RankKey& a, const RankKey& b);

}  // namespace outreach
