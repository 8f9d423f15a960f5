// NumberCues: the words of number_cues.tsv that change how a nearby number is
// read: "which one is" (a pronoun), "15 in 16 months" (no ratio), "the first
// three quarters" (no fraction), "1m tall" (no million), "15 USD 50 more"
// (50 cents), "fell to minus 5" (a sign; "LIBOR minus 5" is a subtraction).
//
// Immutable after load(); safe to share between threads.
//
//   NumberCues cues;
//   if (Status s = NumberCues::load(data, cues); !s.ok()) return s;
//   if (cues.is(NumberCues::Cue::pronoun, word_before(text, start))) reject();
#pragma once

#include <string>
#include <string_view>

#include "corpus/status.h"
#include "models/model_data.h"
#include "models/word_map.h"

namespace newsmine {

class NumberCues {
 public:
  enum class Cue : unsigned {
    pronoun = 1,         // before a lone "one": "which", "that"
    after_pronoun = 2,   // after it: "you", "is"
    period = 4,          // after "X in Y": "months"
    period_before = 8,   // before "three quarters": "first", "past"
    length = 16,         // after a bare "1m": "tall"
    after_cents = 32,    // after "15 USD 50": "more"
    before_sign = 64,    // before "minus": "to", "of", "a"
  };

  static Status load(const ModelData& data, NumberCues& out);

  // True when `word` (any case) carries `cue`.
  bool is(Cue cue, std::string_view word) const;

 private:
  WordMap<unsigned> cues_;  // lower-case word -> bit set of Cue
};

}  // namespace newsmine
