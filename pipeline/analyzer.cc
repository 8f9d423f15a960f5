#include "pipeline/analyzer.h"

#include "pipeline/stopwatch.h"

namespace newsmine {

Status Analyzer::load(const ModelData& data, std::unique_ptr<const Analyzer>& out) {
  auto analyzer = std::make_unique<Analyzer>();
  if (Status s = FactExtractor::load(data, analyzer->facts_); !s.ok()) return s;
  if (Status s = EntityExtractor::load(data, analyzer->entities_); !s.ok()) return s;
  out = std::move(analyzer);
  return {};
}

DocumentAnalysis Analyzer::analyze(Document document, Tokenizer& tokenizer) const {
  DocumentAnalysis result;
  result.document = std::move(document);
  const std::string_view text = result.document.text;

  Stopwatch watch;
  tokenizer.tokenize(text, result.tokens);
  result.terms = count_terms(result.tokens);
  result.passages = make_passage_features(result.tokens);
  result.tokenize_seconds = watch.seconds();

  watch.restart();
  Facts facts = facts_->extract(text, result.document.date);
  result.dates = std::move(facts.dates);
  result.numbers = std::move(facts.numbers);
  result.entities = entities_->extract(text, result.tokens);
  result.extract_seconds = watch.seconds();
  return result;
}

}  // namespace newsmine
