#pragma once
// 64-bit FNV-1a: a stable hash of bytes, the same on every machine and run — what a variant's
// assignment (SPEC §12), the same-template check and the drafts' file names need (std::hash
// promises neither).

#include <cstdint>
#include <string_view>

namespace outreach {

/// The hash of bytes fed in parts: the same as fnv1a64 of the parts joined.
class Fnv1a64 {
 public:
  Fnv1a64& add(std::string_view bytes) {
    for (const char c : bytes) {
      hash_ ^= static_cast<unsigned char>(c);
      hash_ *= 1099511628211ULL;
    }
    return *this;
  }
  std::uint64_t value() const { return hash_; }

 private:
  std::uint64_t hash_ = 14695981039346656037ULL;
};

inline std::uint64_t fnv1a64(std::string_view bytes) { return Fnv1a64().add(bytes).value(); }

}  // namespace outreach
