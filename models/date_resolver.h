// Resolving a ParsedDate against the document date into a TIMEX3-style value.
//
// "last year" in an article dated 2020-05-30 is "2019"; "May 20" takes its
// year from the sentence ("Last year, on April 11-12" -> the year before the
// document's) or else from the document date; "Friday" is the most recent
// Friday on or before the document date. Without a document date every
// expression that needs one resolves to an empty (null) value; the clock is
// never read. Pure functions, thread-safe.
//
//   ResolveContext context;
//   context.has_document_date = parse_iso_date("2020-05-30", context.document_date);
//   Resolved r = resolve(parsed, context);  // r.value "2019", r.kind DateKind::relative
#pragma once

#include <string>

#include "models/civil_date.h"
#include "models/date_patterns.h"
#include "models/mentions.h"

namespace newsmine {

struct ResolveContext {
  bool has_document_date = false;
  CivilDate document_date;  // valid when has_document_date
  int year_hint = 0;        // a year named earlier in the same sentence, 0 if none
  // A day or month said without a year ("in December") falls in the year that
  // puts it nearest the document date, days ahead counting twice (news mostly
  // reports the past); with future_cue, on its next occurrence from the
  // document date on. When false: in the document's year.
  bool nearest_year = true;
  bool future_cue = false;  // the sentence speaks of the future ("will", "scheduled")
};

struct Resolved {
  std::string value;         // empty = null
  DateKind kind = DateKind::date;
  int established_year = 0;  // the year this expression names outright (for later year-less dates), or 0
};

Resolved resolve(const ParsedDate& date, const ResolveContext& context);

}  // namespace newsmine
