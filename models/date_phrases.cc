// The handlers of worded date expressions, split from date_patterns.cc:
// spelled-out years and decades, centuries, holidays, PRESENT_REF-style
// references, anaphors and comparisons (see date_patterns.h).
#include <string>

#include "models/civil_date.h"
#include "models/date_patterns.h"
#include "models/word_map.h"

namespace newsmine {
namespace {

bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// The word starting at text[from] after spaces, lower-cased ("" if none).
std::string next_word(std::string_view text, std::size_t from, std::size_t* word_end = nullptr) {
  while (from < text.size() && (text[from] == ' ' || text[from] == '\t' || text[from] == '\n')) ++from;
  std::string word;
  while (from < text.size() && is_letter(text[from])) {
    word += static_cast<char>(text[from] >= 'A' && text[from] <= 'Z' ? text[from] - 'A' + 'a' : text[from]);
    ++from;
  }
  if (word_end != nullptr) *word_end = from;
  return word;
}

// The number written at text[from] after spaces, or -1.
int number_after(std::string_view text, std::size_t from) {
  while (from < text.size() && text[from] == ' ') ++from;
  int value = -1;
  while (from < text.size() && text[from] >= '0' && text[from] <= '9' && value < 10000) {
    value = (value < 0 ? 0 : value * 10) + (text[from++] - '0');
  }
  return value;
}

PeriodUnit unit_of(std::string_view word) {
  const FoldedKey folded(word);
  const std::string_view key = folded.view();
  if (key == "quarter") return PeriodUnit::quarter;
  if (key == "half") return PeriodUnit::half;
  if (key == "month") return PeriodUnit::month;
  if (key.ends_with("year")) return PeriodUnit::year;
  return PeriodUnit::focus;  // "period"
}

int ordinal_index(std::string_view word) {
  const FoldedKey key(word);
  static constexpr std::string_view kOrdinals[] = {"first", "second", "third", "fourth"};
  for (int i = 0; i < 4; ++i) {
    if (key.view() == kOrdinals[i]) return i + 1;
  }
  return 0;
}

}  // namespace

bool DatePatterns::parse_phrase(Handler handler, std::string_view text, const RuleMatch& match,
                                const CompiledRule& rule, ParsedDate& out) const {
  auto group = [&](Group g) { return group_text(match, rule, g); };
  auto has = [&](Group g) { return !group(g).empty(); };
  ParsedDate date;
  switch (handler) {
    case Handler::year_words: {  // nineteen ninety-six; the year two thousand (and) one
      const bool two_thousand = FoldedKey(group(g_century)).view().starts_with("two");
      double value = 0;
      bool ordinal = false;
      if (has(g_count) && (!numbers_.parse_words(group(g_count), value, ordinal) || ordinal)) return false;
      date.form = DateForm::year;
      date.year = (two_thousand ? 2000 : 1900) + static_cast<int>(value);
      if (!two_thousand && value < 10) return false;
      break;
    }
    case Handler::decade_words: {  // the nineties
      static constexpr std::string_view kDecades[] = {"twenties", "thirties", "forties", "fifties",
                                                      "sixties", "seventies", "eighties", "nineties"};
      const FoldedKey key(group(g_decade));
      date.form = DateForm::decade;
      for (int i = 0; i < 8; ++i) {
        if (key.view() == kDecades[i]) date.year = 1920 + 10 * i;
      }
      if (date.year == 0) return false;
      break;
    }
    case Handler::century: {  // the 20th century, the nineteenth century
      std::string_view count = group(g_count);
      int n = 0;
      if (count.size() >= 3 && count[0] >= '0' && count[0] <= '9') {
        for (char c : count) {
          if (c < '0' || c > '9') break;
          n = n * 10 + (c - '0');
        }
      } else {
        double value = 0;
        bool ordinal = false;
        if (!numbers_.parse_words(count, value, ordinal) || !ordinal) return false;
        n = static_cast<int>(value);
      }
      if (n < 1 || n > 21) return false;
      date.form = DateForm::century;
      date.year = (n - 1) * 100;
      break;
    }
    case Handler::holiday: {
      const Holiday* holiday = find_word(holidays_, group(g_holiday));
      if (holiday == nullptr) return false;
      date.form = DateForm::holiday;
      date.holiday = *holiday;
      if (has(g_year)) {
        date.year = number_after(group(g_year), 0);
      } else if (has(g_rel)) {
        const int offset = relative_offset(group(g_rel));
        date.direction = offset == 0 ? 2 : offset;
      }
      break;
    }
    case Handler::present_ref:
    case Handler::past_ref:
    case Handler::future_ref: {
      date.form = DateForm::reference;
      date.index = handler == Handler::present_ref ? 1 : handler == Handler::past_ref ? 2 : 3;
      if (handler == Handler::past_ref && FoldedKey(text.substr(match.start, match.end - match.start)).view() == "the past") {
        // "the past two months", "the past year": a span of time, not the past.
        const std::string word = next_word(text, match.end);
        double value = 0;
        bool ordinal = false;
        static constexpr std::string_view kSpanWords[] = {"year", "years", "month", "months", "week", "weeks",
            "day", "days", "decade", "decades", "quarter", "quarters", "century", "few", "several", "couple"};
        for (std::string_view span : kSpanWords) {
          if (word == span) return false;
        }
        if (numbers_.parse_words(word, value, ordinal) || number_after(text, match.end) >= 0) return false;
      }
      break;
    }
    case Handler::anaphor: {  // the quarter, the latest period, that year
      date.form = DateForm::anaphor;
      date.unit = unit_of(group(g_unit));
      if (match.end < text.size() && text[match.end] == '-') return false;  // "the year-ago"
      if (has(g_year)) date.year = number_after(group(g_year), 0);  // "the 1988 period"
      if (FoldedKey(text.substr(match.start, 4)).view() == "that" ||
          FoldedKey(text.substr(match.start, match.end - match.start)).view().find("same") != std::string_view::npos) {
        date.count = 1;  // a period named before, not the one in focus
      }
      if (date.unit == PeriodUnit::quarter) {  // "the quarter ended Sept. 30"
        std::size_t end = 0;
        const std::string verb = next_word(text, match.end, &end);
        if (verb == "ended" || verb == "ending") {
          std::size_t month_end = end;
          while (month_end < text.size() && text[month_end] == ' ') ++month_end;
          std::size_t word_start = month_end;
          while (month_end < text.size() && (is_letter(text[month_end]) || text[month_end] == '.')) ++month_end;
          date.month = month_number(text.substr(word_start, month_end - word_start));
          date.day = number_after(text, month_end);
          if (date.month == 0 || date.day < 1 || date.day > days_in_month(2000, date.month)) date.month = date.day = 0;
        }
      }
      break;
    }
    case Handler::comparison: {  // a year earlier, the year-ago quarter, year-earlier profit
      date.form = DateForm::comparison;
      date.unit = has(g_unit) ? unit_of(group(g_unit)) : PeriodUnit::focus;
      if (has(g_quarter)) {
        date.index = ordinal_index(group(g_quarter));
        date.unit = PeriodUnit::quarter;
      }
      break;
    }
    case Handler::period_cue:
      date.form = DateForm::period_cue;
      date.unit = PeriodUnit::year;
      break;
    default:
      return false;
  }
  out = date;
  return true;
}

}  // namespace newsmine
