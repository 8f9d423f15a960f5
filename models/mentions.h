// What the extractors find in one article: dates, numbers and named entities.
//
// Every mention is a half-open UTF-8 byte range into the article text; its
// text is span_text(text, start, end). Values are normalized: TIMEX3-style
// strings for dates, scaled doubles for numbers, a canonical name for
// entities. See ../shared/CONTRACT.md for the output schema.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace newsmine {

enum class DateKind : std::uint8_t { date, month, year, quarter, decade, range, relative };

struct DateMention {
  std::uint32_t start = 0;
  std::uint32_t end = 0;
  std::string value;  // TIMEX3-style ("2020-11-10", "2021-05", "2020-Q4", "199X", "a/b"); empty = null
  DateKind kind = DateKind::date;
};

enum class NumberKind : std::uint8_t { cardinal, money, percent, ordinal };

struct NumberMention {
  std::uint32_t start = 0;
  std::uint32_t end = 0;
  double value = 0;  // after scaling: 2.6e9 for "$2.6 billion", 27 for "27%", 6 for "sixth"
  std::string unit;  // ISO 4217 code, "percent", or empty = null
  NumberKind kind = NumberKind::cardinal;
};

enum class EntityLabel : std::uint8_t { person, org, loc, misc };

struct EntityMention {
  std::uint32_t start = 0;
  std::uint32_t end = 0;
  EntityLabel label = EntityLabel::misc;
  std::string canonical;  // fullest form seen: "Shvydkoy" -> "Mikhail Shvydkoy"
};

std::string_view to_string(DateKind kind);      // "date", "month", ...
std::string_view to_string(NumberKind kind);    // "cardinal", "money", ...
std::string_view to_string(EntityLabel label);  // "PERSON", "ORG", "LOC", "MISC"

}  // namespace newsmine
