#include "models/number_tokens.h"

#include <string>

#include "models/number_digits.h"
#include "models/text_context.h"

namespace newsmine {
namespace {

using Type = TokenType;
using Role = TokenRole;
using Scale = NumberLexicon::Scale;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Reads digits at text[at, end) into `value`; the position after them (at when none).
std::size_t read_integer(std::string_view text, std::size_t at, std::size_t end, double& value) {
  value = 0;
  std::size_t i = at;
  while (i < end && i - at < 9 && text[i] >= '0' && text[i] <= '9') value = value * 10 + (text[i++] - '0');
  return i;
}

// A Reuters fraction after the whole number `value` ends at `at`: "-3/4" or
// " 3/4" (added), or "/4" after a numerator ("3/4"). The denominator is 2..100
// and the fraction proper, so "24/7" and "2023/24" stay apart. Returns the
// end of what was read (`at` when nothing was).
std::size_t read_fraction(std::string_view text, std::size_t at, std::size_t end, double& value, bool& fraction) {
  std::size_t i = at;
  if (i < end && text[i] == '/') {
    double denominator = 0;
    const std::size_t stop = read_integer(text, i + 1, end, denominator);
    if (stop == i + 1 || denominator < 2 || denominator > 100 || value <= 0 || value >= denominator) return at;
    value /= denominator;
    fraction = true;
    return stop;
  }
  if (i < end && text[i] == '-') {
    ++i;
  } else {
    while (i < end && (text[i] == ' ' || text[i] == '\t')) ++i;
    if (i == at) return at;
  }
  double numerator = 0, denominator = 0;
  const std::size_t slash = read_integer(text, i, end, numerator);
  if (slash == i || slash >= end || text[slash] != '/') return at;
  const std::size_t stop = read_integer(text, slash + 1, end, denominator);
  if (stop == slash + 1 || denominator < 2 || denominator > 100 || numerator <= 0 || numerator >= denominator) return at;
  value += numerator / denominator;
  fraction = true;
  return stop;
}

}  // namespace

TokenRole role_of_value(double value) {
  if (value == 0) return Role::zero;
  if (value < 10) return Role::unit;
  if (value < 20) return Role::teen;
  if (value < 100) return Role::tens;
  if (value == 100) return Role::hundred;
  return Role::scale;
}

NumberTokenizer::NumberTokenizer(const NumberLexicon& lexicon) : lexicon_(lexicon) {}

void NumberTokenizer::tokenize(std::string_view text, std::uint32_t start, std::uint32_t end,
                               std::vector<NumberToken>& tokens) const {
  tokens.clear();
  bool hyphen = false, newline = false;
  std::size_t pos = start;
  while (pos < end) {
    const char c = text[pos];
    if (is_space(c)) {
      // A new paragraph or table row: a line break followed by another one
      // or by an indent. A bare line break is only a wrapped line ("1.4\nbillion dlrs").
      if (c == '\n' && pos + 1 < end && (text[pos + 1] == '\n' || (text[pos + 1] == ' ' && pos + 2 < end && text[pos + 2] == ' ') ||
                                         text[pos + 1] == '\t' || text[pos + 1] == '\r')) {
        newline = true;
      }
      ++pos;
      continue;
    }
    if (c == '-') {
      hyphen = true;
      ++pos;
      continue;
    }
    NumberToken token;
    token.start = static_cast<std::uint32_t>(pos);
    token.hyphen_before = hyphen && !tokens.empty();
    token.newline_before = newline && !tokens.empty();
    hyphen = newline = false;
    if (c >= '0' && c <= '9') {
      const std::string_view number = text.substr(pos, match_digit_number(text, pos, end));
      token.type = Type::digits;
      if (!parse_digit_number(number, token.value, token.decimal)) return;
      std::size_t after = pos + number.size();
      if (!token.decimal) after = read_fraction(text, after, end, token.value, token.decimal);
      std::size_t letters = after;
      while (letters < end && is_letter(text[letters])) ++letters;
      if (letters > after) {  // an attached scale: "5m", "3.2bln"
        const std::string_view suffix = text.substr(after, letters - after);
        const Scale* scale =
            lexicon_.find_scale(suffix, {NumberLexicon::ScaleUse::attached, NumberLexicon::ScaleUse::abbrev});
        if (scale == nullptr) return;
        token.scale = scale;
        token.lowercase_m = suffix == "m";
        after = letters;
      }
      token.end = static_cast<std::uint32_t>(after);
      tokens.push_back(token);
      pos = after;
      continue;
    }
    if (!is_letter(c)) return;
    std::size_t stop = pos;
    while (stop < end && is_letter(text[stop])) ++stop;
    // The word is letters only: its normalize_key() is its lower case.
    const std::string_view word = text.substr(pos, stop - pos);
    char small[32];
    std::string large;
    char* lower = word.size() <= sizeof small ? small : (large.resize(word.size()), large.data());
    for (std::size_t k = 0; k < word.size(); ++k) lower[k] = word[k] >= 'A' && word[k] <= 'Z' ? static_cast<char>(word[k] - 'A' + 'a') : word[k];
    const std::string_view key(lower, word.size());
    token.end = static_cast<std::uint32_t>(stop);
    if (key == "and") token.type = Type::join_and;
    else if (key == "a" || key == "an") token.type = Type::join_a;
    else if (key == "of") token.type = Type::join_of;
    else if (key == "point") token.type = Type::join_point;
    else if (key == "over") token.type = Type::join_over;
    else if (key == "in") token.type = Type::join_in;
    else if (key == "out") {
      std::size_t next = stop;
      while (next < end && is_space(text[next])) ++next;
      if (next + 2 > end || !equals_ignoring_case(text.substr(next, 2), "of")) return;
      token.type = Type::join_out_of;
      token.end = static_cast<std::uint32_t>(next + 2);
      stop = next + 2;
    } else {
      const NumberLexicon::Entry entry = lexicon_.find_word_or_scale(word, key);
      if (const NumberLexicon::Word* word = entry.word) {
        using Kind = NumberLexicon::WordKind;
        token.value = word->value;
        token.plural = entry.plural;
        switch (word->kind) {
          case Kind::cardinal: token.role = role_of_value(word->value); break;
          case Kind::ordinal: token.role = Role::ordinal; break;
          case Kind::multiplier: token.role = word->value == 100 ? Role::hundred : Role::dozen; break;
          case Kind::counted: token.role = Role::counted; break;
          case Kind::fraction:
            token.role = Role::fraction;
            token.plural = key.back() == 's';
            break;
          case Kind::vulgar: return;
        }
        token.one = key == "one";
      } else if (const Scale* scale = entry.scale) {
        token.scale = scale;
        token.value = scale->multiplier;
        token.role = scale->use == NumberLexicon::ScaleUse::word ? Role::scale : Role::abbrev;
      } else {
        return;
      }
    }
    tokens.push_back(token);
    pos = stop;
  }
}

}  // namespace newsmine
