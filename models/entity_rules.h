// Entity rules: split a candidate run into names and label each one.
//
// A run of capitalized words (entity_candidates.h) is first cut into parts by
// the lexicon: titles, organization heads, known places, organizations,
// nationalities, given names, hyphen compounds and unknown words. Parts then
// group into names, cutting at titles ("... Diaspora | Chairman | Fuad
// Muradov": the title is dropped and makes the next name a PERSON), before a
// given name that follows a non-name ("Republic of Azerbaijan | Mikhail
// Bocharnikov") and between two complete list entries. Each name is labelled:
// a list entry keeps its list's label; a name holding an organization head is
// an ORG ("Moscow State University"); a given name or a preceding title makes a
// PERSON; a nationality alone or a compound of places/nationalities
// ("Azerbaijani-Russian") is MISC; an upper-case code with a number
// ("COVID-19") is MISC. Unknown words get a default label, recorded as
// fallback evidence; an unknown sentence-initial word is "weak" and is kept
// only if the rest of the article confirms it (see entities.cc). Headlines in
// upper case yield only list entries.
//
// Pure function: thread-safe.
//
//   std::vector<LabeledSpan> spans;
//   for (const EntityCandidate& run : find_entity_candidates(features, tokens))
//     classify_entity_run(run, features, EntityRuleOptions(), spans);
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "models/entity_candidates.h"
#include "models/mentions.h"

namespace newsmine {

// Why a span got its label, strongest first.
enum class EntityEvidence : std::uint8_t {
  lexicon,    // the whole span is a list entry
  structure,  // an organization head, a preceding title, a given name first
  surname,    // unknown words, the last one ending like a surname
  fallback,   // unknown capitalized words inside a sentence: a default label
  weak,       // an unknown word opening a sentence: needs confirmation
};

struct LabeledSpan {
  std::uint32_t first_token = 0;  // tokens [first_token, end_token)
  std::uint32_t end_token = 0;
  EntityLabel label = EntityLabel::misc;
  EntityEvidence evidence = EntityEvidence::fallback;
};

// Labels for names the lexicon knows nothing about.
struct EntityRuleOptions {
  EntityLabel unknown_word = EntityLabel::person;   // one capitalized word: "Shvydkoy"
  EntityLabel unknown_words = EntityLabel::person;  // several: "Yefim Pivovar", "Red Square"
  EntityLabel unknown_acronym = EntityLabel::org;   // an upper-case word: "TASS", "SOCAR"
  EntityLabel mixed_words = EntityLabel::org;       // unknown words mixed with ordinary ones (common_words.txt)
};

// Appends the labelled names found in `run` to `out`, in text order.
void classify_entity_run(const EntityCandidate& run, std::span<const EntityTokenFeatures> features,
                         const EntityRuleOptions& options, std::vector<LabeledSpan>& out);

}  // namespace newsmine
