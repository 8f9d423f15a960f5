#include "models/ner_tags.h"

namespace newsmine {

bool ner_transition_allowed(NerTag previous, NerTag next) {
  // Inside a name only I or L of the same label may follow; outside, a name
  // may only open (B or U) or not (O).
  const bool previous_open = previous != kOutside && (ner_part(previous) == NerPart::begin ||
                                                      ner_part(previous) == NerPart::inside);
  if (previous_open) {
    return next != kOutside && ner_label(next) == ner_label(previous) &&
           (ner_part(next) == NerPart::inside || ner_part(next) == NerPart::last);
  }
  return ner_start_allowed(next);
}

bool ner_start_allowed(NerTag tag) {
  return tag == kOutside || ner_part(tag) == NerPart::begin || ner_part(tag) == NerPart::unit;
}

bool ner_end_allowed(NerTag tag) {
  return tag == kOutside || ner_part(tag) == NerPart::last || ner_part(tag) == NerPart::unit;
}

const char* ner_tag_name(NerTag tag) {
  static const char* const kNames[kNerTagCount] = {
      "O",     "B-PERSON", "I-PERSON", "L-PERSON", "U-PERSON", "B-ORG",  "I-ORG",  "L-ORG",  "U-ORG",
      "B-LOC", "I-LOC",    "L-LOC",    "U-LOC",    "B-MISC",   "I-MISC", "L-MISC", "U-MISC"};
  return tag < kNerTagCount ? kNames[tag] : "?";
}

void tags_from_spans(std::span<const NerSpan> spans, std::uint32_t offset, std::span<NerTag> tags) {
  for (NerTag& tag : tags) tag = kOutside;
  for (const NerSpan& span : spans) {
    const std::uint32_t first = span.first - offset;
    const std::uint32_t last = span.end - 1 - offset;
    if (first == last) {
      tags[first] = ner_tag(span.label, NerPart::unit);
      continue;
    }
    tags[first] = ner_tag(span.label, NerPart::begin);
    for (std::uint32_t i = first + 1; i < last; ++i) tags[i] = ner_tag(span.label, NerPart::inside);
    tags[last] = ner_tag(span.label, NerPart::last);
  }
}

void spans_from_tags(std::span<const NerTag> tags, std::uint32_t offset, std::vector<NerSpan>& out) {
  std::uint32_t open = 0;
  for (std::uint32_t i = 0; i < tags.size(); ++i) {
    const NerTag tag = tags[i];
    if (tag == kOutside) continue;
    switch (ner_part(tag)) {
      case NerPart::begin: open = i; break;
      case NerPart::inside: break;
      case NerPart::last: out.push_back({offset + open, offset + i + 1, ner_label(tag)}); break;
      case NerPart::unit: out.push_back({offset + i, offset + i + 1, ner_label(tag)}); break;
    }
  }
}

}  // namespace newsmine
