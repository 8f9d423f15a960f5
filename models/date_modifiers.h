// DateModifiers: words before a date that TimeML counts as part of it:
// "early next year", "late November", "mid-1990s", "the end of 1990",
// "fiscal 1989". The value stays that of the date
// (TIMEX3 keeps the modifier in a separate attribute).
//
// The phrases come from models/data/date_modifiers.txt. extend_start()
// moves a mention's start back over the modifiers just before it, joined to
// it by white space or a hyphen, never over `floor` (the end of the previous
// mention), and at most three times ("the end of fiscal 1990"). Immutable
// after load(); safe to share between threads.
//
//   DateModifiers modifiers;
//   if (Status s = DateModifiers::load(data, modifiers); !s.ok()) return s;
//   mention.start = modifiers.extend_start(text, mention.start, previous_end);
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/status.h"
#include "models/model_data.h"

namespace newsmine {

class DateModifiers {
 public:
  static Status load(const ModelData& data, DateModifiers& out);

  std::uint32_t extend_start(std::string_view text, std::uint32_t start, std::uint32_t floor) const;

 private:
  struct Modifier {
    std::string words;      // lower case, single spaces
    std::size_t last_word;  // the length of its last word
  };
  std::vector<Modifier> modifiers_;  // longest first
  // By the last letter of a modifier ('a'..'z'): bit n set when one ends in
  // a word of n letters.
  std::array<std::uint64_t, 26> endings_{};
};

}  // namespace newsmine
