// Canonical names: the fullest form of each entity mentioned in one article.
//
// assign_canonical_names() fills EntityMention::canonical for every mention of
// an article: a PERSON mentioned by surname only ("Shvydkoy") gets the longest
// PERSON mention whose words end with the same words ("Mikhail Shvydkoy"); when
// several differ ("Ilham Aliyev", "Heydar Aliyev") the nearest preceding one
// wins, else the first following one. An ORG gets the longest ORG mention that
// ends with its words ("Majlis" -> "Milli Majlis"), so an acronym ("UN") keeps
// its own form. LOC and MISC keep their own surface. Surfaces have their white
// space runs collapsed to one space; spans already exclude a possessive "'s".
//
// The mentions must be sorted by start and must not overlap. A corpus-wide
// pass can later map these per-article forms further.
//
// Pure function: thread-safe. O(n log n) in the number of mentions for
// typical articles (mentions are grouped by their last word).
//
//   std::vector<EntityMention> mentions = extractor.extract(text, tokens);  // already canonical
//   assign_canonical_names(text, mentions);                                  // or redo after edits
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "models/mentions.h"

namespace newsmine {

void assign_canonical_names(std::string_view text, std::vector<EntityMention>& mentions);

// The mention's bytes with white space runs collapsed to single spaces.
std::string entity_surface(std::string_view text, const EntityMention& mention);

}  // namespace newsmine
