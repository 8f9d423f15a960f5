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

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/status.h"
#include "models/date_tense_words.h"
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
  // A word of the text as the cues see it: its id among the cue words (0: a
  // word no cue has), and whether it is an unlisted past form ("announced").
  struct Token {
    std::uint16_t id = 0;
    bool past_form = false;
  };
  struct Cue {
    std::vector<std::uint16_t> words;  // word ids; the first selects the cue
    Tense tense = Tense::unknown;      // unknown: a listed word that is no cue
    bool adjacent = false;             // a cue only right before the date ("by", "until")
  };
  // The cue words by their lower-case bytes (at most 16, zero-padded to two
  // words): an open-addressing table probed once per word of the text.
  struct Slot {
    std::uint64_t low = 0, high = 0;  // low == 0: empty
    std::uint16_t id = 0;
  };

  std::uint16_t intern(std::uint64_t low, std::uint64_t high);
  std::uint16_t find(std::uint64_t low, std::uint64_t high) const;
  std::size_t slot_of(std::uint64_t low, std::uint64_t high) const;
  Token token(std::string_view text, const CueWord& word) const;
  // The cue that begins at words[i] of words[0, count), or nullptr.
  const Cue* cue_at(const Token* words, std::size_t count, std::size_t i) const;
  bool participle(const Token* words, std::size_t count, std::size_t i, std::size_t length) const;

  std::vector<Slot> slots_;              // a power of two in size, at most a quarter full
  std::vector<Cue> cues_;                // by first word, longest first, then in file order
  std::vector<std::uint32_t> first_cue_;  // by word id: its cues are cues_[first_cue_[id], first_cue_[id + 1])
  std::uint16_t words_ = 0;              // ids handed out
  std::size_t longest_ = 0;              // words in the longest cue
  // By first letter ('a'..'z'): bit n set when a cue word of n letters
  // begins with it. Most words of a text are no cue word, and are told so
  // without a lookup.
  std::array<std::uint32_t, 26> shapes_{};
  std::uint16_t be_ = 0, by_ = 0;        // "will be paid", "led by": participles
};

}  // namespace newsmine
