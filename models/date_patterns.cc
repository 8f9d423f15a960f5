#include "models/date_patterns.h"

#include <algorithm>
#include <utility>

#include "models/civil_date.h"
#include "models/rule_files.h"
#include "models/text_context.h"

namespace newsmine {
namespace {

constexpr const char* kRulesFile = "dates.rules";

std::string upper(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

// "Sept." -> "sept": the key month and weekday forms are looked up by.
std::string form_key(std::string_view text) {
  std::string key = normalize_key(text);
  while (!key.empty() && key.back() == '.') key.pop_back();
  return key;
}

// The number of the month or weekday form `text` ("Sept.", "SEPT") in
// `forms` (keyed by form_key), or 0.
int form_number(const WordMap<int>& forms, std::string_view text) {
  const FoldedKey key(text);
  std::string_view folded = key.view();
  while (!folded.empty() && folded.back() == '.') folded.remove_suffix(1);
  const int* number = find_folded(forms, folded);
  return number != nullptr ? *number : 0;
}

int to_int(std::string_view digits) {
  int value = 0;
  for (char c : digits) {
    if (c < '0' || c > '9') return -1;
    if (value > 100000) return -1;
    value = value * 10 + (c - '0');
  }
  return digits.empty() ? -1 : value;
}

int first_digit(std::string_view text) {
  for (char c : text) {
    if (c >= '0' && c <= '9') return c - '0';
  }
  return -1;
}

// True when text[.., start) ends with "mid-", "pre-" or "post-": "mid-1996".
bool year_prefix(std::string_view text, std::size_t start) {
  for (std::string_view prefix : {"mid-", "pre-", "post-", "Mid-", "Pre-", "Post-"}) {
    if (start >= prefix.size() && text.substr(start - prefix.size(), prefix.size()) == prefix &&
        (start == prefix.size() || !is_ascii_letter(static_cast<unsigned char>(text[start - prefix.size() - 1])))) {
      return true;
    }
  }
  return false;
}

// A year written as a bare number must not be money, a decimal or a percentage.
bool year_number_ok(std::string_view text, std::size_t start, std::size_t end) {
  if (is_currency_symbol(previous_codepoint(text, start, /*skip_spaces=*/true))) return false;
  if (year_prefix(text, start)) {  // glued on the left by design; the right must still be free
    const char32_t after = next_codepoint(text, end);
    if (is_ascii_digit(after) || is_ascii_letter(after)) return false;
  } else if (number_is_glued(text, start, end)) {
    return false;
  }
  return !percent_follows(text, end);
}

}  // namespace

// "fell on April 2 to 3.775 billion", "on March 3 to 5 pct": the second number
// of a day range continues as an amount, so the range is a date and a number.
bool DatePatterns::second_day_reads_on(std::string_view text, std::size_t end) const {
  if (number_glued_after(text, end) || percent_follows(text, end)) return true;
  const std::string_view word = word_after(text, end);
  return !word.empty() && numbers_.find_scale(word) != nullptr;
}

Status DatePatterns::load(const ModelData& data, bool day_first, std::unique_ptr<const DatePatterns>& out) {
  std::unique_ptr<DatePatterns> patterns(new DatePatterns());
  patterns->day_first_ = day_first;
  if (Status s = NumberLexicon::load(data, patterns->numbers_); !s.ok()) return s;
  if (Status s = patterns->load_word_lists(data); !s.ok()) return s;
  if (Status s = patterns->load_holidays(data); !s.ok()) return s;

  AlternationOptions exact;  // names match as written (and in upper case, added below)
  exact.fold_lowercase = false;
  RuleSet::Placeholders placeholders;
  placeholders["MONTH"] = word_alternation(patterns->month_forms_, exact);
  placeholders["MONTH_NAME"] = word_alternation(patterns->month_names_, exact);
  placeholders["WEEKDAY"] = word_alternation(patterns->weekday_forms_, exact);
  placeholders["SEASON"] = word_alternation(patterns->season_words_);
  placeholders["HOLIDAY"] = word_alternation(patterns->holiday_names_, exact);
  placeholders["ORDINAL"] = patterns->numbers_.ordinal_words_pattern();
  placeholders["YEAR"] = "(?:19|20)\\d\\d";
  placeholders["DAY"] = "(?:0?[1-9]|[12]\\d|3[01])";
  placeholders["COUNT"] = "(?:\\d{1,3}|" + patterns->numbers_.cardinal_words_pattern() + "|(?i:an|a))";
  placeholders["REL"] = "(?i:this|last|next|current|previous)";
  placeholders["TO"] = "(?:-|–|—|\\s+(?i:to|through|till|until)\\s+)";
  placeholders["DASH"] = "(?:-|–|—)";

  if (Status s = RuleSet::load(data, kRulesFile, placeholders, patterns->rules_); !s.ok()) return s;
  if (Status s = patterns->bind_rules(); !s.ok()) return s;
  out = std::move(patterns);
  return {};
}

Status DatePatterns::load_word_lists(const ModelData& data) {
  std::vector<TableRow> rows;
  if (Status s = read_table(data, "months.txt", 2, rows); !s.ok()) return s;
  for (const TableRow& row : rows) {
    const int number = to_int(row.fields[0]);
    if (number < 1 || number > 12) return data_error("months.txt", row.line, "month number must be 1..12");
    month_names_.push_back(row.fields[1]);
    month_names_.push_back(upper(row.fields[1]));
    for (std::size_t i = 1; i < row.fields.size(); ++i) {
      month_forms_.push_back(row.fields[i]);
      month_forms_.push_back(upper(row.fields[i]));
      months_[form_key(row.fields[i])] = number;
    }
  }
  if (months_.size() < 12) return data_error("months.txt", 1, "expected twelve months");
  if (Status s = read_table(data, "weekdays.txt", 2, rows); !s.ok()) return s;
  for (const TableRow& row : rows) {
    const int number = to_int(row.fields[0]);
    if (number < 1 || number > 7) return data_error("weekdays.txt", row.line, "weekday number must be 1..7");
    for (std::size_t i = 1; i < row.fields.size(); ++i) {
      weekday_forms_.push_back(row.fields[i]);
      weekday_forms_.push_back(upper(row.fields[i]));
      weekdays_[form_key(row.fields[i])] = number;
    }
  }
  if (Status s = read_table(data, "seasons.tsv", 2, rows); !s.ok()) return s;
  static constexpr std::string_view kCodes[] = {"SP", "SU", "FA", "WI"};
  for (const TableRow& row : rows) {
    int index = 0;
    for (int i = 0; i < 4; ++i) {
      if (row.fields[1] == kCodes[i]) index = i + 1;
    }
    if (index == 0) return data_error("seasons.tsv", row.line, "season code must be SP, SU, FA or WI");
    season_words_.push_back(row.fields[0]);
    seasons_[normalize_key(row.fields[0])] = index;
  }
  return {};
}

Status DatePatterns::load_holidays(const ModelData& data) {
  std::vector<TableRow> rows;
  if (Status s = read_table(data, "holidays.tsv", 2, rows); !s.ok()) return s;
  for (const TableRow& row : rows) {
    const std::string& when = row.fields[1];
    Holiday holiday;
    if (when.starts_with("easter")) {
      holiday.easter = true;
      const std::string_view offset = std::string_view(when).substr(6);
      if (offset.size() < 2 || (offset[0] != '+' && offset[0] != '-') || to_int(offset.substr(1)) < 0) {
        return data_error("holidays.tsv", row.line, "expected easter+N or easter-N");
      }
      holiday.offset = (offset[0] == '-' ? -1 : 1) * to_int(offset.substr(1));
    } else {
      const bool shape = (when.size() == 5 || (when.size() == 7 && when[5] == '+')) && when[2] == '-';
      holiday.month = shape ? to_int(when.substr(0, 2)) : -1;
      holiday.day = shape ? to_int(when.substr(3, 2)) : -1;
      holiday.weekday = shape && when.size() == 7 ? to_int(when.substr(6, 1)) : 0;
      if (holiday.month < 1 || holiday.month > 12 || holiday.day < 1 || holiday.day > days_in_month(2000, holiday.month) ||
          holiday.weekday < 0 || holiday.weekday > 7) {
        return data_error("holidays.tsv", row.line, "expected MM-DD, MM-DD+W or easter+N");
      }
    }
    holiday_names_.push_back(row.fields[0]);
    holiday_names_.push_back(upper(row.fields[0]));
    holidays_[normalize_key(row.fields[0])] = holiday;
  }
  return {};
}

Status DatePatterns::bind_rules() {
  static const std::vector<RuleSet::Handler> kHandlers = {
      {"date", static_cast<int>(Handler::date), {"month", "day"}},
      {"date_numeric", static_cast<int>(Handler::date_numeric), {"num1", "num2", "year"}},
      {"month", static_cast<int>(Handler::month), {"month"}},
      {"day_range", static_cast<int>(Handler::day_range), {"month", "day", "day2"}},
      {"month_range", static_cast<int>(Handler::month_range), {"month", "month2"}},
      {"year_range", static_cast<int>(Handler::year_range), {"year", "year2"}},
      {"year", static_cast<int>(Handler::year), {"year"}},
      {"decade", static_cast<int>(Handler::decade), {"decade"}},
      {"quarter", static_cast<int>(Handler::quarter), {}},
      {"half", static_cast<int>(Handler::half), {"half"}},
      {"relative_year", static_cast<int>(Handler::relative_year), {"rel"}},
      {"relative_month", static_cast<int>(Handler::relative_month), {"rel"}},
      {"relative_week", static_cast<int>(Handler::relative_week), {"rel"}},
      {"relative_day", static_cast<int>(Handler::relative_day), {"day_word"}},
      {"ago", static_cast<int>(Handler::ago), {"count", "unit"}},
      {"weekday", static_cast<int>(Handler::weekday), {"weekday"}},
      {"season", static_cast<int>(Handler::season), {"season"}},
      {"not_date", static_cast<int>(Handler::not_date), {}},
      {"year_end", static_cast<int>(Handler::year_end), {}},
      {"year_words", static_cast<int>(Handler::year_words), {"century"}},
      {"decade_words", static_cast<int>(Handler::decade_words), {"decade"}},
      {"century", static_cast<int>(Handler::century), {"count"}},
      {"holiday", static_cast<int>(Handler::holiday), {"holiday"}},
      {"present_ref", static_cast<int>(Handler::present_ref), {}},
      {"past_ref", static_cast<int>(Handler::past_ref), {}},
      {"future_ref", static_cast<int>(Handler::future_ref), {}},
      {"anaphor", static_cast<int>(Handler::anaphor), {"unit"}},
      {"comparison", static_cast<int>(Handler::comparison), {}},
      {"period_cue", static_cast<int>(Handler::period_cue), {}},
  };
  static const std::vector<std::string_view> kGroupNames = {"year", "year2", "month", "month2", "day", "day2", "rel",
      "weekday", "quarter", "half", "decade", "season", "count", "unit", "day_word", "num1", "num2", "century",
      "holiday"};
  std::vector<RuleSet::Binding> bindings;
  if (Status s = rules_->bind(kRulesFile, kHandlers, kGroupNames, bindings); !s.ok()) return s;
  compiled_.resize(bindings.size());
  for (std::size_t r = 0; r < bindings.size(); ++r) {
    compiled_[r].handler = static_cast<Handler>(bindings[r].handler);
    std::copy(bindings[r].groups.begin(), bindings[r].groups.end(), compiled_[r].groups.begin());
    if (compiled_[r].handler == Handler::quarter && compiled_[r].groups[g_quarter] < 0 && compiled_[r].groups[g_rel] < 0) {
      return data_error(kRulesFile, rules_->rules()[r].line, "rule 'quarter' needs a group (?P<quarter>...) or (?P<rel>...)");
    }
  }
  return {};
}

int DatePatterns::month_number(std::string_view text) const {
  const int digits = to_int(text);
  if (digits >= 1 && digits <= 12) return digits;
  return form_number(months_, text);
}

int DatePatterns::weekday_number(std::string_view text) const { return form_number(weekdays_, text); }

int DatePatterns::relative_offset(std::string_view text) const {
  const FoldedKey folded(text);
  const std::string_view key = folded.view();
  if (key == "last" || key == "previous" || key == "past" || key == "this past") return -1;
  if (key == "next") return 1;
  return 0;  // this, current, coming
}

std::string_view DatePatterns::group_text(const RuleMatch& match, const CompiledRule& rule, Group g) const {
  const int index = rule.groups[g];
  return index < 0 ? std::string_view() : match.groups[static_cast<std::size_t>(index)];
}

bool DatePatterns::parse(std::string_view text, const RuleMatch& match, ParsedDate& out) const {
  const CompiledRule& rule = compiled_[static_cast<std::size_t>(match.rule)];
  if (rule.handler >= Handler::year_words) return parse_phrase(rule.handler, text, match, rule, out);
  auto group = [&](Group g) -> std::string_view {
    const int index = rule.groups[g];
    return index < 0 ? std::string_view() : match.groups[static_cast<std::size_t>(index)];
  };
  auto has = [&](Group g) { return group(g).data() != nullptr && !group(g).empty(); };
  auto offset_of = [&](std::string_view part) { return static_cast<std::size_t>(part.data() - text.data()); };

  ParsedDate date;
  // A year said as "this/last/next year" in the same expression.
  auto read_year = [&](Group g) {
    if (has(g)) {
      date.year = to_int(group(g));
    } else if (has(g_rel)) {
      date.year_offset = true;
      date.count = relative_offset(group(g_rel));
    }
  };

  switch (rule.handler) {
    case Handler::date:
    case Handler::month: {
      date.form = DateForm::calendar;
      date.month = month_number(group(g_month));
      if (date.month == 0) return false;
      if (has(g_weekday)) {  // "Saturday, April 25": the weekday picks the year
        date.index = weekday_number(group(g_weekday));
      }
      if (rule.handler == Handler::date) {
        date.day = to_int(group(g_day));
        if (date.day < 1 || date.day > days_in_month(2000, date.month)) return false;  // 2000: Feb 29 allowed
      }
      if (has(g_year)) {
        date.year = to_int(group(g_year));
        if (date.day > 0 && !is_valid({date.year, date.month, date.day})) return false;
      } else if (has(g_rel)) {
        const bool year_follows = rule.groups[g_rel] >= 0 && offset_of(group(g_rel)) > offset_of(group(g_month));
        if (year_follows) {
          read_year(g_year);
        } else {
          const int offset = relative_offset(group(g_rel));
          date.direction = offset == 0 ? 2 : offset;  // "this March" / "last March" / "next March"
        }
      }
      break;
    }
    case Handler::date_numeric: {  // 05/20/2021, or 20/05/2021 read day first
      date.form = DateForm::calendar;
      const int first = to_int(group(g_num1)), second = to_int(group(g_num2));
      date.month = day_first_ ? second : first;
      date.day = day_first_ ? first : second;
      date.year = to_int(group(g_year));
      if (!is_valid({date.year, date.month, date.day})) return false;
      if (number_is_glued(text, match.start, match.end)) return false;
      break;
    }
    case Handler::day_range: {
      date.form = DateForm::range;
      date.month = month_number(group(g_month));
      date.month2 = has(g_month2) ? month_number(group(g_month2)) : date.month;
      date.day = to_int(group(g_day));
      date.day2 = to_int(group(g_day2));
      if (date.month == 0 || date.month2 == 0) return false;
      if (date.day > days_in_month(2000, date.month) || date.day2 > days_in_month(2000, date.month2)) return false;
      if (date.month2 < date.month || (date.month2 == date.month && date.day2 <= date.day)) return false;
      if (!has(g_year) && second_day_reads_on(text, offset_of(group(g_day2)) + group(g_day2).size())) return false;
      if (has(g_year)) {
        date.year = date.year2 = to_int(group(g_year));
        if (!is_valid({date.year, date.month, date.day}) || !is_valid({date.year, date.month2, date.day2})) return false;
      }
      break;
    }
    case Handler::month_range: {
      date.form = DateForm::range;
      date.month = month_number(group(g_month));
      date.month2 = month_number(group(g_month2));
      if (date.month == 0 || date.month2 == 0) return false;
      date.year2 = has(g_year2) ? to_int(group(g_year2)) : 0;
      date.year = has(g_year) ? to_int(group(g_year)) : date.year2;
      if (date.year == date.year2 && date.month2 <= date.month) return false;
      if (date.year2 != 0 && date.year > date.year2) return false;
      break;
    }
    case Handler::year_range: {
      date.form = DateForm::range;
      date.year = to_int(group(g_year));
      std::string_view second = group(g_year2);
      date.year2 = to_int(second);
      if (second.size() == 2) date.year2 += date.year / 100 * 100;
      if (date.year2 <= date.year || date.year2 - date.year > 50) return false;
      if (!year_number_ok(text, offset_of(group(g_year)), offset_of(second) + second.size())) return false;
      break;
    }
    case Handler::year: {
      date.form = DateForm::year;
      date.year = to_int(group(g_year));
      if (!year_number_ok(text, offset_of(group(g_year)), offset_of(group(g_year)) + group(g_year).size())) return false;
      break;
    }
    case Handler::decade: {
      date.form = DateForm::decade;
      date.year = to_int(group(g_decade));
      if (date.year < 100) date.year += 1900;  // "the '80s"
      if (is_currency_symbol(previous_codepoint(text, offset_of(group(g_decade)), true))) return false;
      break;
    }
    case Handler::quarter:
    case Handler::half: {
      const bool quarter = rule.handler == Handler::quarter;
      date.form = quarter ? DateForm::quarter : DateForm::half;
      const std::string_view which = group(quarter ? g_quarter : g_half);
      if (which.data() == nullptr) {  // "this quarter", "last quarter"
        date.index = 0;
        date.count = relative_offset(group(g_rel));
        break;
      }
      date.index = first_digit(which);
      if (date.index < 0) {
        double value = 0;
        bool ordinal = false;
        if (!numbers_.parse_words(which, value, ordinal)) return false;
        date.index = static_cast<int>(value);
      }
      if (date.index < 1 || date.index > (quarter ? 4 : 2)) return false;
      read_year(g_year);
      break;
    }
    case Handler::relative_year:
    case Handler::relative_month:
    case Handler::relative_week: {
      date.form = rule.handler == Handler::relative_year    ? DateForm::relative_year
                  : rule.handler == Handler::relative_month ? DateForm::relative_month
                                                            : DateForm::relative_week;
      date.count = relative_offset(group(g_rel));
      break;
    }
    case Handler::relative_day: {
      date.form = DateForm::relative_day;
      const FoldedKey word(group(g_day_word));
      date.count = word.view() == "yesterday" ? -1 : word.view() == "tomorrow" ? 1 : 0;
      break;
    }
    case Handler::ago: {
      std::string_view count_text = group(g_count);
      int count = to_int(count_text);
      if (count < 0) {
        const FoldedKey key(count_text);
        double value = 0;
        bool ordinal = false;
        if (key.view() == "a" || key.view() == "an") {
          count = 1;
        } else if (numbers_.parse_words(count_text, value, ordinal) && !ordinal && value >= 1 && value <= 1000) {
          count = static_cast<int>(value);
        } else {
          return false;
        }
      }
      const FoldedKey folded_unit(group(g_unit));
      const std::string_view unit = folded_unit.view();
      if (unit.starts_with("day")) {
        date.form = DateForm::relative_day;
        date.count = -count;
      } else if (unit.starts_with("week")) {
        date.form = DateForm::relative_day;
        date.count = -7 * count;
      } else if (unit.starts_with("decade")) {
        date.form = DateForm::relative_year;
        date.count = -10 * count;
      } else if (unit.starts_with("month")) {
        date.form = DateForm::relative_month;
        date.count = -count;
      } else {
        date.form = DateForm::relative_year;
        date.count = -count;
      }
      break;
    }
    case Handler::weekday: {
      date.form = DateForm::weekday;
      date.index = weekday_number(group(g_weekday));
      if (date.index == 0) return false;
      if (has(g_rel)) {
        const int offset = relative_offset(group(g_rel));
        date.direction = offset == 0 ? 2 : offset;
      }
      break;
    }
    case Handler::not_date:
      date.form = DateForm::none;
      break;
    case Handler::year_end:  // December 31, of the year the sentence points to
      date.form = DateForm::calendar;
      date.month = 12;
      date.day = 31;
      break;
    default:  // the worded forms, read by parse_phrase
      return false;
    case Handler::season: {
      date.form = DateForm::season;
      const int* season = find_word(seasons_, group(g_season));
      if (season == nullptr) return false;
      date.index = *season;
      if (has(g_year)) {
        date.year = to_int(group(g_year));
      } else if (has(g_rel)) {
        const int offset = relative_offset(group(g_rel));
        date.direction = offset == 0 ? 2 : offset;
      }
      break;
    }
  }
  out = date;
  return true;
}

}  // namespace newsmine
