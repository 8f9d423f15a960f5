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

}  // namespace newsmine
