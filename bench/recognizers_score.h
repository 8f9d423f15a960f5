// RecognizerScorer: runs the newsmine extractors on one Recognizers-Text spec
// case and says whether our mentions equal the expected results.
//
// Every model is run the pipeline's way: dates = DateExtractor::extract(input,
// reference date or ""), numbers = NumberExtractor::extract(input, dates).
// Which of our mentions are compared, and how, depends on the spec model:
//   number          our cardinal mentions. NumberModel.json's results are all
//                   TypeName "number" (subtypes integer, decimal, fraction,
//                   power; no ordinals), so ordinals are not counted; nor are
//                   money and percent mentions, whose numbers the spec would
//                   list on their own ("20" in "$20").
//   percent         our percent mentions; "100%" is 100; a value "null" (a
//                   bare "percent") cannot be matched.
//   currency        our money mentions. An expected isoCurrency must be our
//                   unit; a unit name alone ("Dollar", "Cent") is looked up
//                   in CurrencyUnits and our value is compared with the
//                   spec's value times the unit's factor. A null value (a
//                   bare "dollar") cannot be matched.
//   date_extractor  all our date mentions, spans only.
//   date_parser     all our date mentions; spans, then values: our value is
//                   right when it equals the Timex, or, when the Timex has an
//                   unresolved "XXXX", when it equals the Past or Future
//                   resolution date (ours are resolved against the reference
//                   date, so either reading counts).
// A case is matched when both lists have the same length and agree item by
// item (both sorted by start): same byte span, and for the number models the
// same value within a relative tolerance (the specs print 15 significant
// digits: "0.666666666666667"), and the unit for currency.
//
// score() is const and thread-safe. A currency unit name missing from the
// table is a Status: the table must cover the spec.
//
//   RecognizerScorer scorer(*dates, *numbers, units);
//   CaseScore score;
//   if (Status s = scorer.score(SpecModel::currency, spec_case, score); !s.ok()) fail(s.message());
//   if (!score.matched) log(score.expected, score.got);
#pragma once

#include <string>
#include <string_view>

#include "bench/recognizers_currency.h"
#include "bench/recognizers_spec.h"
#include "corpus/status.h"
#include "models/dates.h"
#include "models/numbers.h"

namespace newsmine::bench {

enum class SpecModel { number, percent, currency, date_extractor, date_parser };

struct ScorerOptions {
  double relative_tolerance = 1e-9;  // |ours - expected| <= tolerance * max(|ours|, |expected|)
};

struct CaseScore {
  bool span_matched = false;  // the span lists agree
  bool matched = false;       // spans and values (and units) agree; for date_extractor, = span_matched
  std::string expected;       // the expected results: "text"@start-end=value unit, joined by " | "
  std::string got;            // our counted mentions, in the same form
};

class RecognizerScorer {
 public:
  RecognizerScorer(const DateExtractor& dates, const NumberExtractor& numbers, const CurrencyUnits& currency_units,
                   ScorerOptions options = {});

  Status score(SpecModel model, const SpecCase& spec_case, CaseScore& out) const;

 private:
  const DateExtractor& dates_;
  const NumberExtractor& numbers_;
  const CurrencyUnits& currency_units_;
  ScorerOptions options_;
};

}  // namespace newsmine::bench
