// MatchCache: the rule matches found at one position, remembered by the text
// there, so that an article that says "1.5 mln dlrs" a hundred times runs the
// regexes for it once.
//
// What the rules match at a position depends only on the bytes from it to the
// end of the longest match there, on whether the characters just outside are
// word characters (RE2's \b looks one byte either way), and on whether the
// text starts or ends there: the key holds exactly that. For rules that
// cannot tell the digits 1-9 apart (treats_nonzero_digits_alike() in
// rule_pattern.h) the key writes each of them as 1, so "5,139 mln dlrs" and
// "2,417 mln dlrs" share an entry. Look-behinds, which
// see further back, are checked by the caller on every use. Offsets in an
// entry are relative to the position.
//
// Each entry is one block of a preallocated arena: its key, its matches and
// room for the pieces of each, side by side, so that a lookup touches a slot
// and one block rather than a chain of heap vectors (the lookups miss the
// CPU caches; their number of misses is their cost). Bounded: when the arena
// or the table is full it starts over. Not thread-safe: one per thread.
//
//   MatchCache cache;
//   MatchCache::make_key(text, at, longest_end, /*fold_digits=*/false, key);
//   const std::uint64_t hash = MatchCache::hash(key);
//   MatchCache::Entry entry;
//   if (!cache.find(key, hash, entry)) entry = cache.insert(key, hash, measured);
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace newsmine {

class MatchCache {
 public:
  struct Match {
    std::int32_t rule = 0;
    std::uint32_t length = 0;       // bytes from the position to the match end
    std::uint32_t first_piece = 0;  // index into the entry's pieces
    std::uint16_t piece_count = 0;  // capturing groups + 1 (the whole match)
    bool captured = false;          // pieces filled in (captures run on first use)
  };
  struct Piece {
    std::int32_t offset = -1;  // from the position; -1: the group did not take part
    std::int32_t length = 0;
  };
  // The rules that match at one position, longest first, then in rule order,
  // each with room for its pieces. A view: it stays valid until the next
  // insert().
  struct Entry {
    Match* matches = nullptr;
    std::uint32_t match_count = 0;
    Piece* pieces = nullptr;
    Match* begin() const { return matches; }
    Match* end() const { return matches + match_count; }
  };
  // The matches at a position as measured, with room for their pieces
  // (first_piece and piece_count set), before they are stored.
  struct Measured {
    std::vector<Match> matches;
    std::vector<Piece> pieces;
    Entry view() { return {matches.data(), static_cast<std::uint32_t>(matches.size()), pieces.data()}; }
  };

  static constexpr std::size_t kMaxEntries = 1 << 16;
  static constexpr std::size_t kArenaWords = 1 << 20;  // 8 MB

  static void make_key(std::string_view text, std::size_t position, std::size_t longest_end, bool fold_digits,
                       std::string& key);

  MatchCache();

  // The hash of a key, for the calls below.
  static std::uint64_t hash(std::string_view key);
  // Starts fetching the slot of `hash` into the CPU caches, for a find() soon after.
  void prefetch(std::uint64_t hash) const { __builtin_prefetch(&slots_[hash & (slots_.size() - 1)]); }
  // True when `key` is there, with its entry in `entry`.
  bool find(std::string_view key, std::uint64_t hash, Entry& entry) const;
  // Stores `measured` under `key` (which must not be present) and returns
  // the stored entry; starts over when the cache is full. An entry too large
  // to keep is not stored: the view returned is then `measured`'s own.
  Entry insert(std::string_view key, std::uint64_t hash, Measured& measured);

 private:
  struct Slot {
    std::uint32_t check = 0;  // the top half of the key's hash
    std::uint32_t block = 0;  // index + 1 of the entry's first word in arena_; 0: empty
  };
  // The first word of a block; then the key (padded to whole words), the
  // matches and the pieces.
  struct Header {
    std::uint32_t key_length;
    std::uint32_t match_count;
  };
  static_assert(sizeof(Header) == 8 && sizeof(Match) % 8 == 0 && sizeof(Piece) == 8);
  // The entry of the block at `at`, whose header is `header`.
  static Entry entry_at(std::byte* at, const Header& header);
  void start_over();

  std::vector<Slot> slots_;  // 2 * kMaxEntries, a power of two
  // Blocks are whole 8-byte words; the bytes hold the objects copied there.
  std::unique_ptr<std::byte[]> arena_;
  std::size_t used_words_ = 0;
  std::size_t entries_ = 0;
};

}  // namespace newsmine
