#include "prospects/id_index.hpp"

#include <cstring>
#include <functional>

namespace outreach::detail {
namespace {

constexpr int tag_shift = 40;
constexpr std::uint64_t offset_mask = (std::uint64_t{1} << tag_shift) - 1;

std::uint64_t hash_of(std::string_view id) { return std::hash<std::string_view>{}(id); }
std::uint64_t tag_of(std::uint64_t hash) { return (hash >> tag_shift) << tag_shift; }

std::uint32_t read_u32(const char* at) {
  std::uint32_t value = 0;
  std::memcpy(&value, at, sizeof value);
  return value;
}

}  // namespace

std::string_view IdIndex::id_at(std::uint64_t offset) const {
  const char* entry = arena_.data() + offset;
  return {entry + 8, read_u32(entry + 4)};
}

std::size_t IdIndex::position_at(std::uint64_t offset) const {
  return read_u32(arena_.data() + offset);
}

void IdIndex::grow() {
  std::vector<std::uint64_t> old = std::move(slots_);
  slots_.assign(old.empty() ? 1024 : old.size() * 2, 0);
  const std::size_t mask = slots_.size() - 1;
  for (const std::uint64_t slot : old) {
    if (slot == 0) continue;
    const std::uint64_t hash = hash_of(id_at((slot & offset_mask) - 1));
    std::size_t i = static_cast<std::size_t>(hash) & mask;
    while (slots_[i] != 0) i = (i + 1) & mask;
    slots_[i] = slot;
  }
}

std::optional<std::size_t> IdIndex::insert(std::string_view id, std::size_t position) {
  // Keep the load under 3/4 so that linear probing stays short.
  if ((count_ + 1) * 4 > slots_.size() * 3) grow();
  const std::uint64_t hash = hash_of(id);
  const std::uint64_t tag = tag_of(hash);
  const std::size_t mask = slots_.size() - 1;
  std::size_t i = static_cast<std::size_t>(hash) & mask;
  for (; slots_[i] != 0; i = (i + 1) & mask) {
    const std::uint64_t slot = slots_[i];
    if ((slot & ~offset_mask) == tag && id_at((slot & offset_mask) - 1) == id)
      return position_at((slot & offset_mask) - 1);
  }
  const std::uint64_t offset = arena_.size();
  const auto stored_position = static_cast<std::uint32_t>(position);
  const auto length = static_cast<std::uint32_t>(id.size());
  arena_.resize(arena_.size() + 8 + id.size());
  char* entry = arena_.data() + offset;
  std::memcpy(entry, &stored_position, 4);
  std::memcpy(entry + 4, &length, 4);
  std::memcpy(entry + 8, id.data(), id.size());
  slots_[i] = tag | (offset + 1);
  ++count_;
  return std::nullopt;
}

}  // namespace outreach::detail
