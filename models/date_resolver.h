// Resolving a ParsedDate against the document date into a TIMEX3-style value.
//
// "last year" in an article dated 2020-05-30 is "2019"; "May 20" takes its
// year from the sentence ("Last year, on April 11-12" -> the year before the
// document's) or else from the document date and the tense of its sentence;
// "Friday" is the most recent Friday on or before the document date, or the
// next one on or after it in a sentence about the future. Anaphors and
// comparisons ("the quarter", "a year earlier") go to date_discourse.h.
// Without a document date every expression that needs one resolves to an
// empty (null) value; the clock is never read. Thread-safe: a context (and
// the sentence tense it reads once, on first use) belongs to one extraction.
//
//   ResolveContext context;
//   context.has_document_date = parse_iso_date("2020-05-30", context.document_date);
//   Resolved r = resolve(parsed, context);  // r.value "2019", r.kind DateKind::relative
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "models/civil_date.h"
#include "models/date_discourse.h"
#include "models/date_patterns.h"
#include "models/date_tense.h"
#include "models/mentions.h"

namespace newsmine {

// The tense of a mention's sentence, read from the text (TenseCues::tense_at)
// only when first asked: it is the dearest step of resolving a date, and
// many year-less dates ("in October", "on Friday") come out the same in
// every tense. Default: Tense::unknown, nothing to read.
class SentenceTense {
 public:
  SentenceTense() = default;
  explicit SentenceTense(Tense known) : tense_(known) {}
  // The tense around text[start, end), as cues.tense_at(text, start, end, adjacent) gives it.
  SentenceTense(const TenseCues& cues, std::string_view text, std::size_t start, std::size_t end, bool adjacent)
      : cues_(&cues), text_(text), start_(start), end_(end), adjacent_(adjacent) {}

  Tense operator()() const {
    if (cues_ != nullptr) {
      tense_ = cues_->tense_at(text_, start_, end_, adjacent_);
      cues_ = nullptr;
    }
    return tense_;
  }

 private:
  mutable const TenseCues* cues_ = nullptr;  // null once read (or when known)
  std::string_view text_;
  std::size_t start_ = 0, end_ = 0;
  bool adjacent_ = false;
  mutable Tense tense_ = Tense::unknown;
};

struct ResolveContext {
  bool has_document_date = false;
  CivilDate document_date;  // valid when has_document_date
  int year_hint = 0;        // a year named earlier in the same sentence, 0 if none
  // A day or month said without a year ("in December") falls on its next
  // occurrence from the document date on when its sentence speaks of the
  // future, and otherwise in the year that puts it nearest the document date,
  // days ahead counting twice (news mostly reports the past), or five times
  // when the sentence speaks of the past ("payable Dec. 7" stays ahead, "In
  // January, it bought" does not). When false: in the document's year.
  bool nearest_year = true;
  SentenceTense tense;           // of the mention's sentence (date_tense.h)
  const Focus* focus = nullptr;  // the periods in focus, for anaphors and comparisons
};

struct Resolved {
  std::string value;         // empty = null
  DateKind kind = DateKind::date;
  int established_year = 0;  // the year this expression names outright (for later year-less dates), or 0
  // False when the words are no date here after all: "the quarter" in an
  // article that names no quarter is as likely a part of a city.
  bool is_date = true;
};

Resolved resolve(const ParsedDate& date, const ResolveContext& context);

// The year of a day or month said without one (see ResolveContext); false
// without a document date. day 0: the whole month.
bool year_of(int month, int day, const ResolveContext& context, int& year);

// The day `holiday` falls on in `year`.
CivilDate holiday_date(const Holiday& holiday, int year);

}  // namespace newsmine
