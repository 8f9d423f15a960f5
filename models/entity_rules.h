// Entity rules: split a candidate run into names and label each one.
//
// A run of capitalized words (entity_candidates.h) is first cut into parts by
// the lexicon (entity_lexicon.h): titles, heads (organization, event, place),
// known places, organizations and other names, nationalities, given names,
// hyphen compounds, ordinary heading words and unknown words. Parts then group
// into names, cutting at titles ("... Diaspora | Chairman | Fuad Muradov": the
// title is dropped and makes the next name a PERSON), before a given name that
// follows a place or a heading word ("Republic of Azerbaijan | Mikhail
// Bocharnikov"), after a surname ("Mehriban Əliyeva | Şuşa") and between two
// complete list entries ("Armenia-Azerbaijan | Nagorno-Karabakh").
//
// Each name is labelled, strongest evidence first: a list entry keeps its
// list's label; the last head decides ("Moscow State University" ORG, "Victory
// Day" MISC, "Red Square" LOC); a given name, a preceding title or a particle
// ("oglu") makes a PERSON; a nationality alone or a compound of places and
// nationalities ("Azerbaijani-Russian") is MISC, as is an upper-case code with
// a number ("COVID-19"). Unknown words are a PERSON when the last one ends like
// a surname, a LOC right after "in"/"at"/"near", a LOC for a dateline
// ("GROZNY, Russia"), and otherwise get the defaults of EntityRuleOptions
// (fallback evidence). Names made only of ordinary heading words
// ("International Cultural Cooperation") are dropped. An unknown word opening a
// sentence is "weak" and kept only if the rest of the article confirms it (see
// entities.cc). Headlines in upper case yield only list entries.
//
// Pure function: thread-safe. Linear in the length of the run.
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

// Labels for names the lexicon knows nothing about. The defaults scored best
// on the CoNLL-2003 English dev set (eng.testa), where a lone unknown word is
// more often a club or company than a person; surnames are caught earlier by
// their endings and by the article pass.
struct EntityRuleOptions {
  EntityLabel unknown_word = EntityLabel::org;      // one capitalized word: "Pirelli", "Surrey"
  EntityLabel unknown_words = EntityLabel::person;  // several: "Ayya Lmahamad", "Wang Donghai"
  EntityLabel unknown_acronym = EntityLabel::org;   // an upper-case word: "TASS", "SOCAR"
  EntityLabel mixed_words = EntityLabel::org;       // unknown words mixed with ordinary ones (common_words.txt)
};

// Appends the labelled names found in `run` to `out`, in text order.
void classify_entity_run(const EntityCandidate& run, std::span<const EntityTokenFeatures> features,
                         const EntityRuleOptions& options, std::vector<LabeledSpan>& out);

}  // namespace newsmine
