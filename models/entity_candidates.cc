#include "models/entity_candidates.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <unordered_set>

namespace newsmine {
namespace {

using Lex = EntityLexicon;

// Name categories: the ones that make a phrase part of a name.
constexpr int kNameCategories[] = {Lex::kTitle,     Lex::kOrgHead,      Lex::kMiscHead,
                                   Lex::kLocHead,   Lex::kLocation,     Lex::kNationality,
                                   Lex::kGivenName, Lex::kOrganization, Lex::kMisc};

bool is_head(const EntityTokenFeatures& f) {
  return f.matches.length[Lex::kOrgHead] || f.matches.length[Lex::kMiscHead] || f.matches.length[Lex::kLocHead];
}

TokenShape shape_of(std::string_view surface, TokenKind kind) {
  if (kind == TokenKind::number) return TokenShape::number;
  if (kind != TokenKind::word) return TokenShape::punct;
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(surface.data());
  const auto length = static_cast<std::int32_t>(surface.size());
  std::int32_t i = 0;
  UChar32 first;
  U8_NEXT(bytes, i, length, first);
  if (first < 0) return TokenShape::other;
  if (u_isdigit(first)) return TokenShape::number;
  if (u_islower(first)) return TokenShape::lower;
  if (!u_isupper(first) && !u_istitle(first)) return TokenShape::other;
  int letters = 1;
  bool has_lower = false;
  while (i < length) {
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c < 0 || !u_isalpha(c)) continue;
    ++letters;
    has_lower |= u_islower(c) != 0;
  }
  if (has_lower) return TokenShape::capitalized;
  return letters == 1 ? TokenShape::initial : TokenShape::upper;
}

// Bytes of a trailing possessive ("'s", "’s", "ʼs") at the end of `surface`, or 0.
std::size_t possessive_length(std::string_view surface) {
  if (surface.size() < 3 || (surface.back() != 's' && surface.back() != 'S')) return 0;
  std::string_view head = surface.substr(0, surface.size() - 1);
  for (std::string_view apostrophe : {std::string_view("'"), std::string_view("\u2019"), std::string_view("\u02bc")}) {
    if (head.size() > apostrophe.size() && head.ends_with(apostrophe)) return apostrophe.size() + 1;
  }
  return 0;
}

bool is_opening(std::string_view key) { return key == "\"" || key == ":" || key == "'"; }

// Marks headline sentences (mostly upper-case words) and sentence-initial words.
void mark_sentence(const Sentence& sentence, std::uint32_t index, std::span<EntityTokenFeatures> features) {
  int words = 0;
  int upper = 0;
  for (std::uint32_t i = sentence.first_token; i < sentence.end_token; ++i) {
    const EntityTokenFeatures& f = features[i];
    if (f.shape == TokenShape::lower || f.shape == TokenShape::capitalized) ++words;
    if (f.shape == TokenShape::upper) ++words, ++upper;
  }
  const bool caps = upper >= 2 && upper * 3 >= words * 2;
  bool at_start = true;
  for (std::uint32_t i = sentence.first_token; i < sentence.end_token; ++i) {
    EntityTokenFeatures& f = features[i];
    f.sentence = index;
    f.caps_sentence = caps;
    if (f.shape == TokenShape::punct) {
      // A spaced dash separates a headline topic from the rest ("SOCCER - JAPAN ...").
      if (is_opening(f.key) || (f.key == "-" && f.space_before)) at_start = true;
      continue;
    }
    f.sentence_initial = at_start;
    at_start = false;
  }
}

bool stopword_wins(const EntityTokenFeatures& f) {
  const std::uint8_t stop = f.matches.length[Lex::kStopword];
  if (stop == 0) return false;
  // "WHO", "US", "IT" in a mixed-case sentence are acronyms, not stopwords.
  if (f.shape == TokenShape::upper && !f.caps_sentence) return false;
  for (int c : kNameCategories)
    if (f.matches.length[static_cast<std::size_t>(c)] > stop) return false;
  return true;
}

// A dot glued to an initial ("W") or to an abbreviation with inner dots ("U.S").
bool abbreviation_before_dot(const EntityTokenFeatures& before) {
  return before.shape == TokenShape::initial ||
         (is_name_shape(before.shape) && before.key.find('.') != std::string_view::npos);
}

// Sentence breaks the tokenizer puts after "W." or "U.S." when a name
// follows on the same line: the next sentence joins the previous one for names.
void mark_abbreviation_breaks(std::string_view text, const TokenizedText& tokens,
                              std::span<EntityTokenFeatures> features) {
  for (std::size_t s = 1; s < tokens.sentences.size(); ++s) {
    const Sentence& previous = tokens.sentences[s - 1];
    const Sentence& sentence = tokens.sentences[s];
    if (previous.end_token - previous.first_token < 2 || sentence.first_token >= sentence.end_token) continue;
    const EntityTokenFeatures& dot = features[previous.end_token - 1];
    EntityTokenFeatures& next = features[sentence.first_token];
    if (dot.key != "." || dot.space_before || !abbreviation_before_dot(features[previous.end_token - 2])) continue;
    if (!is_name_shape(next.shape) || !next.space_before) continue;
    const std::string_view gap = text.substr(dot.end, next.start - dot.end);
    if (gap.find('\n') != std::string_view::npos) continue;
    next.joins_previous = true;
    next.sentence_initial = false;
  }
}

std::uint8_t match(const EntityTokenFeatures& f, int category) {
  return f.matches.length[static_cast<std::size_t>(category)];
}

// The longest name phrase starting at a token.
std::uint32_t name_phrase_length(const EntityTokenFeatures& f) {
  std::uint32_t best = 0;
  for (int c : kNameCategories) best = std::max<std::uint32_t>(best, match(f, c));
  return best;
}

bool can_start(const EntityTokenFeatures& f) { return is_name_shape(f.shape) && !stopword_wins(f); }

class RunBuilder {
 public:
  RunBuilder(std::span<const EntityTokenFeatures> features, std::uint32_t sentence_end)
      : f_(features), end_(sentence_end) {}

  // "A. Hollioake": an initial that is also a stopword still opens a name
  // when a dot and a name follow.
  bool initial_with_dot(std::uint32_t i) const {
    return f_[i].shape == TokenShape::initial && i + 1 < end_ && abbreviation_dot(i + 1);
  }

  // One past the last token of the run that starts at `first`.
  std::uint32_t extend(std::uint32_t first) const {
    std::uint32_t j = consume(first);
    while (j < end_ && !f_[j - 1].possessive) {
      const EntityTokenFeatures& next = f_[j];
      if (can_start(next)) {
        j = consume(j);
        continue;
      }
      if (const std::uint32_t hyphen = hyphen_join(j); hyphen != 0) {
        j = hyphen;
        continue;
      }
      if (abbreviation_dot(j)) {
        j = consume(j + 1);
        continue;
      }
      if (next.shape != TokenShape::lower) break;
      if (const std::uint32_t name = inner_particles(j); name != 0) {
        j = consume(name);
        continue;
      }
      if (match(next, Lex::kNameSuffix) == 1 && is_name_shape(f_[j - 1].shape) && person_like(j - 1)) {
        ++j;
        break;
      }
      if (const std::uint32_t after = org_connector(first, j); after != 0) {
        j = consume(after);
        continue;
      }
      break;
    }
    return j;
  }

 private:
  // A name token or a whole phrase of two or more tokens starting at `k`.
  std::uint32_t consume(std::uint32_t k) const {
    const std::uint32_t phrase = name_phrase_length(f_[k]);
    return phrase >= 2 ? std::min(end_, k + phrase) : k + 1;
  }

  // "Nagorno-Karabakh", "Russia-Azerbaijan", "COVID-19": returns the end after
  // the hyphen and its right part, or 0.
  std::uint32_t hyphen_join(std::uint32_t j) const {
    if (f_[j].key != "-" || f_[j].space_before || j + 1 >= end_ || f_[j + 1].space_before) return 0;
    const EntityTokenFeatures& right = f_[j + 1];
    const bool code = right.shape == TokenShape::number && f_[j - 1].shape == TokenShape::upper;
    if (!is_name_shape(right.shape) && !code) return 0;
    return code ? j + 2 : consume(j + 1);
  }

  // "St. Petersburg", "John F. Kennedy", "Mr. Smith": a dot glued to an initial
  // or a short capitalized abbreviation, followed by a name.
  bool abbreviation_dot(std::uint32_t j) const {
    if (f_[j].key != "." || f_[j].space_before || j + 1 >= end_ || !f_[j + 1].space_before) return false;
    if (!can_start(f_[j + 1])) return false;
    const EntityTokenFeatures& before = f_[j - 1];
    return abbreviation_before_dot(before) ||
           (before.shape == TokenShape::capitalized && before.end - before.start <= 3);
  }

  // "van der Westhuizen", "bin Laden": up to two inner particles followed by a
  // name. Returns the position of that name, or 0.
  std::uint32_t inner_particles(std::uint32_t j) const {
    if (!person_like(j - 1)) return 0;
    std::uint32_t k = j;
    while (k < end_ && k < j + 2 && f_[k].shape == TokenShape::lower && match(f_[k], Lex::kNameInner) == 1) ++k;
    return k > j && k < end_ && is_name_shape(f_[k].shape) ? k : 0;
  }

  // Particles join a name part, not an organization or place word:
  // "Polad Bulbul oglu", but not "Embassy van".
  bool person_like(std::uint32_t before) const {
    const EntityTokenFeatures& f = f_[before];
    return !match(f, Lex::kOrgHead) && !match(f, Lex::kOrganization) && !match(f, Lex::kLocation);
  }

  bool has_head(std::uint32_t first, std::uint32_t end) const {
    for (std::uint32_t k = first; k < end; ++k)
      if (is_head(f_[k])) return true;
    return false;
  }

  // Connectors inside an ORG or MISC name: "State Committee on Work with
  // Diaspora", "Russian State University for the Humanities", "Council of
  // Europe", "Declaration on Allied Interaction".
  // Returns the first token after the connectors when the run may go on, else 0.
  std::uint32_t org_connector(std::uint32_t first, std::uint32_t j) const {
    if (!has_head(first, j)) return 0;
    std::uint32_t k = j;
    bool coordinator = false;
    while (k < end_ && k < j + 2 && f_[k].shape == TokenShape::lower &&
           (match(f_[k], Lex::kOrgConnector) == 1 || match(f_[k], Lex::kOrgJoin) == 1)) {
      coordinator |= match(f_[k], Lex::kOrgJoin) == 1;
      ++k;
    }
    if (k == j || k >= end_ || !can_start(f_[k])) return 0;
    const EntityTokenFeatures& next = f_[k];
    if (match(next, Lex::kGivenName)) return 0;
    // A complete place after the connector belongs to the name only when the
    // name is a bare head: "Council of Europe", but not "Milli Majlis of the
    // Republic of Azerbaijan".
    if (const std::uint32_t place = match(next, Lex::kLocation); place != 0) {
      const std::uint32_t after = k + place;
      const bool complete = after >= end_ || !is_name_shape(f_[after].shape) || match(f_[after], Lex::kGivenName) ||
                            match(f_[after], Lex::kTitle);
      const bool bare_head = j - first == 1 && is_head(f_[first]);
      if (complete && !(bare_head && !coordinator)) return 0;
    }
    // "and" joins short parts ("Ministry of Science and Education"), not two
    // names ("... Academy of Sciences and Moscow State University", "... Final
    // and the U.S. Open").
    if (coordinator) {
      if (k != j + 1) return 0;
      for (std::uint32_t m = k; m < end_ && is_name_shape(f_[m].shape); ++m)
        if (is_head(f_[m]) || match(f_[m], Lex::kOrganization) || m - k >= 3) return 0;
    }
    return k;
  }

  std::span<const EntityTokenFeatures> f_;
  std::uint32_t end_;
};

}  // namespace

void compute_entity_features(std::string_view text, const TokenizedText& tokens, const EntityLexicon& lexicon,
                             std::vector<EntityTokenFeatures>& out) {
  const std::size_t n = tokens.tokens.size();
  out.assign(n, EntityTokenFeatures());
  std::unordered_set<std::string_view> lowercase_words;
  for (std::size_t i = 0; i < n; ++i) {
    const Token& token = tokens.tokens[i];
    EntityTokenFeatures& f = out[i];
    const std::string_view surface = span_text(text, token.start, token.end);
    f.start = token.start;
    f.end = token.end;
    f.key = tokens.key(token);
    f.shape = shape_of(surface, token.kind);
    f.space_before = i == 0 || tokens.tokens[i - 1].end < token.start;
    if (const std::size_t cut = possessive_length(surface); cut != 0 && f.key.ends_with("'s")) {
      f.possessive = true;
      f.end = token.end - static_cast<std::uint32_t>(cut);
      f.key.remove_suffix(2);
    }
    if (f.shape == TokenShape::lower) lowercase_words.insert(f.key);
  }

  for (std::size_t s = 0; s < tokens.sentences.size(); ++s)
    mark_sentence(tokens.sentences[s], static_cast<std::uint32_t>(s), out);
  mark_abbreviation_breaks(text, tokens, out);

  std::vector<std::string_view> keys(n);
  for (std::size_t i = 0; i < n; ++i) keys[i] = out[i].key;
  for (const Sentence& sentence : tokens.sentences) {
    std::uint32_t limit = sentence.first_token;  // phrases stop after a possessive
    for (std::uint32_t i = sentence.first_token; i < sentence.end_token; ++i) {
      EntityTokenFeatures& f = out[i];
      if (f.shape == TokenShape::lower || is_name_shape(f.shape)) f.seen_lowercase = lowercase_words.contains(f.key);
      if (is_name_shape(f.shape) && f.shape != TokenShape::initial)
        f.surname_ending = lexicon.has_surname_ending(f.key);
      if (limit <= i) {
        limit = i;
        while (limit < sentence.end_token && !out[limit].possessive) ++limit;
        limit = std::min(limit + 1, sentence.end_token);
      }
      lexicon.phrases().longest_matches(std::span<const std::string_view>(keys).subspan(i, limit - i), f.matches);
    }
  }
}

std::vector<EntityCandidate> find_entity_candidates(std::span<const EntityTokenFeatures> features,
                                                    const TokenizedText& tokens) {
  std::vector<EntityCandidate> runs;
  const std::vector<Sentence>& sentences = tokens.sentences;
  for (std::size_t s = 0; s < sentences.size(); ++s) {
    // A sentence and the ones joined to it after "W." or "U.S.".
    const std::uint32_t first = sentences[s].first_token;
    while (s + 1 < sentences.size() && sentences[s + 1].first_token < sentences[s + 1].end_token &&
           features[sentences[s + 1].first_token].joins_previous)
      ++s;
    const std::uint32_t end = sentences[s].end_token;
    const RunBuilder builder(features, end);
    for (std::uint32_t i = first; i < end;) {
      if (!can_start(features[i]) && !builder.initial_with_dot(i)) {
        ++i;
        continue;
      }
      const std::uint32_t end = builder.extend(i);
      runs.push_back({i, end});
      i = end;
    }
  }
  return runs;
}

}  // namespace newsmine
