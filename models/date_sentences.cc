#include "models/date_sentences.h"

#include <bit>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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

// The bytes that may end a sentence; most bytes are none of these, so the
// searches below look for them sixteen at a time and check only those.
bool may_end(char c) { return c == '\n' || c == '.' || c == '!' || c == '?'; }

#if defined(__SSE2__)
// Bit k set: p[k] may end a sentence.
unsigned may_end_bits(const char* p) {
  const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  const __m128i newline = _mm_cmpeq_epi8(block, _mm_set1_epi8('\n'));
  const __m128i period = _mm_cmpeq_epi8(block, _mm_set1_epi8('.'));
  const __m128i bang = _mm_cmpeq_epi8(block, _mm_set1_epi8('!'));
  const __m128i question = _mm_cmpeq_epi8(block, _mm_set1_epi8('?'));
  return static_cast<unsigned>(
      _mm_movemask_epi8(_mm_or_si128(_mm_or_si128(newline, period), _mm_or_si128(bang, question))));
}
#endif

// The first i in [from, to) that ends a sentence, or `to` (to <= text.size()).
std::size_t first_end(std::string_view text, std::size_t from, std::size_t to) {
  std::size_t i = from;
#if defined(__SSE2__)
  for (; i + 16 <= to; i += 16) {
    for (unsigned bits = may_end_bits(text.data() + i); bits != 0; bits &= bits - 1) {
      const std::size_t at = i + static_cast<std::size_t>(std::countr_zero(bits));
      if (ends_sentence(text, at)) return at;
    }
  }
#endif
  for (; i < to; ++i) {
    if (may_end(text[i]) && ends_sentence(text, i)) return i;
  }
  return to;
}

// The last i in [from, to) that ends a sentence, or `to` when none does (to <= text.size()).
std::size_t last_end(std::string_view text, std::size_t from, std::size_t to) {
  std::size_t i = to;
#if defined(__SSE2__)
  for (; i >= from + 16; i -= 16) {
    for (unsigned bits = may_end_bits(text.data() + i - 16); bits != 0;) {
      const int top = 31 - std::countl_zero(bits);
      const std::size_t at = i - 16 + static_cast<std::size_t>(top);
      if (ends_sentence(text, at)) return at;
      bits &= ~(1u << top);
    }
  }
#endif
  for (; i > from; --i) {
    if (may_end(text[i - 1]) && ends_sentence(text, i - 1)) return i - 1;
  }
  return to;
}

}  // namespace

bool sentence_break(std::string_view text, std::size_t from, std::size_t to) {
  if (to > text.size()) to = text.size();
  return from < to && first_end(text, from, to) < to;
}

std::size_t sentence_begin(std::string_view text, std::size_t position, std::size_t reach) {
  const std::size_t limit = position > reach ? position - reach : 0;
  if (position > text.size()) position = text.size();
  if (position <= limit) return limit;
  const std::size_t last = last_end(text, limit, position);
  return last < position ? last + 1 : limit;
}

std::size_t sentence_end(std::string_view text, std::size_t position, std::size_t reach) {
  const std::size_t limit = position + reach < text.size() ? position + reach : text.size();
  if (position >= limit) return limit;
  const std::size_t first = first_end(text, position, limit);
  return first < limit ? first + 1 : limit;
}

}  // namespace newsmine
