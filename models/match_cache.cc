#include "models/match_cache.h"

#include <cstring>

#include <xxhash.h>

namespace newsmine {
namespace {

bool is_word_byte(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

constexpr std::size_t words_for(std::size_t bytes) { return (bytes + 7) / 8; }

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

MatchCache::MatchCache() : slots_(2 * kMaxEntries), arena_(new std::byte[kArenaWords * 8]) {}

MatchCache::Entry MatchCache::entry_at(std::byte* at, const Header& header) {
  std::byte* after_key = at + 8 * (1 + words_for(header.key_length));
  Match* matches = reinterpret_cast<Match*>(after_key);
  Piece* pieces = reinterpret_cast<Piece*>(after_key + header.match_count * sizeof(Match));
  return {matches, header.match_count, pieces};
}

std::uint64_t MatchCache::hash(std::string_view key) { return XXH3_64bits(key.data(), key.size()); }

bool MatchCache::find(std::string_view key, std::uint64_t hash, Entry& entry) const {
  const std::uint32_t check = static_cast<std::uint32_t>(hash >> 32);
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
    const Slot& slot = slots_[i];
    if (slot.block == 0) return false;
    if (slot.check != check) continue;
    std::byte* at = arena_.get() + 8 * (slot.block - 1);
    Header header;
    std::memcpy(&header, at, sizeof(header));
    if (header.key_length == key.size() && std::memcmp(at + 8, key.data(), key.size()) == 0) {
      entry = entry_at(at, header);
      return true;
    }
  }
}

void MatchCache::start_over() {
  slots_.assign(slots_.size(), Slot());
  used_words_ = 0;
  entries_ = 0;
}

MatchCache::Entry MatchCache::insert(std::string_view key, std::uint64_t hash, Measured& measured) {
  const std::size_t key_words = words_for(key.size());
  const std::size_t words =
      1 + key_words + measured.matches.size() * (sizeof(Match) / 8) + measured.pieces.size() * (sizeof(Piece) / 8);
  // A match of megabytes (hostile input) is offered from where it was measured, not kept.
  if (words > kArenaWords / 4) return measured.view();
  if (entries_ >= kMaxEntries || used_words_ + words > kArenaWords) start_over();
  std::byte* block = arena_.get() + 8 * used_words_;
  const Header header{static_cast<std::uint32_t>(key.size()), static_cast<std::uint32_t>(measured.matches.size())};
  std::memcpy(block, &header, sizeof(header));
  std::memset(block + 8 * key_words, 0, 8);  // the key's padding (key_words > 0: a key holds its flags byte)
  std::memcpy(block + 8, key.data(), key.size());
  std::byte* after_key = block + 8 * (1 + key_words);
  std::memcpy(after_key, measured.matches.data(), measured.matches.size() * sizeof(Match));
  std::memcpy(after_key + measured.matches.size() * sizeof(Match), measured.pieces.data(),
              measured.pieces.size() * sizeof(Piece));
  const std::uint32_t index = static_cast<std::uint32_t>(used_words_ + 1);
  const Entry stored = entry_at(block, header);
  used_words_ += words;
  ++entries_;

  const std::size_t mask = slots_.size() - 1;
  std::size_t i = hash & mask;
  while (slots_[i].block != 0) i = (i + 1) & mask;
  slots_[i] = {static_cast<std::uint32_t>(hash >> 32), index};
  return stored;
}

}  // namespace newsmine
