#include "models/date_tense_words.h"

#include <algorithm>
#include <bit>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace newsmine {
namespace {

bool is_letter(char c) { return static_cast<unsigned char>((c | 0x20) - 'a') < 26; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

// Sixty-four bytes of a text from `at`, of which the first `size` are
// looked at, as bit masks of byte classes (bit k: byte at + k). The words
// near a mention are read from these: most bytes are then never looked at
// one by one.
class Chunk {
 public:
  static constexpr std::size_t kSize = 64;

  Chunk(std::string_view text, std::size_t at, std::size_t size)
      : valid_(size >= kSize ? ~0ull : (1ull << size) - 1) {
    if (at + kSize <= text.size()) {
      bytes_ = text.data() + at;
    } else {  // near the end of the text: a copy, so that whole blocks can be read
      std::memset(copy_, 0, sizeof copy_);
      std::memcpy(copy_, text.data() + at, size);
      bytes_ = copy_;
    }
  }

  struct WordMasks {
    std::uint64_t letters = 0, apostrophes = 0, digits = 0, clauses = 0;  // clauses: , ; :
  };
  WordMasks word_masks() const {
    WordMasks m;
#if defined(__SSE2__)
    for (std::size_t b = 0; b < kSize; b += 16) {
      const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes_ + b));
      // Letters and digits moved to the bottom of the signed range: one compare finds each.
      const __m128i folded = _mm_or_si128(block, _mm_set1_epi8(0x20));
      const __m128i letter = _mm_cmplt_epi8(_mm_add_epi8(folded, _mm_set1_epi8(static_cast<char>(0x80 - 'a'))),
                                            _mm_set1_epi8(static_cast<char>(0x80 + 26)));
      const __m128i digit = _mm_cmplt_epi8(_mm_add_epi8(block, _mm_set1_epi8(static_cast<char>(0x80 - '0'))),
                                           _mm_set1_epi8(static_cast<char>(0x80 + 10)));
      const __m128i apostrophe = _mm_cmpeq_epi8(block, _mm_set1_epi8('\''));
      const __m128i clause = _mm_or_si128(_mm_cmpeq_epi8(block, _mm_set1_epi8(',')),
                                          _mm_or_si128(_mm_cmpeq_epi8(block, _mm_set1_epi8(';')),
                                                       _mm_cmpeq_epi8(block, _mm_set1_epi8(':'))));
      m.letters |= bits(letter) << b;
      m.digits |= bits(digit) << b;
      m.apostrophes |= bits(apostrophe) << b;
      m.clauses |= bits(clause) << b;
    }
#else
    for (std::size_t k = 0; k < kSize; ++k) {
      const char c = bytes_[k];
      m.letters |= static_cast<std::uint64_t>(is_letter(c)) << k;
      m.digits |= static_cast<std::uint64_t>(is_digit(c)) << k;
      m.apostrophes |= static_cast<std::uint64_t>(c == '\'') << k;
      m.clauses |= static_cast<std::uint64_t>(c == ',' || c == ';' || c == ':') << k;
    }
#endif
    m.letters &= valid_;
    m.digits &= valid_;
    m.apostrophes &= valid_;
    m.clauses &= valid_;
    return m;
  }

  std::uint64_t spaces() const {
    std::uint64_t m = 0;
#if defined(__SSE2__)
    for (std::size_t b = 0; b < kSize; b += 16) {
      const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes_ + b));
      const __m128i space = _mm_or_si128(
          _mm_or_si128(_mm_cmpeq_epi8(block, _mm_set1_epi8(' ')), _mm_cmpeq_epi8(block, _mm_set1_epi8('\n'))),
          _mm_or_si128(_mm_cmpeq_epi8(block, _mm_set1_epi8('\t')), _mm_cmpeq_epi8(block, _mm_set1_epi8('\r'))));
      m |= bits(space) << b;
    }
#else
    for (std::size_t k = 0; k < kSize; ++k) m |= static_cast<std::uint64_t>(is_space(bytes_[k])) << k;
#endif
    return m & valid_;
  }

  std::uint64_t valid() const { return valid_; }

 private:
#if defined(__SSE2__)
  static std::uint64_t bits(__m128i mask) { return static_cast<std::uint32_t>(_mm_movemask_epi8(mask)); }
#endif

  const char* bytes_ = nullptr;
  std::uint64_t valid_;
  char copy_[kSize];
};

}  // namespace

std::size_t read_cue_words(std::string_view text, std::size_t from, std::size_t to, std::size_t limit, CueWord* out,
                           std::size_t capacity, std::size_t keep) {
  std::size_t count = 0, size_out = 0;
  for (std::size_t i = from; i < to && count < limit;) {
    const std::size_t size = std::min(Chunk::kSize, to - i);
    const Chunk::WordMasks m = Chunk(text, i, size).word_masks();
    // An apostrophe between two letters is inside a word ("don't"); the
    // byte after the chunk decides for one at its end.
    const std::uint64_t letter_after = size == Chunk::kSize && i + size < to && is_letter(text[i + size]) ? 1ull << 63 : 0;
    const std::uint64_t in_word = m.letters | (m.apostrophes & (m.letters << 1) & ((m.letters >> 1) | letter_after));
    // Where words begin (i itself is never inside one), digits and clause marks.
    std::uint64_t events = (m.letters & ~(in_word << 1)) | m.digits | m.clauses;
    std::size_t next = i + size;
    while (events != 0) {
      const unsigned bit = static_cast<unsigned>(std::countr_zero(events));
      const std::size_t at = i + bit;
      std::size_t end = at + 1;
      if (size_out == capacity) {  // only the last `keep` stay
        std::copy(out + size_out - keep, out + size_out, out);
        size_out = keep;
      }
      CueWord& word = out[size_out++];
      word.kind = CueWord::Kind::letters;
      word.start = static_cast<std::uint32_t>(at);
      if ((m.letters >> bit) & 1) {
        end = at + static_cast<std::size_t>(std::countr_one(in_word >> bit));
        if (end == i + Chunk::kSize) {  // the word goes on after the chunk
          while (end < to && (is_letter(text[end]) || (text[end] == '\'' && end + 1 < to && is_letter(text[end + 1])))) {
            ++end;
          }
        }
      } else if ((m.digits >> bit) & 1) {
        while (end < to && (is_digit(text[end]) || text[end] == ',' || text[end] == '.')) ++end;
        word.kind = CueWord::Kind::number;
      } else {
        word.kind = CueWord::Kind::clause;
      }
      word.size = static_cast<std::uint32_t>(end - at);
      if (++count == limit) return size_out;
      if (end >= i + size) {  // the word reached the end of the chunk
        next = end;
        break;
      }
      events &= ~0ull << (end - i);  // nothing begins inside a word
    }
    i = next;
  }
  return size_out;
}

std::size_t runs_back(std::string_view text, std::size_t begin, std::size_t to, std::size_t runs) {
  if (runs == 0) return to;
  for (std::size_t hi = to; hi > begin;) {
    const std::size_t lo = hi - begin > Chunk::kSize ? hi - Chunk::kSize : begin;
    const Chunk chunk(text, lo, hi - lo);
    const std::uint64_t word = ~chunk.spaces() & chunk.valid();
    const std::uint64_t word_before = lo > begin && !is_space(text[lo - 1]) ? 1 : 0;
    std::uint64_t starts = word & ~((word << 1) | word_before);
    const std::size_t found = static_cast<std::size_t>(std::popcount(starts));
    if (found >= runs) {
      for (; runs > 1; --runs) starts &= ~(1ull << (63 - std::countl_zero(starts)));  // runs nearer `to`
      return lo + static_cast<std::size_t>(63 - std::countl_zero(starts));
    }
    runs -= found;
    hi = lo;
  }
  return begin;
}


}  // namespace newsmine
