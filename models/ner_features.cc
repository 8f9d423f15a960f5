#include "models/ner_features.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>

#include "models/ner_tags.h"
#include "models/term_counts.h"

namespace newsmine {
namespace {

// Feature templates. The numbers are part of the model format: append new
// ones, never renumber (or bump kNerFeatureVersion).
enum Template : std::uint32_t {
  kBias = 1,
  kWord,
  kWordPrev1,
  kWordNext1,
  kWordPrev2,
  kWordNext2,
  kShape,
  kShapePrev1,
  kShapeNext1,
  kShapePrev2,
  kShapeNext2,
  kPrefix,  // + length 1..4 in the second operand
  kSuffix,
  kWordBigramPrev,  // w[-1] w[0]
  kWordBigramNext,  // w[0] w[+1]
  kShapeBigramPrev,
  kShapeBigramNext,
  kWordPrevShape,  // w[-1] shape[0]
  kShapeWordNext,  // shape[0] w[+1]
  kCaseClass,      // TokenShape x sentence-initial x headline
  kHeadlineWord,   // the word when its sentence is an upper-case headline
  kInitialWord,    // the word when it opens a sentence
  kSeenLowercase,
  kDocCapitalized,
  kPossessive,
  kGazetteer,  // category x BILOU position
  kGazetteerPrev,
  kGazetteerNext,
  kRuleTag,
  kRuleTagPrev,
  kRuleTagNext,
  kRuleTagShape,
};

constexpr std::uint64_t kBoundary = 0x9e3779b97f4a7c15ULL;  // the hash of "no token here"

// Strings are hashed with XXH3 once per token; a feature then mixes the
// template number with one or two of those 64-bit hashes (the murmur3/
// splitmix finalizer: cheap, and every input bit reaches every output bit).
std::uint32_t feature(Template t, std::uint64_t a, std::uint64_t b = 0) {
  std::uint64_t h = a * 0x9e3779b97f4a7c15ULL ^ (b + 0x632be59bd9b4e019ULL) * 0xc2b2ae3d27d4eb4fULL ^
                    static_cast<std::uint64_t>(t) << 56;
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ULL;
  h ^= h >> 33;
  return static_cast<std::uint32_t>(h);
}


// "Xx", "X.X.", "d,d", "Xx-Xx": letters by case, digits as d, other
// characters as themselves, runs of one class collapsed; at most 16 bytes.
std::uint64_t shape_hash(std::string_view surface) {
  std::array<char, 16> shape{};
  std::size_t n = 0;
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(surface.data());
  const auto length = static_cast<std::int32_t>(surface.size());
  for (std::int32_t i = 0; i < length && n < shape.size();) {
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    char cls;
    if (c >= 'a' && c <= 'z') cls = 'x';  // ASCII first: no ICU call
    else if (c >= 'A' && c <= 'Z') cls = 'X';
    else if (c >= '0' && c <= '9') cls = 'd';
    else if (c < 0) cls = '?';
    else if (u_isupper(c) || u_istitle(c)) cls = 'X';
    else if (u_islower(c)) cls = 'x';
    else if (u_isdigit(c)) cls = 'd';
    else if (u_isalpha(c)) cls = 'L';  // a letter without case
    else if (c < 0x80) cls = static_cast<char>(c);
    else cls = '~';
    if (n > 0 && shape[n - 1] == cls) continue;
    shape[n++] = cls;
  }
  return term_hash(std::string_view(shape.data(), n));
}

// Byte length of the first / last `count` code points of `key`, or 0 when the
// key has no more than `count` code points.
std::size_t prefix_bytes(std::string_view key, int count) {
  std::size_t i = 0;
  for (int k = 0; k < count; ++k) {
    if (i >= key.size()) return 0;
    do ++i;
    while (i < key.size() && (static_cast<unsigned char>(key[i]) & 0xC0) == 0x80);
  }
  return i < key.size() ? i : 0;
}
std::size_t suffix_bytes(std::string_view key, int count) {
  std::size_t i = key.size();
  for (int k = 0; k < count; ++k) {
    if (i == 0) return 0;
    do --i;
    while (i > 0 && (static_cast<unsigned char>(key[i]) & 0xC0) == 0x80);
  }
  return i > 0 ? key.size() - i : 0;
}

struct TokenHashes {
  std::uint64_t word = kBoundary;
  std::uint64_t shape = kBoundary;
};

}  // namespace

std::vector<std::pair<std::uint32_t, std::uint32_t>> ner_sequences(const TokenizedText& tokens,
                                                                   std::span<const EntityTokenFeatures> entity) {
  std::vector<std::pair<std::uint32_t, std::uint32_t>> sequences;
  for (const Sentence& sentence : tokens.sentences) {
    if (sentence.end_token == sentence.first_token) continue;
    if (!sequences.empty() && sequences.back().second == sentence.first_token &&
        entity[sentence.first_token].joins_previous) {
      sequences.back().second = sentence.end_token;
    } else {
      sequences.emplace_back(sentence.first_token, sentence.end_token);
    }
  }
  return sequences;
}

void compute_ner_features(std::string_view text, const TokenizedText& tokens,
                          std::span<const EntityTokenFeatures> entity, std::span<const LabeledSpan> rule_spans,
                          NerFeatures& out) {
  const std::size_t n = tokens.tokens.size();
  out.ids.clear();
  out.offsets.assign(1, 0);
  out.outside.assign(n, 0);
  out.ids.reserve(n * 48);
  out.offsets.reserve(n + 1);

  // Per-token hashes, computed once.
  std::vector<TokenHashes> hashes(n);
  for (std::size_t i = 0; i < n; ++i) {
    const EntityTokenFeatures& f = entity[i];
    const std::string_view surface = span_text(text, f.start, f.end);
    hashes[i].shape = shape_hash(surface);
    // Numbers are many and alike: their shape stands for the word.
    hashes[i].word = f.shape == TokenShape::number ? hashes[i].shape : term_hash(f.key);
  }

  // Lexicon coverage: for every token and category, its BILOU position in
  // the longest entry of that category covering it (0 = none).
  constexpr int kCategories = EntityLexicon::kCategoryCount;
  std::vector<std::array<std::uint8_t, kCategories>> coverage(n);  // value-initialized: zeros
  for (std::size_t i = 0; i < n; ++i) {
    for (int c = 0; c < kCategories; ++c) {
      const std::size_t length = entity[i].matches.length[c];
      if (length == 0) continue;
      for (std::size_t k = 0; k < length && i + k < n; ++k) {
        const std::uint8_t position = length == 1 ? 4 : k == 0 ? 1 : k + 1 == length ? 3 : 2;
        coverage[i + k][c] = position;
      }
    }
  }

  // The rule extractor's labels as BILOU tags.
  std::vector<NerTag> rule_tags(n, kOutside);
  for (const LabeledSpan& span : rule_spans) {
    const NerSpan s{span.first_token, span.end_token, span.label};
    if (s.end <= n && s.end > s.first)
      tags_from_spans(std::span<const NerSpan>(&s, 1), s.first,
                      std::span<NerTag>(rule_tags).subspan(s.first, s.end - s.first));
  }

  // Words written capitalized inside a sentence somewhere in the article.
  std::vector<std::uint64_t> capitalized_mid;
  for (std::size_t i = 0; i < n; ++i) {
    const EntityTokenFeatures& f = entity[i];
    if (is_name_shape(f.shape) && !f.sentence_initial && !f.caps_sentence) capitalized_mid.push_back(hashes[i].word);
  }
  std::sort(capitalized_mid.begin(), capitalized_mid.end());

  std::vector<std::uint32_t> sequence_start(n, 0), sequence_end(n, 0);
  for (const auto& [first, end] : ner_sequences(tokens, entity)) {
    for (std::uint32_t i = first; i < end; ++i) sequence_start[i] = first, sequence_end[i] = end;
  }

  auto name_like = [&](std::size_t j) {
    return is_name_shape(entity[j].shape) || entity[j].shape == TokenShape::other;
  };
  for (std::size_t i = 0; i < n; ++i) {
    const EntityTokenFeatures& f = entity[i];
    const std::size_t first = sequence_start[i], end = sequence_end[i];
    if (!name_like(i) && !(i > first && name_like(i - 1)) && !(i + 1 < end && name_like(i + 1))) {
      out.outside[i] = 1;
      out.ids.push_back(feature(kBias, 0));
      out.ids.push_back(feature(kWord, hashes[i].word));
      out.offsets.push_back(static_cast<std::uint32_t>(out.ids.size()));
      continue;
    }
    auto word_at = [&](std::ptrdiff_t d) {
      const std::ptrdiff_t j = static_cast<std::ptrdiff_t>(i) + d;
      return j >= static_cast<std::ptrdiff_t>(first) && j < static_cast<std::ptrdiff_t>(end) ? hashes[j].word
                                                                                             : kBoundary;
    };
    auto shape_at = [&](std::ptrdiff_t d) {
      const std::ptrdiff_t j = static_cast<std::ptrdiff_t>(i) + d;
      return j >= static_cast<std::ptrdiff_t>(first) && j < static_cast<std::ptrdiff_t>(end) ? hashes[j].shape
                                                                                             : kBoundary;
    };
    auto rule_at = [&](std::ptrdiff_t d) -> std::uint64_t {
      const std::ptrdiff_t j = static_cast<std::ptrdiff_t>(i) + d;
      return j >= static_cast<std::ptrdiff_t>(first) && j < static_cast<std::ptrdiff_t>(end) ? rule_tags[j] : 99;
    };
    std::vector<std::uint32_t>& ids = out.ids;
    const std::uint64_t w = hashes[i].word, s = hashes[i].shape;
    ids.push_back(feature(kBias, 0));
    ids.push_back(feature(kWord, w));
    ids.push_back(feature(kWordPrev1, word_at(-1)));
    ids.push_back(feature(kWordNext1, word_at(1)));
    ids.push_back(feature(kWordPrev2, word_at(-2)));
    ids.push_back(feature(kWordNext2, word_at(2)));
    ids.push_back(feature(kShape, s));
    ids.push_back(feature(kShapePrev1, shape_at(-1)));
    ids.push_back(feature(kShapeNext1, shape_at(1)));
    ids.push_back(feature(kShapePrev2, shape_at(-2)));
    ids.push_back(feature(kShapeNext2, shape_at(2)));
    if (f.shape != TokenShape::number && f.shape != TokenShape::punct) {
      for (int k = 1; k <= 4; ++k) {
        if (std::size_t b = prefix_bytes(f.key, k)) ids.push_back(feature(kPrefix, term_hash(f.key.substr(0, b)), k));
        if (std::size_t b = suffix_bytes(f.key, k))
          ids.push_back(feature(kSuffix, term_hash(f.key.substr(f.key.size() - b)), k));
      }
    }
    ids.push_back(feature(kWordBigramPrev, word_at(-1), w));
    ids.push_back(feature(kWordBigramNext, w, word_at(1)));
    ids.push_back(feature(kShapeBigramPrev, shape_at(-1), s));
    ids.push_back(feature(kShapeBigramNext, s, shape_at(1)));
    ids.push_back(feature(kWordPrevShape, word_at(-1), s));
    ids.push_back(feature(kShapeWordNext, s, word_at(1)));
    const std::uint64_t case_class =
        static_cast<std::uint64_t>(f.shape) | (f.sentence_initial ? 16u : 0u) | (f.caps_sentence ? 32u : 0u);
    ids.push_back(feature(kCaseClass, case_class));
    if (f.caps_sentence) ids.push_back(feature(kHeadlineWord, w));
    if (f.sentence_initial) ids.push_back(feature(kInitialWord, w));
    if (f.seen_lowercase) ids.push_back(feature(kSeenLowercase, case_class));
    if (is_name_shape(f.shape) && std::binary_search(capitalized_mid.begin(), capitalized_mid.end(), w))
      ids.push_back(feature(kDocCapitalized, case_class));
    if (f.possessive) ids.push_back(feature(kPossessive, 1));
    for (int c = 0; c < kCategories; ++c) {
      if (coverage[i][c]) ids.push_back(feature(kGazetteer, c, coverage[i][c]));
      if (i > first && coverage[i - 1][c]) ids.push_back(feature(kGazetteerPrev, c, coverage[i - 1][c]));
      if (i + 1 < end && coverage[i + 1][c]) ids.push_back(feature(kGazetteerNext, c, coverage[i + 1][c]));
    }
    ids.push_back(feature(kRuleTag, rule_at(0)));
    ids.push_back(feature(kRuleTagPrev, rule_at(-1)));
    ids.push_back(feature(kRuleTagNext, rule_at(1)));
    ids.push_back(feature(kRuleTagShape, rule_at(0), s));
    out.offsets.push_back(static_cast<std::uint32_t>(ids.size()));
  }
}

}  // namespace newsmine
