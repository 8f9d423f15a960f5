#include "models/entity_rules.h"

#include <algorithm>
#include <array>

namespace newsmine {
namespace {

using Lex = EntityLexicon;

enum class PartKind : std::uint8_t {
  title,
  org_head,
  misc_head,
  loc_head,
  organization,
  location,
  misc,
  nationality,
  given,
  stop,
  geo_compound,  // "Azerbaijani-Russian", "Armenia-Azerbaijan"
  code,          // "COVID-19"
  unknown,       // capitalized words the lexicon does not know
  common,        // ordinary words capitalized in headings: "International", "Cooperation"
  suffix,        // a patronymic particle closing a person's name: "oglu"
  glue,          // lower-case connectors and particles, dots, hyphens
};

struct Part {
  std::uint32_t first = 0;
  std::uint32_t end = 0;
  PartKind kind = PartKind::unknown;
};

// Lexicon categories in order of preference when two entries have the same length.
constexpr std::array<std::pair<int, PartKind>, 10> kPreference = {{
    {Lex::kOrganization, PartKind::organization},
    {Lex::kLocation, PartKind::location},
    {Lex::kMisc, PartKind::misc},
    {Lex::kOrgHead, PartKind::org_head},
    {Lex::kMiscHead, PartKind::misc_head},
    {Lex::kLocHead, PartKind::loc_head},
    {Lex::kTitle, PartKind::title},
    {Lex::kNationality, PartKind::nationality},
    {Lex::kStopword, PartKind::stop},
    {Lex::kGivenName, PartKind::given},
}};

bool is_head(PartKind kind) {
  return kind == PartKind::org_head || kind == PartKind::misc_head || kind == PartKind::loc_head;
}

bool complete(PartKind kind) {
  return kind == PartKind::organization || kind == PartKind::location || kind == PartKind::misc ||
         kind == PartKind::nationality || kind == PartKind::geo_compound || kind == PartKind::code;
}

bool is_hyphen_at(std::span<const EntityTokenFeatures> f, std::uint32_t k, std::uint32_t end) {
  return k + 1 < end && f[k].key == "-" && !f[k].space_before && !f[k + 1].space_before;
}

class RunClassifier {
 public:
  RunClassifier(const EntityCandidate& run, std::span<const EntityTokenFeatures> features,
                const EntityRuleOptions& options, std::vector<LabeledSpan>& out)
      : run_(run), f_(features), options_(options), out_(out) {}

  void classify() {
    split_parts();
    std::vector<Part> name;
    bool name_after_title = false;
    bool next_after_title = false;
    auto close = [&] {
      if (!name.empty()) label_name(name, name_after_title);
      name.clear();
    };
    for (std::size_t i = 0; i < parts_.size(); ++i) {
      Part part = parts_[i];
      if (part.kind == PartKind::title) {
        // Not a title inside an organization name: "Ministry of Justice",
        // "Expert Council".
        const bool after_connector = !name.empty() && name.back().kind == PartKind::glue;
        const bool before_head = i + 1 < parts_.size() && is_head(parts_[i + 1].kind);
        if (after_connector || before_head) {
          part.kind = PartKind::common;
        } else {
          close();
          next_after_title = true;
          continue;
        }
      }
      if (part.kind == PartKind::stop) {
        close();
        continue;
      }
      if (!name.empty()) {
        const PartKind last = name.back().kind;
        // A given name after a place, an organization word or a title-like
        // word opens a new name; after an unknown word it is a surname
        // ("Mushtaq Ahmed", "Miguel Angel Martin").
        const bool new_person = part.kind == PartKind::given && last != PartKind::given && last != PartKind::glue &&
                                last != PartKind::unknown;
        const bool two_entries = complete(part.kind) && complete(last);
        if (new_person || two_entries || ends_person(name, part)) close();
      }
      if (name.empty()) {
        if (part.kind == PartKind::glue || part.kind == PartKind::suffix) continue;
        name_after_title = next_after_title;
        next_after_title = false;
      }
      name.push_back(part);
    }
    close();
  }

  // A person's name opened by a given name ends at a surname, before a place
  // or an unknown word that is no surname: "Mehriban Əliyeva | Şuşaya",
  // "Mikhail Shvydkoy | Moscow".
  bool ends_person(std::span<const Part> name, const Part& part) const {
    if (name.front().kind != PartKind::given || name.size() < 2) return false;
    const Part& last = name.back();
    if (last.kind != PartKind::unknown) return false;
    if (complete(part.kind)) return true;
    return part.kind == PartKind::unknown && f_[last.end - 1].surname_ending && !f_[part.end - 1].surname_ending;
  }

  // The longest lexicon entry at `k` inside the run, by kPreference on ties.
  Part lexicon_part(std::uint32_t k) const {
    Part best{k, k + 1, PartKind::unknown};
    std::uint32_t best_length = 0;
    const EntityTokenFeatures& token = f_[k];
    const bool acronym = token.shape == TokenShape::upper && !token.caps_sentence;
    for (const auto& [category, kind] : kPreference) {
      if (kind == PartKind::stop && acronym) continue;  // "WHO", "US": see stopwords.txt
      const std::uint32_t length = token.matches.length[static_cast<std::size_t>(category)];
      if (length > best_length && k + length <= run_.end_token) {
        best = {k, k + length, kind};
        best_length = length;
      }
    }
    if (best.kind == PartKind::unknown && token.matches.length[Lex::kCommon] == 1) best.kind = PartKind::common;
    return best;
  }

  void split_parts() {
    for (std::uint32_t k = run_.first_token; k < run_.end_token;) {
      const EntityTokenFeatures& token = f_[k];
      if (!is_name_shape(token.shape)) {
        const bool suffix = token.shape == TokenShape::lower && token.matches.length[Lex::kNameSuffix] == 1;
        parts_.push_back({k, k + 1, suffix ? PartKind::suffix : PartKind::glue});
        ++k;
        continue;
      }
      Part part = lexicon_part(k);
      if (is_hyphen_at(f_, part.end, run_.end_token)) part = compound(k);
      parts_.push_back(part);
      k = part.end;
    }
  }

  // A hyphen compound the lexicon does not hold as a whole.
  Part compound(std::uint32_t k) const {
    auto is_geo = [&](std::uint32_t t) {
      return f_[t].matches.length[Lex::kLocation] == 1 || f_[t].matches.length[Lex::kNationality] == 1;
    };
    std::uint32_t end = k + 1;
    bool geo = is_geo(k);
    while (is_hyphen_at(f_, end, run_.end_token)) {
      geo = geo && is_geo(end + 1);
      end += 2;
    }
    const bool code = f_[k].shape == TokenShape::upper && f_[end - 1].shape == TokenShape::number;
    PartKind kind = PartKind::unknown;
    if (code)
      kind = PartKind::code;
    else if (geo)
      kind = PartKind::geo_compound;
    else if (f_[k].matches.length[Lex::kGivenName] == 1)
      kind = PartKind::given;
    return {k, end, kind};
  }

  void emit(std::uint32_t first, std::uint32_t end, EntityLabel label, EntityEvidence evidence) {
    out_.push_back({first, end, label, evidence});
  }

  // Upper-case headlines: only what the lexicon knows, and given name + surname.
  void label_headline_name(std::span<const Part> name) {
    for (std::size_t i = 0; i < name.size(); ++i) {
      const Part& part = name[i];
      switch (part.kind) {
        case PartKind::organization:
          emit(part.first, part.end, EntityLabel::org, EntityEvidence::lexicon);
          break;
        case PartKind::location:
          emit(part.first, part.end, EntityLabel::loc, EntityEvidence::lexicon);
          break;
        case PartKind::misc:
        case PartKind::code:
        case PartKind::nationality:
        case PartKind::geo_compound:
          emit(part.first, part.end, EntityLabel::misc, EntityEvidence::lexicon);
          break;
        case PartKind::given:
          if (i + 1 < name.size() && name[i + 1].kind == PartKind::unknown) {
            emit(part.first, name[i + 1].end, EntityLabel::person, EntityEvidence::structure);
            ++i;
          }
          break;
        default:
          break;
      }
    }
  }

  void label_name(std::span<const Part> name, bool after_title) {
    while (!name.empty() && name.back().kind == PartKind::glue) name = name.first(name.size() - 1);
    // A sentence-initial word that the article also uses in lower case is an
    // ordinary word: "Cultural ties", "Stating that ...".
    while (!name.empty() && name.front().kind == PartKind::unknown && f_[name.front().first].sentence_initial &&
           f_[name.front().first].seen_lowercase && !after_title) {
      name = name.subspan(1);
      while (!name.empty() && name.front().kind == PartKind::glue) name = name.subspan(1);
    }
    if (name.empty()) return;
    const std::uint32_t first = name.front().first;
    const std::uint32_t end = name.back().end;
    if (f_[first].caps_sentence) {
      label_headline_name(name);
      return;
    }

    PartKind last_head = PartKind::glue;  // the last org_head, misc_head or loc_head
    bool has_suffix = false;
    bool has_common = false;
    bool has_unknown = false;
    bool has_given = false;
    bool has_entry = false;  // a known place, organization or other list name
    for (const Part& part : name) {
      if (is_head(part.kind)) last_head = part.kind;
      has_suffix |= part.kind == PartKind::suffix;
      has_common |= part.kind == PartKind::common;
      has_unknown |= part.kind == PartKind::unknown;
      has_given |= part.kind == PartKind::given;
      has_entry |= complete(part.kind);
    }
    const bool only_words = std::all_of(name.begin(), name.end(), [](const Part& part) {
      return part.kind == PartKind::unknown || part.kind == PartKind::common || part.kind == PartKind::glue;
    });
    const PartKind lead = name.front().kind;

    if (name.size() == 1) {
      switch (lead) {
        case PartKind::organization:
          return emit(first, end, EntityLabel::org, EntityEvidence::lexicon);
        case PartKind::location:
          return emit(first, end, EntityLabel::loc, EntityEvidence::lexicon);
        case PartKind::misc:
        case PartKind::code:
        case PartKind::nationality:
        case PartKind::geo_compound:
          return emit(first, end, EntityLabel::misc, EntityEvidence::lexicon);
        case PartKind::org_head:
          // A bare generic head ("Committee") is no name; a longer one is ("Cabinet of Ministers").
          if (end - first > 1) emit(first, end, EntityLabel::org, EntityEvidence::structure);
          return;
        case PartKind::misc_head:
          if (end - first > 1) emit(first, end, EntityLabel::misc, EntityEvidence::structure);
          return;
        case PartKind::loc_head:
          return;  // "Square", "International Airport" alone
        case PartKind::given:
          return emit(first, end, EntityLabel::person, EntityEvidence::structure);
        case PartKind::common:
          if (after_title) emit(first, end, EntityLabel::person, EntityEvidence::structure);
          return;
        default:
          if (f_[first].shape == TokenShape::initial && end - first == 1) return;  // "C" in "C$"
          return label_unknown(first, end, after_title, /*single=*/true);
      }
    }

    if (last_head == PartKind::org_head) return emit(first, end, EntityLabel::org, EntityEvidence::structure);
    if (last_head == PartKind::misc_head) return emit(first, end, EntityLabel::misc, EntityEvidence::structure);
    if (last_head == PartKind::loc_head) return emit(first, end, EntityLabel::loc, EntityEvidence::structure);
    if (lead == PartKind::organization) return emit(first, end, EntityLabel::org, EntityEvidence::structure);
    // A given name anywhere among unknown words: "Mushtaq Ahmed".
    if (after_title || lead == PartKind::given || has_suffix || (has_given && !has_entry)) {
      return emit(first, end, EntityLabel::person, EntityEvidence::structure);
    }
    if (lead == PartKind::location) return emit(first, end, EntityLabel::org, EntityEvidence::fallback);
    if (lead == PartKind::nationality || lead == PartKind::geo_compound || lead == PartKind::misc) {
      return emit(first, end, EntityLabel::misc, EntityEvidence::fallback);
    }
    if (only_words && !has_unknown) return;  // "International Cultural Cooperation"
    if (initials_only(name)) return;         // "W D L G" in a table header
    if (only_words && !has_common) return label_unknown(first, end, false, /*single=*/false);
    if (only_words) return emit(first, end, options_.mixed_words, EntityEvidence::fallback);
    // Unknown words around a known place or organization: "Air France".
    emit(first, end, EntityLabel::org, EntityEvidence::fallback);
  }

  // "in Tavildara", "at Headingley".
  bool after_place_cue(std::uint32_t first) const {
    if (first == 0) return false;
    const EntityTokenFeatures& before = f_[first - 1];
    return before.shape == TokenShape::lower && before.matches.length[Lex::kPlaceCue] == 1 &&
           before.sentence == f_[first].sentence;
  }

  bool initials_only(std::span<const Part> name) const {
    for (const Part& part : name)
      if (part.kind != PartKind::glue && f_[part.first].shape != TokenShape::initial) return false;
    return true;
  }

  void label_unknown(std::uint32_t first, std::uint32_t end, bool after_title, bool single) {
    const EntityTokenFeatures& head = f_[first];
    const EntityTokenFeatures& last = f_[end - 1];
    if (after_title) return emit(first, end, EntityLabel::person, EntityEvidence::structure);
    if (last.surname_ending) return emit(first, end, EntityLabel::person, EntityEvidence::surname);
    if (after_place_cue(first)) return emit(first, end, EntityLabel::loc, EntityEvidence::fallback);
    if (end - first == 1 && head.shape == TokenShape::upper) {
      // A dateline: "GROZNY, Russia 1996-08-30".
      const bool dateline =
          head.sentence_initial && end < f_.size() && f_[end].key == "," && f_[end].sentence == head.sentence;
      if (dateline) return emit(first, end, EntityLabel::loc, EntityEvidence::fallback);
      return emit(first, end, options_.unknown_acronym,
                  head.sentence_initial ? EntityEvidence::weak : EntityEvidence::fallback);
    }
    const EntityLabel label = single ? options_.unknown_word : options_.unknown_words;
    if (head.sentence_initial && single) return emit(first, end, label, EntityEvidence::weak);
    emit(first, end, label, EntityEvidence::fallback);
  }

  const EntityCandidate& run_;
  std::span<const EntityTokenFeatures> f_;
  const EntityRuleOptions& options_;
  std::vector<LabeledSpan>& out_;
  std::vector<Part> parts_;
};

}  // namespace

void classify_entity_run(const EntityCandidate& run, std::span<const EntityTokenFeatures> features,
                         const EntityRuleOptions& options, std::vector<LabeledSpan>& out) {
  RunClassifier(run, features, options, out).classify();
}

}  // namespace newsmine
