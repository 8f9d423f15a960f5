#include "models/civil_date.h"

#include <cstdio>

namespace newsmine {

bool is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
  static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  return month == 2 && is_leap_year(year) ? 29 : kDays[month - 1];
}

bool is_valid(const CivilDate& date) {
  return date.month >= 1 && date.month <= 12 && date.day >= 1 && date.day <= days_in_month(date.year, date.month);
}

// Howard Hinnant, "chrono-Compatible Low-Level Date Algorithms".
std::int64_t to_days(const CivilDate& date) {
  const std::int64_t y = static_cast<std::int64_t>(date.year) - (date.month <= 2 ? 1 : 0);
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const std::int64_t yoe = y - era * 400;
  const std::int64_t mp = (date.month + 9) % 12;
  const std::int64_t doy = (153 * mp + 2) / 5 + date.day - 1;
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CivilDate from_days(std::int64_t days) {
  days += 719468;
  const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const std::int64_t doe = days - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  const int day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int year = static_cast<int>(yoe + era * 400 + (month <= 2 ? 1 : 0));
  return {year, month, day};
}

int weekday(const CivilDate& date) {
  const std::int64_t days = to_days(date);  // 1970-01-01 was a Thursday (4)
  const std::int64_t w = (days % 7 + 7 + 3) % 7;   // 0 = Monday
  return static_cast<int>(w) + 1;
}

CivilDate add_days(const CivilDate& date, std::int64_t days) { return from_days(to_days(date) + days); }

CivilDate add_months(const CivilDate& date, int months) {
  const int index = date.year * 12 + (date.month - 1) + months;
  const int year = index >= 0 ? index / 12 : (index - 11) / 12;
  const int month = index - year * 12 + 1;
  const int last = days_in_month(year, month);
  return {year, month, date.day > last ? last : date.day};
}

IsoWeek iso_week(const CivilDate& date) {
  // The ISO week belongs to the year of its Thursday.
  const CivilDate thursday = add_days(date, 4 - weekday(date));
  const std::int64_t first = to_days({thursday.year, 1, 1});
  return {thursday.year, static_cast<int>((to_days(thursday) - first) / 7 + 1)};
}

bool parse_iso_date(std::string_view text, CivilDate& out) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  auto digits = [&](std::size_t from, std::size_t count, int& value) {
    value = 0;
    for (std::size_t i = from; i < from + count; ++i) {
      if (text[i] < '0' || text[i] > '9') return false;
      value = value * 10 + (text[i] - '0');
    }
    return true;
  };
  CivilDate date;
  if (!digits(0, 4, date.year) || !digits(5, 2, date.month) || !digits(8, 2, date.day)) return false;
  if (!is_valid(date)) return false;
  out = date;
  return true;
}

namespace {

constexpr int kPaddedLimit[] = {1, 10, 100, 1000, 10000};

// Writes `value` at `at` as printf's "%0*d" with `width` would, for the
// values dates have (0 <= value < 10^width, width 1..4); false for others.
bool write_padded(char* at, int value, int width) {
  if (value < 0 || width < 1 || width > 4 || value >= kPaddedLimit[width]) return false;
  for (int i = width - 1; i >= 0; --i) {
    at[i] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
  return true;
}

// Appends `value` as printf's "%0*d" with `width` would.
void append_padded(std::string& out, int value, int width) {
  char digits[4];
  if (write_padded(digits, value, width)) {
    out.append(digits, static_cast<std::size_t>(width));
    return;
  }
  char buffer[16];
  const int size = std::snprintf(buffer, sizeof buffer, "%0*d", width, value);
  out.append(buffer, static_cast<std::size_t>(size));
}

}  // namespace

// The usual "YYYY-MM-DD" and "YYYY-MM" are written whole and appended at
// once; other years go through append_padded() piece by piece.
void append_date(std::string& out, const CivilDate& date) {
  char text[10];
  if (write_padded(text, date.year, 4) && write_padded(text + 5, date.month, 2) && write_padded(text + 8, date.day, 2)) {
    text[4] = text[7] = '-';
    out.append(text, sizeof text);
    return;
  }
  append_month(out, date.year, date.month);
  out += '-';
  append_padded(out, date.day, 2);
}

void append_month(std::string& out, int year, int month) {
  char text[7];
  if (write_padded(text, year, 4) && write_padded(text + 5, month, 2)) {
    text[4] = '-';
    out.append(text, sizeof text);
    return;
  }
  append_year(out, year);
  out += '-';
  append_padded(out, month, 2);
}

void append_year(std::string& out, int year) { append_padded(out, year, 4); }

std::string format_date(const CivilDate& date) {
  std::string out;
  append_date(out, date);
  return out;
}

std::string format_month(int year, int month) {
  std::string out;
  append_month(out, year, month);
  return out;
}

std::string format_year(int year) {
  std::string out;
  append_year(out, year);
  return out;
}

std::string format_week(const IsoWeek& week) {
  std::string out;
  append_year(out, week.year);
  out += "-W";
  append_padded(out, week.week, 2);
  return out;
}

}  // namespace newsmine
