// DateExtractor: finds date expressions in news text and normalizes them to
// TIMEX3-style values ("2020-11-10", "2021-05", "2020", "199X", "2020-Q4",
// "2023-04-11/2023-04-12"), resolving relative ones ("last year", "Friday",
// "two weeks ago") against the document date.
//
// The patterns are RE2 rules in models/data/dates.rules built from the word
// lists months.txt, weekdays.txt, seasons.tsv and number_words.tsv; load()
// reads and validates them, compiles every pattern once and runs the examples
// in dates.selftest.tsv. A bad file is a Status naming file:line, never an
// exception or an exit. extract() is const and thread-safe: share one
// extractor between threads.
//
// A day or month said without a year takes it from a year named just before
// in the same sentence ("Last year, on April 11-12"), else from the document
// date and the tense of its sentence (date_tense.h, tense_cues.tsv): the last
// such day up to the document date after a past cue ("said", "announced"),
// the next one after a future cue ("will", "scheduled"), the nearest one
// (leaning to the past) without a cue. Bare weekdays likewise ("said on
// Friday": the Friday before; "will meet on Friday": the coming one; "last
// Friday": strictly before). "now", "recently", "the future" are
// PRESENT_REF, PAST_REF, FUTURE_REF. "the quarter", "a year earlier", "the
// year-ago period" refer to the period the article is talking about
// (date_discourse.h).
//
// Mentions are sorted by start and never overlap; where two patterns cover
// the same words the longest span wins. Offsets are UTF-8 byte offsets into
// the text. Spans follow TimeBank: "the fourth quarter of this year",
// "last year", "Friday" (without "on"), "1990s" (without "the"), with the
// modifiers of date_modifiers.txt ("early next year", "mid-November").
// Two whole dates joined by words are two mentions ("1991 to 1997");
// written as one ("April 11-12", "2023/2024", "January through March 2021")
// they are one range.
//
//   std::unique_ptr<const DateExtractor> dates;
//   if (Status s = DateExtractor::load(ModelData::embedded(), dates); !s.ok()) fail(s.message());
//   for (const DateMention& m : dates->extract(text, "2020-05-30"))
//     print(text.substr(m.start, m.end - m.start), m.value, to_string(m.kind));
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "corpus/status.h"
#include "models/date_modifiers.h"
#include "models/date_tense.h"
#include "models/mentions.h"
#include "models/model_data.h"
#include "models/rule_set.h"

namespace newsmine {

class DatePatterns;

struct DateExtractorOptions {
  bool run_self_test = true;        // check dates.selftest.tsv on load (with the default options below)
  // "Last year, on April 11" takes its year from "Last year" when at most this
  // many bytes (and no sentence end) lie between them; 0 turns this off.
  std::uint32_t year_hint_window = 40;
  // "in December" in an April article is last December (the nearest December,
  // leaning to the past unless the sentence has a future cue such as "will");
  // false: the document's year.
  bool nearest_year = true;
  // "05/06/2021" is 5 June 2021 (day first, as in most of the world) rather
  // than May 6 (US order, the default).
  bool day_first = false;
};

class DateExtractor {
 public:
  static Status load(const ModelData& data, std::unique_ptr<const DateExtractor>& out);
  static Status load(const ModelData& data, const DateExtractorOptions& options,
                     std::unique_ptr<const DateExtractor>& out);

  // document_date: "YYYY-MM-DD" (a longer ISO 8601 timestamp is cut to its
  // date) or empty; without it relative expressions get an empty value.
  std::vector<DateMention> extract(std::string_view text, std::string_view document_date) const;
  // The same, with the date rules scanned as lane `lane` of `scan`, a scan of
  // `text` by a rule set joined from rules() and others (facts.h).
  std::vector<DateMention> extract(std::string_view text, std::string_view document_date, RuleScan& scan,
                                   std::size_t lane) const;

  // The date rules, for joining with other rule sets.
  const RuleSet& rules() const;

  ~DateExtractor();

 private:
  DateExtractor() = default;
  Status self_test(const ModelData& data) const;

  DateExtractorOptions options_;
  std::unique_ptr<const DatePatterns> patterns_;
  TenseCues tense_;
  DateModifiers modifiers_;
};

}  // namespace newsmine
