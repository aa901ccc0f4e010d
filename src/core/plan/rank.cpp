// The campaign's ranking: priority, then deadline, then mutual connections, then id.
#include "plan/rank.hpp"

namespace outreach {

void RankKey::set_id_prefix(std::string_view id) {
  const auto pack = [&](std::size_t from, std::size_t bytes) {
    std::uint64_t packed = 0;
    for (std::size_t k = from; k < from + bytes; ++k)
      packed = (packed << 8) | (k < id.size() ? static_cast<unsigned char>(id[k]) : 0U);
    return packed;
  };
  id_head = pack(0, 8);
  id_tail = static_cast<std::uint32_t>(pack(8, 4));
}

int compare_ranks(const RankKey& a, const RankKey& b) {
  if (a.priority != b.priority) return a.priority > b.priority ? -1 : 1;
  if (a.deadline != b.deadline) return a.deadline < b.deadline ? -1 : 1;
  if (a.mutual_connections != b.mutual_connections)
    return a.mutual_connections > b.mutual_connections ? -1 : 1;
  return 0;
}

}  // namespace outreach
