#include "models/number_patterns.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include <re2/re2.h>

#include "models/number_digits.h"
#include "models/rule_files.h"
#include "models/text_context.h"

namespace newsmine {
namespace {

constexpr const char* kRulesFile = "numbers.rules";

std::string_view trim_spaces(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t' || text.front() == '\n')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\n')) text.remove_suffix(1);
  return text;
}

double scaled(double value, const NumberLexicon::Scale& scale) {
  return scale.exponent >= 0 ? scale_by_power_of_ten(value, scale.exponent) : value * scale.multiplier;
}

// An amount in a form times the form's factor ("50 cents" x 0.01), exactly for powers of ten.
double apply_factor(double value, double factor) {
  const int exponent = power_of_ten_exponent(factor);
  return exponent >= -15 && exponent <= 15 ? scale_by_power_of_ten(value, exponent) : value * factor;
}

// A '-' is a sign after a space, an opening bracket or the start of the text,
// not inside "1986-87", "COVID-19" or "--".
bool sign_stands_alone(std::string_view text, std::size_t start) {
  const char32_t before = previous_codepoint(text, start);
  if (before == 0 || before == ' ' || before == '\t' || before == '\n' || before == '\r') return true;
  return before == '(' || before == '[' || before == '"' || before == '\'' || before == '=' || before == ':' ||
         before == ';' || before == 0x201C;
}

bool ends_with_digit(std::string_view text, std::uint32_t end) {
  return end > 0 && is_ascii_digit(static_cast<unsigned char>(text[end - 1]));
}

// "percentage points": a difference of percentages, read as a plain number.
bool percentage_points(std::string_view text, std::string_view percent_word, std::uint32_t end) {
  if (!contains_ignoring_case(percent_word, "percentage")) return false;
  const std::string_view next = word_after(text, end);
  return equals_ignoring_case(next, "point") || equals_ignoring_case(next, "points");
}

// True when text[from, to) is only white space, or one hyphen with spaces
// around it when `hyphen` is allowed ("12-cent"): nothing stands between a
// number and its unit.
bool only_spaces(std::string_view text, std::uint32_t from, std::uint32_t to, bool hyphen) {
  if (from > to) return false;
  int hyphens = 0;
  for (std::uint32_t i = from; i < to; ++i) {
    const char c = text[i];
    if (c == '-' && hyphen && ++hyphens == 1) continue;
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return false;
  }
  return true;
}

bool whole_number(double value) { return value == std::floor(value) && std::fabs(value) < 1e15; }

}  // namespace

struct NumberPatterns::Match {
  std::string_view text;
  const RuleMatch& raw;
  const CompiledRule& rule;

  std::string_view group(Group g) const {
    const int index = rule.groups[g];
    return index < 0 ? std::string_view() : raw.groups[static_cast<std::size_t>(index)];
  }
  bool has(Group g) const {
    const std::string_view piece = group(g);
    return piece.data() != nullptr && !piece.empty();
  }
  std::uint32_t begin(Group g) const { return static_cast<std::uint32_t>(group(g).data() - text.data()); }
  std::uint32_t end(Group g) const { return begin(g) + static_cast<std::uint32_t>(group(g).size()); }
};

Status NumberPatterns::load(const ModelData& data, std::unique_ptr<const NumberPatterns>& out) {
  std::unique_ptr<NumberPatterns> patterns(new NumberPatterns());
  if (Status s = NumberLexicon::load(data, patterns->lexicon_); !s.ok()) return s;
  if (Status s = NumberCues::load(data, patterns->cues_); !s.ok()) return s;
  if (Status s = CurrencyTable::load(data, patterns->currencies_); !s.ok()) return s;
  patterns->phrase_ = std::make_unique<NumberPhrase>(patterns->lexicon_, patterns->cues_);

  const NumberLexicon& lexicon = patterns->lexicon_;
  const CurrencyTable& currencies = patterns->currencies_;
  RuleSet::Placeholders placeholders;
  placeholders["NUM"] = digit_number_pattern();
  placeholders["SCALE"] = lexicon.scale_pattern(/*attached=*/false);
  placeholders["SCALE_SPACED"] = lexicon.scale_pattern(NumberLexicon::ScaleUse::spaced);
  placeholders["SCALE_ATTACHED"] = lexicon.scale_pattern(/*attached=*/true);
  placeholders["CURRENCY_PREFIX"] = currencies.prefix_pattern();
  placeholders["CURRENCY_SUFFIX"] = currencies.suffix_pattern();
  placeholders["CURRENCY_SCALED"] = currencies.scaled_pattern();
  placeholders["CURRENCY_CODE"] = currencies.code_pattern();
  placeholders["CURRENCY_SUBUNIT"] = currencies.subunit_pattern();
  placeholders["NUMBER_WORDS"] = lexicon.cardinal_words_pattern();
  placeholders["SUB"] = "(?:\\d{1,2}\\b|" + lexicon.cardinal_words_pattern() + ")";
  placeholders["PHRASE"] = patterns->phrase_->pattern();
  placeholders["VULGAR"] = lexicon.vulgar_pattern();
  placeholders["PERCENT"] = "(?:\\s*%|\\s*(?i:percents|percent|per\\s+cent|percentage|pct)\\b)";
  placeholders["TO"] = "(?:\\s*(?:-|–|—)\\s*|\\s+(?i:to|and)\\s+)";

  if (Status s = RuleSet::load(data, kRulesFile, placeholders, patterns->rules_); !s.ok()) return s;
  if (Status s = patterns->bind_rules(); !s.ok()) return s;
  out = std::move(patterns);
  return {};
}

Status NumberPatterns::bind_rules() {
  static const std::vector<RuleSet::Handler> kHandlers = {
      {"money", static_cast<int>(Handler::money), {"cur"}},
      {"money_words", static_cast<int>(Handler::money), {}},
      {"money_parts", static_cast<int>(Handler::money_parts), {"cur", "sub"}},
      {"money_range", static_cast<int>(Handler::money_range), {"cur", "num", "num2"}},
      {"percent", static_cast<int>(Handler::percent), {}},
      {"percent_range", static_cast<int>(Handler::percent_range), {"num", "num2"}},
      {"percent_fraction", static_cast<int>(Handler::percent_fraction), {"numer", "denom"}},
      {"percent_of", static_cast<int>(Handler::percent_of), {"words"}},
      {"ordinal", static_cast<int>(Handler::ordinal), {"num"}},
      {"fraction", static_cast<int>(Handler::fraction), {}},
      {"power", static_cast<int>(Handler::power), {"num"}},
      {"cardinal", static_cast<int>(Handler::cardinal), {}},
  };
  static const std::vector<std::string_view> kGroupNames = {"words", "num",    "num2",  "scale", "cur",
                                                            "sub",   "subcur", "unit_scale", "sign", "whole",
                                                            "numer", "denom",  "vulgar", "exp", "pow", "ten"};
  std::vector<RuleSet::Binding> bindings;
  if (Status s = rules_->bind(kRulesFile, kHandlers, kGroupNames, bindings); !s.ok()) return s;
  compiled_.resize(bindings.size());
  for (std::size_t r = 0; r < bindings.size(); ++r) {
    compiled_[r].handler = static_cast<Handler>(bindings[r].handler);
    std::copy(bindings[r].groups.begin(), bindings[r].groups.end(), compiled_[r].groups.begin());
    const Handler handler = compiled_[r].handler;
    // A money or percent rule without groups reads the whole match as a phrase
    // and its unit; one with groups must name the amount.
    const bool has_groups = rules_->rules()[r].regex->NumberOfCapturingGroups() > 0;
    const bool needs_value = handler == Handler::money_parts || (has_groups && (handler == Handler::money ||
                             handler == Handler::percent || handler == Handler::cardinal));
    if (needs_value && compiled_[r].groups[g_num] < 0 && compiled_[r].groups[g_words] < 0) {
      const RuleSet::Rule& rule = rules_->rules()[r];
      return data_error(kRulesFile, rule.line, "rule '" + rule.name + "' needs a group (?P<num>...) or (?P<words>...)");
    }
    if (handler == Handler::fraction && compiled_[r].groups[g_vulgar] < 0 &&
        (compiled_[r].groups[g_numer] < 0 || compiled_[r].groups[g_denom] < 0)) {
      const RuleSet::Rule& rule = rules_->rules()[r];
      return data_error(kRulesFile, rule.line, "rule '" + rule.name + "' needs (?P<numer>...) and (?P<denom>...) or (?P<vulgar>...)");
    }
  }
  return {};
}

bool NumberPatterns::digits_value(std::string_view digits, std::string_view scale, double& value) const {
  scale = trim_spaces(scale);
  if (scale.empty()) return parse_digit_number(digits, value);
  using Use = NumberLexicon::ScaleUse;
  const NumberLexicon::Scale* found = lexicon_.find_scale(scale, {Use::word, Use::abbrev, Use::attached, Use::spaced});
  if (found == nullptr) return false;
  if (found->exponent >= 0) return parse_scaled_digit_number(digits, found->exponent, value);
  if (!parse_digit_number(digits, value)) return false;
  value *= found->multiplier;
  return true;
}

// Where the numbers of a match are: the phrase in the "words" group, the
// digits of "num" (with "scale"), or, for rules without groups, the whole
// match after an optional "minus"/"negative" (cheaper: RE2 then needs no
// submatch pass). `unit` is where the text after the numbers begins.
bool NumberPatterns::numbers_of(std::string_view text, const Match& m, std::vector<PhraseNumber>& numbers,
                                Body& body) const {
  numbers.clear();
  body = Body();
  if (m.has(g_words)) {
    body.start = m.begin(g_words);
    phrase_->split(text, body.start, m.end(g_words), numbers);
    body.unit = m.end(g_words);
  } else if (m.has(g_num)) {
    PhraseNumber number;
    if (!digits_value(m.group(g_num), m.group(g_scale), number.value)) return false;
    number.start = m.begin(g_num);
    number.end = m.has(g_scale) ? m.end(g_scale) : m.end(g_num);
    number.ends_with_scale = m.has(g_scale);
    number.lowercase_m = trim_spaces(m.group(g_scale)) == "m";
    number.whole = !m.has(g_scale) && whole_number(number.value);
    numbers.push_back(number);
    body.start = number.start;
    body.unit = number.end;
  } else {
    body.start = m.raw.start;
    const std::string_view head = text.substr(m.raw.start, 9);
    const char lead = head.empty() ? 0 : static_cast<char>(head.front() | 0x20);  // 'm' or 'n' in either case
    if (lead == 'm' || lead == 'n') {
      const std::string_view sign = lead == 'm' ? "minus" : "negative";
      if (head.size() > sign.size() && equals_ignoring_case(head.substr(0, sign.size()), sign) &&
          (head[sign.size()] == ' ' || head[sign.size()] == '\t' || head[sign.size()] == '\n')) {
        if (lead == 'm' && !minus_is_sign(text, m.raw.start)) return false;
        body.sign = true;
        body.start = m.raw.start + static_cast<std::uint32_t>(sign.size());
        while (body.start < m.raw.end && (text[body.start] == ' ' || text[body.start] == '\t' || text[body.start] == '\n')) ++body.start;
      }
    }
    body.unit = phrase_->split(text, body.start, m.raw.end, numbers);
  }
  if (m.has(g_sign)) {
    body.sign = true;
    const std::string_view sign = m.group(g_sign);
    body.hyphen_sign = sign == "-" || sign == "\xE2\x88\x92";
  }
  return !numbers.empty();
}

// "minus" is a sign at the start of a clause or after a word like "to", "of",
// "a", "is" ("fell to minus 5"); after a noun it subtracts ("LIBOR minus 0.5
// pct"), and "plus or minus 10" is a tolerance.
bool NumberPatterns::minus_is_sign(std::string_view text, std::uint32_t start) const {
  const std::string_view before = word_before(text, start);
  if (before.empty()) return true;
  if (!cues_.is(NumberCues::Cue::before_sign, before)) return false;
  if (!equals_ignoring_case(before, "and") && !equals_ignoring_case(before, "or")) return true;
  const std::size_t at = static_cast<std::size_t>(before.data() - text.data());
  return !equals_ignoring_case(word_before(text, at), "plus");
}

// A sign ("-1", "minus five") turns the first number negative and opens its span.
bool NumberPatterns::apply_sign(std::string_view text, const Match& m, const Body& body,
                                std::vector<PhraseNumber>& numbers) const {
  if (!body.sign) return true;
  if (numbers.empty() || numbers.front().start != body.start || numbers.front().ordinal) return false;
  if (body.hyphen_sign && !sign_stands_alone(text, m.raw.start)) return false;
  numbers.front().value = -numbers.front().value;
  numbers.front().start = m.raw.start;
  return true;
}

// A lone "one" after "which", "the", "that"... is a pronoun; a bare "1m"
// before "tall" or "is" is a length.
bool NumberPatterns::keep_cardinal(std::string_view text, const PhraseNumber& number) const {
  if (number.lone_one && cues_.is(NumberCues::Cue::pronoun, word_before(text, number.start))) {
    const std::string_view next = word_after(text, number.end);
    const char c = next_non_space(text, number.end);
    const bool punctuation = c == 0 || c == '.' || c == ',' || c == ';' || c == ':' || c == '?' || c == '!' ||
                             c == ')' || c == '(' || c == '"';
    if (next.empty() ? punctuation : cues_.is(NumberCues::Cue::after_pronoun, next)) return false;
  }
  if (number.lowercase_m && cues_.is(NumberCues::Cue::length, word_after(text, number.end))) return false;
  return true;
}

void NumberPatterns::add_cardinals(std::string_view text, const std::vector<PhraseNumber>& numbers, std::size_t count,
                                   std::vector<NumberMention>& out) const {
  for (std::size_t k = 0; k < count && k < numbers.size(); ++k) {
    const PhraseNumber& number = numbers[k];
    if (!keep_cardinal(text, number)) continue;
    NumberMention mention;
    mention.start = number.start;
    mention.end = number.end;
    mention.value = number.value;
    mention.kind = number.ordinal ? NumberKind::ordinal : NumberKind::cardinal;
    out.push_back(std::move(mention));
  }
}

bool NumberPatterns::parse(std::string_view text, const RuleMatch& match, std::vector<NumberMention>& out) const {
  const CompiledRule& rule = compiled_[static_cast<std::size_t>(match.rule)];
  const Match m{text, match, rule};
  // A space before is never glue; the letter before the end is tested before the one after it.
  const bool space_before = match.start > 0 && (text[match.start - 1] == ' ' || text[match.start - 1] == '\n');
  if (!space_before && !m.has(g_sign) && number_glued_before(text, match.start)) return false;
  if (ends_with_digit(text, match.end) ? number_glued_after(text, match.end)
                                       : is_ascii_letter(static_cast<unsigned char>(text[match.end - 1])) &&
                                             is_ascii_letter(next_codepoint(text, match.end))) {
    return false;
  }
  switch (rule.handler) {
    case Handler::money: return parse_money(text, m, out);
    case Handler::money_parts: return parse_money_parts(text, m, out);
    case Handler::money_range: return parse_money_range(m, out);
    case Handler::percent:
    case Handler::percent_range: return parse_percent(text, m, out);
    case Handler::percent_fraction:
    case Handler::fraction: return parse_fraction(text, m, out);
    case Handler::percent_of: return parse_percent_of(text, m, out);
    case Handler::power: return parse_power(text, m, out);
    case Handler::ordinal: {
      NumberMention mention;
      mention.start = match.start;
      mention.end = match.end;
      mention.kind = NumberKind::ordinal;
      if (!digits_value(m.group(g_num), {}, mention.value)) return false;
      out.push_back(std::move(mention));
      return true;
    }
    case Handler::cardinal: return parse_cardinal(text, m, out);
  }
  return false;
}

bool NumberPatterns::parse_money(std::string_view text, const Match& m, std::vector<NumberMention>& out) const {
  thread_local std::vector<PhraseNumber> numbers;
  Body body;
  if (!numbers_of(text, m, numbers, body)) return false;
  // The currency: its group, or (rules without groups) the text after the numbers.
  std::uint32_t cur_start = 0, cur_end = m.raw.end;
  if (m.has(g_cur)) {
    cur_start = m.begin(g_cur);
    cur_end = m.end(g_cur);
  } else {
    cur_start = body.unit;
    while (cur_start < m.raw.end && (text[cur_start] == ' ' || text[cur_start] == '\t' || text[cur_start] == '\n' ||
                                     text[cur_start] == '-')) {
      ++cur_start;
    }
  }
  const CurrencyTable::Form* form = currencies_.find(text.substr(cur_start, cur_end - cur_start));
  if (form == nullptr) return false;
  if (body.sign && (numbers.size() != 1 || !apply_sign(text, m, body, numbers))) return false;  // "minus 876 mln dlrs"
  const PhraseNumber& last = numbers.back();
  const bool currency_first = cur_start < numbers.front().start;
  if (last.ordinal || (!currency_first && !only_spaces(text, last.end, cur_start, /*hyphen=*/true))) return false;
  if (currency_first && numbers.size() != 1) return false;
  if (form->position == CurrencyTable::Position::scaled && !last.ends_with_scale) return false;
  if (!currency_first && is_ascii_digit(next_codepoint(text, cur_end))) return false;  // "1 $10": the $ is 10's
  double value = last.value;
  if (m.has(g_unit_scale)) {  // "75 USD million"
    const NumberLexicon::Scale* scale = lexicon_.find_scale(m.group(g_unit_scale));
    if (!form->is_code || scale == nullptr || last.ends_with_scale) return false;
    value = scaled(value, *scale);
  }
  add_cardinals(text, numbers, numbers.size() - 1, out);
  NumberMention mention;
  mention.start = currency_first ? m.raw.start : last.start;
  mention.end = m.raw.end;
  mention.value = apply_factor(value, form->factor);
  mention.unit = form->code;
  mention.kind = NumberKind::money;
  out.push_back(std::move(mention));
  return true;
}

// "3 dollars 50 cents" = 3.50 USD; a sub-amount without a cents word only
// when nothing but punctuation or a word like "more" follows ("15 USD 50
// more"), not another amount ("50 dollar 40 rmb") or a noun ("$100 and 50 shares").
bool NumberPatterns::parse_money_parts(std::string_view text, const Match& m, std::vector<NumberMention>& out) const {
  const CurrencyTable::Form* form = currencies_.find(m.group(g_cur));
  if (form == nullptr || form->factor != 1) return false;
  thread_local std::vector<PhraseNumber> numbers;
  Body body;
  if (!numbers_of(text, m, numbers, body) || numbers.size() != 1 || !numbers.front().whole) return false;
  const PhraseNumber main = numbers.front();
  if (main.value >= 1000) return false;  // "918,000 dlrs 38 cts" is a sum and a per-share figure
  if (m.has(g_words) && (main.start != m.begin(g_words) || !only_spaces(text, main.end, m.begin(g_cur), true))) return false;
  numbers.clear();
  phrase_->split(text, m.begin(g_sub), m.end(g_sub), numbers);
  if (numbers.size() != 1 || numbers.front().start != m.begin(g_sub) || numbers.front().end != m.end(g_sub)) return false;
  const double cents = numbers.front().value;
  if (!numbers.front().whole || cents <= 0 || cents >= 100) return false;
  if (m.has(g_subcur)) {
    const CurrencyTable::Form* subunit = currencies_.find(m.group(g_subcur));
    if (subunit == nullptr || subunit->factor != 0.01) return false;
  } else {
    const std::string_view next = word_after(text, m.raw.end);
    if (!next.empty() && !cues_.is(NumberCues::Cue::after_cents, next)) return false;
    std::size_t pos = m.raw.end;
    while (pos < text.size() && (text[pos] == ' ' || text[pos] == '\t')) ++pos;
    const char32_t c = next_codepoint(text, pos);
    if (is_ascii_digit(c) || is_currency_symbol(c)) return false;
  }
  NumberMention mention;
  mention.start = m.begin(g_cur) < main.start ? m.raw.start : main.start;
  mention.end = m.raw.end;
  mention.value = scale_by_power_of_ten(main.value * 100 + cents, -2);
  mention.unit = form->code;
  mention.kind = NumberKind::money;
  out.push_back(std::move(mention));
  return true;
}

bool NumberPatterns::parse_money_range(const Match& m, std::vector<NumberMention>& out) const {
  const CurrencyTable::Form* form = currencies_.find(m.group(g_cur));
  if (form == nullptr) return false;
  NumberMention first;
  first.kind = NumberKind::money;
  first.unit = form->code;
  NumberMention second = first;
  if (!digits_value(m.group(g_num), m.group(g_scale), first.value)) return false;
  if (!digits_value(m.group(g_num2), m.group(g_scale), second.value)) return false;
  first.value = apply_factor(first.value, form->factor);
  second.value = apply_factor(second.value, form->factor);
  first.start = m.raw.start;
  first.end = m.end(g_num);
  second.start = m.begin(g_num2);
  second.end = m.raw.end;
  out.push_back(std::move(first));
  out.push_back(std::move(second));
  return true;
}

bool NumberPatterns::parse_percent(std::string_view text, const Match& m, std::vector<NumberMention>& out) const {
  if (m.rule.handler == Handler::percent_range) {
    NumberMention first;
    first.kind = NumberKind::percent;
    first.unit = "percent";
    NumberMention second = first;
    if (!digits_value(m.group(g_num), {}, first.value) || !digits_value(m.group(g_num2), {}, second.value)) return false;
    if (percentage_points(text, text.substr(m.end(g_num2), m.raw.end - m.end(g_num2)), m.raw.end)) return false;
    first.start = m.raw.start;
    first.end = m.end(g_num);
    second.start = m.begin(g_num2);
    second.end = m.raw.end;
    out.push_back(std::move(first));
    out.push_back(std::move(second));
    return true;
  }
  thread_local std::vector<PhraseNumber> numbers;
  Body body;
  if (!numbers_of(text, m, numbers, body) || !apply_sign(text, m, body, numbers)) return false;
  const PhraseNumber& last = numbers.back();
  if (last.ordinal || !only_spaces(text, last.end, body.unit, /*hyphen=*/false)) return false;
  if (percentage_points(text, text.substr(body.unit, m.raw.end - body.unit), m.raw.end)) return false;
  add_cardinals(text, numbers, numbers.size() - 1, out);
  NumberMention mention;
  mention.start = last.start;
  mention.end = m.raw.end;
  mention.value = last.value;
  mention.unit = "percent";
  mention.kind = NumberKind::percent;
  out.push_back(std::move(mention));
  return true;
}

// "percent of 10", "per cent of twenty-two": only where no word comes before
// ("a small percent of 10,000 respondents" is no percentage of 10,000).
bool NumberPatterns::parse_percent_of(std::string_view text, const Match& m, std::vector<NumberMention>& out) const {
  const char32_t before = previous_codepoint(text, m.raw.start, /*skip_spaces=*/true);
  if (is_ascii_letter(before) || is_ascii_digit(before) || before == '%') return false;
  thread_local std::vector<PhraseNumber> numbers;
  Body body;
  if (!numbers_of(text, m, numbers, body)) return false;
  const PhraseNumber& first = numbers.front();
  if (first.ordinal || first.start != m.begin(g_words)) return false;
  NumberMention mention;
  mention.start = m.raw.start;
  mention.end = first.end;
  mention.value = first.value;
  mention.unit = "percent";
  mention.kind = NumberKind::percent;
  out.push_back(std::move(mention));
  const std::vector<PhraseNumber> rest(numbers.begin() + 1, numbers.end());
  add_cardinals(text, rest, rest.size(), out);
  return true;
}

// "7-3/4", "3/4", "-4/5", "⅔", "7½", and with a percent sign "8-1/4 pct".
bool NumberPatterns::parse_fraction(std::string_view text, const Match& m, std::vector<NumberMention>& out) const {
  double whole = 0, value = 0;
  if (m.has(g_whole) && !digits_value(m.group(g_whole), {}, whole)) return false;
  if (m.has(g_vulgar)) {
    bool plural = false;
    const NumberLexicon::Word* word = lexicon_.find_word(m.group(g_vulgar), plural);
    if (word == nullptr || word->kind != NumberLexicon::WordKind::vulgar) return false;
    value = whole + word->value;
  } else {
    double numer = 0, denom = 0;
    if (!digits_value(m.group(g_numer), {}, numer) || !digits_value(m.group(g_denom), {}, denom)) return false;
    if (denom < 2 || denom > 100 || numer <= 0 || numer >= denom) return false;  // not "24/7", not "2023/24"
    value = whole + numer / denom;
  }
  NumberMention mention;
  mention.start = m.raw.start;
  mention.end = m.raw.end;
  mention.value = value;
  mention.kind = NumberKind::cardinal;
  if (m.has(g_sign)) {
    if (!sign_stands_alone(text, m.raw.start)) return false;
    mention.value = -value;
  }
  if (m.rule.handler == Handler::percent_fraction) {
    if (percentage_points(text, text.substr(m.end(g_denom), m.raw.end - m.end(g_denom)), m.raw.end)) return false;
    mention.kind = NumberKind::percent;
    mention.unit = "percent";
  }
  out.push_back(std::move(mention));
  return true;
}

// "1.3e6", "1.3x10^6", "1.1^23", "2.5^-1", "-1.1^--23" (a doubled sign cancels).
bool NumberPatterns::parse_power(std::string_view text, const Match& m, std::vector<NumberMention>& out) const {
  double base = 0;
  if (!digits_value(m.group(g_num), {}, base)) return false;
  if (m.has(g_ten) && m.group(g_ten) != "10") return false;  // "1.3x10^6" only
  double value = 0;
  if (m.has(g_exp)) {
    std::string_view exponent = m.group(g_exp);
    if (exponent.front() == '+') exponent.remove_prefix(1);
    double power = 0;
    if (!digits_value(exponent.front() == '-' ? exponent.substr(1) : exponent, {}, power) || power > 300) return false;
    value = scale_by_power_of_ten(base, static_cast<int>(exponent.front() == '-' ? -power : power));
  } else {
    std::string_view exponent = m.group(g_pow);
    bool negative = false;
    while (!exponent.empty() && (exponent.front() == '-' || exponent.front() == '+')) {
      if (exponent.front() == '-') negative = !negative;
      exponent.remove_prefix(1);
    }
    double power = 0;
    if (!digits_value(exponent, {}, power)) return false;
    value = std::pow(base, negative ? -power : power);
  }
  if (!std::isfinite(value)) return false;
  NumberMention mention;
  mention.start = m.raw.start;
  mention.end = m.raw.end;
  mention.value = value;
  mention.kind = NumberKind::cardinal;
  if (m.has(g_sign)) {
    if (!sign_stands_alone(text, m.raw.start)) return false;
    mention.value = -value;
  }
  out.push_back(std::move(mention));
  return true;
}

bool NumberPatterns::parse_cardinal(std::string_view text, const Match& m, std::vector<NumberMention>& out) const {
  thread_local std::vector<PhraseNumber> numbers;
  Body body;
  if (!numbers_of(text, m, numbers, body) || !apply_sign(text, m, body, numbers)) return false;
  const std::size_t before = out.size();
  add_cardinals(text, numbers, numbers.size(), out);
  return out.size() > before;
}

}  // namespace newsmine
