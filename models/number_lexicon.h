// NumberLexicon: spelled-out numbers and scale words, shared by the number and
// date extractors.
//
// Loaded from number_words.tsv ("six", "twenty", "hundred", "sixth") and
// scales.tsv ("million", "bln", "5m"). It parses compound number words
// ("twenty-one", "two hundred thousand", "twenty-first", "a dozen") into
// values and scale words into exact decimal exponents, and builds the RE2
// alternations the rules files use as placeholders. Immutable after load();
// safe to share between threads.
//
//   NumberLexicon lexicon;
//   if (Status s = NumberLexicon::load(data, lexicon); !s.ok()) return s;
//   double value = 0;
//   bool ordinal = false;
//   lexicon.parse_words("twenty-one", value, ordinal);  // value 21, ordinal false
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/status.h"
#include "models/model_data.h"

namespace newsmine {

class NumberLexicon {
 public:
  enum class WordKind { cardinal, ordinal, multiplier };
  enum class ScaleUse { word, abbrev, attached };

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
  // ("six seven").
  bool parse_words(std::string_view words, double& value, bool& ordinal) const;

  // The scale for a matched word ("bln", "Million"), or nullptr.
  const Scale* find_scale(std::string_view word) const;

  // Multiplies the decimal number written in `digits` ("2.6", no separators)
  // by `scale` exactly: "2.6" x 10^9 is parsed as "2.6e9", not 2.6 * 1e9.
  static bool scaled_value(std::string_view digits, const Scale* scale, double& value);

  // RE2 alternations for the rules files (see rule_files.h word_alternation).
  std::string cardinal_words_pattern() const;    // one or more cardinal words: "twenty-one", "two million"
  std::string ordinal_words_pattern() const;     // words ending in an ordinal: "twenty-first"
  std::string multiplier_words_pattern() const;  // "hundred", "dozen", "thousand", "million", ...
  std::string scale_pattern(bool attached) const;  // scales usable after digits (with or without a space)

 private:
  std::map<std::string, Word, std::less<>> words_;    // lower case
  std::map<std::string, Scale, std::less<>> scales_;  // lower case
};

}  // namespace newsmine
