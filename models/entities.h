// EntityExtractor: named entities (PERSON, ORG, LOC, MISC) in news text.
//
// Labels come from a trained sequence labeller (ner_model.h, an averaged
// perceptron over BILOU tags trained on CoNLL-2003 by `newsmine train-ner`)
// whose features (ner_features.h) include what the rules below say. The rules
// alone (EntityExtractorOptions::use_model = false) work as version 1 did:
//
// Capitalized runs become candidates
// (entity_candidates.h), rules with word lists label them (entity_rules.h,
// entity_lexicon.h), and an article-level pass settles the doubtful ones: a
// lone word that is part of a PERSON named in full elsewhere in the article is
// that PERSON ("Mishustin stressed ...", "Wang" of "Wang Donghai"), a lone
// word labelled by default takes the label the article gives it elsewhere, and
// an unknown word opening a sentence is kept only when the article confirms
// it. Every mention then gets its canonical form (entity_canonical.h):
// "Shvydkoy" -> "Mikhail Shvydkoy".
//
// Spans are UTF-8 byte ranges into the text, sorted by start, never
// overlapping. Titles are not part of a PERSON span ("Chairman Fuad Muradov"
// -> "Fuad Muradov"), and a possessive is cut ("Azerbaijan’s" -> "Azerbaijan").
//
// load() reads and validates the word lists under models/data/entities and
// the model ner/conll2003.model, compiles the RE2 pattern once and checks the
// examples in ner/selftest.tsv (entities/selftest.tsv for the rules alone); a
// bad file is a Status naming the file and the reason. extract() is
// const and thread-safe: share one extractor between threads. It takes the
// tokens of the text from the caller (one Tokenizer per thread). Cost is
// linear in the number of tokens: a few dozen hash probes per token.
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
#include "models/ner_features.h"
#include "models/ner_model.h"
#include "tokenizers/token.h"

namespace newsmine {

class Tokenizer;

struct EntityExtractorOptions {
  bool run_self_test = true;  // check the self-test sentences on load
  bool use_model = true;      // label with ner/conll2003.model; false: the rules alone
  // A sequence whose lower-case words are mostly unknown to the model (another
  // language: Cyrillic, Azerbaijani) keeps the rules' names; at least 2 words.
  double foreign_word_share = 0.5;
  EntityRuleOptions rules;    // labels for unknown capitalized words
};

// The model file and its self-test sentences, under models/data.
inline constexpr std::string_view kNerModelFile = "ner/conll2003.model";
inline constexpr std::string_view kNerSelfTestFile = "ner/selftest.tsv";

class EntityExtractor {
 public:
  static Status load(const ModelData& data, std::unique_ptr<const EntityExtractor>& out);
  static Status load(const ModelData& data, const EntityExtractorOptions& options,
                     std::unique_ptr<const EntityExtractor>& out);

  // `tokens` must come from tokenizing exactly `text`.
  std::vector<EntityMention> extract(std::string_view text, const TokenizedText& tokens) const;

  // A copy sharing the word lists that labels with `model` instead (training
  // and evaluation try models this way); no self-test is run.
  std::unique_ptr<const EntityExtractor> with_model(std::shared_ptr<const NerModel> model) const;

  // The labeller's features of `text` and the token ranges it decodes as
  // sequences, exactly as extract() computes them.
  void ner_features(std::string_view text, const TokenizedText& tokens, NerFeatures& features,
                    std::vector<std::pair<std::uint32_t, std::uint32_t>>& sequences) const;

  // The word lists, for callers that compute their own features.
  const EntityLexicon& lexicon() const { return *lexicon_; }
  const NerModel* model() const { return model_.get(); }

 private:
  EntityExtractor() = default;
  Status self_test(const ModelData& data, std::string_view file_name, Tokenizer& tokenizer) const;
  bool foreign(std::span<const EntityTokenFeatures> features, const NerFeatures& ner, std::uint32_t first,
               std::uint32_t end) const;
  // The rules' spans, after the article pass.
  std::vector<LabeledSpan> rule_spans(std::span<const EntityTokenFeatures> features, const TokenizedText& tokens) const;

  EntityExtractorOptions options_;
  std::shared_ptr<const EntityLexicon> lexicon_;
  std::shared_ptr<const NerModel> model_;  // null: the rules alone
};

}  // namespace newsmine
