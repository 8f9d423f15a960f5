#include "models/match_cache.h"

#include <xxhash.h>

namespace newsmine {
namespace {

bool is_word_byte(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

}  // namespace

void MatchCache::make_key(std::string_view text, std::size_t position, std::size_t longest_end, bool fold_digits,
                          std::string& key) {
  const char flags = static_cast<char>((position == 0 ? 1 : 0) | (position > 0 && is_word_byte(text[position - 1]) ? 2 : 0) |
                                       (longest_end == text.size() ? 4 : 0) |
                                       (longest_end < text.size() && is_word_byte(text[longest_end]) ? 8 : 0));
  key.assign(1, flags);
  key.append(text.substr(position, longest_end - position));
  if (fold_digits) {
    for (char& c : key)
      if (c >= '1' && c <= '9') c = '1';
  }
}

MatchCache::MatchCache() : slots_(2 * kMaxEntries) {}

MatchCache::Entry* MatchCache::find(std::string_view key) {
  const std::uint64_t hash = XXH3_64bits(key.data(), key.size());
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
    const Slot& slot = slots_[i];
    if (slot.entry == 0) return nullptr;
    if (slot.hash == hash && keys_[slot.entry - 1] == key) return &entries_[slot.entry - 1];
  }
}

MatchCache::Entry& MatchCache::insert(std::string_view key) {
  if (entries_.size() >= kMaxEntries) {
    slots_.assign(slots_.size(), Slot());
    keys_.clear();
    entries_.clear();
  }
  const std::uint64_t hash = XXH3_64bits(key.data(), key.size());
  const std::size_t mask = slots_.size() - 1;
  std::size_t i = hash & mask;
  while (slots_[i].entry != 0) i = (i + 1) & mask;
  keys_.emplace_back(key);
  entries_.emplace_back();
  slots_[i].hash = hash;
  slots_[i].entry = static_cast<std::uint32_t>(entries_.size());
  return entries_.back();
}

}  // namespace newsmine
