#include "models/facts.h"

#include <utility>

namespace newsmine {

Status FactExtractor::load(const ModelData& data, std::unique_ptr<const FactExtractor>& out) {
  return load(data, FactExtractorOptions(), out);
}

Status FactExtractor::load(const ModelData& data, const FactExtractorOptions& options,
                           std::unique_ptr<const FactExtractor>& out) {
  std::unique_ptr<FactExtractor> facts(new FactExtractor());
  if (Status s = DateExtractor::load(data, options.dates, facts->dates_); !s.ok()) return s;
  if (Status s = NumberExtractor::load(data, options.numbers, facts->numbers_); !s.ok()) return s;
  if (Status s = RuleSet::join({&facts->dates_->rules(), &facts->numbers_->rules()}, facts->joined_); !s.ok()) {
    return s;
  }
  out = std::move(facts);
  return {};
}

Facts FactExtractor::extract(std::string_view text, std::string_view document_date) const {
  Facts facts;
  RuleScan scan(*joined_, text);
  facts.dates = dates_->extract(text, document_date, scan, 0);
  facts.numbers = numbers_->extract(text, facts.dates, scan, 1);
  return facts;
}

void FactExtractor::extract(std::span<const FactInput> articles, std::vector<Facts>& out) const {
  out.assign(articles.size(), Facts());
  std::vector<RuleScan> scans;
  scans.reserve(articles.size());
  for (const FactInput& article : articles) scans.emplace_back(*joined_, article.text);
  for (RuleScan& scan : scans) scan.prepare(0);
  for (std::size_t i = 0; i < articles.size(); ++i) {
    out[i].dates = dates_->extract(articles[i].text, articles[i].document_date, scans[i], 0);
  }
  for (std::size_t i = 0; i < articles.size(); ++i) numbers_->prepare(out[i].dates, scans[i], 1);
  for (std::size_t i = 0; i < articles.size(); ++i) {
    out[i].numbers = numbers_->extract(articles[i].text, out[i].dates, scans[i], 1);
  }
}

}  // namespace newsmine
