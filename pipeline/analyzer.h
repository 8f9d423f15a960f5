// Analyzer: everything newsmine learns from one article on its own.
//
// An Analyzer holds the immutable, shared models (compiled RE2 patterns, word
// lists) and is safe to use from many threads at once; per-thread scratch
// (the ICU tokenizer) is passed in by the caller. analyze() runs the
// tokenizer, the date and number extractors (together, as a FactExtractor)
// and the entity extractor, and computes the compact features the
// cross-document stages need later.
//
//   std::unique_ptr<const Analyzer> analyzer;
//   if (Status s = Analyzer::load(ModelData::embedded(), analyzer); !s.ok()) fail(s);
//   Tokenizer tokenizer;                    // one per thread
//   DocumentAnalysis result = analyzer->analyze(std::move(document), tokenizer);
//   analyzer->analyze(batch_of_documents, tokenizer, analyses);  // many at once
#pragma once

#include <memory>
#include <vector>

#include "corpus/document.h"
#include "corpus/status.h"
#include "models/entities.h"
#include "models/facts.h"
#include "models/model_data.h"
#include "models/passages.h"
#include "models/term_counts.h"
#include "tokenizers/tokenizer.h"

namespace newsmine {

struct DocumentAnalysis {
  Document document;
  TokenizedText tokens;
  std::vector<DateMention> dates;
  std::vector<NumberMention> numbers;
  std::vector<EntityMention> entities;
  TermCounts terms;           // for TF-IDF
  PassageFeatures passages;   // for reuse detection
  double tokenize_seconds = 0;
  double extract_seconds = 0;
};

class Analyzer {
 public:
  static Status load(const ModelData& data, std::unique_ptr<const Analyzer>& out);

  DocumentAnalysis analyze(Document document, Tokenizer& tokenizer) const;
  // The same for each of `documents` (moved into `out`, in order): faster
  // on short articles, as the fact extraction runs over all of them at once
  // (FactExtractor's batches).
  void analyze(std::vector<Document>& documents, Tokenizer& tokenizer, std::vector<DocumentAnalysis>& out) const;

 private:
  std::unique_ptr<const FactExtractor> facts_;  // dates and numbers
  std::unique_ptr<const EntityExtractor> entities_;
};

}  // namespace newsmine
