// Document dates: the " date YYYY-MM-DD" header of .txt articles and the
// date field of JSONL records, both checked against the calendar.
//
// A .txt article may start with optional spaces (and an optional UTF-8 BOM),
// the word "date", a space, YYYY-MM-DD and then a space, a newline or the end
// of the file; anything else means the article has no header. A JSONL date is
// YYYY-MM-DD or an ISO 8601 timestamp (2021-05-20T14:03:00Z,
// 2021-05-20 14:03:00+04:00); only its calendar date is kept.
// Stateless functions; safe to call from any thread.
//
//   std::string date = date_from_header(" date 2021-11-25 By Azernews");  // "2021-11-25"
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace newsmine::corpus_internal {

// True when `ymd` is exactly "YYYY-MM-DD" and names a real day (years 0001-9999,
// leap years by the Gregorian rule).
bool is_calendar_date(std::string_view ymd);

// The date given by a leading " date YYYY-MM-DD" header, or "" when the text
// has no header or its date is not a real day.
std::string date_from_header(std::string_view text);

// The YYYY-MM-DD part of a JSONL date value (a date or an ISO 8601 timestamp),
// or nullopt when the value is neither.
std::optional<std::string> date_from_field(std::string_view value);

}  // namespace newsmine::corpus_internal
