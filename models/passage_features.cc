#include <limits>

#include "models/passages.h"
#include "models/term_counts.h"

namespace newsmine {

PassageFeatures make_passage_features(const TokenizedText& tokens) {
  PassageFeatures features;
  // term_before[t]: number of term tokens among tokens[0, t).
  std::vector<std::uint32_t> term_before(tokens.tokens.size() + 1, 0);
  for (std::size_t t = 0; t < tokens.tokens.size(); ++t) {
    const Token& token = tokens.tokens[t];
    term_before[t + 1] = term_before[t];
    if (!is_term_token(token)) continue;
    ++term_before[t + 1];
    // The top bit tells numbers from words (see kNumberTermBit).
    const auto hash = static_cast<std::uint32_t>(term_hash(tokens.key(token))) & ~kNumberTermBit;
    features.terms.push_back(token.kind == TokenKind::number ? hash | kNumberTermBit : hash);
    features.term_starts.push_back(token.start);
    features.term_ends.push_back(token.end);
    // Punctuation and symbols glued to the token, up to the next space.
    std::uint32_t end = token.end;
    for (std::size_t n = t + 1; n < tokens.tokens.size() && tokens.tokens[n].start == end &&
                                !is_term_token(tokens.tokens[n]);
         ++n) {
      end = tokens.tokens[n].end;
    }
    features.phrase_ends.push_back(end);
  }
  for (const Sentence& sentence : tokens.sentences) {
    if (sentence.first_token >= sentence.end_token || sentence.end_token > tokens.tokens.size()) continue;
    const std::uint32_t first = term_before[sentence.first_token];
    const std::uint32_t end = term_before[sentence.end_token];
    if (first == end) continue;  // no words: nothing to match
    features.sentences.push_back({first, end, sentence.start, sentence.end});
  }
  return features;
}

}  // namespace newsmine
