#include "models/number_digits.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <string>

namespace newsmine {
namespace {

// 10^0 ... 10^22: the powers of ten that doubles hold exactly.
constexpr double kExactPowers[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                   1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
constexpr int kMaxExactPower = 22;
constexpr double kTwoTo53 = 9007199254740992.0;  // integers below it are exact doubles

bool parse_plain(std::string_view text, double& value) {
  if (text.empty()) return false;
  const char* end = text.data() + text.size();
  auto [ptr, error] = std::from_chars(text.data(), end, value);
  return error == std::errc() && ptr == end;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Skips one group separator at text[i]: ASCII space, U+00A0, U+202F or U+2009.
bool skip_group_space(std::string_view text, std::size_t& i) {
  if (text[i] == ' ') {
    ++i;
    return true;
  }
  for (std::string_view space : {"\xC2\xA0", "\xE2\x80\xAF", "\xE2\x80\x89"}) {
    if (text.substr(i, space.size()) == space) {
      i += space.size();
      return true;
    }
  }
  return false;
}

// The number in plain C form ("1234567.89") for a match of
// digit_number_pattern(), built on the stack for short texts.
class PlainForm {
 public:
  explicit PlainForm(std::string_view text) {
    char* out = small_.data();
    if (text.size() + 1 > small_.size()) {
      large_.resize(text.size() + 1);
      out = large_.data();
    }
    // Pass 1: the digits and separators, one byte after `out` (room for a leading '0').
    std::size_t size = 0, commas = 0, dots = 0, first_comma = 0;
    char last_separator = 0;
    for (std::size_t i = 0; i < text.size();) {
      const char c = text[i];
      if ((c >= '0' && c <= '9') || c == ',' || c == '.') {
        if (c == ',' && commas++ == 0) first_comma = size;
        if (c == '.') ++dots;
        if (c == ',' || c == '.') last_separator = c;
        out[1 + size++] = c;
        ++i;
      } else if (!skip_group_space(text, i)) {
        return;
      }
    }
    const bool decimal_comma = commas > 0 && last_separator == ',' && (dots > 0 || (commas == 1 && size - first_comma == 2));
    // Pass 2, in place: thousands separators go, the decimal one becomes '.'.
    std::size_t kept = 0;
    for (std::size_t k = 0; k < size; ++k) {
      const char c = out[1 + k];
      if (c == ',') {
        if (decimal_comma) out[1 + kept++] = '.';  // "1.111,11", "1,3"
      } else if (c == '.') {
        if (!decimal_comma) out[1 + kept++] = '.';
      } else {
        out[1 + kept++] = c;
      }
    }
    if (kept == 0) return;
    if (out[1] == '.') {  // ".08"
      out[0] = '0';
      digits_ = std::string_view(out, kept + 1);
    } else {
      digits_ = std::string_view(out + 1, kept);
    }
    ok_ = true;
  }
  PlainForm(const PlainForm&) = delete;
  PlainForm& operator=(const PlainForm&) = delete;

  bool ok() const { return ok_; }
  std::string_view digits() const { return digits_; }
  bool has_fraction() const { return digits_.find('.') != std::string_view::npos; }

 private:
  std::array<char, 64> small_;
  std::string large_;
  std::string_view digits_;
  bool ok_ = false;
};

// A plain form "123.45" as 12345 x 10^-2, when it is well formed and its
// digits fit a double exactly.
struct ShortDecimal {
  std::uint64_t digits = 0;
  int fraction_digits = 0;
  int significant = 0;  // digits from the first nonzero one
};

bool read_short_decimal(std::string_view plain, ShortDecimal& out) {
  out = ShortDecimal();
  bool point = false;
  int after_point = 0;
  for (const char c : plain) {
    if (c == '.') {
      if (point) return false;
      point = true;
      continue;
    }
    if (out.digits != 0 || c != '0') {
      if (++out.significant > 19) return false;
    }
    out.digits = out.digits * 10 + static_cast<std::uint64_t>(c - '0');
    if (point) ++after_point;
  }
  if (plain.empty() || plain.front() == '.' || (point && after_point == 0)) return false;
  if (static_cast<double>(out.digits) >= kTwoTo53) return false;
  out.fraction_digits = after_point;
  return true;
}

// digits x 10^exponent rounded once, for exact `digits` below 2^53; false
// when that needs more than one exact double operation.
bool exact_scale(double digits, int exponent, double& value) {
  if (exponent >= 0) {
    if (exponent > kMaxExactPower) return false;
    const double product = digits * kExactPowers[exponent];
    if (product >= kTwoTo53) return false;  // no longer sure to be exact
    value = product;
    return true;
  }
  if (-exponent > kMaxExactPower) return false;
  value = digits / kExactPowers[-exponent];  // both exact: the quotient is rounded once
  return true;
}

// The plain form's value: from_chars() of it, with its result computed
// directly for short well-formed numbers.
bool plain_value(std::string_view plain, double& value) {
  ShortDecimal decimal;
  if (read_short_decimal(plain, decimal) &&
      exact_scale(static_cast<double>(decimal.digits), -decimal.fraction_digits, value)) {
    return true;
  }
  return parse_plain(plain, value);
}


// The number of digits from text[i], before `end`.
std::size_t digit_run(std::string_view text, std::size_t i, std::size_t end) {
  std::size_t n = 0;
  while (i + n < end && is_digit(text[i + n])) ++n;
  return n;
}

bool digits_at(std::string_view text, std::size_t i, std::size_t count, std::size_t end) {
  return i + count <= end && digit_run(text, i, i + count) == count;
}

// \b after a digit: the byte at i (the whole text is the context) is no word byte.
bool boundary_after_digit(std::string_view text, std::size_t i) {
  if (i >= text.size()) return true;
  const char c = text[i];
  return !(is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_');
}

// The size of a no-break, narrow no-break or thin space at text[i], 0 when none.
std::size_t thin_space_at(std::string_view text, std::size_t i, std::size_t end) {
  const std::string_view rest = text.substr(i, end - i);
  if (rest.size() >= 2 && rest[0] == '\xC2' && rest[1] == '\xA0') return 2;
  if (rest.size() >= 3 && rest[0] == '\xE2' && rest[1] == '\x80' && (rest[2] == '\xAF' || rest[2] == '\x89')) return 3;
  return 0;
}

// The end of an optional decimal part "[.,]\d+" at text[i] (`i` when none).
std::size_t after_decimals(std::string_view text, std::size_t i, std::size_t end, bool comma_too) {
  if (i < end && (text[i] == '.' || (comma_too && text[i] == ','))) {
    if (const std::size_t n = digit_run(text, i + 1, end)) return i + 1 + n;
  }
  return i;
}

// The reading of a number of ASCII digits, commas and dots alone ("5,139",
// "3.2", "1.111,11") in one pass: what PlainForm and plain_value() give, or
// false when the text is not of that kind or is irregular (two decimal
// points, no digit after the point, many digits), for them to decide. The
// decimal separator, when there is one, is always the last separator, so
// the digits after the last separator are the fraction.
bool read_simple_digits(std::string_view text, double& value, bool& has_fraction) {
  std::size_t commas = 0, dots = 0, first_comma = 0;
  char last_separator = 0;
  std::uint64_t digits = 0;
  int significant = 0, since_separator = 0;
  bool any_digit = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (is_digit(c)) {
      any_digit = true;
      if (digits != 0 || c != '0') {
        if (++significant > 15) return false;
      }
      digits = digits * 10 + static_cast<std::uint64_t>(c - '0');
      ++since_separator;
      continue;
    }
    if (c == ',') {
      if (commas++ == 0) first_comma = i;
    } else if (c == '.') {
      ++dots;
    } else {
      return false;
    }
    last_separator = c;
    since_separator = 0;
  }
  const bool decimal_comma =
      commas > 0 && last_separator == ',' && (dots > 0 || (commas == 1 && text.size() - first_comma == 2));
  const std::size_t points = decimal_comma ? commas : dots;
  if (points > 1 || (points == 1 && since_separator == 0) || !any_digit) return false;
  has_fraction = points == 1;
  return exact_scale(static_cast<double>(digits), has_fraction ? -since_separator : 0, value);
}

}  // namespace

std::string digit_number_pattern() {
  const std::string thin_space = "(?:\\x{A0}|\\x{202F}|\\x{2009})";
  return "(?:\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?"                          // 1,234,567.89
         "|\\d{1,2}(?:,\\d{2})+,\\d{3}(?:\\.\\d+)?"                     // 12,34,567.89
         "|\\d{1,3}(?:\\.\\d{3})+,\\d+"                                 // 1.111,11
         "|\\d{1,3}(?:" + thin_space + "\\d{3})+\\b(?:[.,]\\d+)?"       // 40 000 with a no-break space
         "|\\d{1,3}(?: \\d{3}){2,}\\b(?:\\.\\d+)?"                      // 1 234 567
         "|\\d{1,3} 000\\b(?:\\.\\d+)?"                                 // 40 000, not "423 0000"
         "|\\d{1,3},\\d"                                                // 1,3
         "|\\d+(?:\\.\\d+)?)";
}

// Each alternative of digit_number_pattern() in turn, keeping the longest
// match. All of them but the last begin with \d{1,3} before a separator, so
// that lead is the whole digit run; after it each repeated group is forced.
std::size_t match_digit_number(std::string_view text, std::size_t start, std::size_t end) {
  end = std::min(end, text.size());
  if (start >= end) return 0;
  const std::size_t lead = digit_run(text, start, end);
  if (lead == 0) return 0;
  const std::size_t head = start + lead;
  std::size_t best = after_decimals(text, head, end, false);  // \d+(?:\.\d+)?
  // The other forms have a separator after at most three digits; which
  // one it is picks the forms worth trying.
  if (lead > 3 || head >= end) return best - start;
  const auto at = [&](std::size_t i, char c) { return i < end && text[i] == c; };
  std::size_t i = head;
  switch (text[head]) {
    case ',':
      while (at(i, ',') && digits_at(text, i + 1, 3, end)) i += 4;  // \d{1,3}(?:,\d{3})+(?:\.\d+)?
      if (i > head) best = std::max(best, after_decimals(text, i, end, false));
      if (lead <= 2) {  // \d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?
        i = head;
        while (at(i, ',') && digits_at(text, i + 1, 2, end) && at(i + 3, ',')) i += 3;
        if (i > head && at(i, ',') && digits_at(text, i + 1, 3, end)) {
          best = std::max(best, after_decimals(text, i + 4, end, false));
        }
      }
      if (digits_at(text, head + 1, 1, end)) best = std::max(best, head + 2);  // \d{1,3},\d
      break;
    case '.':  // \d{1,3}(?:\.\d{3})+,\d+
      while (at(i, '.') && digits_at(text, i + 1, 3, end)) {
        i += 4;
        if (at(i, ',')) {
          if (const std::size_t n = digit_run(text, i + 1, end)) best = std::max(best, i + 1 + n);
        }
      }
      break;
    case ' ': {  // \d{1,3}(?: \d{3}){2,}\b(?:\.\d+)?
      std::size_t groups = 0, previous = head;
      while (at(i, ' ') && digits_at(text, i + 1, 3, end)) {
        previous = i;
        i += 4;
        ++groups;
      }
      if (groups >= 2 && boundary_after_digit(text, i)) best = std::max(best, after_decimals(text, i, end, false));
      else if (groups >= 3) best = std::max(best, previous);  // the byte after it is a space: a boundary
      // \d{1,3} 000\b(?:\.\d+)?
      if (head + 4 <= end && text.substr(head, 4) == " 000" && boundary_after_digit(text, head + 4)) {
        best = std::max(best, after_decimals(text, head + 4, end, false));
      }
      break;
    }
    case '\xC2':
    case '\xE2': {  // \d{1,3}(?:THIN\d{3})+\b(?:[.,]\d+)?
      std::size_t groups = 0, previous = head;
      for (std::size_t space = thin_space_at(text, i, end); space != 0 && digits_at(text, i + space, 3, end);
           space = thin_space_at(text, i, end)) {
        previous = i;
        i += space + 3;
        ++groups;
      }
      if (groups >= 1 && boundary_after_digit(text, i)) best = std::max(best, after_decimals(text, i, end, true));
      else if (groups >= 2) best = std::max(best, previous);  // the byte after it is a thin space: a boundary
      break;
    }
    default:
      break;
  }
  return best - start;
}

bool parse_digit_number(std::string_view text, double& value) {
  bool has_fraction = false;
  return parse_digit_number(text, value, has_fraction);
}

bool parse_digit_number(std::string_view text, double& value, bool& has_fraction) {
  if (read_simple_digits(text, value, has_fraction)) return true;
  const PlainForm form(text);
  has_fraction = form.ok() && form.has_fraction();
  return form.ok() && plain_value(form.digits(), value);
}

bool parse_scaled_digit_number(std::string_view text, int exponent, double& value) {
  const PlainForm form(text);
  if (!form.ok()) return false;
  // With at most 15 digits the text is the value's shortest form, so
  // scaling it is one exact operation.
  ShortDecimal decimal;
  if (read_short_decimal(form.digits(), decimal) && decimal.significant <= 15 &&
      exact_scale(static_cast<double>(decimal.digits), exponent - decimal.fraction_digits, value)) {
    return true;
  }
  if (!parse_plain(form.digits(), value)) return false;
  value = scale_by_power_of_ten(value, exponent);
  return true;
}

bool digit_number_has_fraction(std::string_view text) {
  const PlainForm form(text);
  return form.ok() && form.has_fraction();
}

double scale_by_power_of_ten(double value, int exponent) {
  if (exponent == 0 || value == 0 || !std::isfinite(value)) return value;
  // The shortest form of `value` is m x 10^-f when m has at most 15 digits
  // and reads back as `value`: two such decimals cannot read as one double.
  const double magnitude = std::fabs(value);
  for (int f = 0; f <= 15; ++f) {
    const double digits = std::nearbyint(magnitude * kExactPowers[f]);
    if (digits >= 1e15) break;
    if (digits / kExactPowers[f] != magnitude) continue;
    double scaled = 0;
    if (!exact_scale(digits, exponent - f, scaled)) break;
    return value < 0 ? -scaled : scaled;
  }
  return scale_by_power_of_ten_in_text(value, exponent);
}

double scale_by_power_of_ten_in_text(double value, int exponent) {
  if (exponent == 0 || value == 0 || !std::isfinite(value)) return value;
  char buffer[64];
  auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
  if (error != std::errc()) return value * std::pow(10.0, exponent);
  std::string text(buffer, end);
  const std::size_t e = text.find('e');
  if (e != std::string::npos) {
    exponent += std::stoi(text.substr(e + 1));
    text.resize(e);
  }
  text += 'e';
  text += std::to_string(exponent);
  double scaled = 0;
  return parse_plain(text, scaled) ? scaled : value * std::pow(10.0, exponent);
}

int power_of_ten_exponent(double value) {
  // The doubles nearest 10^-15 ... 10^15, as the literals give them (and as
  // parsing "1e-15" ... "1e15" does), ascending.
  static constexpr double kPowers[] = {1e-15, 1e-14, 1e-13, 1e-12, 1e-11, 1e-10, 1e-9, 1e-8, 1e-7, 1e-6, 1e-5,
                                       1e-4,  1e-3,  1e-2,  1e-1,  1e0,   1e1,   1e2,  1e3,  1e4,  1e5,  1e6,
                                       1e7,   1e8,   1e9,   1e10,  1e11,  1e12,  1e13, 1e14, 1e15};
  if (value == 1) return 0;  // the factor of most currency forms
  const double* found = std::lower_bound(std::begin(kPowers), std::end(kPowers), value);
  if (found == std::end(kPowers) || *found != value) return 99;
  return static_cast<int>(found - std::begin(kPowers)) - 15;
}

}  // namespace newsmine
