// Date header and date field parsing with calendar validation.
#include "corpus/date_header.h"

namespace newsmine::corpus_internal {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// The value of `count` digits at `s[pos]`, or -1 when one is not a digit.
int digits(std::string_view s, std::size_t pos, std::size_t count) {
  if (pos + count > s.size()) return -1;
  int value = 0;
  for (std::size_t i = pos; i < pos + count; ++i) {
    if (!is_digit(s[i])) return -1;
    value = value * 10 + (s[i] - '0');
  }
  return value;
}

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

// True when `s` is a valid ISO 8601 time of day with an optional zone:
// HH:MM[:SS[.fraction]][Z|+HH[:MM]|-HH[:MM]].
bool is_time_of_day(std::string_view s) {
  const int hour = digits(s, 0, 2);
  if (hour < 0 || hour > 24 || s.size() < 5 || s[2] != ':') return false;
  const int minute = digits(s, 3, 2);
  if (minute < 0 || minute > 59) return false;
  std::size_t pos = 5;
  if (pos < s.size() && s[pos] == ':') {
    const int second = digits(s, pos + 1, 2);
    if (second < 0 || second > 60) return false;  // 60: leap second
    pos += 3;
    if (pos < s.size() && (s[pos] == '.' || s[pos] == ',')) {
      ++pos;
      const std::size_t start = pos;
      while (pos < s.size() && is_digit(s[pos])) ++pos;
      if (pos == start) return false;
    }
  }
  if (pos == s.size()) return true;  // local time
  if ((s[pos] == 'Z' || s[pos] == 'z') && pos + 1 == s.size()) return true;
  if (s[pos] != '+' && s[pos] != '-') return false;
  const std::string_view zone = s.substr(pos + 1);
  const int zone_hour = digits(zone, 0, 2);
  if (zone_hour < 0 || zone_hour > 14) return false;
  if (zone.size() == 2) return true;
  if (zone.size() == 4) return digits(zone, 2, 2) >= 0 && digits(zone, 2, 2) <= 59;
  if (zone.size() == 5 && zone[2] == ':') return digits(zone, 3, 2) >= 0 && digits(zone, 3, 2) <= 59;
  return false;
}

}  // namespace

bool is_calendar_date(std::string_view ymd) {
  if (ymd.size() != 10 || ymd[4] != '-' || ymd[7] != '-') return false;
  const int year = digits(ymd, 0, 4);
  const int month = digits(ymd, 5, 2);
  const int day = digits(ymd, 8, 2);
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  return day <= days_in_month(year, month);
}

std::string date_from_header(std::string_view text) {
  std::size_t pos = 0;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") pos = 3;  // UTF-8 byte order mark
  while (pos < text.size() && (text[pos] == ' ' || text[pos] == '\t')) ++pos;
  if (text.substr(pos, 5) != "date ") return "";
  pos += 5;
  while (pos < text.size() && text[pos] == ' ') ++pos;
  const std::string_view date = text.substr(pos, 10);
  if (!is_calendar_date(date)) return "";
  pos += 10;
  if (pos < text.size()) {
    const char after = text[pos];
    if (after != ' ' && after != '\t' && after != '\n' && after != '\r') return "";
  }
  return std::string(date);
}

std::optional<std::string> date_from_field(std::string_view value) {
  const std::string_view date = value.substr(0, 10);
  if (!is_calendar_date(date)) return std::nullopt;
  if (value.size() == 10) return std::string(date);
  const char separator = value[10];
  if (separator != 'T' && separator != 't' && separator != ' ') return std::nullopt;
  if (!is_time_of_day(value.substr(11))) return std::nullopt;
  return std::string(date);
}

}  // namespace newsmine::corpus_internal
