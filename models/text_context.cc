#include "models/text_context.h"

namespace newsmine {
namespace {

char32_t decode(std::string_view text, std::size_t position, std::size_t& length) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(position);
  length = 1;
  if (lead < 0x80) return lead;
  std::size_t count = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0;
  if (count == 0 || position + count > text.size()) return 0xFFFD;
  char32_t value = lead & (0x7F >> count);
  for (std::size_t i = 1; i < count; ++i) {
    if ((byte(position + i) & 0xC0) != 0x80) return 0xFFFD;
    value = (value << 6) | (byte(position + i) & 0x3F);
  }
  length = count;
  return value;
}

char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool starts_ignoring_case(std::string_view text, std::string_view lower) {
  if (text.size() < lower.size()) return false;
  for (std::size_t i = 0; i < lower.size(); ++i) {
    if (ascii_lower(text[i]) != lower[i]) return false;
  }
  return true;
}

bool word_follows(std::string_view rest, std::string_view word) {
  if (!starts_ignoring_case(rest, word)) return false;
  return rest.size() == word.size() || !is_ascii_letter(static_cast<unsigned char>(rest[word.size()]));
}

}  // namespace

char32_t previous_codepoint(std::string_view text, std::size_t position, bool skip_spaces) {
  if (position > text.size()) position = text.size();
  if (skip_spaces) {
    while (position > 0 && (text[position - 1] == ' ' || text[position - 1] == '\t')) --position;
  }
  if (position == 0) return 0;
  std::size_t begin = position - 1;
  while (begin > 0 && position - begin < 4 && (static_cast<unsigned char>(text[begin]) & 0xC0) == 0x80) --begin;
  std::size_t length = 0;
  const char32_t c = decode(text, begin, length);
  return begin + length == position ? c : 0xFFFD;
}

char32_t next_codepoint(std::string_view text, std::size_t position) {
  if (position >= text.size()) return 0;
  std::size_t length = 0;
  return decode(text, position, length);
}

bool is_currency_symbol(char32_t c) {
  return c == 0x24 || (c >= 0xA2 && c <= 0xA5) || c == 0x58F || c == 0x60B || c == 0x7FE || c == 0x7FF ||
         c == 0x9F2 || c == 0x9F3 || c == 0x9FB || c == 0xAF1 || c == 0xBF9 || c == 0xE3F || c == 0x17DB ||
         (c >= 0x20A0 && c <= 0x20CF) || c == 0xA838 || c == 0xFDFC || c == 0xFE69 || c == 0xFF04 ||
         c == 0xFFE0 || c == 0xFFE1 || c == 0xFFE5 || c == 0xFFE6;
}

bool number_glued_before(std::string_view text, std::size_t start) {
  const char32_t before = previous_codepoint(text, start);
  if (is_ascii_digit(before) || is_ascii_letter(before)) return true;
  if (before == '.') return true;  // "2020.5", or ".08" whose digits alone would read as 8
  if (before == '-' || before == ',' || before == '/') {
    const char32_t second = previous_codepoint(text, start - 1);
    if (before == '-' ? is_ascii_letter(second) : (is_ascii_letter(second) || is_ascii_digit(second))) return true;
  }
  return false;
}

bool number_glued_after(std::string_view text, std::size_t end) {
  const char32_t after = next_codepoint(text, end);
  if (is_ascii_digit(after) || is_ascii_letter(after)) return true;
  if (after == '.' || after == ',') {
    if (is_ascii_digit(next_codepoint(text, end + 1))) return true;
  }
  return false;
}

bool number_is_glued(std::string_view text, std::size_t start, std::size_t end) {
  return number_glued_before(text, start) || number_glued_after(text, end);
}

bool inside_url(std::string_view text, std::size_t position) {
  constexpr std::size_t kReach = 2048;  // longer runs are not looked at in full
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  if (position > text.size()) position = text.size();
  std::size_t begin = position;
  while (begin > 0 && position - begin < kReach && !space(text[begin - 1])) --begin;
  const std::string_view run = text.substr(begin, position - begin);
  if (run.find("://") != std::string_view::npos) return true;
  return run.size() >= 4 && (run.substr(0, 4) == "www." || run.substr(0, 4) == "WWW.");
}

std::string_view word_before(std::string_view text, std::size_t position) {
  if (position > text.size()) position = text.size();
  while (position > 0 && (text[position - 1] == ' ' || text[position - 1] == '\t' || text[position - 1] == '\n')) --position;
  std::size_t begin = position;
  while (begin > 0 && (is_ascii_letter(static_cast<unsigned char>(text[begin - 1])) || text[begin - 1] == '\'')) --begin;
  return text.substr(begin, position - begin);
}

std::string_view word_after(std::string_view text, std::size_t position) {
  while (position < text.size() && (text[position] == ' ' || text[position] == '\t' || text[position] == '\n')) ++position;
  std::size_t end = position;
  while (end < text.size() && (is_ascii_letter(static_cast<unsigned char>(text[end])) || text[end] == '\'')) ++end;
  return text.substr(position, end - position);
}

char next_non_space(std::string_view text, std::size_t position) {
  while (position < text.size() && (text[position] == ' ' || text[position] == '\t')) ++position;
  return position < text.size() ? text[position] : 0;
}

bool equals_ignoring_case(std::string_view text, std::string_view lower) {
  return text.size() == lower.size() && starts_ignoring_case(text, lower);
}

bool contains_ignoring_case(std::string_view text, std::string_view lower) {
  for (std::size_t i = 0; i + lower.size() <= text.size(); ++i) {
    if (starts_ignoring_case(text.substr(i), lower)) return true;
  }
  return false;
}

bool percent_follows(std::string_view text, std::size_t end) {
  std::string_view rest = end < text.size() ? text.substr(end) : std::string_view();
  while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  if (!rest.empty() && rest.front() == '%') return true;
  return word_follows(rest, "percent") || word_follows(rest, "per cent") || word_follows(rest, "pct");
}

}  // namespace newsmine
