#include "pipeline/analyzer.h"

#include <chrono>

namespace newsmine {
namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

Status Analyzer::load(const ModelData& data, std::unique_ptr<const Analyzer>& out) {
  auto analyzer = std::make_unique<Analyzer>();
  if (Status s = DateExtractor::load(data, analyzer->dates_); !s.ok()) return s;
  if (Status s = NumberExtractor::load(data, analyzer->numbers_); !s.ok()) return s;
  if (Status s = EntityExtractor::load(data, analyzer->entities_); !s.ok()) return s;
  out = std::move(analyzer);
  return {};
}

DocumentAnalysis Analyzer::analyze(Document document, Tokenizer& tokenizer) const {
  DocumentAnalysis result;
  result.document = std::move(document);
  const std::string_view text = result.document.text;

  auto start = std::chrono::steady_clock::now();
  tokenizer.tokenize(text, result.tokens);
  result.terms = count_terms(result.tokens);
  result.passages = make_passage_features(result.tokens);
  result.tokenize_seconds = seconds_since(start);

  start = std::chrono::steady_clock::now();
  result.dates = dates_->extract(text, result.document.date);
  result.numbers = numbers_->extract(text, result.dates);
  result.entities = entities_->extract(text, result.tokens);
  result.extract_seconds = seconds_since(start);
  return result;
}

}  // namespace newsmine
