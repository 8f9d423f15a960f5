#include "models/number_phrase.h"

#include <atomic>
#include <bit>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <iterator>
#include <limits>
#include <string>
#include <utility>

#include "models/number_digits.h"
#include "models/rule_files.h"
#include "models/text_context.h"

namespace newsmine {
namespace {

using Scale = NumberLexicon::Scale;
using Type = TokenType;
using Role = TokenRole;
using Token = NumberToken;

double scaled(double value, const Scale& scale) {
  return scale.exponent >= 0 ? scale_by_power_of_ten(value, scale.exponent) : value * scale.multiplier;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::uint32_t text_size(const NumberToken& t) { return t.end - t.start; }

bool whole_number(double value) { return value == std::floor(value); }

// A word that multiplies the count before it: "hundred", "dozens", "million".
bool takes_count(const NumberToken& t) {
  return t.type == Type::word && (t.role == Role::hundred || t.role == Role::dozen || t.role == Role::counted ||
                                  t.role == Role::scale || t.role == Role::abbrev);
}

// A token that can be such a count: "2", "two", "twenty".
bool counts(const NumberToken& t) {
  return (t.type == Type::digits && t.scale == nullptr) ||
         (t.type == Type::word && (t.role == Role::unit || t.role == Role::teen || t.role == Role::tens));
}

}  // namespace

struct NumberPhrase::Cardinal {
  double value = 0;
  bool ends_with_scale = false;
  double last_scale = 0;  // the multiplier of the last scale word, 0 when there is none
  bool whole = false;     // no scale or multiplier word: "15", "forty-five"
};

struct NumberPhrase::Fraction {
  double value = 0;
  std::size_t denominator_start = 0;  // token index
  bool singular = false;              // "a third", "one half": needs context (see fraction_context)
  bool quarter = false;               // "quarter(s)": also a period of time
  bool half = false;                  // "half", "halves": always a fraction
};

NumberPhrase::NumberPhrase(const NumberLexicon& lexicon, const NumberCues& cues)
    : lexicon_(lexicon), cues_(cues), tokenizer_(lexicon) {
  static std::atomic<std::uint32_t> next_id{1};
  id_ = next_id++;
}

NumberPhrase::~NumberPhrase() = default;

std::string NumberPhrase::pattern() const {
  using Use = NumberLexicon::ScaleUse;
  const std::string word = lexicon_.phrase_words_pattern();
  // Digits, a whole number with a fraction ("7-3/4", "7 3/4", "3/4"; not
  // "422.80/423.20"), and a scale ("3.2 bln", "5m", "1.3-billion-dlr").
  const std::string digits = "(?:(?:\\d+(?:(?:-|\\s+)\\d+/\\d+|/\\d+)|" + digit_number_pattern() + ")(?:\\s*" +
                             lexicon_.scale_pattern(Use::abbrev) + "|\\s+" + lexicon_.scale_pattern(Use::spaced) + "|" +
                             lexicon_.scale_pattern(Use::attached) + "|-" + lexicon_.scale_pattern(Use::word) +
                             ")?\\b)";
  const std::string spaced =
      "\\s+(?:(?i:and)\\s+(?:(?i:an|a)\\s+)?|(?i:of)\\s+(?i:an|a)\\s+|(?i:an|a)\\s+|(?i:point|over|in|out\\s+of)\\s+)?";
  // Each token may be followed by a joiner, the last one too: one copy of
  // the word list instead of two keeps the program (and every submatch)
  // small. A trailing joiner ("five and ") is skipped by split(), and the
  // rules check that a unit follows the last number directly. Digits take
  // no hyphen after them: "7-3/4" and "1986-87" are not phrases.
  return "(?:(?:(?i:an|a)\\s+)?(?:" + digits + "(?:" + spaced + ")?|" + word + "(?:\\s*-\\s*|" + spaced + ")?)+)";
}

// A cardinal made of tokens [i, j): "two hundred and five", "4 thousand 3
// hundred and 21", "a dozen", "three lakh crore". With `ordinal_last`, the
// last token may be an ordinal that acts as its cardinal ("twenty-first").
bool NumberPhrase::cardinal(const Tokens& t, std::size_t i, std::size_t j, bool ordinal_last, Cardinal& out) const {
  if (i >= j) return false;
  enum class Prev { none, a, digits, unit, teen, tens, hundred, dozen, scale, join_and };
  double total = 0, current = 0;
  double last_scale = std::numeric_limits<double>::infinity();
  Prev prev = Prev::none, before_and = Prev::none;
  bool digits_group = false;  // `current` is one digits token alone
  bool any_multiplier = false;
  bool closed = false;        // nothing may follow: "3.2 bln", "1.5 million", "5m"
  bool decimal_group = false;  // `current` holds digits with a fraction ("1.5")
  for (std::size_t k = i; k < j; ++k) {
    const Token& x = t[k];
    const bool last = k + 1 == j;
    const Prev effective = prev == Prev::join_and ? before_and : prev;
    if (closed) return false;  // "30 mln 5", "1.50 billion and 10"
    if (x.type == Type::join_a) {
      if (k != i || last) return false;
      prev = Prev::a;
      continue;
    }
    if (x.type == Type::join_and) {
      if (last || !(prev == Prev::hundred || prev == Prev::scale || prev == Prev::tens)) return false;
      const Token& next = t[k + 1];
      if (next.type == Type::digits) {
        // "3 hundred and 21", but not "1.66 billion and 10 pct" (digits after a scale and "and").
        if (prev != Prev::hundred || next.value == 0 || next.scale != nullptr || next.decimal) return false;
      } else if (next.type == Type::word) {
        const Role role = next.role == Role::ordinal && ordinal_last && k + 2 == j ? role_of_value(next.value) : next.role;
        const bool ok = prev == Prev::tens ? role == Role::unit : (role == Role::unit || role == Role::teen || role == Role::tens);
        if (!ok) return false;
      } else {
        return false;
      }
      before_and = prev;
      prev = Prev::join_and;
      continue;
    }
    if (x.type != Type::digits && x.type != Type::word) return false;
    if (x.type == Type::digits) {
      if (x.hyphen_before && k > i) return false;
      const bool after_group = effective == Prev::none || effective == Prev::scale || effective == Prev::hundred;
      if (!(prev == Prev::none || prev == Prev::scale || (prev == Prev::join_and && after_group))) return false;
      if (x.decimal && prev != Prev::none) return false;
      if (prev == Prev::join_and && before_and == Prev::hundred && x.value >= 100) return false;
      if (x.scale != nullptr) {  // "5m", "3.2bln": a whole group, and the end
        if (x.scale->multiplier >= last_scale || current != 0) return false;
        total += scaled(x.value, *x.scale);
        last_scale = x.scale->multiplier;
        prev = Prev::scale;
        closed = true;
        continue;
      }
      digits_group = current == 0;
      decimal_group = x.decimal;
      current += x.value;
      prev = Prev::digits;
      continue;
    }
    Role role = x.role;
    double value = x.value;
    if (role == Role::ordinal) {
      if (!(ordinal_last && last)) return false;
      role = role_of_value(value);
    }
    // Only units, tens and dozens ask (a libm call).
    const auto below_hundred = [&current] { return current == 0 ? 0.0 : std::fmod(current, 100); };
    switch (role) {
      case Role::zero:
        if (j != i + 1) return false;  // "zero", not "zero three"
        current = 0;
        prev = Prev::unit;
        break;
      case Role::unit:
        if (effective == Prev::digits || effective == Prev::a) return false;
        if (!(below_hundred() == 0 && effective != Prev::tens && effective != Prev::unit && effective != Prev::teen) &&
            !(effective == Prev::tens && std::fmod(below_hundred(), 10) == 0)) {
          return false;  // "six seven", "twenty thirty"
        }
        current += value;
        digits_group = false;
        prev = Prev::unit;
        break;
      case Role::teen:
      case Role::tens:
        if (effective == Prev::digits || effective == Prev::a || effective == Prev::unit || effective == Prev::teen ||
            effective == Prev::tens || below_hundred() != 0) {
          return false;
        }
        current += value;
        digits_group = false;
        prev = role == Role::teen ? Prev::teen : Prev::tens;
        break;
      case Role::hundred:
        if (effective == Prev::none || effective == Prev::a) {
          if (k != i && effective != Prev::a) return false;
          current = 100;  // "hundred", "a hundred"
        } else if (effective == Prev::digits && digits_group) {
          current = scale_by_power_of_ten(current, 2);  // "322 hundred", "2.12 hundred"
        } else if ((effective == Prev::unit || effective == Prev::teen || effective == Prev::tens) && current >= 1 &&
                   current < 100) {
          current *= 100;
        } else {
          return false;
        }
        any_multiplier = true;
        digits_group = false;
        prev = Prev::hundred;
        break;
      case Role::dozen:
      case Role::counted: {
        const bool counted = x.role == Role::counted;
        const bool has_count = effective == Prev::unit || effective == Prev::teen || effective == Prev::tens ||
                               effective == Prev::digits || effective == Prev::hundred;
        if (counted && (!has_count || !last)) return false;  // "dozens" alone is no number
        if (!has_count && effective != Prev::none && effective != Prev::a) return false;
        if (value == 100) {  // "five hundreds"
          if (!(current >= 1 && current < 100) && !(effective == Prev::digits && digits_group)) return false;
          current = scale_by_power_of_ten(current, 2);
        } else if (!has_count) {
          current = value;  // "dozen", "a dozen"
        } else if (current >= 100 && std::fmod(current, 100) != 0) {
          current = current - below_hundred() + below_hundred() * value;  // "three hundred and two dozens" = 324
        } else {
          current *= value;
        }
        any_multiplier = true;
        digits_group = false;
        prev = Prev::dozen;
        break;
      }
      case Role::abbrev:
      case Role::scale: {
        // "3.2 bln" and "five mln"; a one-letter abbreviation only after digits ("2.33 k").
        const bool after_digits = prev == Prev::digits && digits_group;
        const bool short_form = text_size(x) < 2;
        if (x.role == Role::abbrev && (x.hyphen_before || (short_form && !after_digits))) return false;
        Scale scale;
        if (x.scale != nullptr) {
          scale = *x.scale;
        } else {  // an ordinal acting as a scale: "two millionth"
          scale.multiplier = value;
          const int exponent = power_of_ten_exponent(value);
          scale.exponent = exponent >= 0 && exponent <= 15 ? exponent : -1;
        }
        const double multiplier = scale.multiplier;
        if (x.role == Role::abbrev || decimal_group) closed = true;  // "3.2 bln", "1.5 million"
        if (current == 0) {
          if (effective == Prev::scale && multiplier > last_scale) {
            total = scaled(total, scale);  // "three lakh crore", "two thousand million"
          } else if (effective == Prev::a) {
            total += multiplier;  // "a million"
          } else {
            return false;  // a bare "million"
          }
        } else {
          if (multiplier >= last_scale) return false;  // "two thousand three million"
          total += scaled(current, scale);
          current = 0;
        }
        last_scale = multiplier;
        digits_group = false;
        prev = Prev::scale;
        break;
      }
      default:
        return false;
    }
  }
  if (prev == Prev::join_and || prev == Prev::a) return false;
  if (current >= last_scale) return false;  // "two million and 6,500,000"
  out.value = total + current;
  out.ends_with_scale = prev == Prev::scale;
  out.last_scale = out.ends_with_scale ? last_scale : 0;
  out.whole = last_scale == std::numeric_limits<double>::infinity() && !any_multiplier;
  return true;
}

// A fraction made of tokens [i, j): "two thirds", "a fifth", "one hundred
// thirty fifths" (100/35), "three twenty-firsts". The denominator is the
// longest ordinal run at the end that leaves a numerator before it.
bool NumberPhrase::fraction(const Tokens& t, std::size_t i, std::size_t j, Fraction& out) const {
  if (j < i + 2) return false;
  const Token& last = t[j - 1];
  if (last.type != Type::word || (last.role != Role::ordinal && last.role != Role::fraction)) return false;
  const auto numerator = [&](std::size_t k, double& value) {
    if (k == i + 1 && t[i].type == Type::join_a) {
      value = 1;
      return true;
    }
    Cardinal c;
    if (!cardinal(t, i, k, false, c) || c.value <= 0) return false;
    value = c.value;
    return true;
  };
  const auto agree = [&](bool singular, double numer) { return singular ? numer == 1 : numer != 1; };
  if (last.role == Role::fraction) {  // "a half", "three quarters"
    double numer = 0;
    if (!numerator(j - 1, numer) || !agree(!last.plural, numer)) return false;
    out.value = numer / last.value;
    out.denominator_start = j - 1;
    out.singular = !last.plural;
    out.quarter = last.value == 4;
    out.half = last.value == 2;
    return true;
  }
  for (std::size_t k = i + 1; k < j; ++k) {
    double denominator = 0;
    if (k + 1 == j) {
      if (last.value <= 2) continue;  // "first", "second" alone are no denominators
      denominator = last.value;
    } else {
      const Token& lead = t[k];
      if (lead.type != Type::word || lead.hyphen_before ||
          !(lead.role == Role::unit || lead.role == Role::teen || lead.role == Role::tens)) {
        continue;
      }
      Cardinal c;
      if (!cardinal(t, k, j, true, c)) continue;
      denominator = c.value;
    }
    double numer = 0;
    if (!numerator(k, numer) || !agree(!last.plural, numer)) continue;
    out.value = numer / denominator;
    out.denominator_start = k;
    out.singular = !last.plural;
    out.quarter = false;
    out.half = false;
    return true;
  }
  return false;
}

// "half a million", "two thirds of a million", "quarter million", "a half dozen".
bool NumberPhrase::fraction_of_scale(const Tokens& t, std::size_t i, std::size_t j, Fraction& out,
                                     double& scale) const {
  if (j < i + 2) return false;
  const Token& last = t[j - 1];
  if (last.type != Type::word || !(last.role == Role::scale || last.role == Role::abbrev || last.role == Role::dozen ||
                                   last.role == Role::hundred)) {
    return false;
  }
  if (last.role == Role::abbrev && last.scale != nullptr && last.scale->use != NumberLexicon::ScaleUse::abbrev) return false;
  std::size_t e = j - 1;
  if (e > i && t[e - 1].type == Type::join_a) {
    --e;
    if (e > i && t[e - 1].type == Type::join_of) --e;
  }
  if (e == i + 1 && t[i].type == Type::word && t[i].role == Role::fraction && !t[i].plural) {  // "half", "quarter"
    out = Fraction();
    out.value = 1 / t[i].value;
    out.denominator_start = i;
  } else if (!fraction(t, i, e, out)) {
    return false;
  }
  scale = last.value;
  return true;
}

// Whether a singular fraction ("a third", "one quarter") or "quarters" is a
// fraction here: when hyphenated ("one-third"), or followed by "of", the end
// of the text or (but not for quarters) punctuation.
bool NumberPhrase::fraction_context(std::string_view text, const Tokens& t, const Fraction& f, std::size_t i,
                                    std::size_t j) const {
  if (f.quarter && cues_.is(NumberCues::Cue::period_before, word_before(text, t[i].start))) return false;  // "the first three quarters of 1986"
  if (f.half || !(f.singular || f.quarter)) return true;
  if (f.denominator_start + 1 == j && t[f.denominator_start].hyphen_before) return true;
  const std::size_t end = t[j - 1].end;
  const std::string_view next = word_after(text, end);
  if (!next.empty()) return equals_ignoring_case(next, "of");
  std::size_t pos = end;
  while (pos < text.size() && is_space(text[pos])) ++pos;
  if (pos == text.size()) return true;
  const char c = text[pos];
  return !f.quarter && !(c >= '0' && c <= '9');
}

// "one and a half", "3 million and a half", "five and a half million",
// "one billion and three quarters million", "two hundred and fifty-four hundredths".
bool NumberPhrase::whole_and_fraction(const Tokens& t, std::size_t i, std::size_t j, double& value) const {
  for (std::size_t a = j - 1; a > i + 0; --a) {
    if (t[a].type != Type::join_and || a + 1 >= j) continue;
    Cardinal whole;
    if (!cardinal(t, i, a, false, whole) || whole.value <= 0) continue;
    Fraction f;
    double scale = 0;
    if (fraction_of_scale(t, a + 1, j, f, scale)) {
      if (f.value >= 1) continue;
      if (whole.ends_with_scale && whole.last_scale > scale) {
        value = whole.value + f.value * scale;  // "one billion and a half million"
      } else if (whole.last_scale == 0 && whole.whole) {
        value = (whole.value + f.value) * scale;  // "five and a half million"
      } else {
        continue;
      }
      return true;
    }
    if (!fraction(t, a + 1, j, f) || f.value >= 1) continue;
    value = whole.ends_with_scale ? whole.value + f.value * whole.last_scale  // "3 million and a half"
                                  : whole.value + f.value;                   // "one and a half"
    return true;
  }
  return false;
}

// "two hundred point zero three", "nine point nought four", "nought point eleven".
bool NumberPhrase::point_decimal(const Tokens& t, std::size_t i, std::size_t j, double& value) const {
  std::size_t p = i + 1;
  while (p < j && t[p].type != Type::join_point) ++p;
  if (p + 1 >= j) return false;
  Cardinal whole;
  if (!cardinal(t, i, p, false, whole) || whole.value != std::floor(whole.value)) return false;
  std::string digits;
  for (std::size_t k = p + 1; k < j; ++k) {
    const Token& x = t[k];
    if (x.type != Type::word) return false;
    if (x.role == Role::zero || x.role == Role::unit || x.role == Role::teen) {
      digits += std::to_string(static_cast<int>(x.value));
    } else if (x.role == Role::tens) {
      int two = static_cast<int>(x.value);
      if (k + 1 < j && t[k + 1].type == Type::word && t[k + 1].role == Role::unit) two += static_cast<int>(t[++k].value);
      digits += std::to_string(two);
    } else {
      return false;
    }
  }
  char whole_text[32];
  std::snprintf(whole_text, sizeof whole_text, "%.0f", whole.value);
  double decimals = 0;
  if (!parse_digit_number(std::string(whole_text) + "." + digits, decimals)) return false;
  value = decimals;
  return true;
}

// "one over three", "2000 over 3", "1 in twenty-one", "two out of five hundred".
bool NumberPhrase::ratio(std::string_view text, const Tokens& t, std::size_t i, std::size_t j, double& value,
                         bool& looked_around) const {
  std::size_t r = i + 1;
  while (r < j && t[r].type != Type::join_over && t[r].type != Type::join_in && t[r].type != Type::join_out_of) ++r;
  if (r + 1 >= j) return false;
  Cardinal x, y;
  if (!cardinal(t, i, r, false, x) || !cardinal(t, r + 1, j, false, y) || y.value == 0) return false;
  if (!whole_number(x.value) || !whole_number(y.value)) return false;  // "0.563 Over 10,000" is a table
  looked_around = true;
  if (cues_.is(NumberCues::Cue::period, word_after(text, t[j - 1].end))) return false;  // "15 in 16 months"
  if (t[r].type != Type::join_over) {
    if (x.value < 1 || x.value >= y.value) return false;
    const Token& year = t[r + 1];
    if (t[r].type == Type::join_in && j == r + 2 && year.type == Type::digits && year.value >= 1000 && year.value < 3000) {
      return false;  // "5 in 2020"
    }
  }
  value = x.value / y.value;
  return true;
}

bool NumberPhrase::evaluate(std::string_view text, const Tokens& t, std::size_t i, std::size_t j, PhraseNumber& out,
                            bool& looked_around) const {
  out = PhraseNumber();
  out.start = t[i].start;
  out.end = t[j - 1].end;
  if (t[j - 1].type != Type::digits && t[j - 1].type != Type::word) return false;
  for (std::size_t k = i + 1; k < j; ++k) {
    if (t[k].newline_before) return false;
  }
  // Ratios, wholes with fractions and "point" decimals take three tokens or
  // more, fractions two: most phrases are one or two tokens ("5,139", "3.2 mln").
  double value = 0;
  if (j >= i + 3 &&
      (ratio(text, t, i, j, value, looked_around) || whole_and_fraction(t, i, j, value) || point_decimal(t, i, j, value))) {
    out.value = value;
    return true;
  }
  Fraction f;
  double scale = 0;
  if (j >= i + 2 && fraction_of_scale(t, i, j, f, scale)) {
    out.value = f.value * scale;
    const int exponent = power_of_ten_exponent(scale);
    if (exponent >= 0 && exponent <= 15) out.value = scale_by_power_of_ten(f.value, exponent);
    out.ends_with_scale = true;
    return true;
  }
  if (j >= i + 2 && fraction(t, i, j, f)) {
    looked_around = true;
    if (!fraction_context(text, t, f, i, j)) return false;
    out.value = f.value;
    return true;
  }
  Cardinal c;
  if (cardinal(t, i, j, false, c)) {
    out.value = c.value;
    out.ends_with_scale = c.ends_with_scale;
    out.whole = c.whole && c.value == std::floor(c.value);
    out.lone_one = j == i + 1 && t[i].one;
    out.lowercase_m = j == i + 1 && t[i].lowercase_m;
    return true;
  }
  if (t[j - 1].type == Type::word && t[j - 1].role == Role::ordinal && !t[j - 1].plural &&
      cardinal(t, i, j, true, c)) {
    out.value = c.value;
    out.ordinal = true;
    return true;
  }
  return false;
}

namespace {

// Per-thread memory of the phrases split, by their bytes, for phrases read
// without a look at the words around them (fractions and ratios may look:
// "a third of", "15 in 16 months"). Two-way set-associative: a new phrase
// evicts the older of its set, so the table stays small. A phrase of at most
// 24 bytes is its key, packed into three zero-padded integers, so a lookup
// is a few multiplies and three compares, with no call to a hash library.
// Short phrases of few numbers only.
class SplitCache {
 public:
  static constexpr std::size_t kSets = 8192;
  static constexpr std::size_t kMaxPhrase = 24;
  static constexpr std::size_t kMaxNumbers = 2;

  // The bytes of a phrase, zero-padded to kMaxPhrase, and their hash.
  struct Key {
    std::uint64_t words[kMaxPhrase / 8] = {};
    std::uint64_t hash = 0;
  };

  // What split() found in one phrase, with offsets relative to its start.
  struct Slot {
    Key key;
    std::uint32_t reader = 0;  // 0: empty
    std::uint8_t size = 0;
    std::uint8_t count = 0;
    std::uint8_t unit = 0;
    PhraseNumber numbers[kMaxNumbers];
  };

  static bool fits(std::string_view phrase) { return phrase.size() <= kMaxPhrase; }

  // The mask that keeps the first `bytes` bytes (in memory order) of a word.
  static std::uint64_t first_bytes(std::size_t bytes) {
    if (bytes >= 8) return ~0ull;
    if (bytes == 0) return 0;
    return std::endian::native == std::endian::little ? (1ull << (8 * bytes)) - 1 : ~0ull << (8 * (8 - bytes));
  }

  // The key of text[start, start + size), size <= kMaxPhrase, for `reader`.
  static Key key_of(std::string_view text, std::size_t start, std::size_t size, std::uint32_t reader) {
    Key key;
    if (start + kMaxPhrase <= text.size()) {
      std::memcpy(key.words, text.data() + start, kMaxPhrase);  // a fixed size: three loads, no call
      for (std::size_t k = 0; k < std::size(key.words); ++k) key.words[k] &= first_bytes(size > 8 * k ? size - 8 * k : 0);
    } else {
      std::memcpy(key.words, text.data() + start, size);
    }
    std::uint64_t h = (static_cast<std::uint64_t>(reader) << 32 | size) * 0x9E3779B97F4A7C15ull;
    for (const std::uint64_t word : key.words) h = (h ^ word) * 0xC2B2AE3D27D4EB4Full;
    key.hash = h ^ (h >> 29);
    return key;
  }

  // The phrase's slot, the more recent of its set; null when absent.
  const Slot* find(std::uint32_t reader, std::size_t size, const Key& key) {
    Slot* set = set_of(key.hash);
    if (holds(set[0], reader, size, key)) return &set[0];
    if (!holds(set[1], reader, size, key)) return nullptr;
    std::swap(set[0], set[1]);
    return &set[0];
  }

  // Remembers the numbers out[first...] that text[start, unit) of the phrase gave.
  void insert(std::uint32_t reader, std::size_t size, const Key& key, std::uint32_t start, std::uint32_t unit,
              const std::vector<PhraseNumber>& out, std::size_t first) {
    if (out.size() - first > kMaxNumbers) return;
    Slot* set = set_of(key.hash);
    set[1] = set[0];
    Slot& slot = set[0];
    slot.key = key;
    slot.reader = reader;
    slot.size = static_cast<std::uint8_t>(size);
    slot.count = static_cast<std::uint8_t>(out.size() - first);
    slot.unit = static_cast<std::uint8_t>(unit - start);
    for (std::size_t k = 0; k < slot.count; ++k) {
      slot.numbers[k] = out[first + k];
      slot.numbers[k].start -= start;
      slot.numbers[k].end -= start;
    }
  }

 private:
  static bool holds(const Slot& slot, std::uint32_t reader, std::size_t size, const Key& key) {
    return slot.key.hash == key.hash && slot.reader == reader && slot.size == size &&
           slot.key.words[0] == key.words[0] && slot.key.words[1] == key.words[1] && slot.key.words[2] == key.words[2];
  }

  Slot* set_of(std::uint64_t hash) {
    if (slots_.empty()) slots_.resize(2 * kSets);
    return &slots_[2 * ((hash >> 32) & (kSets - 1))];
  }

  std::vector<Slot> slots_;
};

}  // namespace

std::uint32_t NumberPhrase::split(std::string_view text, std::uint32_t start, std::uint32_t end,
                                  std::vector<PhraseNumber>& out) const {
  // One per thread, shared by all readers (the reader's id is in each slot).
  thread_local SplitCache cache;
  thread_local Tokens tokens;
  const std::string_view phrase = text.substr(start, end - start);
  const bool cacheable = SplitCache::fits(phrase);
  SplitCache::Key key;
  if (cacheable) {
    key = SplitCache::key_of(text, start, phrase.size(), id_);
    if (const SplitCache::Slot* hit = cache.find(id_, phrase.size(), key)) {
      for (std::size_t k = 0; k < hit->count; ++k) {
        PhraseNumber number = hit->numbers[k];
        number.start += start;
        number.end += start;
        out.push_back(number);
      }
      return start + hit->unit;
    }
  }
  const std::size_t first = out.size();
  bool looked_around = false;
  const std::uint32_t unit = split_tokens(text, start, end, tokens, out, looked_around);
  if (cacheable && !looked_around) cache.insert(id_, phrase.size(), key, start, unit, out, first);
  return unit;
}

std::uint32_t NumberPhrase::split_tokens(std::string_view text, std::uint32_t start, std::uint32_t end, Tokens& tokens,
                                         std::vector<PhraseNumber>& out, bool& looked_around) const {
  tokenizer_.tokenize(text, start, end, tokens);
  const std::size_t n = tokens.size();
  // "a 7-1/4 pct coupon": the phrase must not start at "a" and swallow the
  // digits that another rule reads; the caller then tries the next position.
  if (n >= 2 && tokens[0].type == Type::join_a && tokens[1].type == Type::digits) return start;
  std::size_t i = 0;
  while (i < n) {
    const Type type = tokens[i].type;
    if (type != Type::digits && type != Type::word && type != Type::join_a) {
      ++i;
      continue;
    }
    bool found = false;
    for (std::size_t j = n; j > i; --j) {
      // "3 hundred and 2 hundred" is two numbers, not "3 hundred and 2" and "hundred".
      if (j < n && j > i + 1 && takes_count(tokens[j]) && counts(tokens[j - 1])) continue;
      PhraseNumber number;
      if (evaluate(text, tokens, i, j, number, looked_around)) {
        out.push_back(number);
        i = j;
        found = true;
        break;
      }
    }
    if (!found) ++i;
  }
  return tokens.empty() ? start : tokens.back().end;
}

}  // namespace newsmine
