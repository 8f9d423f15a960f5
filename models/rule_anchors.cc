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
[[gnu::always_inline]] inline std::size_t letter_run(const unsigned char* at, std::size_t available) {
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

[[gnu::always_inline]] inline WordAt word_at(const unsigned char* at, std::size_t available) {
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
constexpr std::uint64_t kDigitPrefixKey = 0xE7037ED1A0B428DBull; // a prefix of a word after a digit run

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
// How to find, in a block of sixteen bytes, those other than word bytes
// that may begin a rule: a compare for each, or when there are many, every
// byte that is neither a word byte nor quiet (white space, control bytes).
struct SymbolCompares {
  bool loud = false;
  __m128i quiet_end = _mm_set1_epi8(0x21);  // with `loud`: bytes below are quiet
  static constexpr std::size_t kMost = 4;
  __m128i plain[kMost] = {};                // bytes that begin a rule
  std::size_t plain_count = 0;
  __m128i before_digit[kMost] = {};         // ... when a digit follows
  std::size_t before_digit_count = 0;
  bool high = false;                        // and every byte from 0x80 (UTF-8)
};

// The bytes of a block as bit masks (bit i: byte i).
struct Block {
  std::uint64_t letters = 0;
  std::uint64_t words = 0;    // word bytes: letters, digits, '_'
  std::uint64_t symbols = 0;  // other bytes that may begin a rule (some only before a digit)
};

// Sixteen bytes, bits 0-15. Inlined: it is most of what prose costs.
[[gnu::always_inline]] inline Block classify16(const unsigned char* at, const SymbolCompares& compares) {
  const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(at));
  // A range test in one signed compare: shifted so that the range begins at
  // -128, the bytes in it are those below -128 + its size.
  const __m128i letter = _mm_cmplt_epi8(_mm_add_epi8(_mm_or_si128(block, _mm_set1_epi8(0x20)), _mm_set1_epi8(static_cast<char>(0x80 - 'a'))),
                                        _mm_set1_epi8(-128 + 26));
  const __m128i digit = _mm_cmplt_epi8(_mm_add_epi8(block, _mm_set1_epi8(static_cast<char>(0x80 - '0'))), _mm_set1_epi8(-128 + 10));
  const __m128i word = _mm_or_si128(_mm_or_si128(letter, digit), _mm_cmpeq_epi8(block, _mm_set1_epi8('_')));
  Block bits;
  bits.letters = static_cast<unsigned>(_mm_movemask_epi8(letter));
  bits.words = static_cast<unsigned>(_mm_movemask_epi8(word));
  __m128i symbol;
  if (compares.loud) {
    const __m128i quiet = _mm_and_si128(_mm_cmpgt_epi8(block, _mm_set1_epi8(-1)), _mm_cmplt_epi8(block, compares.quiet_end));
    symbol = _mm_andnot_si128(_mm_or_si128(word, quiet), _mm_set1_epi8(-1));
  } else {
    symbol = compares.high ? _mm_cmplt_epi8(block, _mm_setzero_si128()) : _mm_setzero_si128();
    for (std::size_t k = 0; k < compares.plain_count; ++k) symbol = _mm_or_si128(symbol, _mm_cmpeq_epi8(block, compares.plain[k]));
    if (compares.before_digit_count > 0) {
      __m128i before_digit = _mm_setzero_si128();
      for (std::size_t k = 0; k < compares.before_digit_count; ++k) {
        before_digit = _mm_or_si128(before_digit, _mm_cmpeq_epi8(block, compares.before_digit[k]));
      }
      // A digit right after (the byte after the last is not here: it passes,
      // and the scan looks at it).
      const __m128i digit_next = _mm_or_si128(_mm_srli_si128(digit, 1), _mm_slli_si128(_mm_set1_epi8(-1), 15));
      symbol = _mm_or_si128(symbol, _mm_and_si128(before_digit, digit_next));
    }
  }
  bits.symbols = static_cast<unsigned>(_mm_movemask_epi8(symbol));
  return bits;
}

// Sixty-four bytes at `at`, zero bytes standing in past the end of the text.
// A block this long leaves the loop over its events once per 64 bytes: the
// exit is a branch that cannot be foreseen.
[[gnu::always_inline]] inline Block classify64(const unsigned char* at, std::size_t available, const SymbolCompares& compares) {
  unsigned char padded[64];
  if (available < 64) {
    std::memset(padded, 0, sizeof padded);
    std::memcpy(padded, at, available);
    at = padded;
  }
  Block bits;
  for (unsigned part = 0; part < 4; ++part) {
    const Block sixteen = classify16(at + 16 * part, compares);
    bits.letters |= sixteen.letters << (16 * part);
    bits.words |= sixteen.words << (16 * part);
    bits.symbols |= sixteen.symbols << (16 * part);
  }
  if (available < 64) bits.symbols &= (1ull << available) - 1;
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
          const std::string_view prefix = std::string_view(word.prefix).substr(0, 63);
          add_entry(fold_letters(prefix) * kDigitPrefixKey, just_this, NextToken());
          digit_prefix_lengths_ |= 1ull << prefix.size();
        }
      }
    }
    add_requirements(rule, start.required_words);
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
    if (is_word_byte(c)) continue;
    if (b <= 0x20) {
      quiet_starts_ = true;
    } else if (b >= 0x80) {
      high_symbols_ = true;
    } else {
      (byte_kind_[b] == kSymbolBeforeDigit ? digit_symbols_ : plain_symbols_).push_back(c);
    }
  }
  inside_words_ = letters_inside_words_.any() || digits_inside_words_.any();
  any_letter_some_ = any_letter_.any();
  open_letters_ = any_letter_some_ || prefix_lengths_ != 0;
  mark_required_words();
  build_table();
}

void RuleAnchors::add_entry(std::uint64_t key, const RuleMask& rules, const NextToken& next) {
  for (Entry& known : entries_) {
    if (known.key != key) continue;
    // The same letters, or (rarely) a collision: one entry lets both through.
    known.rules |= rules;
    known.starts = known.rules.any();
    known.next.merge(next);
    return;
  }
  entries_.push_back({key, static_cast<std::uint32_t>(entries_.size()), rules, next, 0, 0, rules.any()});
}

void RuleAnchors::add_requirements(std::size_t rule, const std::vector<std::vector<std::string>>& lists) {
  for (const std::vector<std::string>& words : lists) {
    // Words as short as "of" are in nearly every text: looking them up
    // would cost more than the rules they could set aside.
    if (std::any_of(words.begin(), words.end(), [](const std::string& word) { return word.size() < 3; })) continue;
    std::uint64_t any_of = 0;
    for (const std::string& word : words) {
      auto known = std::find(required_.begin(), required_.end(), word);
      if (known == required_.end()) {
        if (required_.size() == 64) {
          any_of = 0;
          break;
        }
        known = required_.insert(required_.end(), word);
      }
      any_of |= 1ull << (known - required_.begin());
    }
    if (any_of == 0) continue;
    // Rules needing the same words share one check.
    auto same = std::find_if(requirements_.begin(), requirements_.end(),
                             [&](const Requirement& r) { return r.any_of == any_of; });
    if (same == requirements_.end()) same = requirements_.insert(requirements_.end(), {any_of, RuleMask().set()});
    same->others.reset(rule);
  }
}

void RuleAnchors::mark_required_words() {
  for (std::size_t bit = 0; bit < required_.size(); ++bit) {
    const std::uint64_t key = fold_letters(required_[bit]) * kWordKey;
    auto known = std::find_if(entries_.begin(), entries_.end(), [&](const Entry& e) { return e.key == key; });
    if (known == entries_.end()) {
      entries_.push_back({key, static_cast<std::uint32_t>(entries_.size()), RuleMask(), NextToken()});
      known = entries_.end() - 1;
    }
    known->marks |= 1ull << bit;
  }
}

void RuleAnchors::build_table() {
  // Few enough buckets to stay in the L1 cache, enough that none overflows.
  std::size_t buckets = 16;
  while (buckets * kBucketTags < 2 * entries_.size()) buckets *= 2;
  for (bool fits = false; !fits; buckets *= 2) {
    bucket_shift_ = 64 - static_cast<unsigned>(std::countr_zero(buckets));
    tags_.assign(buckets * kBucketTags, 0);
    tag_entries_.assign(buckets * kBucketTags, 0);
    fits = true;
    for (std::size_t e = 0; e < entries_.size() && fits; ++e) {
      const std::size_t first = (entries_[e].key >> bucket_shift_) * kBucketTags;
      std::size_t slot = first;
      while (slot < first + kBucketTags && tags_[slot] != 0) ++slot;
      fits = slot < first + kBucketTags;
      if (!fits) break;
      tags_[slot] = tag_of(entries_[e].key);
      tag_entries_[slot] = static_cast<std::uint32_t>(e);
    }
    if (fits) break;
  }
  // Number the whole words that may follow a start word, then give each
  // entry the bits of its own.
  auto is_follower = [](const NextToken& next) {
    return !next.any && std::all_of(next.words.begin(), next.words.end(),
                                    [](const StartWord& word) { return letter_word(word.prefix); });
  };
  followers_.reset(0);
  for (const Entry& entry : entries_) {
    if (!is_follower(entry.next)) continue;
    for (const StartWord& word : entry.next.words) {
      const auto next_id = static_cast<std::uint32_t>(followers_.size());
      if (word.whole) followers_.try_emplace(fold_letters(word.prefix), next_id);
    }
  }
  follower_words_ = (followers_.size() + 63) / 64;
  follower_bits_.assign(entries_.size() * follower_words_, 0);
  for (std::size_t e = 0; e < entries_.size(); ++e) {
    NextToken& next = entries_[e].next;
    if (next.any) {
      next.words.clear();
      continue;
    }
    if (!is_follower(next)) {
      next = NextToken();  // not a letter word: let any token through
      continue;
    }
    std::vector<StartWord> prefixes;
    for (const StartWord& word : next.words) {
      if (!word.whole) {
        prefixes.push_back(word);
        continue;
      }
      const int id = follower(fold_letters(word.prefix));
      follower_bits_[e * follower_words_ + static_cast<std::size_t>(id) / 64] |= 1ull << (id % 64);
    }
    next.words = std::move(prefixes);
    for (const StartWord& prefix : next.words) entries_[e].prefix_letters |= 1u << ((prefix.prefix[0] | 0x20) - 'a');
  }
}

std::uint16_t RuleAnchors::tag_of(std::uint64_t key) const {
  return static_cast<std::uint16_t>(key >> (bucket_shift_ - 16)) | 1;  // the bits below the bucket's; never 0
}

const RuleAnchors::Entry* RuleAnchors::find(std::uint64_t key) const {
  const std::size_t first = (key >> bucket_shift_) * kBucketTags;
  const std::uint16_t tag = tag_of(key);
#if defined(__SSE2__)
  // One compare for the bucket: most words are not there, at no branch.
  const __m128i tags = _mm_loadu_si128(reinterpret_cast<const __m128i*>(tags_.data() + first));
  unsigned same = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi16(tags, _mm_set1_epi16(static_cast<short>(tag)))));
  for (; same != 0; same &= same - 1) {
    const std::size_t slot = first + static_cast<std::size_t>(std::countr_zero(same)) / 2;
    same &= same - 1;  // the second bit of the tag's two
    const Entry& entry = entries_[tag_entries_[slot]];
    if (entry.key == key) return &entry;
  }
#else
  for (std::size_t slot = first; slot < first + kBucketTags; ++slot) {
    if (tags_[slot] != tag) continue;
    const Entry& entry = entries_[tag_entries_[slot]];
    if (entry.key == key) return &entry;
  }
#endif
  return nullptr;
}

bool RuleAnchors::prefix_rules(const unsigned char* at, std::size_t available, std::size_t letters,
                               std::uint64_t lengths, std::uint64_t kind, RuleMask& rules) const {
  bool found = false;
  const std::uint64_t first_eight = load8(at, available);
  for (lengths &= lengths_up_to(letters); lengths != 0; lengths &= lengths - 1) {
    const std::size_t length = static_cast<std::size_t>(std::countr_zero(lengths));
    if (const Entry* prefix = find(fold_letters(first_eight, at, length) * kind)) {
      rules |= prefix->rules;
      found = true;
    }
  }
  return found;
}

bool RuleAnchors::word_rules(std::string_view text, std::size_t at, std::size_t letters, const Entry* word,
                             RuleMask& rules) const {
  RuleMask found = any_letter_;
  bool any = any_letter_some_;
  if (word != nullptr && word->starts && next_allows_word(*word, text, at + letters)) {
    found |= word->rules;
    any = true;
  }
  const unsigned char* bytes = reinterpret_cast<const unsigned char*>(text.data());
  if (prefix_lengths_ != 0 && prefix_rules(bytes + at, text.size() - at, letters, prefix_lengths_, kPrefixKey, found)) any = true;
  if (any) rules = found;
  return any;
}

int RuleAnchors::follower(std::uint64_t next_folded) const {
  const std::uint32_t* id = followers_.find(next_folded);
  return id != nullptr ? static_cast<int>(*id) : -1;
}

bool RuleAnchors::has_pair(const Entry& word, std::uint64_t next_folded) const {
  const int id = follower(next_folded);
  if (id < 0) return false;
  return (follower_bits_[word.index * follower_words_ + static_cast<std::size_t>(id) / 64] >> (id % 64)) & 1;
}

bool RuleAnchors::next_allows_word(const Entry& word, std::string_view text, std::size_t end) const {
  const NextToken& next = word.next;
  if (next.any) return true;
  const unsigned char* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t size = text.size();
  std::size_t at = end;
  while (at < size && is_space(bytes[at])) ++at;
  if (at == size) return false;
  if (!is_letter(bytes[at])) return next.bytes[bytes[at]];
  const WordAt after = word_at(bytes + at, size - at);
  if (has_pair(word, after.folded)) return true;
  // The word prefixes that may follow, if one begins with this letter.
  if (!((word.prefix_letters >> ((bytes[at] | 0x20) - 'a')) & 1)) return false;
  for (const StartWord& prefix : next.words) {
    if (prefix.prefix.size() <= after.letters && same_letters(text.substr(at, prefix.prefix.size()), prefix.prefix)) return true;
  }
  return false;
}

void RuleAnchors::digit_token_allows(std::string_view text, std::size_t end, RuleMask& allowed) const {
  const unsigned char* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t size = text.size();
  std::size_t at = end;
  while (at < size && is_space(bytes[at])) ++at;
  if (at == size) {
    allowed = digit_token_bytes_[256];
  } else if (!is_letter(bytes[at])) {
    allowed = digit_token_bytes_[bytes[at]];
  } else {
    const WordAt token = word_at(bytes + at, size - at);
    const Entry* word = find(token.folded * kDigitTokenKey);
    allowed = word != nullptr ? word->rules : RuleMask();
    if (digit_prefix_lengths_ != 0) prefix_rules(bytes + at, size - at, token.letters, digit_prefix_lengths_, kDigitPrefixKey, allowed);
  }
}

std::size_t RuleAnchors::digit_start(std::string_view text, std::size_t at, RuleMask& rules, RuleMask& limited) const {
  const unsigned char* bytes = reinterpret_cast<const unsigned char*>(text.data());
  // The length of the digit run and the byte after it.
  std::size_t end = at + 1;
  while (end < text.size() && is_digit(bytes[end])) ++end;
  const std::size_t length = std::min<std::size_t>(end - at, 16);
  const unsigned char after = end < text.size() ? static_cast<unsigned char>(bytes[end] | (is_letter(bytes[end]) ? 0x20 : 0)) : 0;
  rules = byte_rules_[bytes[at]] & digit_run_rules_[length] & after_digits_rules_[after];
  limited = rules & digit_token_limited_;
  return end;
}

RuleMask RuleAnchors::digit_rules(std::string_view text, std::size_t at) const {
  RuleMask rules, limited;
  const std::size_t end = digit_start(text, at, rules, limited);
  // Most digit rules allow any token after the run: look at it only for the others.
  if (limited.any()) {
    RuleMask allowed;
    digit_token_allows(text, end, allowed);
    rules ^= limited & ~allowed;
  }
  return rules;
}

bool RuleAnchors::settle(const Waiting& waiting, std::string_view text, std::size_t next, bool letter,
                         std::uint64_t folded, RuleMask& rules) const {
  const unsigned char* bytes = reinterpret_cast<const unsigned char*>(text.data());
  // Is the token at `next` the one after the start (only white space between)?
  bool adjacent = next < text.size();
  for (std::size_t between = waiting.end; adjacent && between < next; ++between) adjacent = is_space(bytes[between]);
  if (waiting.word != nullptr) {
    const Entry& word = *waiting.word;
    bool allowed;
    if (!adjacent || word.prefix_letters != 0) {
      allowed = next_allows_word(word, text, waiting.end);
    } else {
      allowed = letter ? has_pair(word, folded) : word.next.bytes[bytes[next]];
    }
    if (allowed) rules = word.rules;
    return allowed;
  }
  RuleMask allowed;
  if (!adjacent || (letter && digit_prefix_lengths_ != 0)) {
    digit_token_allows(text, waiting.end, allowed);
  } else if (!letter) {
    allowed = digit_token_bytes_[bytes[next]];
  } else if (const Entry* token = find(folded * kDigitTokenKey)) {
    allowed = token->rules;
  }
  rules = waiting.rules ^ (waiting.limited & ~allowed);
  return rules.any();
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
std::uint64_t RuleAnchors::scan(std::string_view text, std::size_t from, Found&& found) const {
  const unsigned char* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t size = text.size();
  RuleMask rules;
  std::size_t i = from;
  // A scan that stops early or does not read words one by one has seen
  // every mark.
  constexpr std::uint64_t kEvery = ~0ull;
  if (i >= size) return from == 0 ? 0 : kEvery;
  if (inside_words_) {  // some rule begins inside words: every byte is a candidate
    for (; i < size; ++i) {
      if (starts_here(text, i, i == 0 || !is_word_byte(bytes[i - 1]), rules) && found(i, rules)) return kEvery;
    }
    return kEvery;
  }
  // No rule begins inside a word: step over the rest of the one `from` is in.
  if (i > 0) {
    while (i < size && is_word_byte(bytes[i]) && is_word_byte(bytes[i - 1])) ++i;
  }
#if defined(__SSE2__)
  // Sixty-four bytes at a time: a bit for each word start and each byte
  // that may begin a rule by itself ("$", "." before a digit, a lead byte
  // of "€"); most words are measured off the bits.
  SymbolCompares compares;
  if (quiet_starts_ || plain_symbols_.size() > SymbolCompares::kMost || digit_symbols_.size() > SymbolCompares::kMost) {
    compares.loud = true;
    compares.quiet_end = _mm_set1_epi8(quiet_starts_ ? 0 : 0x21);
  } else {
    for (unsigned char c : plain_symbols_) compares.plain[compares.plain_count++] = _mm_set1_epi8(static_cast<char>(c));
    for (unsigned char c : digit_symbols_) compares.before_digit[compares.before_digit_count++] = _mm_set1_epi8(static_cast<char>(c));
    compares.high = high_symbols_;
  }
  std::uint64_t before = i > 0 && is_word_byte(bytes[i - 1]) ? 1 : 0;
  std::uint64_t seen = 0;  // the marks of the words read
  // A start word or a digit run whose rules depend on the token after it
  // waits for the next event: that is the token, when only white space
  // comes between, and the scan reads it anyway.
  Waiting waiting;
  for (; i < size; i += 64) {
    const Block block = classify64(bytes + i, size - i, compares);
    std::uint64_t events = (block.words & ~((block.words << 1) | before)) | block.symbols;
    for (; events != 0; events &= events - 1) {
      const unsigned bit = static_cast<unsigned>(std::countr_zero(events));
      const std::size_t at = i + bit;
      const bool letter = (block.letters >> bit) & 1;
      std::size_t letters = 0;
      std::uint64_t folded = 0;
      if (letter) {
        letters = static_cast<std::size_t>(std::countr_one(block.letters >> bit));
        if (bit + letters == 64) letters += letter_run(bytes + i + 64, size - std::min(size, i + 64));
        folded = fold_letters(load8(bytes + at, size - at), bytes + at, letters);
      }
      if (waiting.active) {
        waiting.active = false;
        if (settle(waiting, text, at, letter, folded, rules) && found(waiting.at, rules)) return kEvery;
      }
      if (letter) {
        // Most words are not in the table and cost no more than this.
        const Entry* word = find(folded * kWordKey);
        if (word != nullptr) seen |= word->marks;
        if (open_letters_) {
          if (word_rules(text, at, letters, word, rules) && found(at, rules)) return kEvery;
        } else if (word != nullptr && word->starts) {
          if (word->next.any) {
            if (found(at, word->rules)) return kEvery;
          } else {
            waiting.wait(at, at + letters, word);
          }
        }
        continue;
      }
      switch (byte_kind_[bytes[at]]) {
        case kNoStart:
          continue;
        case kDigitStart: {
          const std::size_t end = digit_start(text, at, waiting.rules, waiting.limited);
          if (waiting.limited.any()) {
            waiting.wait(at, end, nullptr);
          } else if (waiting.rules.any() && found(at, waiting.rules)) {
            return kEvery;
          }
          continue;
        }
        case kSymbolBeforeDigit:
          if (at + 1 == size || !is_digit(bytes[at + 1])) continue;
          [[fallthrough]];
        default:
          if (starts_here(text, at, true, rules) && found(at, rules)) return kEvery;
          continue;
      }
    }
    before = block.words >> 63;
  }
  if (waiting.active && settle(waiting, text, size, false, 0, rules)) found(waiting.at, rules);
  return from == 0 ? seen : kEvery;
#else
  for (; i < size; ++i) {
    const bool word_start = i == 0 || !is_word_byte(bytes[i - 1]);
    if (is_word_byte(bytes[i]) && !word_start) continue;
    if (starts_here(text, i, word_start, rules) && found(i, rules)) return kEvery;
  }
  return kEvery;
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

void RuleAnchors::find_all(std::string_view text, std::vector<Anchor>& out, RuleMask& possible) const {
  out.clear();
  const std::uint64_t seen = scan(text, 0, [&](std::size_t at, const RuleMask& mask) {
    out.push_back({static_cast<std::uint32_t>(at), mask});
    return false;
  });
  possible.set();
  for (const Requirement& requirement : requirements_) {
    if ((seen & requirement.any_of) == 0) possible &= requirement.others;
  }
}

}  // namespace newsmine
