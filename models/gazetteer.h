// Gazetteer: word lists under models/data and a phrase dictionary built from them.
//
// A word list file opens with a comment header that says what it is and
// carries a "# version: N" line (the convention of every file in models/data,
// enforced by check_header in rule_files.h), then holds one entry per line: a
// phrase, optionally followed by " | tag" ("oglu | suffix"). parse_word_list
// validates the header and keeps line numbers for error messages.
//
// Gazetteer matches phrases against runs of term keys (see
// tokenizers/term_key.h), so lookups are case-insensitive and treat "İlham",
// "Ilham" and "ILHAM" alike. A phrase is stored as the keys of its tokens; the
// caller splits phrases with the same Tokenizer that splits articles, so
// "St. Petersburg" or "Nagorno-Karabakh" match the tokens of running text.
// Each phrase belongs to one or more categories (small integers chosen by the
// caller), and one lookup returns the longest entry of every category that
// starts at a position.
//
// Thread-safe for concurrent lookups once built; adding is not synchronized.
// A phrase prefix is stored as a 64-bit chained hash of its keys (XXH3, each
// key seeded with the hash of the keys before it), so a lookup costs one key
// hash and one probe of a flat table per token of the longest stored prefix,
// with no string built. Two prefixes colliding in 64 bits would merge; with
// about 10^5 prefixes that is about one lookup in 10^14.
//
//   Gazetteer places;
//   places.add(std::vector<std::string_view>{"st", ".", "petersburg"}, kLocation);
//   Gazetteer::Matches m;
//   places.longest_matches(keys_from_token_i, m);   // m.length[kLocation] == 3
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/status.h"
#include "models/flat_id_map.h"

namespace newsmine {

// One entry of a word list file.
struct WordListEntry {
  int line = 0;             // 1-based line number in the file
  std::string_view phrase;  // the entry, trimmed
  std::string_view tag;     // text after " | ", empty when absent
};

struct WordList {
  int version = 0;                     // from the "# version: N" header line
  std::vector<WordListEntry> entries;  // views into the parsed bytes
};

// Parses `bytes` (the contents of the file called `name`, used in messages).
// Fails when the version line is missing or malformed, or when the file has no
// entries. The entries view into `bytes`, which must outlive `out`.
Status parse_word_list(std::string_view name, std::string_view bytes, WordList& out);

class Gazetteer {
 public:
  static constexpr int kMaxCategories = 16;
  static constexpr std::size_t kMaxPhraseTokens = 12;

  // Longest entry per category starting at the probed position; 0 = none.
  struct Matches {
    std::array<std::uint8_t, kMaxCategories> length{};
    bool any() const {
      for (std::uint8_t n : length)
        if (n != 0) return true;
      return false;
    }
  };

  // Adds a phrase given as the term keys of its tokens (1..kMaxPhraseTokens
  // keys, none empty) to `category` (0..kMaxCategories-1). Returns false and
  // adds nothing when the phrase or category is out of range.
  bool add(std::span<const std::string_view> keys, int category);

  // Fills `out` with the longest entries that start at keys[0]; `keys` holds
  // the term keys of the tokens from the probed position on (it may be longer
  // than any phrase; only what is needed is read).
  void longest_matches(std::span<const std::string_view> keys, Matches& out) const;

  // True when the one-token phrase `key` is in `category`.
  bool contains(std::string_view key, int category) const;

  std::size_t phrase_count() const { return phrase_count_; }

 private:
  // Per stored prefix: bit c (c < kMaxCategories) when a whole phrase of
  // category c ends there, and kHasLonger when some phrase continues past it.
  static constexpr std::uint32_t kHasLonger = 1u << kMaxCategories;
  // The hash of the prefix `seed` extended by `key`.
  static std::uint64_t extend(std::uint64_t seed, std::string_view key);
  FlatIdMap nodes_;
  std::size_t phrase_count_ = 0;
};

}  // namespace newsmine
