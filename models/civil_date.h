// CivilDate: proleptic Gregorian calendar arithmetic for the date extractor.
//
// A CivilDate is a plain year/month/day triple. The functions here convert it
// to and from a day count (days since 1970-01-01, after Howard Hinnant's
// days_from_civil), add days and months, and compute ISO weekdays and ISO
// weeks. Everything is constexpr-friendly, allocation-free and thread-safe;
// inputs are assumed valid (check with is_valid first).
//
//   CivilDate d;
//   if (parse_iso_date("2020-02-28", d)) {
//     CivilDate next = add_days(d, 2);     // 2020-03-01 (leap year)
//     std::string s = format_date(next);   // "2020-03-01"
//   }
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace newsmine {

struct CivilDate {
  int year = 0;
  int month = 0;  // 1..12
  int day = 0;    // 1..days_in_month
  friend bool operator==(const CivilDate&, const CivilDate&) = default;
};

bool is_leap_year(int year);
int days_in_month(int year, int month);
bool is_valid(const CivilDate& date);

// Days since 1970-01-01 (negative before), and back.
std::int64_t to_days(const CivilDate& date);
CivilDate from_days(std::int64_t days);

// ISO weekday: 1 = Monday ... 7 = Sunday.
int weekday(const CivilDate& date);

CivilDate add_days(const CivilDate& date, std::int64_t days);
// Adds whole months, clamping the day to the target month (Jan 31 + 1 = Feb 28/29).
CivilDate add_months(const CivilDate& date, int months);

// ISO 8601 week: the week-numbering year and week 1..53 containing `date`.
struct IsoWeek {
  int year = 0;
  int week = 0;
};
IsoWeek iso_week(const CivilDate& date);

// Parses exactly "YYYY-MM-DD"; anything else (or an impossible date) is false.
bool parse_iso_date(std::string_view text, CivilDate& out);

// TIMEX3-style formatting: "2020-03-01", "2020-03", "2020", "2020-W09".
std::string format_date(const CivilDate& date);
std::string format_month(int year, int month);
std::string format_year(int year);
std::string format_week(const IsoWeek& week);
// The same, appended to `out` (no temporary string).
void append_date(std::string& out, const CivilDate& date);
void append_month(std::string& out, int year, int month);
void append_year(std::string& out, int year);

}  // namespace newsmine
