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
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/status.h"
#include "models/mentions.h"
#include "models/model_data.h"
#include "models/number_lexicon.h"
#include "models/rule_set.h"

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
  none,            // not a date ("more than 2000 people"): hides shorter matches, then dropped
  future_cue,      // not a date: "will", "scheduled"; dates in its sentence may lie ahead
};

struct ParsedDate {
  DateForm form = DateForm::calendar;
  int year = 0, month = 0, day = 0;     // 0 = not said
  int year2 = 0, month2 = 0, day2 = 0;  // range end; 0 = same as the start / not said
  int index = 0;                        // quarter, half, season or weekday number
  int count = 0;                        // offset for relative forms and for year_offset
  bool year_offset = false;             // the year is "this/last/next year": document year + count
  // Where a named month, weekday or season lies from the document date:
  // 0 bare (most recent, on or before), -1 "last" (strictly before),
  // +1 "next" (strictly after), +2 "this"/"coming" (on or after).
  int direction = 0;
};

class DatePatterns {
 public:
  static Status load(const ModelData& data, std::unique_ptr<const DatePatterns>& out);

  const RuleSet& rules() const { return *rules_; }

  // Reads one match. False when the match is not a date after all: an
  // impossible day, "$2020", "2020.5", a range that runs backwards.
  bool parse(std::string_view text, const RuleMatch& match, ParsedDate& out) const;

 private:
  enum class Handler : std::uint8_t {
    date, month, day_range, month_range, year_range, year, decade, quarter, half,
    relative_year, relative_month, relative_week, relative_day, ago, weekday, season, not_date, future_cue,
  };
  enum Group : std::uint8_t {
    g_year, g_year2, g_month, g_month2, g_day, g_day2, g_rel, g_weekday, g_quarter, g_half,
    g_decade, g_season, g_count, g_unit, g_day_word, g_group_count
  };
  struct CompiledRule {
    Handler handler = Handler::date;
    std::array<int, g_group_count> groups{};  // capturing group index, -1 if the rule lacks it
  };

  DatePatterns() = default;
  Status load_word_lists(const ModelData& data);
  Status bind_rules();

  int month_number(std::string_view text) const;
  int relative_offset(std::string_view text) const;

  std::unique_ptr<const RuleSet> rules_;
  std::vector<CompiledRule> compiled_;
  NumberLexicon numbers_;
  std::map<std::string, int, std::less<>> months_;    // normalized form -> 1..12
  std::map<std::string, int, std::less<>> weekdays_;  // normalized form -> 1..7
  std::map<std::string, int, std::less<>> seasons_;   // word -> 1..4
  std::vector<std::string> month_forms_, month_names_, weekday_forms_, season_words_;
};

}  // namespace newsmine
