// NumberExtractor: finds numbers in news text: cardinals ("12,000", "3.5",
// "230 million", "six", "a dozen"), ordinals ("3rd", "sixth"), percentages
// ("27%", "3.5 percent") and money ("$2.6 billion" = 2600000000 USD,
// "680 million manat" = 680000000 AZN).
//
// Also fractions ("two thirds", "3 million and a half", "7-3/4", "⅔"), ratios
// ("one over three"), "point" decimals, powers ("1.3e6") and compound money
// ("3 dollars 50 cents" = 3.50 USD, "50 cents" = 0.50 USD).
//
// The patterns are RE2 rules in models/data/numbers.rules built from
// number_words.tsv, scales.tsv, currencies.tsv and number_cues.tsv; load() reads and validates
// them, compiles every pattern once and runs the examples in
// numbers.selftest.tsv. A bad file is a Status naming file:line, never an
// exception or an exit. extract() is const and thread-safe.
//
// Mentions are sorted by start and never overlap (the longest span wins).
// Numbers inside a date span ("November 10, 2020") or a URL are not numbers,
// nor are digits glued to a word ("COVID-19"), nor a pronoun "one" ("which
// one"). Qualifiers ("more than", "about") stay outside the span; signs are
// inside it ("-1", "minus five"). Offsets are UTF-8 byte offsets into the text.
//
//   std::unique_ptr<const NumberExtractor> numbers;
//   if (Status s = NumberExtractor::load(ModelData::embedded(), numbers); !s.ok()) fail(s.message());
//   std::vector<DateMention> dates = date_extractor->extract(text, "2020-05-30");
//   for (const NumberMention& m : numbers->extract(text, dates))
//     print(text.substr(m.start, m.end - m.start), m.value, m.unit, to_string(m.kind));
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "corpus/status.h"
#include "models/mentions.h"
#include "models/model_data.h"
#include "models/rule_set.h"

namespace newsmine {

class NumberPatterns;

struct NumberExtractorOptions {
  bool run_self_test = true;  // check numbers.selftest.tsv on load
};

class NumberExtractor {
 public:
  static Status load(const ModelData& data, std::unique_ptr<const NumberExtractor>& out);
  static Status load(const ModelData& data, const NumberExtractorOptions& options,
                     std::unique_ptr<const NumberExtractor>& out);

  // `dates` are the date mentions of the same text (any order); numbers that
  // overlap one of them are dropped.
  std::vector<NumberMention> extract(std::string_view text, const std::vector<DateMention>& dates) const;
  // The same, with the number rules scanned as lane `lane` of `scan`, a scan
  // of `text` by a rule set joined from rules() and others (facts.h).
  std::vector<NumberMention> extract(std::string_view text, const std::vector<DateMention>& dates, RuleScan& scan,
                                     std::size_t lane) const;
  // Measures lane `lane` of `scan` ahead of that extract() call, for the
  // same dates (RuleScan::prepare).
  void prepare(const std::vector<DateMention>& dates, RuleScan& scan, std::size_t lane) const;

  // The number rules, for joining with other rule sets.
  const RuleSet& rules() const;

  ~NumberExtractor();

 private:
  NumberExtractor() = default;
  Status self_test(const ModelData& data) const;

  NumberExtractorOptions options_;
  std::unique_ptr<const NumberPatterns> patterns_;
};

}  // namespace newsmine
