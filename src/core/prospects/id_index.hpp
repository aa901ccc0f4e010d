#pragma once
// A compact exact set of prospect ids with the position each was first seen at, for duplicate
// detection over hundreds of thousands of prospects in a few dozen bytes each: the ids live
// in one arena, the open-addressing table holds a hash tag and an arena offset per slot.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace outreach::detail {

class IdIndex {
 public:
  /// Records `id` at `position`, or returns the position it was first recorded at.
  std::optional<std::size_t> insert(std::string_view id, std::size_t position);
  std::size_t size() const { return count_; }

 private:
  std::string_view id_at(std::uint64_t offset) const;
  std::size_t position_at(std::uint64_t offset) const;
  void grow();

  std::vector<char> arena_;           // per id: u32 position, u32 length, the bytes
  std::vector<std::uint64_t> slots_;  // 0: empty; else tag (high 24 bits) | offset + 1
  std::size_t count_ = 0;
};

}  // namespace outreach::detail
