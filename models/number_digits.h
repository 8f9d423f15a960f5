// Numbers written in digits, as news and the Recognizers-Text specs write
// them: the RE2 pattern that finds one, a scanner that finds the same match
// without RE2, and the code that reads its value.
//
// Accepted forms: "12,000" and "1,234,567.89" (comma thousands), "12,34,567.89"
// (Indian lakh grouping), "1.111,11" (dot thousands with a decimal comma),
// "1,3" (a decimal comma before one digit), "40 000" and "1 234 567" (groups
// of three after a no-break, narrow no-break or thin space; after a plain
// space only for two or more groups, or for "000", because "108 109 pct" is
// two numbers), "4.800" (a decimal point) and plain digit runs. A leading
// sign, an exponent or a scale word is not part of these forms; the rules
// add them. Pure functions, safe from any thread.
//
//   double value = 0;
//   if (parse_digit_number("12,34,567.89", value)) use(value);  // 1234567.89
//   double exact = scale_by_power_of_ten(2.6, 9);                // 2600000000, not 2600000000.0000002
//   std::size_t size = match_digit_number(text, start, end);     // "12,000" in "12,000 jobs": 6
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace newsmine {

// One RE2 alternation (no captures) for the forms above.
std::string digit_number_pattern();

// The size of the match of digit_number_pattern() that starts at `start`
// and ends by `end` (leftmost-longest, as RE2 with longest_match finds it
// when given the whole text and [start, end)); 0 when there is none. Its
// word boundaries look at the byte at `end` too, as RE2's do.
std::size_t match_digit_number(std::string_view text, std::size_t start, std::size_t end);

// The value of text matched by digit_number_pattern(), or of ".08"; false
// for anything else.
bool parse_digit_number(std::string_view text, double& value);
// The same, and whether the number has a fractional part ("2.12", "1,3").
bool parse_digit_number(std::string_view text, double& value, bool& has_fraction);
// The same value times 10^exponent: scale_by_power_of_ten() of it, without
// the detour through its shortest form when the digits are few.
bool parse_scaled_digit_number(std::string_view text, int exponent, double& value);

// True when `text` (a match of digit_number_pattern()) has a fractional part.
bool digit_number_has_fraction(std::string_view text);

// value x 10^exponent rounded once, from the shortest decimal form of value:
// 2.6 x 10^9 is read as "2.6e9". Exponents may be negative (cents: -2).
double scale_by_power_of_ten(double value, int exponent);
// The same by printing the shortest form and parsing it back: the obvious
// way, which scale_by_power_of_ten() falls back to (and is tested against).
double scale_by_power_of_ten_in_text(double value, int exponent);

// The exponent n when `value` is exactly 10^n for -15 <= n <= 15, else a
// value outside that range (99).
int power_of_ten_exponent(double value);

}  // namespace newsmine
