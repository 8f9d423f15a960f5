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
constexpr std::array<bool, 256> kSpaceByte = [] {
  std::array<bool, 256> table{};
  for (char c : {' ', '\t', '\n', '\r', '\f', '\v'}) table[static_cast<unsigned char>(c)] = true;
  return table;
}();
bool is_space(unsigned char c) { return kSpaceByte[c]; }

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

// The letters at `at` folded into 64 bits that tell words apart, and are
// never 0: up to eight letters lower-cased as they are; a longer word mixes
// in its last eight and its length. `first_eight` is load8(at, ...).
std::uint64_t fold_letters(std::uint64_t first_eight, const unsigned char* at, std::size_t length) {
  const std::size_t first = std::min<std::size_t>(length, 8);
  std::uint64_t folded = (first_eight | (0x20 * kOnes)) & (~0ull >> (64 - 8 * first));
  if (length > 8) {
    // Bit 63 of a letter is 0: set in the mix, it keeps the result non-zero.
    const std::uint64_t last = load8(at + length - 8, 8) | (0x20 * kOnes);
    folded ^= (last * 0xC2B2AE3D27D4EB4Full + length) | (1ull << 63);
  }
  return folded;
}

std::uint64_t fold_letters(std::string_view letters) {
  const unsigned char* at = reinterpret_cast<const unsigned char*>(letters.data());
  return fold_letters(load8(at, letters.size()), at, letters.size());
}

// The letter word at `at` (a letter is there): its length and its letters folded.
struct WordAt {
  std::size_t letters;
  std::uint64_t folded;
};

WordAt word_at(const unsigned char* at, std::size_t available) {
  const std::uint64_t eight = load8(at, available);
  const std::uint64_t others = ~letter_bytes(eight) & kHighs;  // the zero fill is no letter
  const std::size_t letters = others != 0 ? static_cast<std::size_t>(std::countr_zero(others)) / 8
                                          : 8 + letter_run(at + 8, available - 8);
  return {letters, fold_letters(eight, at, letters)};
}

// The keys of the table: folded letters times an odd constant for each kind
// of entry, so never 0 either; the product's top bits pick the slot.
constexpr std::uint64_t kWordKey = 0x9E3779B97F4A7C15ull;        // a whole start word
constexpr std::uint64_t kPrefixKey = 0xD6E8FEB86659FD93ull;      // a start prefix
constexpr std::uint64_t kDigitTokenKey = 0xA0761D6478BD642Full;  // a whole word after a digit run

// Bits 1..count set: the prefix lengths a word of `count` letters has.
std::uint64_t lengths_up_to(std::size_t count) { return count >= 63 ? ~1ull : (2ull << count) - 2; }

bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

bool same_letters(std::string_view text, std::string_view lower) {
  if (text.size() != lower.size()) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) | 0x20) != static_cast<unsigned char>(lower[i])) return false;
  }
  return true;
}

// True when `letters` is a non-empty run of ASCII letters.
bool letter_word(std::string_view letters) {
  return !letters.empty() && std::all_of(letters.begin(), letters.end(), [](char c) { return is_letter(static_cast<unsigned char>(c)); });
}

#if defined(__SSE2__)
// The bytes of a block of sixteen as bit masks (bit i: byte i).
struct Block {
  unsigned letters = 0;
  unsigned words = 0;  // word bytes: letters, digits, '_'
  unsigned loud = 0;   // neither word bytes nor quiet (below `quiet_end`: white space, control bytes)
};

Block classify(const unsigned char* at, __m128i quiet_end) {
  const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(at));
  const __m128i lower = _mm_or_si128(block, _mm_set1_epi8(0x20));
  const __m128i letter = _mm_and_si128(_mm_cmpgt_epi8(lower, _mm_set1_epi8('a' - 1)), _mm_cmplt_epi8(lower, _mm_set1_epi8('z' + 1)));
  const __m128i digit = _mm_and_si128(_mm_cmpgt_epi8(block, _mm_set1_epi8('0' - 1)), _mm_cmplt_epi8(block, _mm_set1_epi8('9' + 1)));
  const __m128i word = _mm_or_si128(_mm_or_si128(letter, digit), _mm_cmpeq_epi8(block, _mm_set1_epi8('_')));
  const __m128i quiet = _mm_and_si128(_mm_cmpgt_epi8(block, _mm_set1_epi8(-1)), _mm_cmplt_epi8(block, quiet_end));
  Block bits;
  bits.letters = static_cast<unsigned>(_mm_movemask_epi8(letter));
  bits.words = static_cast<unsigned>(_mm_movemask_epi8(word));
  bits.loud = ~static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(word, quiet))) & 0xFFFF;
  return bits;
}

// The block at `at`, zero bytes standing in past the end of the text.
Block classify(const unsigned char* at, std::size_t available, __m128i quiet_end) {
  if (available >= 16) return classify(at, quiet_end);
  unsigned char padded[16] = {};
  std::memcpy(padded, at, available);
  Block bits = classify(padded, quiet_end);
  bits.loud &= (1u << available) - 1;
  return bits;
}
#endif

}  // namespace

RuleAnchors::RuleAnchors(const std::vector<PatternStarts>& starts) {
  RuleMask digit_token_free;
  for (std::size_t rule = 0; rule < starts.size() && rule < kMaxRules; ++rule) {
    const PatternStarts& start = starts[rule];
    const RuleMask just_this = RuleMask().set(rule);
    for (const StartWord& word : start.words) {
      if (!letter_word(word.prefix)) {  // not a letter word after all: any word may start it
        any_letter_.set(rule);
      } else if (word.whole) {
        add_entry(fold_letters(word.prefix) * kWordKey, just_this, word.next);
      } else {
        // A shorter prefix lets more words through.
        const std::string_view prefix = std::string_view(word.prefix).substr(0, 63);
        add_entry(fold_letters(prefix) * kPrefixKey, just_this, NextToken());
        prefix_lengths_ |= 1ull << prefix.size();
      }
    }
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
      digit_token_free.set(rule);
    } else {
      for (std::size_t b = 0; b < 256; ++b)
        if (token.bytes[b]) digit_token_bytes_[b].set(rule);
      for (const StartWord& word : token.words) {
        if (!letter_word(word.prefix)) {
          digit_token_free.set(rule);  // not a letter word: let any token through
        } else if (word.whole) {
          add_entry(fold_letters(word.prefix) * kDigitTokenKey, just_this, NextToken());
        } else {
          digit_token_prefixes_.emplace_back(word.prefix, just_this);
        }
      }
    }
    if (start.any_letter) any_letter_.set(rule);
    if (start.letters_inside_words) letters_inside_words_.set(rule);
    if (start.digits_inside_words) digits_inside_words_.set(rule);
  }
  for (std::size_t r = 0; r < std::min(starts.size(), kMaxRules); ++r) {
    if (!digit_token_free[r]) digit_token_limited_.set(r);
  }
  for (std::size_t b = 0; b < 256; ++b) {
    if (!byte_rules_[b].any()) continue;
    const unsigned char c = static_cast<unsigned char>(b);
    const NextToken& next = byte_next_[b];
    bool digits_only = !next.any && next.words.empty();
    for (std::size_t n = 0; n < 256; ++n) digits_only = digits_only && (!next.bytes[n] || is_digit(static_cast<unsigned char>(n)));
    if (is_digit(c)) {
      byte_kind_[b] = kDigitStart;
    } else if (!is_word_byte(c) && digits_only) {
      byte_kind_[b] = kSymbolBeforeDigit;  // "." in ".08": most dots are not
    } else {
      byte_kind_[b] = kSymbolStart;
    }
    if (!is_word_byte(c)) symbol_starts_ = true;
    if (b <= 0x20) quiet_starts_ = true;
  }
  inside_words_ = letters_inside_words_.any() || digits_inside_words_.any();
  any_letter_some_ = any_letter_.any();
  open_letters_ = any_letter_some_ || prefix_lengths_ != 0;
  build_table();
}

void RuleAnchors::add_entry(std::uint64_t key, const RuleMask& rules, const NextToken& next) {
  for (Entry& known : entries_) {
    if (known.key != key) continue;
    // The same letters, or (rarely) a collision: one entry lets both through.
    known.rules |= rules;
    known.next.merge(next);
    return;
  }
  entries_.push_back({key, rules, next});
}

void RuleAnchors::build_table() {
  std::size_t capacity = 16;
  while (capacity < 3 * entries_.size()) capacity *= 2;
  table_shift_ = 64 - static_cast<unsigned>(std::countr_zero(capacity));
  slot_keys_.assign(capacity, 0);
  slot_entries_.assign(capacity, 0);
  slot_mask_ = capacity - 1;
  std::size_t pairs = 0;
  for (std::size_t e = 0; e < entries_.size(); ++e) {
    std::size_t slot = entries_[e].key >> table_shift_;
    while (slot_keys_[slot] != 0) slot = (slot + 1) & (capacity - 1);
    slot_keys_[slot] = entries_[e].key;
    slot_entries_[slot] = static_cast<std::uint32_t>(e);
    pairs += entries_[e].next.words.size();
  }
  // Whole words that may follow a start word go to one hash set of pairs; a
  // collision only lets a position through that the regex then rejects.
  std::size_t pair_capacity = 16;
  while (pair_capacity < 4 * pairs) pair_capacity *= 2;
  next_words_.assign(pair_capacity, 0);
  pair_shift_ = 64 - static_cast<unsigned>(std::countr_zero(pair_capacity));
  for (std::size_t e = 0; e < entries_.size(); ++e) {
    NextToken& next = entries_[e].next;
    if (next.any) {
      next.words.clear();
      continue;
    }
    if (!std::all_of(next.words.begin(), next.words.end(), [](const StartWord& word) { return letter_word(word.prefix); })) {
      next = NextToken();  // not a letter word: let any token through
      continue;
    }
    std::vector<StartWord> prefixes;
    for (const StartWord& word : next.words) {
      if (!word.whole) {
        prefixes.push_back(word);
        continue;
      }
      const std::uint64_t key = pair_key(e, fold_letters(word.prefix));
      std::size_t slot = key >> pair_shift_;
      while (next_words_[slot] != 0 && next_words_[slot] != key) slot = (slot + 1) & (pair_capacity - 1);
      next_words_[slot] = key;
    }
    next.words = std::move(prefixes);
    for (const StartWord& prefix : next.words) entries_[e].prefix_letters |= 1u << ((prefix.prefix[0] | 0x20) - 'a');
  }
}

const RuleAnchors::Entry* RuleAnchors::find(std::uint64_t key) const {
  for (std::size_t slot = key >> table_shift_;; slot = (slot + 1) & slot_mask_) {
    const std::uint64_t known = slot_keys_[slot];
    if (known == key) return &entries_[slot_entries_[slot]];
    if (known == 0) return nullptr;
  }
}

bool RuleAnchors::word_rules(std::string_view text, std::size_t at, std::size_t letters, const Entry* word,
                             RuleMask& rules) const {
  RuleMask found = any_letter_;
  bool any = any_letter_some_;
  if (word != nullptr && next_allows_word(*word, text, at + letters)) {
    found |= word->rules;
    any = true;
  }
  if (prefix_lengths_ != 0) {
    const unsigned char* bytes = reinterpret_cast<const unsigned char*>(text.data());
    for (std::uint64_t lengths = prefix_lengths_ & lengths_up_to(letters); lengths != 0; lengths &= lengths - 1) {
      const std::size_t length = static_cast<std::size_t>(std::countr_zero(lengths));
      if (const Entry* prefix = find(fold_letters(load8(bytes + at, text.size() - at), bytes + at, length) * kPrefixKey)) {
        found |= prefix->rules;
        any = true;
      }
    }
  }
  if (any) rules = found;
  return any;
}

std::uint64_t RuleAnchors::pair_key(std::size_t word, std::uint64_t next_folded) {
  const std::uint64_t key = (next_folded ^ ((word + 1) * 0xBF58476D1CE4E5B9ull)) * kWordKey;
  return key == 0 ? 1 : key;
}

bool RuleAnchors::next_allows_word(const Entry& word, std::string_view text, std::size_t end) const {
  const NextToken& next = word.next;
  if (next.any) return true;
  std::size_t at = end;
  while (at < text.size() && is_space(static_cast<unsigned char>(text[at]))) ++at;
  if (at == text.size()) return false;
  const unsigned char* bytes = reinterpret_cast<const unsigned char*>(text.data());
  if (!is_letter(bytes[at])) return next.bytes[bytes[at]];
  const WordAt after = word_at(bytes + at, text.size() - at);
  const std::size_t length = after.letters;
  const std::uint64_t key = pair_key(static_cast<std::size_t>(&word - entries_.data()), after.folded);
  const std::size_t mask = next_words_.size() - 1;
  for (std::size_t slot = key >> pair_shift_; next_words_[slot] != 0; slot = (slot + 1) & mask) {
    if (next_words_[slot] == key) return true;
  }
  // The word prefixes that may follow, if one begins with this letter.
  if (!((word.prefix_letters >> ((bytes[at] | 0x20) - 'a')) & 1)) return false;
  for (const StartWord& prefix : next.words) {
    if (prefix.prefix.size() <= length && same_letters(text.substr(at, prefix.prefix.size()), prefix.prefix)) return true;
  }
  return false;
}

RuleMask RuleAnchors::digit_token_rules(std::string_view text, std::size_t end) const {
  std::size_t at = end;
  while (at < text.size() && is_space(static_cast<unsigned char>(text[at]))) ++at;
  if (at == text.size()) return digit_token_bytes_[256];
  const unsigned char* bytes = reinterpret_cast<const unsigned char*>(text.data());
  if (!is_letter(bytes[at])) return digit_token_bytes_[bytes[at]];
  const WordAt token = word_at(bytes + at, text.size() - at);
  const std::size_t length = token.letters;
  RuleMask rules;
  if (const Entry* word = find(token.folded * kDigitTokenKey)) rules = word->rules;
  for (const auto& [prefix, prefix_rules] : digit_token_prefixes_) {
    if (prefix.size() <= length && same_letters(text.substr(at, prefix.size()), prefix)) rules |= prefix_rules;
  }
  return rules;
}

RuleMask RuleAnchors::digit_rules(std::string_view text, std::size_t at) const {
  const unsigned char* bytes = reinterpret_cast<const unsigned char*>(text.data());
  // The length of the digit run and the byte after it.
  std::size_t end = at + 1;
  while (end < text.size() && is_digit(bytes[end])) ++end;
  const std::size_t length = std::min<std::size_t>(end - at, 16);
  const unsigned char after = end < text.size() ? static_cast<unsigned char>(bytes[end] | (is_letter(bytes[end]) ? 0x20 : 0)) : 0;
  RuleMask rules = byte_rules_[bytes[at]] & digit_run_rules_[length] & after_digits_rules_[after];
  // Most digit rules allow any token after the run: look at it only for the others.
  if ((rules & digit_token_limited_).any()) {
    const RuleMask limited = rules & digit_token_limited_;
    rules ^= limited & ~digit_token_rules(text, end);
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

bool RuleAnchors::starts_here(std::string_view text, std::size_t at, bool word_start, RuleMask& rules) const {
  const unsigned char* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const unsigned char c = bytes[at];
  if (is_letter(c)) {
    const WordAt here = word_at(bytes + at, text.size() - at);
    const Entry* word = find(here.folded * kWordKey);
    if ((word == nullptr && !open_letters_) || !word_rules(text, at, here.letters, word, rules)) return false;
    if (!word_start) rules &= letters_inside_words_;
    return rules.any();
  }
  switch (byte_kind_[c]) {
    case kNoStart:
      return false;
    case kDigitStart:
      rules = digit_rules(text, at);
      break;
    default:
      if (!is_word_byte(c) && !next_allows(byte_next_[c], text, at + 1, /*adjacent=*/true)) return false;
      rules = byte_rules_[c];
      break;
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
  if (i >= size) return;
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
  // may begin a rule by itself ("$", ".", a lead byte of "€"). White space
  // and control bytes are passed over unless a rule begins with one. The
  // block after is classified ahead, so that most words are measured off
  // the bits.
  const __m128i quiet_end = _mm_set1_epi8(quiet_starts_ ? 0 : 0x21);
  unsigned before = i > 0 && is_word_byte(bytes[i - 1]) ? 1u : 0u;
  Block block = classify(bytes + i, size - i, quiet_end);
  for (; i < size; i += 16) {
    const Block ahead = i + 16 < size ? classify(bytes + i + 16, size - i - 16, quiet_end) : Block{};
    const std::uint32_t letters_ahead = block.letters | ahead.letters << 16;
    unsigned events = block.words & ~((block.words << 1) | before) & 0xFFFF;
    if (symbol_starts_) events |= block.loud;
    for (; events != 0; events &= events - 1) {
      const unsigned bit = static_cast<unsigned>(std::countr_zero(events));
      const std::size_t at = i + bit;
      if ((block.letters >> bit) & 1) {
        std::size_t letters = static_cast<std::size_t>(std::countr_one(letters_ahead >> bit));
        if (bit + letters >= 32) letters = 32 - bit + letter_run(bytes + i + 32, size - i - 32);
        // Most words are not in the table and cost no more than this.
        const Entry* word = find(fold_letters(load8(bytes + at, size - at), bytes + at, letters) * kWordKey);
        if ((word != nullptr || open_letters_) && word_rules(text, at, letters, word, rules) && found(at, rules)) return;
        continue;
      }
      switch (byte_kind_[bytes[at]]) {
        case kNoStart:
          continue;
        case kDigitStart:
          rules = digit_rules(text, at);
          if (rules.any() && found(at, rules)) return;
          continue;
        case kSymbolBeforeDigit:
          if (at + 1 == size || !is_digit(bytes[at + 1])) continue;
          [[fallthrough]];
        default:
          if (starts_here(text, at, true, rules) && found(at, rules)) return;
          continue;
      }
    }
    before = (block.words >> 15) & 1;
    block = ahead;
  }
#else
  for (; i < size; ++i) {
    const bool word_start = i == 0 || !is_word_byte(bytes[i - 1]);
    if (is_word_byte(bytes[i]) && !word_start) continue;
    if (starts_here(text, i, word_start, rules) && found(i, rules)) return;
  }
#endif
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
