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

#include "models/flat_id_map.h"
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
  // after the other, in one pass). `possible` gets the rules the text can
  // match at all: those whose required words (PatternStarts) it contains;
  // the anchors still list every rule.
  void find_all(std::string_view text, std::vector<Anchor>& out, RuleMask& possible) const;

 private:
  // Calls found(position, rules) at each position from `from` on where a rule
  // can begin, until it returns true.
  // Returns the marks of the words read (all ones unless it read every
  // word of the text).
  template <typename Found>
  std::uint64_t scan(std::string_view text, std::size_t from, Found&& found) const;

  // What the table holds for a key: a whole start word, a start prefix, or
  // a word that may follow a digit run.
  struct Entry {
    std::uint64_t key = 0;
    std::uint32_t index = 0;  // in entries_
    RuleMask rules;
    NextToken next;  // what may follow (merged over the rules); its whole words are in follower_bits_
    std::uint32_t prefix_letters = 0;  // bit i: a word prefix in `next` begins with letter i
    std::uint64_t marks = 0;           // bit i: the word is required word i (required_)
    bool starts = false;               // rules.any(): a start word, not only a required one
  };
  // Rules that need one of the required words in `any_of` (a mark bit each).
  struct Requirement {
    std::uint64_t any_of = 0;
    RuleMask others;  // every rule but those
  };

  // Adds `rules` under `key`, merged with what is there.
  void add_entry(std::uint64_t key, const RuleMask& rules, const NextToken& next);
  // Notes the required words of `rule` (at most 64 words in all; a list
  // with a word beyond them is not required).
  void add_requirements(std::size_t rule, const std::vector<std::vector<std::string>>& lists);
  // Gives each required word its entry (one of its own, unless it is a start word).
  void mark_required_words();
  void build_table();
  // The entry of `key`, or null.
  const Entry* find(std::uint64_t key) const;
  std::uint16_t tag_of(std::uint64_t key) const;
  // True when a rule can begin at `at`, with those rules in `rules`.
  bool starts_here(std::string_view text, std::size_t at, bool word_start, RuleMask& rules) const;
  // The rules that begin with the letter word of `letters` letters at `at`
  // (`word`: its entry, or null), as a whole word or by a prefix, in
  // `rules`; false when none (and then `rules` is left as it was).
  bool word_rules(std::string_view text, std::size_t at, std::size_t letters, const Entry* word, RuleMask& rules) const;
  // The rules that begin with the digit run at `at`.
  RuleMask digit_rules(std::string_view text, std::size_t at) const;
  // The same before the token after the run is looked at: the rules, and
  // those of them that depend on the token; returns the end of the run.
  std::size_t digit_start(std::string_view text, std::size_t at, RuleMask& rules, RuleMask& limited) const;
  // A start whose rules depend on the token after it, waiting for the scan
  // to reach that token.
  struct Waiting {
    std::size_t at = 0;            // the start
    std::size_t end = 0;           // where the token may begin, white space skipped
    const Entry* word = nullptr;   // a start word, or else a digit run:
    RuleMask rules;                // its rules,
    RuleMask limited;              // and those that depend on the token
    bool active = false;
    void wait(std::size_t start, std::size_t token_from, const Entry* start_word) {
      at = start;
      end = token_from;
      word = start_word;
      active = true;
    }
  };
  // True when the waiting start begins rules, with them in `rules`, the
  // token being the one at `next` (`letter`: a letter word, its letters
  // folded in `folded`), unless something other than white space comes
  // first: then the text is read again.
  bool settle(const Waiting& waiting, std::string_view text, std::size_t next, bool letter, std::uint64_t folded,
              RuleMask& rules) const;
  // True when the token after the word ending at `end` may follow it (white
  // space skipped), or with `adjacent`, the byte right at `end`.
  static bool next_allows(const NextToken& next, std::string_view text, std::size_t end, bool adjacent = false);
  // The same for a start word, its whole next words looked up by hash.
  bool next_allows_word(const Entry& word, std::string_view text, std::size_t end) const;
  // True when the word of `next_folded` letters may follow start word `word`.
  bool has_pair(const Entry& word, std::uint64_t next_folded) const;
  // The number of the whole word of `next_folded` letters among those that
  // may follow a start word, or -1.
  int follower(std::uint64_t next_folded) const;
  // The rules of digit_token_limited_ that allow the token at or after `end`, in `allowed`.
  void digit_token_allows(std::string_view text, std::size_t end, RuleMask& allowed) const;
  // Adds to `rules` those of the prefixes of kind `kind` (a key multiplier)
  // of the word of `letters` letters at `at` whose lengths are in `lengths`;
  // false when there are none.
  bool prefix_rules(const unsigned char* at, std::size_t available, std::size_t letters, std::uint64_t lengths,
                    std::uint64_t kind, RuleMask& rules) const;

  // The table: a 64-bit key for each entry (the letters folded and
  // multiplied, by kind), which is all that is compared: a collision only
  // adds rules, and entries with the same key are merged. A key's top bits
  // pick a bucket of eight 16-bit tags (the key's next bits), and a tag that
  // matches points to the entry.
  static constexpr std::size_t kBucketTags = 8;
  std::vector<Entry> entries_;
  std::vector<std::string> required_;          // the required words, by mark bit
  std::vector<Requirement> requirements_;
  std::vector<std::uint16_t> tags_;           // kBucketTags per bucket; 0: empty
  std::vector<std::uint32_t> tag_entries_;    // the entry of each tag
  unsigned bucket_shift_ = 60;                // a key's bucket: key >> bucket_shift_
  std::uint64_t prefix_lengths_ = 0;          // bit k: some start prefix has k letters (k < 64)
  // The whole words that may follow a start word, numbered (a few hundred:
  // number words, scales, units), and for each entry a bit for each of them
  // that may follow it. Small enough to stay in the CPU caches, unlike one
  // hash set of all the pairs (number words x what may follow them: 30,000),
  // whose probe missed them every time.
  FlatIdMap followers_;                        // folded letters -> number
  std::size_t follower_words_ = 0;             // 64-bit words of bits per entry
  std::vector<std::uint64_t> follower_bits_;   // entries_.size() * follower_words_
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
  // not a letter word (letter words and their prefixes are in the table).
  RuleMask digit_token_limited_;
  std::array<RuleMask, 257> digit_token_bytes_;  // 256: the end of the text
  std::uint64_t digit_prefix_lengths_ = 0;       // bit k: a word prefix of k letters may follow a digit run
  RuleMask any_letter_;                        // rules that can begin with any letter
  RuleMask letters_inside_words_;              // rules that can begin with a letter inside a word
  RuleMask digits_inside_words_;               // ... with a digit inside a word
  bool inside_words_ = false;                  // some rule can begin inside a word
  bool any_letter_some_ = false;               // any_letter_.any()
  bool open_letters_ = false;                  // any_letter_some_ or some start prefix: a word not in the table may start a rule
  // The bytes other than word bytes that rules begin with: white space or
  // control bytes, other ASCII bytes (those that need a digit right after
  // apart), and bytes from 0x80.
  bool quiet_starts_ = false;
  std::vector<unsigned char> plain_symbols_;
  std::vector<unsigned char> digit_symbols_;
  bool high_symbols_ = false;
};

}  // namespace newsmine
