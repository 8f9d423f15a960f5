// NumberLexicon: spelled-out numbers and scale words, shared by the number and
// date extractors.
//
// Loaded from number_words.tsv ("six", "twenty", "hundred", "sixth", "half",
// "dozens", "⅔") and scales.tsv ("million", "bln", "5m", "1,674.5 G"). It
// parses compound number words ("twenty-one", "two hundred thousand",
// "twenty-first", "a dozen") into values and scale words into exact decimal
// exponents, and builds the RE2 alternations the rules files use as
// placeholders. Fractions, points and ratios ("two thirds", "nine point
// four", "one over three") are read by NumberPhrase (number_phrase.h) from
// the words found here. Immutable after load(); safe to share between threads.
//
//   NumberLexicon lexicon;
//   if (Status s = NumberLexicon::load(data, lexicon); !s.ok()) return s;
//   double value = 0;
//   bool ordinal = false;
//   lexicon.parse_words("twenty-one", value, ordinal);  // value 21, ordinal false
#pragma once

#include <array>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/status.h"
#include "models/model_data.h"
#include "models/word_map.h"

namespace newsmine {

class NumberLexicon {
 public:
  // cardinal: "six"; ordinal: "sixth"; multiplier: "hundred", "dozen" (scales
  // what comes before it); fraction: "half", "quarters" (value: the
  // denominator); counted: "hundreds", "dozens", "dzs" (a multiplier that
  // needs a count before it: "three dozens"); vulgar: "⅔" (value: the fraction).
  enum class WordKind { cardinal, ordinal, multiplier, fraction, counted, vulgar };
  // word: also inside spelled-out numbers ("two million"); abbrev: after
  // digits, with or without a space ("3.2 bln", "3.2bln"); attached: directly
  // after digits ("5m"); spaced: after digits and a space only ("1,674.5 G").
  enum class ScaleUse { word, abbrev, attached, spaced };

  struct Word {
    double value = 0;
    WordKind kind = WordKind::cardinal;
  };
  struct Scale {
    double multiplier = 1;
    int exponent = -1;  // n when multiplier is exactly 10^n (most scales), else -1
    ScaleUse use = ScaleUse::word;
  };

  static Status load(const ModelData& data, NumberLexicon& out);

  // Parses a run of number words separated by spaces, hyphens or "and"
  // ("one hundred and six"), optionally led by "a"/"an" before a multiplier
  // ("a dozen", "a million"). False when the words do not form one number
  // ("six seven"), and for fractions and counted words.
  bool parse_words(std::string_view words, double& value, bool& ordinal) const;

  // The entry of one word in any case ("Sixth"), or nullptr. A plural ordinal
  // ("fifths", "twenty-firsts" split as "firsts") gives its singular's entry
  // with `plural` set.
  const Word* find_word(std::string_view word, bool& plural) const;

  // find_word() and, when it finds nothing, find_scale() of one word, with a
  // single lookup; `folded` is normalize_key(word). Nulls when neither knows it.
  struct Entry {
    const Word* word = nullptr;
    bool plural = false;
    const Scale* scale = nullptr;
  };
  Entry find_word_or_scale(std::string_view word, std::string_view folded) const;

  // The scale for a matched word ("bln", "Million", "MM"), or nullptr. Words
  // written in lower case in scales.tsv are found in any case, others only as
  // written.
  const Scale* find_scale(std::string_view word) const;
  // The same, among the scales of the given uses only: "M" after digits and a
  // space is the spaced "M", glued ("10M") the attached "m".
  const Scale* find_scale(std::string_view word, std::initializer_list<ScaleUse> uses) const;

  // Multiplies the decimal number written in `digits` ("2.6", no separators)
  // by `scale` exactly: "2.6" x 10^9 is parsed as "2.6e9", not 2.6 * 1e9.
  static bool scaled_value(std::string_view digits, const Scale* scale, double& value);

  // RE2 alternations for the rules files (see rule_files.h word_alternation).
  std::string cardinal_words_pattern() const;    // one or more cardinal words: "twenty-one", "two million"
  std::string ordinal_words_pattern() const;     // words ending in an ordinal: "twenty-first"
  std::string multiplier_words_pattern() const;  // "hundred", "dozen", "thousand", "million", ...
  std::string scale_pattern(bool attached) const;  // attached: "5m"; else word and abbrev scales ("3.2 bln")
  std::string scale_pattern(ScaleUse use) const;   // the scales of one use, without a leading \b
  std::string phrase_words_pattern() const;  // every word of a number phrase: cardinals, ordinals and their plurals, fractions, counted words, scale words and abbreviations ("mln")
  std::string vulgar_pattern() const;        // one vulgar fraction character: "½", "⅔"

 private:
  // Every folded form that find_word() or find_scale() knows: a word, the
  // plural of an ordinal, a scale written in lower case.
  struct Known {
    bool has_word = false;
    Word word;
    bool plural = false;
    bool has_scale = false;
    Scale scale;
  };
  // The known forms that begin with a lower-case letter, by length and
  // first letter, packed into integers: a lookup compares a word or two
  // instead of hashing. Longer forms and others are looked up in known_.
  static constexpr std::size_t kMaxPacked = 24;  // three words: find_known() compares them one by one
  using Packed = std::array<std::uint64_t, kMaxPacked / 8>;
  struct PackedWord {
    Packed form;
    Known known;
  };
  static bool packable(std::string_view folded);
  static Packed pack(std::string_view folded);
  static std::size_t bucket_of(std::string_view folded);
  void index_known();
  const Known* find_known(std::string_view folded) const;
  const Scale* find_exact_scale(std::string_view word) const;

  // The patterns above sort their words themselves, so these need no order.
  WordMap<Word> words_;           // lower case
  WordMap<Scale> folded_scales_;  // scales written in lower case, by lower-case form
  WordMap<Scale> exact_scales_;   // the others, as written (each has an upper-case letter)
  WordMap<Known> known_;          // by lower-case form
  std::vector<PackedWord> packed_;             // the packable forms of known_, by bucket
  std::vector<std::uint32_t> packed_buckets_;  // where each bucket begins in packed_, and the end
};

}  // namespace newsmine
