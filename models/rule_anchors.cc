#include "models/rule_anchors.h"

#include <algorithm>
#include <bit>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace newsmine {
namespace {

// RE2's \b is ASCII: a word character is [0-9A-Za-z_].
constexpr std::array<bool, 256> kWordByte = [] {
  std::array<bool, 256> table{};
  for (int c = 0; c < 256; ++c)
    table[static_cast<std::size_t>(c)] = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  return table;
}();

bool is_letter(unsigned char c) { return static_cast<unsigned char>((c | 0x20) - 'a') < 26; }
bool is_word_byte(unsigned char c) { return kWordByte[c]; }
// The white space PatternStarts skips between a start word and the next token.
bool is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

constexpr std::uint64_t kOnes = 0x0101010101010101ull;
constexpr std::uint64_t kHighs = 0x8080808080808080ull;

// The eight bytes at `at`, or fewer (zero-filled) at the end of the text.
std::uint64_t load8(const unsigned char* at, std::size_t available) {
  std::uint64_t word = 0;
  if (available >= 8) {
    std::memcpy(&word, at, 8);
  } else {
    for (std::size_t i = 0; i < available; ++i) word |= static_cast<std::uint64_t>(at[i]) << (8 * i);
  }
  return word;  // little-endian order is assumed by the bit tricks below
}

// Bit 7 of each byte set where the byte is an ASCII letter.
std::uint64_t letter_bytes(std::uint64_t word) {
  const std::uint64_t lower = word | (0x20 * kOnes);
  const std::uint64_t low7 = lower & ~kHighs;
  const std::uint64_t at_least_a = (low7 + (0x80 - 'a') * kOnes) & kHighs;
  const std::uint64_t above_z = (low7 + (0x80 - 'z' - 1) * kOnes) & kHighs;
  return at_least_a & ~above_z & ~(word & kHighs);
}

// The number of letters from `at` (at least one is there).
std::size_t letter_run(const unsigned char* at, std::size_t available) {
  std::size_t length = 0;
  while (length < available) {
    const std::uint64_t others = ~letter_bytes(load8(at + length, available - length)) & kHighs;
    if (others != 0) return std::min(available, length + static_cast<std::size_t>(std::countr_zero(others)) / 8);
    length += 8;
  }
  return available;
}

// Up to eight letters from `at`, lower-cased, packed into a word;
// `available` bytes may be read.
std::uint64_t pack_letters(const unsigned char* at, std::size_t count, std::size_t available) {
  if (count > 8) count = 8;
  const std::uint64_t mask = count == 8 ? ~0ull : (1ull << (8 * count)) - 1;
  return (load8(at, available) | (0x20 * kOnes)) & mask;
}

// A hash of the `length` letters at `at` from the first and last eight and
// the length: one multiply per word, not per letter.
std::uint64_t hash_letters(const unsigned char* at, std::size_t length, std::size_t available) {
  std::uint64_t key = pack_letters(at, length, available) * 0x9E3779B97F4A7C15ull;
  if (length > 8) key ^= pack_letters(at + length - 8, 8, 8) * 0xC2B2AE3D27D4EB4Full;
  key ^= length * 0x165667B19E3779F9ull;
  return key ^ (key >> 29);
}

std::uint64_t hash_letters(std::string_view letters) {
  return hash_letters(reinterpret_cast<const unsigned char*>(letters.data()), letters.size(), letters.size());
}

bool same_letters(std::string_view text, std::string_view lower) {
  if (text.size() != lower.size()) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) | 0x20) != static_cast<unsigned char>(lower[i])) return false;
  }
  return true;
}

}  // namespace

RuleAnchors::RuleAnchors(const std::vector<PatternStarts>& starts) {
  for (std::size_t rule = 0; rule < starts.size() && rule < kMaxRules; ++rule) {
    const PatternStarts& start = starts[rule];
    for (const StartWord& word : start.words) add_word(word, rule);
    for (std::size_t b = 0; b < 256; ++b) {
      if (!start.bytes[b]) continue;
      NextToken next;  // anything, unless the rule says what follows this byte
      for (const auto& [symbol, constraint] : start.byte_next)
        if (symbol == b) next = constraint;
      if (byte_rules_[b].any()) {
        byte_next_[b].merge(next);
      } else {
        byte_next_[b] = next;
      }
      byte_rules_[b].set(rule);
    }
    for (std::size_t length = 1; length <= 16; ++length) {
      const bool allowed = !start.digit_run_known ||
                           (static_cast<int>(length) >= start.digit_run_min &&
                            (static_cast<int>(length) <= start.digit_run_max || (length == 16 && start.digit_run_max >= 16)));
      if (allowed) digit_run_rules_[length].set(rule);
    }
    for (std::size_t b = 0; b < 256; ++b) {
      if (!start.digit_run_known || start.after_digit_run[b]) after_digits_rules_[b].set(rule);
    }
    const NextToken& token = start.after_digit_token;
    if (!start.digit_run_known || token.any) {
      digit_token_free_.set(rule);
    } else {
      for (std::size_t b = 0; b < 256; ++b)
        if (token.bytes[b]) digit_token_bytes_[b].set(rule);
      for (const StartWord& word : token.words) {
        if (word.whole) {
          digit_token_words_.emplace_back(hash_letters(word.prefix), RuleMask().set(rule));
        } else {
          digit_token_prefixes_.emplace_back(word.prefix, RuleMask().set(rule));
        }
      }
    }
    if (start.any_letter) any_letter_.set(rule);
    if (start.letters_inside_words) letters_inside_words_.set(rule);
    if (start.digits_inside_words) digits_inside_words_.set(rule);
  }
  for (std::size_t b = 0; b < 256; ++b) byte_starts_[b] = byte_rules_[b].any();
  // One entry per word hash, the rules merged.
  std::sort(digit_token_words_.begin(), digit_token_words_.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::pair<std::uint64_t, RuleMask>> merged;
  for (const auto& entry : digit_token_words_) {
    if (!merged.empty() && merged.back().first == entry.first) {
      merged.back().second |= entry.second;
    } else {
      merged.push_back(entry);
    }
  }
  digit_token_words_ = std::move(merged);
  inside_words_ = letters_inside_words_.any() || digits_inside_words_.any();
  any_letter_some_ = any_letter_.any();
  for (std::size_t b = 0x21; b < 256; ++b) {
    if (byte_starts_[b] && !is_word_byte(static_cast<unsigned char>(b))) symbol_starts_ = true;
  }
  letters_inside_some_ = letters_inside_words_.any();
  std::size_t capacity = 16;
  while (capacity < 4 * words_.size()) capacity *= 2;
  slots_.assign(capacity, 0);
  std::size_t pairs = 0;
  for (std::size_t w = 0; w < words_.size(); ++w) {
    std::size_t slot = hash_letters(words_[w].letters) & (capacity - 1);
    while (slots_[slot] != 0) slot = (slot + 1) & (capacity - 1);
    slots_[slot] = static_cast<std::uint32_t>(w + 1);
    pairs += words_[w].next.words.size();
  }
  // Whole words that may follow a start word go to one hash set of pairs; a
  // collision only lets a position through that the regex then rejects.
  std::size_t pair_capacity = 16;
  while (pair_capacity < 4 * pairs) pair_capacity *= 2;
  next_words_.assign(pair_capacity, 0);
  for (std::size_t w = 0; w < words_.size(); ++w) {
    std::vector<StartWord> prefixes;
    for (const StartWord& next : words_[w].next.words) {
      if (!next.whole) {
        prefixes.push_back(next);
        continue;
      }
      const std::uint64_t key = pair_key(w, hash_letters(next.prefix));
      std::size_t slot = key & (pair_capacity - 1);
      while (next_words_[slot] != 0 && next_words_[slot] != key) slot = (slot + 1) & (pair_capacity - 1);
      next_words_[slot] = key;
    }
    words_[w].next.words = std::move(prefixes);
    for (const StartWord& prefix : words_[w].next.words) words_[w].prefix_letters |= 1u << (prefix.prefix[0] - 'a');
  }
}

void RuleAnchors::add_word(const StartWord& word, std::size_t rule) {
  for (char c : word.prefix) {
    if (!is_letter(static_cast<unsigned char>(c))) {  // not a letter word after all: any word may start it
      any_letter_.set(rule);
      return;
    }
  }
  if (word.prefix.empty()) {
    any_letter_.set(rule);
    return;
  }
  if (!word.whole) {
    const std::size_t first = static_cast<std::size_t>(word.prefix[0] - 'a');
    for (Prefix& known : prefixes_[first]) {
      if (known.letters == word.prefix) {
        known.rules.set(rule);
        return;
      }
    }
    prefixes_[first].push_back({word.prefix, RuleMask().set(rule)});
    prefix_letters_ |= 1u << first;
    mark_prefix(word.prefix);
    return;
  }
  for (Word& known : words_) {
    if (known.letters == word.prefix) {
      known.rules.set(rule);
      known.next.merge(word.next);
      return;
    }
  }
  words_.push_back({word.prefix, RuleMask().set(rule), word.next});
  word_filter_.set(hash_letters(word.prefix) & (word_filter_.size() - 1));
}

const RuleAnchors::Word* RuleAnchors::find_word(std::string_view letters, std::uint64_t hash) const {
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t slot = hash & mask; slots_[slot] != 0; slot = (slot + 1) & mask) {
    const Word& word = words_[slots_[slot] - 1];
    if (same_letters(letters, word.letters)) return &word;
  }
  return nullptr;
}

bool RuleAnchors::word_rules(std::string_view text, std::size_t at, std::size_t end, std::uint64_t hash,
                             RuleMask& rules) const {
  bool found = false;
  if (const Word* word = find_word(text.substr(at, end - at), hash);
      word != nullptr && next_allows_word(static_cast<std::size_t>(word - words_.data()), text, end)) {
    rules |= word->rules;
    found = true;
  }
  const std::size_t first = static_cast<std::size_t>((static_cast<unsigned char>(text[at]) | 0x20) - 'a');
  if ((prefix_letters_ >> first) & 1) {
    for (const Prefix& prefix : prefixes_[first]) {
      if (prefix.letters.size() <= end - at && same_letters(text.substr(at, prefix.letters.size()), prefix.letters)) {
        rules |= prefix.rules;
        found = true;
      }
    }
  }
  return found;
}

std::uint64_t RuleAnchors::pair_key(std::size_t word, std::uint64_t next_hash) {
  const std::uint64_t key = next_hash ^ ((word + 1) * 0x9E3779B97F4A7C15ull);
  return key == 0 ? 1 : key;
}

bool RuleAnchors::next_allows_word(std::size_t word, std::string_view text, std::size_t end) const {
  const NextToken& next = words_[word].next;
  if (next.any) return true;
  std::size_t at = end;
  while (at < text.size() && is_space(static_cast<unsigned char>(text[at]))) ++at;
  if (at == text.size()) return false;
  const unsigned char* bytes = reinterpret_cast<const unsigned char*>(text.data());
  if (!is_letter(bytes[at])) return next.bytes[bytes[at]];
  const std::size_t length = letter_run(bytes + at, text.size() - at);
  const std::uint64_t key = pair_key(word, hash_letters(bytes + at, length, text.size() - at));
  const std::size_t mask = next_words_.size() - 1;
  for (std::size_t slot = key & mask; next_words_[slot] != 0; slot = (slot + 1) & mask) {
    if (next_words_[slot] == key) return true;
  }
  // The word prefixes that may follow, if one begins with this letter.
  if (!((words_[word].prefix_letters >> ((bytes[at] | 0x20) - 'a')) & 1)) return false;
  for (const StartWord& prefix : next.words) {
    if (prefix.prefix.size() <= length && same_letters(text.substr(at, prefix.prefix.size()), prefix.prefix)) return true;
  }
  return false;
}

RuleMask RuleAnchors::digit_token_rules(std::string_view text, std::size_t end) const {
  RuleMask rules = digit_token_free_;
  std::size_t at = end;
  while (at < text.size() && is_space(static_cast<unsigned char>(text[at]))) ++at;
  if (at == text.size()) return rules | digit_token_bytes_[256];
  const unsigned char* bytes = reinterpret_cast<const unsigned char*>(text.data());
  if (!is_letter(bytes[at])) return rules | digit_token_bytes_[bytes[at]];
  const std::size_t length = letter_run(bytes + at, text.size() - at);
  const std::uint64_t hash = hash_letters(bytes + at, length, text.size() - at);
  const auto found = std::lower_bound(digit_token_words_.begin(), digit_token_words_.end(), hash,
                                      [](const auto& entry, std::uint64_t h) { return entry.first < h; });
  if (found != digit_token_words_.end() && found->first == hash) rules |= found->second;  // a collision only adds rules
  for (const auto& [prefix, prefix_rules] : digit_token_prefixes_) {
    if (prefix.size() <= length && same_letters(text.substr(at, prefix.size()), prefix)) rules |= prefix_rules;
  }
  return rules;
}

bool RuleAnchors::next_allows(const NextToken& next, std::string_view text, std::size_t end, bool adjacent) {
  if (next.any) return true;
  std::size_t at = end;
  while (!adjacent && at < text.size() && is_space(static_cast<unsigned char>(text[at]))) ++at;
  if (at == text.size()) return false;
  const unsigned char c = static_cast<unsigned char>(text[at]);
  if (!is_letter(c)) return next.bytes[c];
  std::size_t stop = at;
  while (stop < text.size() && is_letter(static_cast<unsigned char>(text[stop]))) ++stop;
  const std::size_t length = stop - at;
  for (const StartWord& word : next.words) {
    if (word.prefix.size() > length || (word.whole && word.prefix.size() != length)) continue;
    if (same_letters(text.substr(at, word.prefix.size()), word.prefix)) return true;
  }
  return false;
}

// The prefix filter slot of a letter word: its first two letters and length.
std::size_t RuleAnchors::prefix_key(const unsigned char* at, std::size_t length) {
  const std::size_t first = (at[0] | 0x20) & 0x1F;
  const std::size_t second = length > 1 ? (at[1] | 0x20) & 0x1F : 0;
  return first | second << 5 | (length < 15 ? length : 15) << 10;
}

void RuleAnchors::mark_prefix(std::string_view letters) {
  const unsigned char* at = reinterpret_cast<const unsigned char*>(letters.data());
  const std::size_t first = (at[0] | 0x20) & 0x1F;
  for (std::size_t length = letters.size(); length <= 15; ++length) {
    for (std::size_t second = 0; second < 32; ++second) {
      if (letters.size() > 1 && second != ((at[1] | 0x20) & 0x1F)) continue;
      prefix_filter_.set(first | second << 5 | length << 10);
    }
  }
}

bool RuleAnchors::may_start(const unsigned char* at, std::size_t length, std::uint64_t hash) const {
  return word_filter_[hash & (word_filter_.size() - 1)] || prefix_filter_[prefix_key(at, length)];
}

bool RuleAnchors::starts_here(std::string_view text, std::size_t at, bool word_start, RuleMask& rules,
                              std::size_t letters, std::uint64_t hash) const {
  const unsigned char* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const unsigned char c = bytes[at];
  if (is_letter(c)) {
    const std::size_t length = letters > 0 ? letters : letter_run(bytes + at, text.size() - at);
    if (letters == 0) hash = hash_letters(bytes + at, length, text.size() - at);
    const bool listed = may_start(bytes + at, length, hash);
    if (!listed && !any_letter_some_) return false;
    rules = any_letter_;
    const bool found = (listed && word_rules(text, at, at + length, hash, rules)) || any_letter_some_;
    if (!found) return false;
    if (!word_start) rules &= letters_inside_words_;
    return rules.any();
  }
  if (!byte_starts_[c]) return false;
  if (!is_word_byte(c) && !next_allows(byte_next_[c], text, at + 1, /*adjacent=*/true)) return false;
  rules = byte_rules_[c];
  if (c >= '0' && c <= '9') {  // the length of the digit run and the byte after it
    std::size_t end = at + 1;
    while (end < text.size() && bytes[end] >= '0' && bytes[end] <= '9') ++end;
    const std::size_t length = std::min<std::size_t>(end - at, 16);
    const unsigned char after = end < text.size() ? static_cast<unsigned char>(bytes[end] | (is_letter(bytes[end]) ? 0x20 : 0)) : 0;
    rules &= digit_run_rules_[length];
    rules &= after_digits_rules_[after];
    if (rules.any()) rules &= digit_token_rules(text, end);
  }
  if (!word_start && is_word_byte(c)) rules &= digits_inside_words_;
  return rules.any();
}

template <typename Found>
void RuleAnchors::scan(std::string_view text, std::size_t from, Found&& found) const {
  const unsigned char* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t size = text.size();
  RuleMask rules;
  std::size_t i = from;
  if (inside_words_) {  // some rule begins inside words: every byte is a candidate
    for (; i < size; ++i) {
      if (starts_here(text, i, i == 0 || !is_word_byte(bytes[i - 1]), rules) && found(i, rules)) return;
    }
    return;
  }
  // No rule begins inside a word: step over the rest of the one `from` is in.
  if (i > 0) {
    while (i < size && is_word_byte(bytes[i]) && is_word_byte(bytes[i - 1])) ++i;
  }
#if defined(__SSE2__)
  // Sixteen bytes at a time: a bit for each word start and each byte that
  // may begin a rule by itself ("$", a lead byte of "€").
  const __m128i space_end = _mm_set1_epi8(0x21);
  const __m128i minus_one = _mm_set1_epi8(-1);
  while (i + 16 <= size) {
    const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes + i));
    const __m128i lower = _mm_or_si128(block, _mm_set1_epi8(0x20));
    const __m128i letter = _mm_and_si128(_mm_cmpgt_epi8(lower, _mm_set1_epi8('a' - 1)), _mm_cmplt_epi8(lower, _mm_set1_epi8('z' + 1)));
    const __m128i digit = _mm_and_si128(_mm_cmpgt_epi8(block, _mm_set1_epi8('0' - 1)), _mm_cmplt_epi8(block, _mm_set1_epi8('9' + 1)));
    const __m128i word = _mm_or_si128(_mm_or_si128(letter, digit), _mm_cmpeq_epi8(block, _mm_set1_epi8('_')));
    const unsigned word_bits = static_cast<unsigned>(_mm_movemask_epi8(word));
    const unsigned letter_bits = static_cast<unsigned>(_mm_movemask_epi8(letter));
    const unsigned before = i > 0 && is_word_byte(bytes[i - 1]) ? 1u : 0u;
    unsigned events = word_bits & ~((word_bits << 1) | before) & 0xFFFF;
    if (symbol_starts_) {
      // Not a word byte, not white space or a control byte.
      const __m128i quiet = _mm_and_si128(_mm_cmpgt_epi8(block, minus_one), _mm_cmplt_epi8(block, space_end));
      events |= ~(word_bits | static_cast<unsigned>(_mm_movemask_epi8(quiet))) & 0xFFFF;
    }
    for (; events != 0; events &= events - 1) {
      const unsigned bit = static_cast<unsigned>(std::countr_zero(events));
      const std::size_t at = i + bit;
      std::size_t letters = 0;
      std::uint64_t hash = 0;
      if ((letter_bits >> bit) & 1) {
        // The letters from here, read off the block while it lasts; most
        // words fail the filter and cost no more than this.
        letters = static_cast<std::size_t>(std::countr_one(letter_bits >> bit));
        if (bit + letters >= 16) letters = 16 - bit + letter_run(bytes + i + 16, size - i - 16);
        hash = hash_letters(bytes + at, letters, size - at);
        if (!any_letter_some_ && !may_start(bytes + at, letters, hash)) continue;
      } else if (!byte_starts_[bytes[at]]) {
        continue;
      }
      if (starts_here(text, at, true, rules, letters, hash) && found(at, rules)) return;
    }
    i += 16;
  }
#endif
  for (; i < size; ++i) {
    const bool word_start = i == 0 || !is_word_byte(bytes[i - 1]);
    if (is_word_byte(bytes[i]) && !word_start) continue;
    if (starts_here(text, i, word_start, rules) && found(i, rules)) return;
  }
}

std::size_t RuleAnchors::next(std::string_view text, std::size_t from, RuleMask& rules) const {
  std::size_t first = text.size();
  rules.reset();
  scan(text, from, [&](std::size_t at, const RuleMask& mask) {
    first = at;
    rules = mask;
    return true;
  });
  return first;
}

void RuleAnchors::find_all(std::string_view text, std::vector<Anchor>& out) const {
  out.clear();
  scan(text, 0, [&](std::size_t at, const RuleMask& mask) {
    out.push_back({static_cast<std::uint32_t>(at), mask});
    return false;
  });
}

}  // namespace newsmine
