// BILOU tags for the entity sequence labeller: O, and for each label
// (PERSON, ORG, LOC, MISC) Begin, Inside, Last and Unit (a one-token name).
//
// BILOU marks the last token of a name explicitly, which helps a linear model
// end names at the right place more than plain BIO does. Only well-formed
// sequences are decoded: allowed() lists which tag may follow which, and
// Viterbi never leaves that set, so every decoded sequence maps to spans.
//
// Pure functions: thread-safe.
//
//   std::vector<NerTag> tags(n, kOutside);
//   tags_from_spans(spans, first_token, tags);
//   spans_from_tags(tags, first_token, spans);  // gives the spans back
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "models/mentions.h"

namespace newsmine {

using NerTag = std::uint8_t;

inline constexpr int kNerLabelCount = 4;                     // EntityLabel values
inline constexpr int kNerTagCount = 1 + 4 * kNerLabelCount;  // O + B/I/L/U per label
inline constexpr NerTag kOutside = 0;

enum class NerPart : std::uint8_t { begin, inside, last, unit };

inline NerTag ner_tag(EntityLabel label, NerPart part) {
  return static_cast<NerTag>(1 + 4 * static_cast<int>(label) + static_cast<int>(part));
}
inline EntityLabel ner_label(NerTag tag) { return static_cast<EntityLabel>((tag - 1) / 4); }
inline NerPart ner_part(NerTag tag) { return static_cast<NerPart>((tag - 1) % 4); }

// May `next` follow `previous` inside one sequence?
bool ner_transition_allowed(NerTag previous, NerTag next);
// May a sequence start with `tag` (O, B or U)? May it end with it (O, L or U)?
bool ner_start_allowed(NerTag tag);
bool ner_end_allowed(NerTag tag);

// "O", "B-PERSON", "L-LOC", ...
const char* ner_tag_name(NerTag tag);

// A labelled range of tokens [first, end).
struct NerSpan {
  std::uint32_t first = 0;
  std::uint32_t end = 0;
  EntityLabel label = EntityLabel::misc;
};

// Writes the tags of `spans` into `tags`, whose element 0 is token `offset`;
// spans must not overlap and must lie inside the range.
void tags_from_spans(std::span<const NerSpan> spans, std::uint32_t offset, std::span<NerTag> tags);

// Appends the spans of a well-formed tag sequence (element 0 = token `offset`).
void spans_from_tags(std::span<const NerTag> tags, std::uint32_t offset, std::vector<NerSpan>& out);

}  // namespace newsmine
