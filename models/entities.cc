#include "models/entities.h"

#include <algorithm>
#include <exception>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "models/entity_candidates.h"
#include "models/entity_canonical.h"
#include "models/rule_files.h"
#include "tokenizers/tokenizer.h"

namespace newsmine {
namespace {

constexpr std::string_view kSelfTest = "entities/selftest.tsv";

// Settles fallback and weak one-word spans with what the rest of the article
// says. A word that is part of a full PERSON name elsewhere (other than its
// given name) is that PERSON; a word used as a name elsewhere with stronger
// evidence takes that name's label; a weak span with no support is dropped.
void resolve_in_article(std::span<const EntityTokenFeatures> features, std::vector<LabeledSpan>& spans) {
  std::unordered_set<std::string_view> surnames;  // "Shvydkoy"; family-name-first "Wang" of "Wang Donghai"
  struct Seen {
    EntityLabel label;
    EntityEvidence evidence;
  };
  std::unordered_map<std::string_view, Seen> single_words;  // strongest label of one-word names
  for (const LabeledSpan& span : spans) {
    const bool one_word = span.end_token - span.first_token == 1;
    if (span.label == EntityLabel::person && span.evidence <= EntityEvidence::fallback && !one_word) {
      for (std::uint32_t t = span.first_token; t < span.end_token; ++t) {
        const EntityTokenFeatures& f = features[t];
        if (is_name_shape(f.shape) && f.shape != TokenShape::initial &&
            f.matches.length[EntityLexicon::kGivenName] == 0)
          surnames.insert(f.key);
      }
    }
    if (one_word && span.evidence != EntityEvidence::weak) {
      auto [it, added] = single_words.try_emplace(features[span.first_token].key, Seen{span.label, span.evidence});
      if (!added && span.evidence < it->second.evidence) it->second = {span.label, span.evidence};
    }
  }

  for (LabeledSpan& span : spans) {
    if (span.evidence <= EntityEvidence::structure || span.end_token - span.first_token != 1) continue;
    const std::string_view key = features[span.first_token].key;
    if (surnames.contains(key)) {
      span.label = EntityLabel::person;
      span.evidence = EntityEvidence::structure;
    } else if (auto seen = single_words.find(key);
               seen != single_words.end() && seen->second.evidence < span.evidence) {
      span.label = seen->second.label;
      span.evidence = seen->second.evidence;
    }
  }
  std::erase_if(spans, [](const LabeledSpan& span) { return span.evidence == EntityEvidence::weak; });
}

}  // namespace

Status EntityExtractor::load(const ModelData& data, std::unique_ptr<const EntityExtractor>& out) {
  return load(data, EntityExtractorOptions(), out);
}

Status EntityExtractor::load(const ModelData& data, const EntityExtractorOptions& options,
                             std::unique_ptr<const EntityExtractor>& out) {
  std::unique_ptr<EntityExtractor> extractor(new EntityExtractor());
  extractor->options_ = options;
  try {
    Tokenizer tokenizer;
    if (Status s = EntityLexicon::load(data, tokenizer, extractor->lexicon_); !s.ok()) return s;
    if (options.run_self_test)
      if (Status s = extractor->self_test(data, tokenizer); !s.ok()) return s;
  } catch (const std::exception& e) {
    return Status::error(std::string("cannot create a tokenizer for the entity lists: ") + e.what());
  }
  out = std::move(extractor);
  return {};
}

std::vector<EntityMention> EntityExtractor::extract(std::string_view text, const TokenizedText& tokens) const {
  std::vector<EntityTokenFeatures> features;
  compute_entity_features(text, tokens, lexicon_, features);
  std::vector<LabeledSpan> spans;
  for (const EntityCandidate& run : find_entity_candidates(features, tokens))
    classify_entity_run(run, features, options_.rules, spans);
  resolve_in_article(features, spans);

  std::vector<EntityMention> mentions;
  mentions.reserve(spans.size());
  for (const LabeledSpan& span : spans) {
    EntityMention mention;
    mention.start = features[span.first_token].start;
    mention.end = features[span.end_token - 1].end;
    mention.label = span.label;
    if (mention.end > mention.start) mentions.push_back(std::move(mention));
  }
  std::sort(mentions.begin(), mentions.end(),
            [](const EntityMention& a, const EntityMention& b) { return a.start < b.start; });
  assign_canonical_names(text, mentions);
  return mentions;
}

// Each row: text, then the expected mentions as LABEL=surface in order ("-" for none).
Status EntityExtractor::self_test(const ModelData& data, Tokenizer& tokenizer) const {
  std::vector<TableRow> rows;
  if (Status s = read_table(data, kSelfTest, 2, rows); !s.ok()) return s;
  TokenizedText tokens;
  for (const TableRow& row : rows) {
    const std::string& text = row.fields[0];
    tokenizer.tokenize(text, tokens);
    std::string expected;
    for (std::size_t i = 1; i < row.fields.size(); ++i) {
      if (row.fields[i] == "-") continue;
      if (!expected.empty()) expected += "; ";
      expected += row.fields[i];
    }
    std::string found;
    for (const EntityMention& m : extract(text, tokens)) {
      if (!found.empty()) found += "; ";
      found += std::string(to_string(m.label)) + "=" + std::string(span_text(text, m.start, m.end));
    }
    if (found != expected) {
      return data_error(kSelfTest, row.line,
                        "self-test failed: expected \"" + expected + "\", found \"" + found + "\"");
    }
  }
  return {};
}

}  // namespace newsmine
