// FactExtractor: the dates and numbers of an article, in one pass.
//
// It holds a DateExtractor and a NumberExtractor and a rule set joined from
// their rules (RuleSet::join), so that one RuleScan of the text finds where
// any date or number rule can begin, and how far matches reach, for both:
// the date rules are scanned first, then the number rules, passing over the
// dates found ("numbers inside a date are not numbers"). The result is the
// same as calling the two extractors one after the other; only the shared
// work is done once. Immutable after load(); thread-safe.
//
//   std::unique_ptr<const FactExtractor> facts;
//   if (Status s = FactExtractor::load(ModelData::embedded(), facts); !s.ok()) fail(s.message());
//   Facts found = facts->extract(text, "2020-05-30");
//   for (const NumberMention& n : found.numbers) print(n.value, n.unit);
//   facts->extract(batch_of_articles, facts_of_each);  // the same, faster
#pragma once

#include <memory>
#include <span>
#include <string_view>
#include <vector>

#include "corpus/status.h"
#include "models/dates.h"
#include "models/mentions.h"
#include "models/model_data.h"
#include "models/numbers.h"
#include "models/rule_set.h"

namespace newsmine {

struct Facts {
  std::vector<DateMention> dates;
  std::vector<NumberMention> numbers;
};

// One article for the batch form of FactExtractor::extract().
struct FactInput {
  std::string_view text;
  std::string_view document_date;
};

struct FactExtractorOptions {
  DateExtractorOptions dates;
  NumberExtractorOptions numbers;
};

class FactExtractor {
 public:
  static Status load(const ModelData& data, std::unique_ptr<const FactExtractor>& out);
  static Status load(const ModelData& data, const FactExtractorOptions& options,
                     std::unique_ptr<const FactExtractor>& out);

  // document_date as for DateExtractor::extract.
  Facts extract(std::string_view text, std::string_view document_date) const;
  // The facts of each of `articles`, in `out`, as extract() gives them one
  // by one; faster on short articles, as each step runs over all of them
  // before the next, so that the regex engine's states and the match cache
  // stay in the CPU caches (news articles are ~700 bytes: one at a time, a
  // step's data is evicted by the next before it is used again).
  void extract(std::span<const FactInput> articles, std::vector<Facts>& out) const;

  const DateExtractor& dates() const { return *dates_; }
  const NumberExtractor& numbers() const { return *numbers_; }

 private:
  FactExtractor() = default;

  std::unique_ptr<const DateExtractor> dates_;
  std::unique_ptr<const NumberExtractor> numbers_;
  std::unique_ptr<const RuleSet> joined_;  // lane 0: date rules, lane 1: number rules
};

}  // namespace newsmine
