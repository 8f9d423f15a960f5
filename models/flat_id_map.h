// FlatIdMap: 64-bit keys to 32-bit ids in one open-addressing table.
//
// For the hot lookups of hashed terms (a term hash -> its dense id), where
// std::unordered_map costs a node allocation per key and a pointer chase per
// lookup. Linear probing over parallel key/value arrays, at most half full;
// keys are mixed by a multiply, so any 64-bit key is fine. Values must be
// below kEmpty. Not thread-safe for writes.
//
//   FlatIdMap ids;
//   auto [id, inserted] = ids.try_emplace(hash, next_id);   // *id: the stored id
//   if (const std::uint32_t* found = ids.find(hash)) ...
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <utility>
#include <vector>

namespace newsmine {

class FlatIdMap {
 public:
  static constexpr std::uint32_t kEmpty = std::numeric_limits<std::uint32_t>::max();

  // The value stored for `key`, storing `value` first when the key is new
  // (then the flag is true). The pointer is valid until the next insertion.
  std::pair<std::uint32_t*, bool> try_emplace(std::uint64_t key, std::uint32_t value) {
    if (2 * (size_ + 1) > values_.size()) grow();
    std::size_t slot = slot_of(key);
    while (values_[slot] != kEmpty) {
      if (keys_[slot] == key) return {&values_[slot], false};
      slot = (slot + 1) & mask_;
    }
    keys_[slot] = key;
    values_[slot] = value;
    ++size_;
    return {&values_[slot], true};
  }

  const std::uint32_t* find(std::uint64_t key) const {
    if (size_ == 0) return nullptr;
    for (std::size_t slot = slot_of(key); values_[slot] != kEmpty; slot = (slot + 1) & mask_) {
      if (keys_[slot] == key) return &values_[slot];
    }
    return nullptr;
  }

  std::size_t size() const { return size_; }

  // Empties the map and sizes it for `expected` keys, so that a map reused
  // for many small sets (one per document) costs what the next set needs.
  void reset(std::size_t expected) {
    std::size_t slots = 64;
    while (slots < 2 * expected) slots *= 2;
    keys_.assign(slots, 0);
    values_.assign(slots, kEmpty);
    mask_ = slots - 1;
    shift_ = 64 - static_cast<unsigned>(std::countr_zero(slots));
    size_ = 0;
  }

 private:
  std::size_t slot_of(std::uint64_t key) const {
    return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ull) >> shift_);
  }

  void grow() {
    std::vector<std::uint64_t> keys = std::move(keys_);
    std::vector<std::uint32_t> values = std::move(values_);
    reset(std::max<std::size_t>(32, values.size()));
    for (std::size_t i = 0; i < values.size(); ++i) {
      if (values[i] != kEmpty) try_emplace(keys[i], values[i]);
    }
  }

  std::vector<std::uint64_t> keys_;
  std::vector<std::uint32_t> values_;
  std::size_t mask_ = 0;
  unsigned shift_ = 64;
  std::size_t size_ = 0;
};

}  // namespace newsmine
