// EntityLexicon: the word lists the entity rules consult, loaded once.
//
// Files under models/data/entities/ (each with a comment header and a
// "version 1" line; see gazetteer.h for the format):
//   titles.txt          President, Prime Minister, Mr., ... (precede a PERSON, not part of it)
//   org_heads.txt       Committee, University, Bank, Cabinet of Ministers, ... (make a run an ORG)
//   misc_heads.txt      Day, Cup, Open, War, Prize, Declaration, ... (make a run they end MISC)
//   loc_heads.txt       Square, Airport, River, Province, ... (make a run they end a LOC)
//   locations.txt       countries, cities, regions (LOC)
//   nationalities.txt   Azerbaijani, Russian, ... (MISC when standing alone)
//   person_names.txt    given names in Latin, Azerbaijani and Cyrillic spelling
//   organizations.txt   known organizations and acronyms (ORG)
//   misc.txt            known MISC names (COVID-19, Nowruz, ...)
//   stopwords.txt       capitalized words that are not names (The, According, May, ...)
//   common_words.txt    ordinary words often capitalized in headings (International, War, ...)
//   connectors.txt      lower-case words inside names, tagged "org" (of, for),
//                       "join" (and), "inner" (van, bin), "suffix" (oglu, qizi) or
//                       "place" (in, at, near: an unknown name after one is a LOC)
//   surname_endings.txt endings that mark a surname (ov, yev, enko, ...), compiled to one RE2
//
// Phrases are split into tokens with the article Tokenizer, so they match
// running text token for token, whatever the case. Immutable after load and
// safe to share between threads.
//
//   Tokenizer tokenizer;
//   EntityLexicon lexicon;
//   if (Status s = EntityLexicon::load(ModelData::embedded(), tokenizer, lexicon); !s.ok()) fail(s);
//   Gazetteer::Matches m;
//   lexicon.phrases().longest_matches(keys, m);
//   if (m.length[EntityLexicon::kTitle]) ...
#pragma once

#include <memory>
#include <string_view>

#include "corpus/status.h"
#include "models/gazetteer.h"
#include "models/model_data.h"
#include "tokenizers/tokenizer.h"

namespace re2 {
class RE2;
}

namespace newsmine {

class EntityLexicon {
 public:
  // Phrase categories in phrases().
  enum Category : int {
    kTitle,
    kOrgHead,
    kMiscHead,  // "Day", "Cup", "War", "Declaration": a run ending in one is MISC
    kLocHead,   // "Square", "Airport", "River", "Province": a run ending in one is a LOC
    kLocation,
    kNationality,
    kGivenName,
    kOrganization,
    kMisc,
    kStopword,
    kCommon,        // ordinary words often capitalized in headings: "International", "Cooperation"
    kOrgConnector,  // "of", "for", "on", "the" inside an ORG name
    kOrgJoin,       // "and", "&" joining two short parts of one ORG name
    kNameInner,     // "van", "de", "bin" between parts of a PERSON name
    kNameSuffix,    // "oglu", "qizi" closing a PERSON name
    kPlaceCue,      // "in", "at", "near" before an unknown name: a place
    kCategoryCount
  };

  EntityLexicon();
  ~EntityLexicon();
  EntityLexicon(EntityLexicon&&) noexcept;
  EntityLexicon& operator=(EntityLexicon&&) noexcept;

  // Reads and validates every list; `tokenizer` splits the phrases.
  static Status load(const ModelData& data, Tokenizer& tokenizer, EntityLexicon& out);

  const Gazetteer& phrases() const { return phrases_; }

  // True when the term key `key` (a single word) ends like a surname:
  // "nuriyev", "shvydkoy", "rudenko", "əliyev".
  bool has_surname_ending(std::string_view key) const;

 private:
  Gazetteer phrases_;
  std::unique_ptr<re2::RE2> surname_ending_;
};

}  // namespace newsmine
