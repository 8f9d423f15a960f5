// NumberTokens: splits the text of a number phrase (numbers.rules {PHRASE})
// into its tokens: digit numbers ("12,000", "7-3/4", "5m"), number words with
// the role they play ("six" a unit, "sixty" tens, "hundred", "million" a
// scale, "fifths" a plural ordinal, "half" a fraction) and joiners ("and",
// "a", "of", "point", "over", "in", "out of"). Tokenizing stops at the first
// byte that belongs to no phrase (a unit such as "dollars" or "%").
// Immutable after construction; safe to share between threads. The lexicon
// must outlive the tokenizer.
//
//   NumberTokenizer tokenizer(lexicon);
//   std::vector<NumberToken> tokens;
//   tokenizer.tokenize(text, start, end, tokens);  // "two thirds" -> two (unit), thirds (ordinal, plural)
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "models/number_lexicon.h"

namespace newsmine {

enum class TokenType : std::uint8_t { digits, word, join_and, join_a, join_of, join_point, join_over, join_in, join_out_of };

// What a number word does in a cardinal: "six" unit, "sixteen" teen, "sixty"
// tens, "hundred", "dozen", "dozens" (counted), "million" (scale), "mln"
// (abbrev), "sixth" (ordinal), "half" (fraction).
enum class TokenRole : std::uint8_t { none, zero, unit, teen, tens, hundred, dozen, counted, scale, abbrev, ordinal, fraction };

struct NumberToken {
  TokenType type = TokenType::word;
  TokenRole role = TokenRole::none;
  std::uint32_t start = 0;  // UTF-8 byte offsets in the text
  std::uint32_t end = 0;
  bool hyphen_before = false;   // joined to the previous token by a hyphen
  bool newline_before = false;  // a new paragraph or table row before it: "67.4 mln\n     Nine mths" are apart
  double value = 0;             // digits: the number; words: the word's value (a denominator for fractions)
  bool plural = false;          // "fifths", "quarters"
  bool decimal = false;         // digits with a fractional part: "2.12", "7-3/4"
  const NumberLexicon::Scale* scale = nullptr;  // scale words; digits: an attached scale ("5m")
  bool lowercase_m = false;     // digits with an attached "m"
  bool one = false;             // the word "one"
};

// The role a plain number value plays: "fifth" acts as "five" (unit),
// "hundredth" as "hundred", "millionth" as a scale.
TokenRole role_of_value(double value);

class NumberTokenizer {
 public:
  explicit NumberTokenizer(const NumberLexicon& lexicon);

  // Replaces `tokens` with the tokens of text[start, end).
  void tokenize(std::string_view text, std::uint32_t start, std::uint32_t end, std::vector<NumberToken>& tokens) const;

 private:
  const NumberLexicon& lexicon_;
};

}  // namespace newsmine
