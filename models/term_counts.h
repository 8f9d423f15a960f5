// Term counts of one article: the bag of words that TF-IDF is built from.
//
// Each distinct term key (see tokenizers/term_key.h) is represented by its
// 64-bit XXH3 hash, so a document's counts are a flat sorted vector with no
// strings. Only word and number tokens count; punctuation and symbols do not.
//
// count_terms is a pure function of its input: call it from many threads at
// once (one document each). Cost: O(n log n) for n tokens.
//
//   TokenizedText tokens;
//   tokenizer.tokenize(text, tokens);
//   TermCounts counts = count_terms(tokens);
//   for (auto [hash, count] : counts.counts) ...
#pragma once

#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "tokenizers/token.h"

namespace newsmine {

struct TermCounts {
  // (XXH3 64-bit hash of the term key, occurrences), sorted by hash, hashes unique.
  std::vector<std::pair<std::uint64_t, std::uint32_t>> counts;
};

// The 64-bit hash identifying a term key in TermCounts.
std::uint64_t term_hash(std::string_view key);

// True for the token kinds that carry terms: words and numbers.
inline bool is_term_token(const Token& token) {
  return token.kind == TokenKind::word || token.kind == TokenKind::number;
}

TermCounts count_terms(const TokenizedText& tokens);

}  // namespace newsmine
