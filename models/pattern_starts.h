// PatternStarts: where a match of an RE2 pattern can begin, worked out from
// the pattern text, so that a scanner can skip text where no rule can start.
//
// The analysis reads the pattern's syntax (groups, alternation, classes,
// escapes, repetition, \b) and collects what the first character of any match
// can be: a letter word the match begins with ("jan", "the", "q"), or another
// first byte (a digit, "$", the lead byte of "€"). It is conservative: every
// real match begins with one of the starts found, and syntax it does not
// follow counts as "can begin anywhere". For a start word that must be
// followed by more, it also works out what the next token can be ("the" ->
// "first", "second", ...), so that a scanner can pass over "the company".
// It also lists whole words that every match must contain ("ago"), so that
// a scanner can set aside the rules a text cannot match. Pure and thread-safe.
//
//   PatternStarts starts = pattern_starts("\\b(?i:last|next)\\s+(?i:year)\\b");
//   // starts.words: "last" and "next", whole words after a \b, each followed by "year"
#pragma once

#include <bitset>
#include <string>
#include <string_view>
#include <vector>

namespace newsmine {

struct StartWord;

// What can follow a start word, white space skipped: "the" in "the fourth
// quarter" is followed by "first", "second", ... or a digit.
struct NextToken {
  bool any = true;                // anything (or nothing) may follow
  std::vector<StartWord> words;   // else one of these words (their `next` unused)
  std::bitset<256> bytes;         // ... or a token beginning with one of these bytes
  void merge(const NextToken& other);
};

struct StartWord {
  std::string prefix;  // lower-case ASCII letters a match begins with
  bool whole = false;  // no letter can follow the prefix: the word is exactly this
  NextToken next;      // for a whole word: what can come after it
};

struct PatternStarts {
  std::vector<StartWord> words;  // letter starts, lower-cased (case is not compared)
  std::bitset<256> bytes;        // first bytes of the other starts (digits, symbols, UTF-8 lead bytes)
  bool any_letter = false;       // a match can begin with any letter
  // A match can begin with a letter (or digit) that follows another word
  // character, i.e. inside a word: the pattern has no \b before it.
  bool letters_inside_words = false;
  bool digits_inside_words = false;
  // For an ASCII symbol in `bytes` ("." in ".08"): what the byte right after
  // it can be. A symbol not listed here may be followed by anything.
  std::vector<std::pair<unsigned char, NextToken>> byte_next;
  // For a match that begins with a digit: how many digits its first run of
  // digits can have, and the byte right after that run (lower-cased; 0 also
  // stands for the end of the text). digit_run_known is false when the
  // analysis could not tell, and then anything goes.
  bool digit_run_known = false;
  int digit_run_min = 0, digit_run_max = 0;  // kManyDigits for no upper bound
  std::bitset<256> after_digit_run;
  NextToken after_digit_token;  // the token after that run, white space skipped ("20 May": a month)
  // Words every match contains: for each list, one of its words (lower-case
  // ASCII letters) as a whole word, a non-word byte on either side ("ago" in
  // "\s+(?i:ago)\b"). A text without them has no match, so a scanner may
  // drop the rule for that text. Only words without 's' and 'k' are listed:
  // (?i:s) and (?i:k) also match "ſ" and the Kelvin sign, which a byte
  // scanner would not see as those letters.
  std::vector<std::vector<std::string>> required_words;
};

inline constexpr int kManyDigits = 1000;

PatternStarts pattern_starts(std::string_view pattern);

}  // namespace newsmine
