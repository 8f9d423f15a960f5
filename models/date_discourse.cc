#include "models/date_discourse.h"

#include <algorithm>
#include <string>

#include "models/civil_date.h"
#include "models/date_resolver.h"
#include "models/date_sentences.h"

namespace newsmine {
namespace {

// A quarter stays in focus while the article keeps coming back to it at
// least this often (bytes between two mentions of it).
constexpr std::uint32_t kQuarterReach = 1500;

std::string period_value(PeriodUnit unit, int year, int index) {
  switch (unit) {
    case PeriodUnit::quarter: return format_year(year) + "-Q" + std::to_string(index);
    case PeriodUnit::half: return format_year(year) + "-H" + std::to_string(index);
    case PeriodUnit::month: return format_month(year, index);
    default: return format_year(year);
  }
}

Resolved period(PeriodUnit unit, int year, int index) {
  Resolved out;
  out.kind = unit == PeriodUnit::quarter || unit == PeriodUnit::half ? DateKind::quarter : DateKind::relative;
  out.value = period_value(unit, year, index);
  return out;
}

// A reference that cannot be resolved: a null value, of the kind its unit has.
Resolved unresolved(PeriodUnit unit) {
  Resolved out = period(unit, 0, 1);
  out.value.clear();
  return out;
}

// The quarter before the document's: the latest one a company can report on.
bool reported_quarter(const ResolveContext& context, int& year, int& quarter) {
  if (!context.has_document_date) return false;
  const int quarters = context.document_date.year * 4 + (context.document_date.month - 1) / 3 - 1;
  year = quarters / 4;
  quarter = quarters % 4 + 1;
  return true;
}

}  // namespace

void expire_focus(Focus& focus, std::string_view text, std::uint32_t position) {
  if (focus.unit != PeriodUnit::focus) {
    // Mentions come in order: only the bytes since the last look can hold a sentence end.
    if (sentence_break(text, std::max(focus.end, focus.clear_to), position)) {
      focus.unit = PeriodUnit::focus;
    } else {
      focus.clear_to = std::max(focus.clear_to, position);
    }
  }
  if (focus.quarter != 0 && position > focus.quarter_end + kQuarterReach) focus.quarter = 0;
}

void note_focus(Focus& focus, const ParsedDate& date, const Resolved& resolved, const ResolveContext& context,
                std::uint32_t end) {
  const std::string& v = resolved.value;
  if (v.size() < 4 || v[0] < '0' || v[0] > '9') {
    if (date.form == DateForm::period_cue) {  // "the nine months": the year of the quarter in focus
      if (focus.quarter != 0) {
        focus.unit = PeriodUnit::year;
        focus.year = focus.quarter_year;
        focus.end = end;
      }
    }
    return;
  }
  auto digits = [&](std::size_t from, std::size_t count) {
    int n = 0;
    for (std::size_t i = from; i < from + count; ++i) {
      if (v[i] < '0' || v[i] > '9') return -1;
      n = n * 10 + (v[i] - '0');
    }
    return n;
  };
  const int year = digits(0, 4);
  if (year < 0) return;  // "199X"
  if (date.form == DateForm::comparison) {  // refers to the focus: keeps it alive, changes nothing
    if (focus.quarter != 0) focus.quarter_end = end;
    return;
  }
  PeriodUnit unit = PeriodUnit::focus;
  int index = 0;
  if (v.size() == 7 && v[4] == '-' && (v[5] == 'Q' || v[5] == 'H')) {
    unit = v[5] == 'Q' ? PeriodUnit::quarter : PeriodUnit::half;
    index = v[6] - '0';
  } else if (v.size() == 7 && v[4] == '-' && digits(5, 2) > 0) {
    unit = PeriodUnit::month;
    index = digits(5, 2);
  } else if (v.size() == 4) {
    unit = PeriodUnit::year;
  } else {
    return;  // days, weeks, ranges: no period to refer back to
  }
  if (unit == PeriodUnit::year && date.form != DateForm::anaphor) focus.named_year = year;
  if (unit == PeriodUnit::quarter) {
    // The article's quarter is one that can be reported on: not one still to
    // come ("a fourth-quarter charge" in October), nor one of an earlier year
    // than the quarter in focus (a comparison: "the 1988 quarter").
    int reported_year = 0, reported = 0;
    const bool ahead = reported_quarter(context, reported_year, reported) &&
                       year * 4 + index > reported_year * 4 + reported;
    const bool earlier = focus.quarter != 0 && year < focus.quarter_year;
    focus.quarter_named = true;
    if (!ahead && !earlier) {
      focus.quarter_year = year;
      focus.quarter = index;
      focus.quarter_end = end;
    }
  }
  focus.unit = unit;
  focus.year = year;
  focus.index = index;
  focus.end = end;
}

Resolved resolve_in_focus(const ParsedDate& date, const ResolveContext& context) {
  const Focus empty;
  const Focus& focus = context.focus != nullptr ? *context.focus : empty;
  const bool sentence = focus.unit != PeriodUnit::focus;
  const bool quarter = focus.quarter != 0;
  int year = 0, index = 0;

  if (date.form == DateForm::comparison) {
    if (date.index != 0) {  // "the year-ago third quarter"
      year = quarter ? focus.quarter_year : sentence ? focus.year : context.document_date.year;
      if (!quarter && !sentence && !context.has_document_date) return unresolved(date.unit);
      return period(PeriodUnit::quarter, year - 1, date.index);
    }
    if (date.unit == PeriodUnit::quarter) {
      if (sentence && focus.unit == PeriodUnit::quarter) return period(PeriodUnit::quarter, focus.year - 1, focus.index);
      if (quarter) return period(PeriodUnit::quarter, focus.quarter_year - 1, focus.quarter);
      if (!reported_quarter(context, year, index)) return unresolved(date.unit);
      return period(PeriodUnit::quarter, year - 1, index);
    }
    if (sentence && (date.unit == PeriodUnit::focus || date.unit == focus.unit)) {
      return period(focus.unit, focus.year - 1, focus.index);
    }
    if (quarter && (date.unit == PeriodUnit::focus || date.unit == PeriodUnit::quarter)) {
      return period(PeriodUnit::quarter, focus.quarter_year - 1, focus.quarter);
    }
    if (!context.has_document_date) return unresolved(date.unit);
    return period(PeriodUnit::year, context.document_date.year - 1, 0);
  }

  // Anaphors.
  if ((date.unit == PeriodUnit::quarter || date.unit == PeriodUnit::focus) && date.month == 0 &&
      !focus.quarter_named) {
    Resolved out = unresolved(date.unit);
    out.is_date = false;
    return out;
  }
  if (date.year != 0) {  // "the 1988 period": the quarter in focus, in that year
    if (quarter) return period(PeriodUnit::quarter, date.year, focus.quarter);
    return period(PeriodUnit::year, date.year, 0);
  }
  switch (date.unit) {
    case PeriodUnit::quarter:
      if (date.month != 0) {  // "the quarter ended Sept. 30"
        if (!year_of(date.month, date.day, context, year)) return unresolved(date.unit);
        return period(PeriodUnit::quarter, year, (date.month - 1) / 3 + 1);
      }
      if (quarter) return period(PeriodUnit::quarter, focus.quarter_year, focus.quarter);
      if (!reported_quarter(context, year, index)) return unresolved(date.unit);
      return period(PeriodUnit::quarter, year, index);
    case PeriodUnit::focus:  // "the latest period"
      if (sentence && focus.unit != PeriodUnit::year) return period(focus.unit, focus.year, focus.index);
      if (quarter) return period(PeriodUnit::quarter, focus.quarter_year, focus.quarter);
      if (!reported_quarter(context, year, index)) return unresolved(date.unit);
      return period(PeriodUnit::quarter, year, index);
    case PeriodUnit::year:
      if (date.count != 0 && focus.named_year != 0) return period(PeriodUnit::year, focus.named_year, 0);  // "that year"
      if (sentence) return period(PeriodUnit::year, focus.year, 0);
      if (quarter) return period(PeriodUnit::year, focus.quarter_year, 0);
      if (!context.has_document_date) return unresolved(date.unit);
      return period(PeriodUnit::year, context.document_date.year, 0);
    case PeriodUnit::month:
      if (sentence && focus.unit == PeriodUnit::month) return period(PeriodUnit::month, focus.year, focus.index);
      if (!context.has_document_date) return unresolved(date.unit);
      return period(PeriodUnit::month, context.document_date.year, context.document_date.month);
    case PeriodUnit::half:
      if (sentence && focus.unit == PeriodUnit::half) return period(PeriodUnit::half, focus.year, focus.index);
      return unresolved(date.unit);
    default:
      return unresolved(date.unit);
  }
}

}  // namespace newsmine
