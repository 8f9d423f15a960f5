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
  std::vector<Document> one;
  one.push_back(std::move(document));
  std::vector<DocumentAnalysis> result;
  analyze(one, tokenizer, result);
  return std::move(result.front());
}

void Analyzer::analyze(std::vector<Document>& documents, Tokenizer& tokenizer, std::vector<DocumentAnalysis>& out) const {
  out.clear();
  out.resize(documents.size());
  std::vector<FactInput> inputs;
  inputs.reserve(documents.size());
  std::size_t bytes = 0;
  for (std::size_t i = 0; i < documents.size(); ++i) {
    DocumentAnalysis& result = out[i];
    result.document = std::move(documents[i]);
    const Stopwatch watch;
    tokenizer.tokenize(result.document.text, result.tokens);
    result.terms = count_terms(result.tokens);
    result.passages = make_passage_features(result.tokens);
    result.tokenize_seconds = watch.seconds();
    inputs.push_back({result.document.text, result.document.date});
    bytes += result.document.text.size();
  }
  documents.clear();

  // Dates and numbers for the whole batch at once (FactExtractor: faster
  // than one by one); each article is charged its share by bytes.
  Stopwatch watch;
  std::vector<Facts> facts;
  facts_->extract(inputs, facts);
  const double fact_seconds = watch.seconds();
  for (std::size_t i = 0; i < out.size(); ++i) {
    DocumentAnalysis& result = out[i];
    result.dates = std::move(facts[i].dates);
    result.numbers = std::move(facts[i].numbers);
    watch.restart();
    result.entities = entities_->extract(result.document.text, result.tokens);
    const double share = bytes > 0 ? static_cast<double>(result.document.text.size()) / static_cast<double>(bytes) : 0.0;
    result.extract_seconds = watch.seconds() + fact_seconds * share;
  }
}

}  // namespace newsmine
