#include "models/number_digits.h"

#include <charconv>
#include <cmath>
#include <string>

namespace newsmine {
namespace {

bool parse_plain(std::string_view text, double& value) {
  if (text.empty()) return false;
  const char* end = text.data() + text.size();
  auto [ptr, error] = std::from_chars(text.data(), end, value);
  return error == std::errc() && ptr == end;
}

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

// The number in plain C form ("1234567.89") for a match of digit_number_pattern().
bool plain_form(std::string_view text, std::string& digits) {
  std::string kept;
  kept.reserve(text.size());
  std::size_t commas = 0, dots = 0;
  char last_separator = 0;
  for (std::size_t i = 0; i < text.size();) {
    const char c = text[i];
    if ((c >= '0' && c <= '9') || c == ',' || c == '.') {
      if (c == ',') ++commas;
      if (c == '.') ++dots;
      if (c == ',' || c == '.') last_separator = c;
      kept += c;
      ++i;
    } else if (!skip_group_space(text, i)) {
      return false;
    }
  }
  const bool decimal_comma =
      commas > 0 && last_separator == ',' && (dots > 0 || (commas == 1 && kept.size() - kept.find(',') == 2));
  digits.clear();
  for (char c : kept) {
    if (c == ',') {
      if (decimal_comma) digits += '.';  // "1.111,11", "1,3"
    } else if (c == '.') {
      if (!decimal_comma) digits += '.';
    } else {
      digits += c;
    }
  }
  if (!digits.empty() && digits.front() == '.') digits.insert(digits.begin(), '0');  // ".08"
  return !digits.empty();
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

bool parse_digit_number(std::string_view text, double& value) {
  std::string digits;
  return plain_form(text, digits) && parse_plain(digits, value);
}

bool digit_number_has_fraction(std::string_view text) {
  std::string digits;
  return plain_form(text, digits) && digits.find('.') != std::string::npos;
}

double scale_by_power_of_ten(double value, int exponent) {
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
  // parsing "1e-15" ... "1e15" does).
  static constexpr double kPowers[] = {1e-15, 1e-14, 1e-13, 1e-12, 1e-11, 1e-10, 1e-9, 1e-8, 1e-7, 1e-6, 1e-5,
                                       1e-4,  1e-3,  1e-2,  1e-1,  1e0,   1e1,   1e2,  1e3,  1e4,  1e5,  1e6,
                                       1e7,   1e8,   1e9,   1e10,  1e11,  1e12,  1e13, 1e14, 1e15};
  for (int n = -15; n <= 15; ++n) {
    if (value == kPowers[n + 15]) return n;
  }
  return 99;
}

}  // namespace newsmine
