// NumberPhrase: reads a run of number words and digits, as matched by the
// {PHRASE} placeholder of numbers.rules, into the numbers it holds.
//
// One phrase may hold one number or several. split() cuts it left to right,
// taking at each point the longest run of words that forms one number, and
// skips words that form none (a lone "half", "and", "of"). A number is one of:
//   a cardinal         "two hundred and five", "4 thousand 3 hundred and 21",
//                      "3.2 bln", "7-3/4", "three lakh crore", "three dozens"
//   a fraction         "two thirds", "a fifth", "one hundred thirty fifths"
//                      (100/35), "one-eighth"; a singular one ("a third") only
//                      when hyphenated or followed by "of", punctuation or the
//                      end of the text, so "a third term" stays an ordinal
//   a fraction of a scale  "half a million", "two thirds of a million"
//   a whole and a fraction "one and a half", "3 million and a half",
//                      "five and a half million", "one billion and a quarter million"
//   a "point" decimal  "two hundred point zero three", "nought point eleven"
//   a ratio            "one over three", "1 in twenty-one", "two out of five
//                      hundred" ("in" and "out of" only for a proper fraction,
//                      and none before a length of time: "15 in 16 months")
//   an ordinal         "twenty-first", "two millionth"
// The words and digits come from NumberTokenizer (number_tokens.h). Digits
// times a power of ten are exact ("2.6 billion" is 2.6e9). Immutable
// after construction; safe to share between threads. The lexicon and cues
// must outlive the reader.
//
//   NumberPhrase phrase(lexicon, cues);
//   std::vector<PhraseNumber> numbers;
//   phrase.split(text, match.start, match.end, numbers);
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "models/number_cues.h"
#include "models/number_lexicon.h"
#include "models/number_tokens.h"

namespace newsmine {

struct PhraseNumber {
  std::uint32_t start = 0;  // UTF-8 byte offsets in the text
  std::uint32_t end = 0;
  double value = 0;
  bool ordinal = false;          // "twenty-first"
  bool ends_with_scale = false;  // the last word is a scale: "361 million", "5 bln"
  bool whole = false;            // a whole number with no scale word: "13", "forty-five"
  bool lone_one = false;         // just the word "one" (maybe a pronoun: "which one")
  bool lowercase_m = false;      // digits with an attached "m" alone: "1m" (a million or a metre)
};

class NumberPhrase {
 public:
  NumberPhrase(const NumberLexicon& lexicon, const NumberCues& cues);
  ~NumberPhrase();

  // The RE2 pattern (no captures) for one phrase; it must begin right after a \b.
  std::string pattern() const;

  // Appends the numbers of text[start, end), in order. Reading stops at the
  // first byte that is no part of a phrase (a unit: "dollars", "%"); the
  // return value is the end of the last word or joiner read, `start` when none.
  // Phrases whose reading depends on nothing around them are remembered, per
  // thread, by their bytes.
  std::uint32_t split(std::string_view text, std::uint32_t start, std::uint32_t end,
                      std::vector<PhraseNumber>& out) const;

 private:
  struct Cardinal;
  struct Fraction;
  using Tokens = std::vector<NumberToken>;

  // `looked_around` is set when the reading looked at the text outside the
  // phrase (then it is not remembered).
  std::uint32_t split_tokens(std::string_view text, std::uint32_t start, std::uint32_t end, Tokens& tokens,
                             std::vector<PhraseNumber>& out, bool& looked_around) const;
  bool evaluate(std::string_view text, const Tokens& t, std::size_t i, std::size_t j, PhraseNumber& out,
                bool& looked_around) const;
  bool cardinal(const Tokens& t, std::size_t i, std::size_t j, bool ordinal_last, Cardinal& out) const;
  bool fraction(const Tokens& t, std::size_t i, std::size_t j, Fraction& out) const;
  bool fraction_of_scale(const Tokens& t, std::size_t i, std::size_t j, Fraction& out, double& scale) const;
  bool fraction_context(std::string_view text, const Tokens& t, const Fraction& f, std::size_t i, std::size_t j) const;
  bool whole_and_fraction(const Tokens& t, std::size_t i, std::size_t j, double& value) const;
  bool point_decimal(const Tokens& t, std::size_t i, std::size_t j, double& value) const;
  bool ratio(std::string_view text, const Tokens& t, std::size_t i, std::size_t j, double& value,
             bool& looked_around) const;

  const NumberLexicon& lexicon_;
  const NumberCues& cues_;
  NumberTokenizer tokenizer_;
  std::uint32_t id_;  // tells phrase readers apart in the per-thread cache
};

}  // namespace newsmine
