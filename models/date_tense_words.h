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

#include <cstddef>
#include <cstdint>
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
void pack_cue_word(std::string_view text, const CueWord& word, std::uint64_t& low, std::uint64_t& high);

// True when the word read is five letters or more ending in "ed" but not
// in "eed": a past form ("announced", not "speed").
bool is_past_form(std::string_view text, const CueWord& word);

// The start of the `runs`-th whitespace-separated run back from `to` (runs
// cut by `to` or `begin` count), or `begin` when fewer lie in [begin, to).
std::size_t runs_back(std::string_view text, std::size_t begin, std::size_t to, std::size_t runs);

}  // namespace newsmine
