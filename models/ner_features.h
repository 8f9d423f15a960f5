// Features of the entity sequence labeller: hashed ids per token.
//
// For every token the labeller sees its lower-cased term key, its shape
// ("Xx", "X", "X.X.", "d,d", "Xx-Xx"), prefixes and suffixes of 1-4 letters,
// its capitalization, whether it opens a sentence or sits in an upper-case
// headline, the words and shapes of its neighbours (two either side, inside
// one decoding sequence), which EntityLexicon lists cover it (titles, heads,
// places, given names, organizations...), the label the rule extractor gives
// it (entity_rules.h), and two article-level hints: the word occurs in lower
// case elsewhere, or capitalized inside a sentence elsewhere.
//
// A token with no name-shaped word (capitalized, upper case, an initial, or
// a script without case) within one token either side is outside every name:
// it gets only its bias and word features and is marked `outside`, and the
// decoder gives it O without looking any weight up. That is most tokens of
// running text (56% of eng.train, where it drops 28 of 34,043 name tokens),
// and training applies the same rule.
//
// Each feature is a 32-bit id: the template number mixed with the XXH3
// hashes of the token strings it combines. Token strings are hashed once per token; no feature
// allocates. Changing what a template means requires bumping
// kNerFeatureVersion, which model files record and check on load.
//
// Pure functions: thread-safe. Linear in the number of tokens.
//
//   NerFeatures features;
//   compute_ner_features(text, tokens, entity_features, rule_spans, features);
//   for (std::uint32_t id : features.of(t)) ...
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

#include "models/entity_candidates.h"
#include "models/entity_rules.h"
#include "tokenizers/token.h"

namespace newsmine {

inline constexpr int kNerFeatureVersion = 1;

struct NerFeatures {
  std::vector<std::uint32_t> ids;      // the ids of every token, token after token
  std::vector<std::uint32_t> offsets;  // token t owns ids[offsets[t], offsets[t + 1])
  std::vector<std::uint8_t> outside;   // 1: the token is O, whatever the weights say

  // The id of the token's word (its term key) alone: always its second id.
  std::uint32_t word_id(std::uint32_t token) const { return ids[offsets[token] + 1]; }

  std::span<const std::uint32_t> of(std::uint32_t token) const {
    return std::span<const std::uint32_t>(ids).subspan(offsets[token], offsets[token + 1] - offsets[token]);
  }
};

// The token ranges decoded as one sequence: sentences, joined where the
// tokenizer split after an initial ("George W. | Bush").
std::vector<std::pair<std::uint32_t, std::uint32_t>> ner_sequences(const TokenizedText& tokens,
                                                                   std::span<const EntityTokenFeatures> entity);

// Replaces `out` with the features of every token. `entity` comes from
// compute_entity_features() on the same text, `rule_spans` from the rules.
void compute_ner_features(std::string_view text, const TokenizedText& tokens,
                          std::span<const EntityTokenFeatures> entity, std::span<const LabeledSpan> rule_spans,
                          NerFeatures& out);

}  // namespace newsmine
