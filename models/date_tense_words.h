// The words the tense cues of the date extractor (date_tense.h) read around
// a mention, and where to start reading them.
//
// read_cue_words() reads runs of letters (with inner apostrophes: "don't"),
// which pack_cue_word() folds to lower case and packs into two 64-bit
// integers for a table lookup; runs of digits (with "," and ".") and clause
// marks (",", ";", ":") are read as marks that count for distance only;
// other bytes are skipped.
// runs_back() finds where to start so that a given number of
// whitespace-separated runs lie before a position: reading forward from
// white space gives the same words as reading the whole sentence. Both look
// at sixty-four bytes at a time as bit masks of byte classes (SSE2; byte by
// byte without it). Pure functions, thread-safe.
//
//   CueWord words[64];
//   const std::size_t from = runs_back(text, sentence_start, mention_start, 19);
//   const std::size_t count = read_cue_words(text, from, mention_start, 64, words, 64, 19);
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace newsmine {

inline constexpr std::size_t kCueWordBytes = 16;  // longer words are read without their letters

// One word read, where it is in the text.
struct CueWord {
  enum class Kind : std::uint8_t { letters, number, clause };
  Kind kind;
  std::uint32_t start, size;  // bytes
};

// Reads the words of text[from, to), at most `limit`, into out[0, capacity);
// when more come, earlier ones are dropped, so that at least the last `keep`
// (less than capacity) stay. Returns how many `out` holds.
std::size_t read_cue_words(std::string_view text, std::size_t from, std::size_t to, std::size_t limit, CueWord* out,
                           std::size_t capacity, std::size_t keep);

// The letters of a word read (of at most kCueWordBytes) in lower case,
// packed into two integers, the first byte lowest, zero-padded: a key for
// tables of words.
inline void pack_cue_word(std::string_view text, const CueWord& word, std::uint64_t& low, std::uint64_t& high) {
  char bytes[kCueWordBytes] = {};
  if (word.start + sizeof bytes <= text.size()) {
    std::memcpy(bytes, text.data() + word.start, sizeof bytes);
  } else {
    for (std::size_t k = 0; k < word.size && k < sizeof bytes; ++k) bytes[k] = text[word.start + k];
  }
  const auto load = [&](std::size_t at) {
    std::uint64_t value;
    std::memcpy(&value, bytes + at, sizeof value);
    if constexpr (std::endian::native == std::endian::big) value = __builtin_bswap64(value);
    return value;
  };
  // Setting bit 5 lower-cases a letter and leaves an apostrophe as it is.
  constexpr std::uint64_t kFold = 0x2020202020202020ull;
  const auto keep = [](std::size_t kept) { return kept >= 8 ? ~0ull : (1ull << (8 * kept)) - 1; };
  low = (load(0) | kFold) & keep(word.size);
  high = word.size > 8 ? (load(8) | kFold) & keep(word.size - 8) : 0;
}

// True when the word read is five letters or more ending in "ed" but not
// in "eed": a past form ("announced", not "speed").
inline bool is_past_form(std::string_view text, const CueWord& word) {
  const auto lower = [&](std::size_t back) { return static_cast<char>(text[word.start + word.size - back] | 0x20); };
  return word.kind == CueWord::Kind::letters && word.size >= 5 && lower(1) == 'd' && lower(2) == 'e' && lower(3) != 'e';
}

// The start of the `runs`-th whitespace-separated run back from `to` (runs
// cut by `to` or `begin` count), or `begin` when fewer lie in [begin, to).
std::size_t runs_back(std::string_view text, std::size_t begin, std::size_t to, std::size_t runs);

}  // namespace newsmine
