#pragma once
/// A short name that many plan rows carry — a group conversation's, a template variant's —
/// held once and shared: 8 bytes a row where a std::string takes 32, and nothing for the rows
/// without one. A plan of millions of prospects keeps one row each until it is written.

#include <atomic>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>

namespace outreach {

class SharedName {
 public:
  SharedName() = default;
  /// An empty name is no name (empty() is true).
  explicit SharedName(std::string_view name) : text_(name.empty() ? nullptr : new Text(name)) {}
  SharedName(const SharedName& other) noexcept : text_(other.text_) { retain(); }
  SharedName(SharedName&& other) noexcept : text_(std::exchange(other.text_, nullptr)) {}
  SharedName& operator=(SharedName other) noexcept {
    std::swap(text_, other.text_);
    return *this;
  }
  ~SharedName() { release(); }

  bool empty() const { return text_ == nullptr; }
  const std::string& str() const { return text_ != nullptr ? text_->value : no_name(); }

  friend bool operator==(const SharedName& a, std::string_view b) { return a.str() == b; }
  friend bool operator==(const SharedName& a, const SharedName& b) { return a.str() == b.str(); }

 private:
  struct Text {
    explicit Text(std::string_view name) : value(name) {}
    std::atomic<std::size_t> references{1};
    std::string value;
  };
  static const std::string& no_name() {
    static const std::string none;
    return none;
  }
  void retain() const noexcept {
    if (text_ != nullptr) text_->references.fetch_add(1, std::memory_order_relaxed);
  }
  void release() noexcept {
    if (text_ != nullptr && text_->references.fetch_sub(1, std::memory_order_acq_rel) == 1)
      delete text_;
  }

  Text* text_ = nullptr;
};

}  // namespace outreach
