// TenseCues: whether the words around a date mention speak of the past or
// of the future, so that a bare weekday or month can be placed before or
// after the document date ("the minister said on Friday": the Friday before;
// "the talks will resume on Friday": the coming one).
//
// The cue words come from models/data/tense_cues.tsv ("will", "scheduled",
// "said", "plans to"), plus one rule in code: a lower-case word of five or
// more letters ending in "ed" is a past form ("announced"), unless the table
// lists it ("expected" is a future cue, "hundred" no cue). A past form after
// "be" or before "by" is a participle and no cue ("will be paid": the tense
// is that of "will"; "a delegation led by"). Some cues count only
// right before the date: "payable Dec. 7", "extended to Nov. 20", "by May".
// tense_at() reads the words of the mention's sentence and returns the tense
// of the cue nearest to the mention (fewest words between; on a tie, the one
// before it), within 15 words before and 8 after; after it only up to a
// comma when there is a cue before it ("will arrive on Monday, officials
// said"). No cue: Tense::unknown.
// Immutable after load(); safe to share between threads. Cost: one pass over
// the mention's sentence.
//
//   TenseCues cues;
//   if (Status s = TenseCues::load(data, cues); !s.ok()) return s;
//   Tense t = cues.tense_at(text, mention.start, mention.end);  // Tense::future for "will ... Friday"
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/status.h"
#include "models/model_data.h"

namespace newsmine {

enum class Tense : std::uint8_t { unknown, past, future };

class TenseCues {
 public:
  static Status load(const ModelData& data, TenseCues& out);

  // The tense around text[start, end) (see the header comment). Without
  // `adjacent` the cues that count only right before a date are ignored
  // ("by Wednesday" is as often past as future).
  Tense tense_at(std::string_view text, std::size_t start, std::size_t end, bool adjacent = true) const;

 private:
  struct Cue {
    std::vector<std::string> words;  // lower case; the first is the map key
    Tense tense = Tense::unknown;     // unknown: a listed word that is no cue
    bool adjacent = false;           // a cue only right before the date ("by", "until")
  };
  // The cue that begins at words[i], or nullptr; `past_form` is set instead
  // for an unlisted past form ("announced").
  const Cue* cue_at(const std::vector<std::string>& words, std::size_t i, bool& past_form) const;

  std::map<std::string, std::vector<Cue>, std::less<>> cues_;  // by first word, longest first
};

}  // namespace newsmine
