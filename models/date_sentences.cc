#include "models/date_sentences.h"

namespace newsmine {
namespace {

bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// True when the period at text[dot] ends an abbreviation such as "St.",
// "Mr.", "Jan." or "U.S." rather than a sentence: the word before it is one to
// three letters starting with a capital, or the next word starts in lower case.
bool abbreviation_period(std::string_view text, std::size_t dot) {
  std::size_t begin = dot;
  while (begin > 0 && is_letter(text[begin - 1])) --begin;
  if (dot - begin >= 1 && dot - begin <= 3 && text[begin] >= 'A' && text[begin] <= 'Z') return true;
  std::size_t next = dot + 1;
  while (next < text.size() && text[next] == ' ') ++next;
  return next < text.size() && text[next] >= 'a' && text[next] <= 'z';
}

// True when the byte at i ends a sentence.
bool ends_sentence(std::string_view text, std::size_t i) {
  const char c = text[i];
  if (c == '\n') return true;
  if (c != '.' && c != '!' && c != '?') return false;
  if (i + 1 >= text.size()) return true;
  const char next = text[i + 1];
  if (next != ' ' && next != '\n' && next != '\t') return false;
  return !(c == '.' && abbreviation_period(text, i));
}

}  // namespace

bool sentence_break(std::string_view text, std::size_t from, std::size_t to) {
  for (std::size_t i = from; i < to && i < text.size(); ++i) {
    if (ends_sentence(text, i)) return true;
  }
  return false;
}

std::size_t sentence_begin(std::string_view text, std::size_t position, std::size_t reach) {
  const std::size_t limit = position > reach ? position - reach : 0;
  for (std::size_t i = position; i > limit; --i) {
    if (ends_sentence(text, i - 1)) return i;
  }
  return limit;
}

std::size_t sentence_end(std::string_view text, std::size_t position, std::size_t reach) {
  const std::size_t limit = position + reach < text.size() ? position + reach : text.size();
  for (std::size_t i = position; i < limit; ++i) {
    if (ends_sentence(text, i)) return i + 1;
  }
  return limit;
}

}  // namespace newsmine
