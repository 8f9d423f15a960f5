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

  struct Anchor {
    std::uint32_t position = 0;
    RuleMask rules;
  };
  // Every position where a rule can begin, in order (what next() gives one
  // after the other, in one pass).
  void find_all(std::string_view text, std::vector<Anchor>& out) const;

 private:
  // Calls found(position, rules) at each position from `from` on where a rule
  // can begin, until it returns true.
  template <typename Found>
  void scan(std::string_view text, std::size_t from, Found&& found) const;

  struct Word {
    std::string letters;  // lower case
    RuleMask rules;
    NextToken next;       // what may follow (merged over the rules); whole next words are in next_words_
    std::uint32_t prefix_letters = 0;  // bit i: a word prefix in `next` begins with letter i
  };
  struct Prefix {
    std::string letters;  // lower case; a word beginning with these letters
    RuleMask rules;
  };

  void add_word(const StartWord& word, std::size_t rule);
  // False when no rule can begin with the `length` letters at `at` (of that hash).
  bool may_start(const unsigned char* at, std::size_t length, std::uint64_t hash) const;
  static std::size_t prefix_key(const unsigned char* at, std::size_t length);
  void mark_prefix(std::string_view letters);
  // True when a rule can begin at `at`, with those rules in `rules`;
  // `letters`, when not 0, is the number of letters from `at` and `hash` their hash.
  bool starts_here(std::string_view text, std::size_t at, bool word_start, RuleMask& rules, std::size_t letters = 0,
                   std::uint64_t hash = 0) const;
  const Word* find_word(std::string_view letters, std::uint64_t hash) const;
  // The rules whose letter start matches the word [at, end) (letters only).
  bool word_rules(std::string_view text, std::size_t at, std::size_t end, std::uint64_t hash, RuleMask& rules) const;
  // True when the token after the word ending at `end` may follow it (white
  // space skipped), or with `adjacent`, the byte right at `end`.
  static bool next_allows(const NextToken& next, std::string_view text, std::size_t end, bool adjacent = false);
  // The same for start word `word`, its whole next words looked up by hash.
  bool next_allows_word(std::size_t word, std::string_view text, std::size_t end) const;
  static std::uint64_t pair_key(std::size_t word, std::uint64_t next_hash);

  std::bitset<1 << 16> word_filter_;                   // by word hash: a whole start word may be that
  std::bitset<1 << 14> prefix_filter_;                 // by prefix_key(): a start prefix may be there
  std::vector<Word> words_;
  std::vector<std::uint32_t> slots_;                   // index + 1 into words_, by hash; 0: empty
  std::vector<std::uint64_t> next_words_;              // pair_key(word, hash of a whole word that may follow); 0: empty
  std::array<std::vector<Prefix>, 26> prefixes_;       // by first letter
  std::uint32_t prefix_letters_ = 0;                   // bit i: prefixes_[i] is not empty
  std::array<RuleMask, 256> byte_rules_;               // rules by first byte (not letters)
  std::array<bool, 256> byte_starts_{};                // byte_rules_[b].any()
  std::array<NextToken, 256> byte_next_;               // what may follow a start byte (merged over the rules)
  // For a digit start: the rules that allow a first run of L digits
  // (L = 1..15; 16: more) and those that allow byte b right after it.
  std::array<RuleMask, 17> digit_run_rules_;
  std::array<RuleMask, 256> after_digits_rules_;
  // And by the token after the run, white space skipped: rules that allow any
  // token, rules by the first byte of a token that is not a letter word, and
  // by the hash of a whole letter word (word prefixes in a short list).
  RuleMask digit_token_free_;
  std::array<RuleMask, 257> digit_token_bytes_;  // 256: the end of the text
  std::vector<std::pair<std::uint64_t, RuleMask>> digit_token_words_;  // sorted by hash
  std::vector<std::pair<std::string, RuleMask>> digit_token_prefixes_;
  // The rules of `rules` that allow the token at or after `end`.
  RuleMask digit_token_rules(std::string_view text, std::size_t end) const;
  RuleMask any_letter_;                                // rules that can begin with any letter
  RuleMask letters_inside_words_;                      // rules that can begin with a letter inside a word
  RuleMask digits_inside_words_;                       // ... with a digit inside a word
  bool inside_words_ = false;                          // some rule can begin inside a word
  bool any_letter_some_ = false;                       // any_letter_.any()
  bool symbol_starts_ = false;                         // a rule begins with a byte other than a word byte
  bool letters_inside_some_ = false;                   // letters_inside_words_.any()
};

}  // namespace newsmine
