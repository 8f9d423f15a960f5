// Small UTF-8 helpers for looking at the bytes around a regex match.
//
// RE2 has no look-behind, so the extractors check the context of a candidate
// in code: is "2020" preceded by a currency sign ("$2020")? Is "19" glued to a
// word by a hyphen ("COVID-19")? These functions answer such questions on
// UTF-8 text. They are pure and thread-safe; malformed UTF-8 decodes as
// U+FFFD and never reads outside the text.
//
//   if (is_currency_symbol(previous_codepoint(text, start, /*skip_spaces=*/true))) reject();
#pragma once

#include <cstddef>
#include <string_view>

namespace newsmine {

// The code point ending just before byte `position` (0 when there is none).
// With skip_spaces, ASCII spaces and tabs before `position` are skipped first.
char32_t previous_codepoint(std::string_view text, std::size_t position, bool skip_spaces = false);

// The code point starting at byte `position` (0 at the end of the text).
char32_t next_codepoint(std::string_view text, std::size_t position);

// Unicode general category Sc (currency symbols): $, £, ¥, ₽, ₼, €, ...
bool is_currency_symbol(char32_t c);

inline bool is_ascii_digit(char32_t c) { return c >= '0' && c <= '9'; }
inline bool is_ascii_letter(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// True when the number at [start, end) is part of a larger token: glued to a
// word by a hyphen ("COVID-19"), to a letter ("G20", "5G"), or continuing another number
// ("1,2020", "2020.5", "1/2020"). A hyphen after a digit is a range, not glue.
// It is number_glued_before(start) || number_glued_after(end).
bool number_is_glued(std::string_view text, std::size_t start, std::size_t end);
bool number_glued_before(std::string_view text, std::size_t start);  // "G20", "COVID-19", "2020.5", "1/2020"
bool number_glued_after(std::string_view text, std::size_t end);     // "5G", "2020.5", "1,2020"

// True when byte `position` is inside a URL: the run of non-space bytes
// around it contains "://" or starts with "www." ("...?q=30%25%2020%").
bool inside_url(std::string_view text, std::size_t position);

// The ASCII word (letters and apostrophes) ending just before `position`, or
// starting at `position`, after skipping spaces; empty when punctuation, a
// digit or the end of the text comes first. "Which one" -> word_before(one) == "Which".
std::string_view word_before(std::string_view text, std::size_t position);
std::string_view word_after(std::string_view text, std::size_t position);

// The first byte after `position` that is not a space or tab (0 at the end).
char next_non_space(std::string_view text, std::size_t position);

// True when `text` is `lower` (ASCII lower case, no spaces) in any ASCII
// case: normalize_key(text) == lower, without building the key.
bool equals_ignoring_case(std::string_view text, std::string_view lower);
// True when `lower` (ASCII lower case, no spaces) occurs in `text` in any
// ASCII case: normalize_key(text).find(lower) != npos, without the key.
bool contains_ignoring_case(std::string_view text, std::string_view lower);

// True when a percent sign or word ("%", "percent", "per cent", "pct") follows `end`.
bool percent_follows(std::string_view text, std::size_t end);

}  // namespace newsmine
