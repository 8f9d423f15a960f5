// Sentence edges for the date extractor: where the sentence around a mention
// begins and ends, without a full sentence breaker.
//
// A sentence ends at a newline or at ".", "!" or "?" followed by white space,
// except after an abbreviation ("Mr.", "Jan.", "U.S.") or before a word in
// lower case. This is rougher than tokenizers/ but needs no allocation and
// reads only the bytes asked about, which is all the date extractor needs to
// keep a year ("In 2019, on May 5") or a tense ("will ... on Friday") inside
// one sentence. Pure functions, thread-safe.
//
//   if (!sentence_break(text, hint_end, mention.start)) use_year_hint();
//   std::size_t begin = sentence_begin(text, mention.start, 300);
#pragma once

#include <cstddef>
#include <string_view>

namespace newsmine {

// True when a sentence ends somewhere in text[from, to).
bool sentence_break(std::string_view text, std::size_t from, std::size_t to);

// The first byte of the sentence holding byte `position`, looking back at
// most `reach` bytes.
std::size_t sentence_begin(std::string_view text, std::size_t position, std::size_t reach);

// One past the last byte of the sentence holding byte `position` (its final
// punctuation included), looking ahead at most `reach` bytes.
std::size_t sentence_end(std::string_view text, std::size_t position, std::size_t reach);

}  // namespace newsmine
