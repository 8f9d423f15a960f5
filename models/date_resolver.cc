#include "models/date_resolver.h"

#include <string>
#include <utility>

namespace newsmine {
namespace {

constexpr const char* kSeasonCodes[] = {"", "SP", "SU", "FA", "WI"};
constexpr int kSeasonFirst[] = {0, 3, 6, 9, 12};
constexpr int kSeasonLast[] = {0, 5, 8, 11, 2};
constexpr const char* kReferences[] = {"", "PRESENT_REF", "PAST_REF", "FUTURE_REF"};

// The year of the named month `month` seen from the document date.
int month_year(int month, int direction, const CivilDate& doc) {
  if (direction < 0) return month < doc.month ? doc.year : doc.year - 1;
  if (direction == 1) return month > doc.month ? doc.year : doc.year + 1;
  return doc.year;
}

// The year of a season (winter counts from its December) seen from the document date.
int season_year(int index, int direction, const CivilDate& doc) {
  if (index == 4) {
    const bool inside = doc.month == 12 || doc.month <= 2;
    const int current = doc.month == 12 ? doc.year : doc.year - 1;  // the winter now running or last ended
    if (direction < 0) return inside ? current - 1 : current;
    if (direction == 1) return doc.month <= 2 ? doc.year : doc.month == 12 ? doc.year + 1 : doc.year;
    return inside ? current : doc.year;
  }
  if (direction < 0) return doc.month > kSeasonLast[index] ? doc.year : doc.year - 1;
  if (direction == 1) return doc.month < kSeasonFirst[index] ? doc.year : doc.year + 1;
  return doc.year;
}

// The years (document year - 1, + 0 or + 1) that put month/day nearest the
// document date, days ahead counting five times (`past`: a sentence about
// the past) or twice (`tenseless`: news mostly reports the past). One pass
// over the three candidates gives both.
void nearest_years(int month, int day, const CivilDate& doc, int& past, int& tenseless) {
  const std::int64_t today = to_days(doc);
  past = tenseless = doc.year;
  std::int64_t best_past = -1, best_tenseless = -1;
  for (int year = doc.year - 1; year <= doc.year + 1; ++year) {
    const int last = days_in_month(year, month);
    const std::int64_t when = to_days({year, month, day > 0 ? (day > last ? last : day) : (last + 1) / 2});
    const std::int64_t ahead = when > today ? when - today : 0;
    const std::int64_t behind = when > today ? 0 : today - when;
    const std::int64_t distance_past = 5 * ahead + behind, distance_tenseless = 2 * ahead + behind;
    if (best_past < 0 || distance_past < best_past) {
      past = year;
      best_past = distance_past;
    }
    if (best_tenseless < 0 || distance_tenseless < best_tenseless) {
      tenseless = year;
      best_tenseless = distance_tenseless;
    }
  }
}

// Appends the day, month or year; false (appending nothing) for an impossible day.
bool append_part(std::string& out, int year, int month, int day) {
  if (day > 0) {
    const CivilDate date{year, month, day};
    if (!is_valid(date)) return false;
    append_date(out, date);
  } else if (month > 0) {
    append_month(out, year, month);
  } else {
    append_year(out, year);
  }
  return true;
}

// Days from the document date to the named weekday `index` (see ParsedDate::direction).
int weekday_delta(int index, int direction, const SentenceTense& tense, const CivilDate& doc) {
  const int today = weekday(doc);
  if (direction == 0 && index == today) return 0;  // today in either tense: the tense is not read
  if (direction == 0) direction = tense() == Tense::future ? 2 : 0;
  if (direction <= 0) {
    int back = (today - index + 7) % 7;
    if (direction < 0 && back == 0) back = 7;
    return -back;
  }
  int ahead = (index - today + 7) % 7;
  if (direction == 1 && ahead == 0) ahead = 7;
  return ahead;
}

}  // namespace

CivilDate holiday_date(const Holiday& holiday, int year) {
  if (holiday.easter) {  // the anonymous Gregorian algorithm (Meeus/Jones/Butcher)
    const int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4;
    const int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
    const int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = (a + 11 * h + 22 * l) / 451;
    const int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
    return add_days({year, month, day}, holiday.offset);
  }
  const CivilDate base{year, holiday.month, holiday.day};
  if (holiday.weekday == 0) return base;
  return add_days(base, (holiday.weekday - weekday(base) + 7) % 7);
}

bool year_of(int month, int day, const ResolveContext& context, int& year) {
  if (!context.has_document_date) return false;
  const CivilDate& d = context.document_date;
  if (!context.nearest_year || month == 0) {
    year = d.year;
    return true;
  }
  // The year each tense picks; the tense is read only when they differ.
  const bool passed = month < d.month || (month == d.month && day > 0 && day < d.day);
  const int future = passed ? d.year + 1 : d.year;  // the next such day or month, from the document date on
  int past = 0, tenseless = 0;  // the nearest, leaning harder to the past or less so
  nearest_years(month, day, d, past, tenseless);
  if (future == past && past == tenseless) {
    year = past;
    return true;
  }
  const Tense tense = context.tense();
  year = tense == Tense::future ? future : tense == Tense::past ? past : tenseless;
  return true;
}

Resolved resolve(const ParsedDate& date, const ResolveContext& context) {
  Resolved out;
  const bool doc = context.has_document_date;
  const CivilDate& d = context.document_date;

  // The year of calendar-like forms: said, said relative to the document, or inferred.
  auto calendar_year = [&](int& year) {
    if (date.year != 0) {
      year = date.year;
      out.established_year = year;
      return true;
    }
    if (date.year_offset) {
      if (!doc) return false;
      year = d.year + date.count;
      out.established_year = year;
      return true;
    }
    // A year named before in the sentence, unless the sentence speaks of a
    // future that year cannot hold.
    if (context.year_hint != 0 && !(doc && context.year_hint < d.year && context.tense() == Tense::future)) {
      year = context.year_hint;
      return true;
    }
    // "Saturday, April 25": the year, of those around the document date, in
    // which that day is a Saturday.
    if (date.form == DateForm::calendar && date.index != 0 && date.day != 0 && doc) {
      for (int candidate : {d.year, d.year - 1, d.year + 1}) {
        if (is_valid({candidate, date.month, date.day}) && weekday({candidate, date.month, date.day}) == date.index) {
          year = candidate;
          return true;
        }
      }
    }
    return year_of(date.month, date.day, context, year);
  };

  int year = 0;
  switch (date.form) {
    case DateForm::calendar: {
      out.kind = date.day > 0 ? DateKind::date : DateKind::month;
      if (date.direction != 0) {
        if (!doc) return out;
        year = month_year(date.month, date.direction, d);
      } else if (!calendar_year(year)) {
        return out;
      }
      append_part(out.value, year, date.month, date.day);
      return out;
    }
    case DateForm::year:
      out.kind = DateKind::year;
      out.value = format_year(date.year);
      out.established_year = date.year;
      return out;
    case DateForm::range: {
      out.kind = DateKind::range;
      if (!calendar_year(year)) return out;
      const int year2 = date.year2 != 0 ? date.year2 : year;
      std::string value;
      if (append_part(value, year, date.month, date.day)) {
        value += '/';
        if (append_part(value, year2, date.month2, date.day2)) out.value = std::move(value);
      }
      return out;
    }
    case DateForm::decade:
      out.kind = DateKind::decade;
      out.value = format_year(date.year);
      out.value.resize(3);
      out.value += 'X';
      return out;
    case DateForm::century:
      out.kind = DateKind::decade;
      out.value = format_year(date.year);
      out.value.resize(2);
      out.value += "XX";
      return out;
    case DateForm::quarter:
    case DateForm::half: {
      out.kind = DateKind::quarter;
      const char letter = date.form == DateForm::quarter ? 'Q' : 'H';
      int index = date.index;
      if (index == 0) {  // "this quarter", "last quarter"
        if (!doc) return out;
        int quarters = d.year * 4 + (d.month - 1) / 3 + date.count;
        year = quarters / 4;
        index = quarters % 4 + 1;
      } else if (!calendar_year(year)) {
        return out;
      }
      append_year(out.value, year);
      out.value += '-';
      out.value += letter;
      out.value += std::to_string(index);
      return out;
    }
    case DateForm::season: {
      out.kind = date.year != 0 ? DateKind::quarter : DateKind::relative;
      if (date.year != 0) {
        year = date.year;
        out.established_year = year;
      } else {
        if (!doc) return out;
        year = season_year(date.index, date.direction, d);
        if (date.index != 4) out.established_year = year;  // "this fall, in November" (not winter: it spans two years)
      }
      append_year(out.value, year);
      out.value += '-';
      out.value += kSeasonCodes[date.index];
      return out;
    }
    case DateForm::holiday: {
      out.kind = DateKind::date;
      if (date.year != 0) {
        year = date.year;
        out.established_year = year;
      } else {
        if (!doc) return out;
        // Of the occurrences around the document date, the one the direction
        // or the tense asks for; bare and tenseless, the nearest (ahead counting twice).
        const std::int64_t today = to_days(d);
        const Tense tense = context.tense();
        std::int64_t best = -1;
        for (int candidate = d.year - 1; candidate <= d.year + 1; ++candidate) {
          const std::int64_t delta = to_days(holiday_date(date.holiday, candidate)) - today;
          bool allowed = true;
          std::int64_t cost = delta >= 0 ? 2 * delta : -delta;
          if (date.direction < 0) allowed = delta < 0;
          if (date.direction == 1) allowed = delta > 0;
          if (date.direction == 2 || (date.direction == 0 && tense == Tense::future)) allowed = delta >= 0;
          if (date.direction == 0 && tense == Tense::past) allowed = delta <= 0;
          if (date.direction != 0 || tense != Tense::unknown) cost = delta >= 0 ? delta : -delta;
          if (allowed && (best < 0 || cost < best)) {
            best = cost;
            year = candidate;
          }
        }
      }
      out.value = format_date(holiday_date(date.holiday, year));
      return out;
    }
    case DateForm::relative_year:
      out.kind = DateKind::relative;
      if (!doc) return out;
      out.value = format_year(d.year + date.count);
      out.established_year = d.year + date.count;
      return out;
    case DateForm::relative_month: {
      out.kind = DateKind::relative;
      if (!doc) return out;
      const CivilDate month = add_months({d.year, d.month, 1}, date.count);
      out.value = format_month(month.year, month.month);
      return out;
    }
    case DateForm::relative_week:
      out.kind = DateKind::relative;
      if (!doc) return out;
      out.value = format_week(iso_week(add_days(d, 7 * static_cast<std::int64_t>(date.count))));
      return out;
    case DateForm::relative_day:
      out.kind = DateKind::relative;
      if (!doc) return out;
      out.value = format_date(add_days(d, date.count));
      return out;
    case DateForm::weekday:
      out.kind = DateKind::relative;
      if (!doc) return out;
      out.value = format_date(add_days(d, weekday_delta(date.index, date.direction, context.tense, d)));
      return out;
    case DateForm::reference:
      out.kind = DateKind::relative;
      out.value = kReferences[date.index];
      return out;
    case DateForm::anaphor:
    case DateForm::comparison:
      return resolve_in_focus(date, context);
    case DateForm::period_cue:
    case DateForm::none:
      return out;
  }
  return out;
}

}  // namespace newsmine
