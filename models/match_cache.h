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
// entry are relative to the position. The cache is a flat open-addressing
// table, bounded: when full it starts over. Not thread-safe: one per thread.
//
//   MatchCache cache;
//   MatchCache::make_key(text, at, longest_end, /*fold_digits=*/false, key);
//   MatchCache::Entry* entry = cache.find(key);
//   if (entry == nullptr) fill(cache.insert(key));
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace newsmine {

class MatchCache {
 public:
  struct Match {
    int rule = 0;
    std::uint32_t length = 0;       // bytes from the position to the match end
    bool captured = false;          // pieces filled in (captures run on first use)
    std::uint32_t first_piece = 0;  // index into Entry::pieces
    std::uint32_t piece_count = 0;  // capturing groups + 1 (the whole match)
  };
  struct Piece {
    std::int32_t offset = -1;  // from the position; -1: the group did not take part
    std::int32_t length = 0;
  };
  // The rules that match at one position, longest first, then in rule order.
  struct Entry {
    std::vector<Match> matches;
    std::vector<Piece> pieces;
  };

  static constexpr std::size_t kMaxEntries = 1 << 16;

  static void make_key(std::string_view text, std::size_t position, std::size_t longest_end, bool fold_digits,
                       std::string& key);

  MatchCache();

  Entry* find(std::string_view key);
  // A new empty entry for `key` (which must not be present); starts over
  // when the cache is full.
  Entry& insert(std::string_view key);

 private:
  struct Slot {
    std::uint64_t hash = 0;
    std::uint32_t entry = 0;  // index + 1 into entries_; 0: empty
  };
  std::vector<Slot> slots_;  // 2 * kMaxEntries, a power of two
  std::vector<std::string> keys_;
  std::vector<Entry> entries_;
};

}  // namespace newsmine
