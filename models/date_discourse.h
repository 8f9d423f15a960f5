// The periods an article is talking about, and the expressions that refer
// back to them: "the quarter", "the latest period", "that year" (anaphors)
// and "a year earlier", "the year-ago quarter", "year-earlier profit"
// (comparisons: the period in focus, a year before).
//
// Business news names a period once ("third-quarter profit rose 5%") and
// then refers to it: "... from $1.2 million a year earlier" is 1988-Q3 in an
// article about the third quarter of 1989, and "the quarter" is 1989-Q3.
// Focus keeps what was named: the period named last in the current sentence
// (a quarter, half, month or year; "the nine months" puts a year in focus),
// and the last quarter named in the article that can be reported on (not
// one still to come), which stays in focus while the article keeps talking
// about it. The date extractor updates the focus with
// note_focus() after each mention and expires it (expire_focus) as it moves
// on; resolve_in_focus() reads it. Plain data and pure functions, thread-safe.
//
//   Focus focus;
//   for (each mention in order) {
//     expire_focus(focus, text, mention.start);
//     context.focus = &focus;
//     Resolved r = resolve(parsed, context);  // calls resolve_in_focus for anaphors and comparisons
//     note_focus(focus, parsed, r, context, mention.end);
//   }
#pragma once

#include <cstdint>
#include <string_view>

#include "models/date_patterns.h"

namespace newsmine {

struct ResolveContext;
struct Resolved;

struct Focus {
  // The period named last in the current sentence; unit focus = none.
  PeriodUnit unit = PeriodUnit::focus;
  int year = 0;
  int index = 0;  // quarter 1..4, half 1..2 or month 1..12
  std::uint32_t end = 0;  // where the mention that set it ends
  std::uint32_t clear_to = 0;  // above `end`: no sentence ends in [end, clear_to), as expire_focus found
  // The last quarter the article named or referred to; quarter 0 = none.
  int quarter_year = 0;
  int quarter = 0;
  std::uint32_t quarter_end = 0;
  int named_year = 0;  // the last year named outright ("in 1988"), for "that year"; 0 = none
  bool quarter_named = false;  // the article has named a quarter ("third-quarter profit")
};

// Drops what no longer holds at byte `position`: the sentence focus after a
// sentence end, the quarter after a long stretch without one.
void expire_focus(Focus& focus, std::string_view text, std::uint32_t position);

// Records a resolved mention, ending at byte `end`, that names or refers to a period.
void note_focus(Focus& focus, const ParsedDate& date, const Resolved& resolved, const ResolveContext& context,
                std::uint32_t end);

// The value of an anaphor or a comparison (see the header comment); empty
// when nothing is in focus and there is no document date. "the quarter" and
// "the latest period" are no date (Resolved::is_date false) before the
// article has named a quarter.
Resolved resolve_in_focus(const ParsedDate& date, const ResolveContext& context);

}  // namespace newsmine
