// DatePatterns: the date rules (models/data/dates.rules) and the word lists
// they are built from, and the code that turns one rule match into a
// ParsedDate.
//
// A ParsedDate is what the text says, before the document date is applied:
// "May 20" is {month 5, day 20, year unknown}; "last Friday" is {weekday 5,
// direction -1}. date_resolver.h turns it into a TIMEX3 value. Each rule name
// in dates.rules selects one parse function here; the named groups the rule
// captures (year, month, day, ...) are its arguments. Immutable after load();
// safe to share between threads.
//
//   std::unique_ptr<const DatePatterns> patterns;
//   if (Status s = DatePatterns::load(data, patterns); !s.ok()) return s;
//   std::vector<RuleMatch> matches;
//   patterns->rules().find_all(text, matches);
//   ParsedDate parsed;
//   if (patterns->parse(text, matches[0], parsed)) resolve(parsed, context, mention);
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/status.h"
#include "models/mentions.h"
#include "models/model_data.h"
#include "models/number_lexicon.h"
#include "models/rule_set.h"
#include "models/word_map.h"

namespace newsmine {

// The shapes a date expression can take.
enum class DateForm : std::uint8_t {
  calendar,        // year?, month, day?: "November 10, 2020", "May 20", "October this year"
  year,            // "2020"
  range,           // (year, month?, day?) to (year2, month2?, day2?): "April 11-12", "2023/2024"
  decade,          // year = first year of the decade: "1990s"
  quarter,         // index 1..4, or index 0 with `count` quarters from the document's: "this quarter"
  half,            // index 1..2
  season,          // index 1..4 = SP, SU, FA, WI
  relative_year,   // count years from the document year: "last year" = -1
  relative_month,  // count months: "next month" = +1, "two months ago" = -2
  relative_week,   // count weeks: "this week" = 0
  relative_day,    // count days: "yesterday" = -1, "two weeks ago" = -14
  weekday,         // index 1..7 (ISO), direction
  century,         // year = first year of the century: "the 20th century" (19XX)
  holiday,         // `holiday`, with a year or a direction as for months: "Thanksgiving Day", "last Christmas"
  reference,       // index 1..3 = PRESENT_REF, PAST_REF, FUTURE_REF: "now", "recently", "the future"
  anaphor,         // a period named by an earlier mention: "the quarter", "the latest period", "that year"
  comparison,      // the same period a year before the one in focus: "a year earlier", "the year-ago quarter"
  period_cue,      // not a date: "the nine months" puts a year (unit) in focus for comparisons
  none,            // not a date ("more than 2000 people"): hides shorter matches, then dropped
};

// What an anaphor or a comparison refers to.
enum class PeriodUnit : std::uint8_t { focus, quarter, half, year, month, week, day };

// How a holiday falls in a year: on month/day (weekday 0), on the first ISO
// weekday `weekday` on or after month/day, or (easter) `offset` days after
// Easter Sunday.
struct Holiday {
  int month = 0, day = 0;
  int weekday = 0;
  bool easter = false;
  int offset = 0;
};

struct ParsedDate {
  DateForm form = DateForm::calendar;
  int year = 0, month = 0, day = 0;     // 0 = not said
  int year2 = 0, month2 = 0, day2 = 0;  // range end; 0 = same as the start / not said
  int index = 0;                        // quarter, half, season or weekday number (also of a calendar day)
  int count = 0;                        // offset for relative forms and for year_offset
  bool year_offset = false;             // the year is "this/last/next year": document year + count
  // Where a named month, weekday or season lies from the document date:
  // 0 bare (placed by the tense of its sentence), -1 "last" (strictly before),
  // +1 "next" (strictly after), +2 "this"/"coming" (on or after).
  int direction = 0;
  // anaphor and comparison: the period named ("the quarter"); index is a
  // quarter said with it ("the year-ago third quarter"), month/day a day it
  // ended on ("the quarter ended Sept. 30").
  PeriodUnit unit = PeriodUnit::focus;
  Holiday holiday;                      // holiday: how its day falls
};

class DatePatterns {
 public:
  // day_first: "05/06/2021" is 5 June rather than May 6.
  static Status load(const ModelData& data, bool day_first, std::unique_ptr<const DatePatterns>& out);

  const RuleSet& rules() const { return *rules_; }

  // Reads one match. False when the match is not a date after all: an
  // impossible day, "$2020", "2020.5", a range that runs backwards.
  bool parse(std::string_view text, const RuleMatch& match, ParsedDate& out) const;

 private:
  enum class Handler : std::uint8_t {
    date, date_numeric, month, day_range, month_range, year_range, year, decade, quarter, half,
    relative_year, relative_month, relative_week, relative_day, ago, weekday, season, not_date, year_end,
    year_words, decade_words, century, holiday, present_ref, past_ref, future_ref, anaphor, comparison, period_cue,
  };
  enum Group : std::uint8_t {
    g_year, g_year2, g_month, g_month2, g_day, g_day2, g_rel, g_weekday, g_quarter, g_half,
    g_decade, g_season, g_count, g_unit, g_day_word, g_num1, g_num2, g_century, g_holiday, g_group_count
  };
  struct CompiledRule {
    Handler handler = Handler::date;
    std::array<int, g_group_count> groups{};  // capturing group index, -1 if the rule lacks it
  };

  DatePatterns() = default;
  Status load_word_lists(const ModelData& data);
  Status load_holidays(const ModelData& data);
  Status bind_rules();
  // The handlers of worded expressions (date_phrases.cc): year_words through
  // period_cue. `group` reads a named group of the match.
  bool parse_phrase(Handler handler, std::string_view text, const RuleMatch& match, const CompiledRule& rule,
                    ParsedDate& out) const;
  std::string_view group_text(const RuleMatch& match, const CompiledRule& rule, Group g) const;

  bool second_day_reads_on(std::string_view text, std::size_t end) const;
  int month_number(std::string_view text) const;
  int weekday_number(std::string_view text) const;
  int relative_offset(std::string_view text) const;

  std::unique_ptr<const RuleSet> rules_;
  std::vector<CompiledRule> compiled_;
  NumberLexicon numbers_;
  WordMap<int> months_;          // normalized form without final periods -> 1..12
  WordMap<int> weekdays_;        // normalized form without final periods -> 1..7
  WordMap<int> seasons_;         // normalized word -> 1..4
  WordMap<Holiday> holidays_;    // normalized name -> when
  std::vector<std::string> month_forms_, month_names_, weekday_forms_, season_words_, holiday_names_;
  bool day_first_ = false;
};

}  // namespace newsmine
