#pragma once
// Storage for the planner's per-prospect rows: fixed-size chunks mapped straight from the OS.
// Rows never move and the store never doubles (a vector of 300,000 rows would hold up to twice
// that while growing); a chunk given back is returned to the OS at once, so moving the rows into
// the result does not keep them twice (malloc would keep freed blocks and count them in RSS).

#include <sys/mman.h>

#include <algorithm>
#include <cstddef>
#include <new>
#include <utility>
#include <vector>

namespace outreach {

template <class T>
class ChunkedStore {
 public:
  static constexpr std::size_t chunk_bits = 13;
  static constexpr std::size_t chunk_size = std::size_t{1} << chunk_bits;

  ChunkedStore() = default;
  ChunkedStore(const ChunkedStore&) = delete;
  ChunkedStore& operator=(const ChunkedStore&) = delete;
  ~ChunkedStore() { clear(); }

  std::size_t size() const { return size_; }
  T& operator[](std::size_t i) { return chunks_[i >> chunk_bits][i & (chunk_size - 1)]; }
  const T& operator[](std::size_t i) const {
    return chunks_[i >> chunk_bits][i & (chunk_size - 1)];
  }

  void push_back(T&& value) {
    if ((size_ >> chunk_bits) == chunks_.size()) {
      chunks_.reserve(chunks_.size() + 1);
      chunks_.push_back(map_chunk());
    }
    new (&chunks_[size_ >> chunk_bits][size_ & (chunk_size - 1)]) T(std::move(value));
    ++size_;
  }

  /// Moves every element, in order, to the end of `out`, giving each chunk back once emptied.
  void move_into(std::vector<T>& out) {
    out.reserve(out.size() + size_);
    for (std::size_t c = 0; c < chunks_.size(); ++c) {
      const std::size_t count = std::min(chunk_size, size_ - c * chunk_size);
      for (std::size_t k = 0; k < count; ++k) {
        out.push_back(std::move(chunks_[c][k]));
        chunks_[c][k].~T();
      }
      unmap_chunk(chunks_[c]);
    }
    chunks_.clear();
    size_ = 0;
  }

  void clear() {
    for (std::size_t i = 0; i < size_; ++i) (*this)[i].~T();
    for (T* chunk : chunks_) unmap_chunk(chunk);
    chunks_.clear();
    size_ = 0;
  }

 private:
  static constexpr std::size_t chunk_bytes = sizeof(T) * chunk_size;

  static T* map_chunk() {
    void* memory =
        mmap(nullptr, chunk_bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (memory == MAP_FAILED) throw std::bad_alloc();
    return static_cast<T*>(memory);
  }
  static void unmap_chunk(T* chunk) { munmap(chunk, chunk_bytes); }

  std::vector<T*> chunks_;
  std::size_t size_ = 0;
};

}  // namespace outreach
