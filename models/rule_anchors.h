// RuleAnchors: finds the positions in a text where a rule can begin, and
// which rules can begin there, so that the regex engine runs only there.
//
// Built from the PatternStarts of every rule (pattern_starts.h): the whole
// words rules begin with ("jan", "last", "the") with what may follow each
// ("the" -> "first", "second", ... or a digit), the rarer word prefixes, the
// other first bytes (digits, "$", lead bytes of "€"), and the rules that can
// begin inside a word. next() walks the bytes once, hashing each letter word
// as it passes and looking it up in a small open-addressing table: ordinary
// prose costs a few instructions per byte. Sound by construction: every
// position where a rule matches is returned, with that rule in its mask.
// Immutable after construction; safe to share between threads.
//
//   RuleAnchors anchors(starts);
//   RuleMask rules;
//   for (std::size_t at = anchors.next(text, 0, rules); at < text.size(); at = anchors.next(text, at + 1, rules))
//     try_rules_at(at, rules);
#pragma once

#include <array>
#include <bitset>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "models/pattern_starts.h"

namespace newsmine {

inline constexpr std::size_t kMaxRules = 256;  // rules in one rules file
using RuleMask = std::bitset<kMaxRules>;       // bit i: rule i

class RuleAnchors {
 public:
  // starts[i] is where rule i can begin; at most kMaxRules rules.
  explicit RuleAnchors(const std::vector<PatternStarts>& starts);

  // The first position at or after `from` where a rule can begin, with the
  // rules that can begin there in `rules`; text.size() when there is none.
  std::size_t next(std::string_view text, std::size_t from, RuleMask& rules) const;

 private:
  struct Word {
    std::string letters;  // lower case
    RuleMask rules;
    NextToken next;       // what may follow (merged over the rules); whole next words are in next_words_
  };
  struct Prefix {
    std::string letters;  // lower case; a word beginning with these letters
    RuleMask rules;
  };

  void add_word(const StartWord& word, std::size_t rule);
  // The filter slot of a letter word: its first two letters and length.
  static std::size_t word_key(const unsigned char* at, std::size_t length);
  void mark_filter(std::string_view letters, bool whole);
  // True when a rule can begin at `at`, with those rules in `rules`;
  // `letters`, when known, is the number of letters from `at`.
  bool starts_here(std::string_view text, std::size_t at, bool word_start, RuleMask& rules,
                   std::size_t letters = 0) const;
  const Word* find_word(std::string_view letters, std::uint64_t hash) const;
  // The rules whose letter start matches the word [at, end) (letters only).
  bool word_rules(std::string_view text, std::size_t at, std::size_t end, std::uint64_t hash, RuleMask& rules) const;
  // True when the token after the word ending at `end` may follow it (white
  // space skipped), or with `adjacent`, the byte right at `end`.
  static bool next_allows(const NextToken& next, std::string_view text, std::size_t end, bool adjacent = false);
  // The same for start word `word`, its whole next words looked up by hash.
  bool next_allows_word(std::size_t word, std::string_view text, std::size_t end) const;
  static std::uint64_t pair_key(std::size_t word, std::uint64_t next_hash);

  std::bitset<1 << 14> word_filter_;                   // by word_key(): some start word may be there
  std::vector<Word> words_;
  std::vector<std::uint32_t> slots_;                   // index + 1 into words_, by hash; 0: empty
  std::vector<std::uint64_t> next_words_;              // pair_key(word, hash of a whole word that may follow); 0: empty
  std::array<std::vector<Prefix>, 26> prefixes_;       // by first letter
  std::uint32_t prefix_letters_ = 0;                   // bit i: prefixes_[i] is not empty
  std::array<RuleMask, 256> byte_rules_;               // rules by first byte (not letters)
  std::array<bool, 256> byte_starts_{};                // byte_rules_[b].any()
  std::array<NextToken, 256> byte_next_;               // what may follow a start byte (merged over the rules)
  RuleMask any_letter_;                                // rules that can begin with any letter
  RuleMask letters_inside_words_;                      // rules that can begin with a letter inside a word
  RuleMask digits_inside_words_;                       // ... with a digit inside a word
  bool inside_words_ = false;                          // some rule can begin inside a word
  bool any_letter_some_ = false;                       // any_letter_.any()
  bool symbol_starts_ = false;                         // a rule begins with a byte other than a word byte
  bool letters_inside_some_ = false;                   // letters_inside_words_.any()
};

}  // namespace newsmine
