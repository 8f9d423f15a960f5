// Token features and candidate name spans for entity recognition.
//
// compute_entity_features() describes every token of an article the way the
// entity rules (and, later, a trained sequence labeller) see it: its shape
// (Capitalized, UPPER, lower...), where it sits in its sentence, whether it
// carries a possessive "'s" (cut from the name: "Azerbaijan’s" -> bytes of
// "Azerbaijan"), whether the same word occurs in lower case elsewhere in the
// article (a hint that a sentence-initial word is an ordinary word), and which
// lexicon phrases start at it.
//
// find_entity_candidates() groups tokens into candidate runs: maximal
// sequences of capitalized words inside one sentence, joined across
// hyphens ("Nagorno-Karabakh", "COVID-19"), abbreviation dots ("St.
// Petersburg", "John F. Kennedy"), sentence breaks the tokenizer puts after an
// initial ("George W. | Bush"), name particles ("Polad Bulbul oglu", "Joost van
// der Westhuizen"), list phrases with lower-case words ("Cabinet of
// Ministers") and, after a head word, connectors ("State Committee on Work
// with Diaspora", "Declaration on Allied Interaction"). A connector is not
// followed into a complete place unless the run is a bare head ("Council of
// Europe", but "Milli Majlis | of the Republic of Azerbaijan"). A possessive
// and a stopword end a run. Runs are split and labelled by
// classify_entity_run() in entity_rules.h.
//
// Pure functions of their inputs: thread-safe. Linear in the number of tokens.
//
//   std::vector<EntityTokenFeatures> features;
//   compute_entity_features(text, tokens, lexicon, features);
//   for (const EntityCandidate& run : find_entity_candidates(features, tokens)) ...
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "models/entity_lexicon.h"
#include "models/gazetteer.h"
#include "tokenizers/token.h"

namespace newsmine {

enum class TokenShape : std::uint8_t {
  lower,        // first letter lower case: "the", "oglu", "iPhone"
  capitalized,  // first letter upper case, some lower case after: "Baku", "İlham", "McDONALD"
  upper,        // two or more letters, none lower case: "BAKU", "TASS", "U.S"
  initial,      // one upper-case letter: "F" in "John F. Kennedy"
  number,       // number tokens and words that start with a digit: "19", "11th"
  punct,        // punctuation and symbols
  other,        // words whose first letter has no case (ideographs, ...)
};

struct EntityTokenFeatures {
  std::uint32_t start = 0;  // first byte of the token
  std::uint32_t end = 0;    // one past its name part: before a possessive "'s"
  std::string_view key;     // term key without the possessive
  TokenShape shape = TokenShape::other;
  bool possessive = false;        // the token ended in "'s" or "’s"
  bool sentence_initial = false;  // first word of its sentence, or right after an opening quote or colon
  bool caps_sentence = false;     // its sentence is written mostly in upper case (a headline)
  bool space_before = false;      // white space (or the start of text) precedes it
  bool seen_lowercase = false;    // its key occurs as a lower-case word elsewhere in the text
  bool surname_ending = false;    // capitalized and ends like a surname ("Nuriyev", "Rudenko")
  bool joins_previous = false;    // opens a sentence that the tokenizer split after an initial
                                  // or abbreviation ("George W. | Bush"); names run across it
  std::uint32_t sentence = 0;     // index into TokenizedText::sentences
  Gazetteer::Matches matches;     // lexicon phrases starting here, within the sentence
};

// A candidate run: tokens [first_token, end_token), all in one sentence.
struct EntityCandidate {
  std::uint32_t first_token = 0;
  std::uint32_t end_token = 0;
};

// Replaces `out` with one entry per token of `tokens` (tokenized from `text`).
void compute_entity_features(std::string_view text, const TokenizedText& tokens, const EntityLexicon& lexicon,
                             std::vector<EntityTokenFeatures>& out);

// The candidate runs of an article, in text order, never overlapping.
std::vector<EntityCandidate> find_entity_candidates(std::span<const EntityTokenFeatures> features,
                                                    const TokenizedText& tokens);

// True for shapes that can start or continue a name.
inline bool is_name_shape(TokenShape shape) {
  return shape == TokenShape::capitalized || shape == TokenShape::upper || shape == TokenShape::initial;
}

}  // namespace newsmine
