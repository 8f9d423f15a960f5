#include "models/term_counts.h"

#include <algorithm>

#include <xxhash.h>

namespace newsmine {

std::uint64_t term_hash(std::string_view key) { return XXH3_64bits(key.data(), key.size()); }

TermCounts count_terms(const TokenizedText& tokens) {
  std::vector<std::uint64_t> hashes;
  hashes.reserve(tokens.tokens.size());
  for (const Token& token : tokens.tokens) {
    if (is_term_token(token)) hashes.push_back(term_hash(tokens.key(token)));
  }
  std::sort(hashes.begin(), hashes.end());

  TermCounts result;
  for (std::size_t i = 0; i < hashes.size();) {
    std::size_t j = i + 1;
    while (j < hashes.size() && hashes[j] == hashes[i]) ++j;
    result.counts.emplace_back(hashes[i], static_cast<std::uint32_t>(j - i));
    i = j;
  }
  return result;
}

}  // namespace newsmine
