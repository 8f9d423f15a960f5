// RuleAnchors: finds the positions in a text where a rule can begin, and
// which rules can begin there, so that the regex engine runs only there.
//
// Built from the PatternStarts of every rule (pattern_starts.h): the whole
// words rules begin with ("jan", "last", "the") with what may follow each
// ("the" -> "first", "second", ... or a digit), the rarer word prefixes, the
// other first bytes (digits, "$", lead bytes of "€"), and the rules that can
// begin inside a word. next() walks the bytes sixteen at a time, hashing
// each letter word as it passes and looking the hash up in one small
// open-addressing table: ordinary prose costs a few instructions per byte.
// Sound by construction: every position where a rule matches is returned,
// with that rule in its mask (a hash collision only adds a position).
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

  // What the table holds for a key: a whole start word, a start prefix, or
  // a word that may follow a digit run.
  struct Entry {
    std::uint64_t key = 0;
    RuleMask rules;
    NextToken next;  // what may follow (merged over the rules); its whole words are in next_words_
    std::uint32_t prefix_letters = 0;  // bit i: a word prefix in `next` begins with letter i
  };

  // Adds `rules` under `key`, merged with what is there.
  void add_entry(std::uint64_t key, const RuleMask& rules, const NextToken& next);
  void build_table();
  // The entry of `key`, or null.
  const Entry* find(std::uint64_t key) const;
  // True when a rule can begin at `at`, with those rules in `rules`.
  bool starts_here(std::string_view text, std::size_t at, bool word_start, RuleMask& rules) const;
  // The rules that begin with the letter word of `letters` letters at `at`
  // (`word`: its entry, or null), as a whole word or by a prefix, in
  // `rules`; false when none (and then `rules` is left as it was).
  bool word_rules(std::string_view text, std::size_t at, std::size_t letters, const Entry* word, RuleMask& rules) const;
  // The rules that begin with the digit run at `at`.
  RuleMask digit_rules(std::string_view text, std::size_t at) const;
  // True when the token after the word ending at `end` may follow it (white
  // space skipped), or with `adjacent`, the byte right at `end`.
  static bool next_allows(const NextToken& next, std::string_view text, std::size_t end, bool adjacent = false);
  // The same for a start word, its whole next words looked up by hash.
  bool next_allows_word(const Entry& word, std::string_view text, std::size_t end) const;
  // The key of start word `word` followed by the word of `next_folded` letters.
  static std::uint64_t pair_key(std::size_t word, std::uint64_t next_folded);
  // Those of digit_token_limited_ that allow the token at or after `end`.
  RuleMask digit_token_rules(std::string_view text, std::size_t end) const;

  // The table: open addressing by a 64-bit key (the hash of the letters,
  // salted by kind), which is all that is compared: a collision only adds
  // rules. Entries with the same key are merged.
  std::vector<Entry> entries_;
  std::vector<std::uint64_t> slot_keys_;      // 0: empty
  std::vector<std::uint32_t> slot_entries_;   // index into entries_
  unsigned table_shift_ = 64;                 // a key's first slot: its top bits
  std::size_t slot_mask_ = 0;
  std::uint64_t prefix_lengths_ = 0;          // bit k: some start prefix has k letters (k < 64)
  std::vector<std::uint64_t> next_words_;     // pair_key(entry, a whole word that may follow); 0: empty
  unsigned pair_shift_ = 64;
  // How a byte other than a letter can begin a rule.
  enum ByteKind : std::uint8_t { kNoStart, kDigitStart, kSymbolBeforeDigit, kSymbolStart };
  std::array<std::uint8_t, 256> byte_kind_{};
  std::array<RuleMask, 256> byte_rules_;      // rules by first byte (not letters)
  std::array<NextToken, 256> byte_next_;      // what may follow a start byte (merged over the rules)
  // For a digit start: the rules that allow a first run of L digits
  // (L = 1..15; 16: more) and those that allow byte b right after it.
  std::array<RuleMask, 17> digit_run_rules_;
  std::array<RuleMask, 256> after_digits_rules_;
  // The rules that say what the token after the run (white space skipped)
  // may be; those of them that allow it by the first byte of a token that is
  // not a letter word (whole letter words are in the table, word prefixes
  // in a short list).
  RuleMask digit_token_limited_;
  std::array<RuleMask, 257> digit_token_bytes_;  // 256: the end of the text
  std::vector<std::pair<std::string, RuleMask>> digit_token_prefixes_;
  RuleMask any_letter_;                        // rules that can begin with any letter
  RuleMask letters_inside_words_;              // rules that can begin with a letter inside a word
  RuleMask digits_inside_words_;               // ... with a digit inside a word
  bool inside_words_ = false;                  // some rule can begin inside a word
  bool any_letter_some_ = false;               // any_letter_.any()
  bool open_letters_ = false;                  // any_letter_some_ or some start prefix: a word not in the table may start a rule
  bool symbol_starts_ = false;                 // a rule begins with a byte other than a word byte
  bool quiet_starts_ = false;                  // ... with white space or a control byte
};

}  // namespace newsmine
