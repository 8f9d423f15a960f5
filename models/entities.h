// EntityExtractor: named entities (PERSON, ORG, LOC, MISC) in news text.
//
// Version 1 is rule-based: capitalized runs become candidates
// (entity_candidates.h), rules with word lists label them (entity_rules.h,
// entity_lexicon.h), and an article-level pass settles the doubtful ones: a
// lone word that is part of a PERSON named in full elsewhere in the article is
// that PERSON ("Mishustin stressed ...", "Wang" of "Wang Donghai"), a lone
// word labelled by default takes the label the article gives it elsewhere, and
// an unknown word opening a sentence is kept only when the article confirms
// it. Every mention then gets its canonical form (entity_canonical.h):
// "Shvydkoy" -> "Mikhail Shvydkoy". The per-token features and candidates are
// meant to feed a trained sequence labeller later.
//
// Spans are UTF-8 byte ranges into the text, sorted by start, never
// overlapping. Titles are not part of a PERSON span ("Chairman Fuad Muradov"
// -> "Fuad Muradov"), and a possessive is cut ("Azerbaijan’s" -> "Azerbaijan").
//
// load() reads and validates the word lists under models/data/entities,
// compiles the RE2 pattern once and checks the examples in
// entities/selftest.tsv; a bad file is a Status naming file:line. extract() is
// const and thread-safe: share one extractor between threads. It takes the
// tokens of the text from the caller (one Tokenizer per thread). Cost is
// linear in the number of tokens, a few hash probes per token.
//
//   std::unique_ptr<const EntityExtractor> entities;
//   if (Status s = EntityExtractor::load(ModelData::embedded(), entities); !s.ok()) fail(s.message());
//   Tokenizer tokenizer;
//   TokenizedText tokens;
//   tokenizer.tokenize(text, tokens);
//   for (const EntityMention& m : entities->extract(text, tokens))
//     print(span_text(text, m.start, m.end), to_string(m.label), m.canonical);
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "corpus/status.h"
#include "models/entity_lexicon.h"
#include "models/entity_rules.h"
#include "models/mentions.h"
#include "models/model_data.h"
#include "tokenizers/token.h"

namespace newsmine {

class Tokenizer;

struct EntityExtractorOptions {
  bool run_self_test = true;  // check entities/selftest.tsv on load
  EntityRuleOptions rules;    // labels for unknown capitalized words
};

class EntityExtractor {
 public:
  static Status load(const ModelData& data, std::unique_ptr<const EntityExtractor>& out);
  static Status load(const ModelData& data, const EntityExtractorOptions& options,
                     std::unique_ptr<const EntityExtractor>& out);

  // `tokens` must come from tokenizing exactly `text`.
  std::vector<EntityMention> extract(std::string_view text, const TokenizedText& tokens) const;

  // The word lists, for callers that compute their own features.
  const EntityLexicon& lexicon() const { return lexicon_; }

 private:
  EntityExtractor() = default;
  Status self_test(const ModelData& data, Tokenizer& tokenizer) const;

  EntityExtractorOptions options_;
  EntityLexicon lexicon_;
};

}  // namespace newsmine
