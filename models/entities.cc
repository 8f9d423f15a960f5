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

// A closing particle belongs to the PERSON it follows ("Polad Bulbul oglu",
// "Aysel Huseyn qizi"): CoNLL-2003 has none, so the model leaves them out.
void attach_name_suffixes(std::span<const EntityTokenFeatures> features, std::vector<LabeledSpan>& spans) {
  for (std::size_t s = 0; s < spans.size(); ++s) {
    LabeledSpan& span = spans[s];
    if (span.label != EntityLabel::person || span.end_token >= features.size()) continue;
    const EntityTokenFeatures& next = features[span.end_token];
    const bool free = s + 1 == spans.size() || spans[s + 1].first_token > span.end_token;
    if (free && next.matches.length[EntityLexicon::kNameSuffix] == 1 &&
        next.sentence == features[span.end_token - 1].sentence)
      ++span.end_token;
  }
}

// The model, trained on CoNLL-2003 where long official names are rare, may
// cut one at its connectors ("State Committee | on | Work with Diaspora").
// Where the rules read one name built on a head with connectors and the
// model's names inside it all share its label and are separated only by
// connector words, the rules' name is kept.
void join_names_cut_at_connectors(std::span<const EntityTokenFeatures> features,
                                  std::span<const LabeledSpan> rules, std::vector<LabeledSpan>& spans) {
  std::vector<LabeledSpan> joined;
  std::size_t next = 0;  // first model span not yet placed
  for (const LabeledSpan& rule : rules) {
    if (rule.evidence > EntityEvidence::structure) continue;
    while (next < spans.size() && spans[next].end_token <= rule.first_token) joined.push_back(spans[next++]);
    std::size_t inside = next;
    bool ok = true;
    std::uint32_t at = rule.first_token;
    while (inside < spans.size() && spans[inside].first_token < rule.end_token) {
      const LabeledSpan& s = spans[inside];
      ok &= s.label == rule.label && s.end_token <= rule.end_token && s.first_token >= at;
      for (std::uint32_t t = at; ok && t < s.first_token; ++t)
        ok &= at > rule.first_token && features[t].matches.length[EntityLexicon::kOrgConnector] > 0;
      at = s.end_token;
      ++inside;
    }
    if (!ok || inside - next < 2 || spans[next].first_token != rule.first_token || at != rule.end_token) continue;
    joined.push_back(rule);
    next = inside;
  }
  while (next < spans.size()) joined.push_back(spans[next++]);
  spans = std::move(joined);
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
    auto lexicon = std::make_shared<EntityLexicon>();
    if (Status s = EntityLexicon::load(data, tokenizer, *lexicon); !s.ok()) return s;
    extractor->lexicon_ = std::move(lexicon);
    if (options.use_model) {
      std::string bytes;
      if (Status s = data.read(kNerModelFile, bytes); !s.ok()) return s;
      auto model = std::make_shared<NerModel>();
      if (Status s = NerModel::parse(kNerModelFile, bytes, *model); !s.ok()) return s;
      extractor->model_ = std::move(model);
    }
    if (options.run_self_test) {
      const std::string_view file = options.use_model ? kNerSelfTestFile : kSelfTest;
      if (Status s = extractor->self_test(data, file, tokenizer); !s.ok()) return s;
    }
  } catch (const std::exception& e) {
    return Status::error(std::string("cannot create a tokenizer for the entity lists: ") + e.what());
  }
  out = std::move(extractor);
  return {};
}

std::unique_ptr<const EntityExtractor> EntityExtractor::with_model(std::shared_ptr<const NerModel> model) const {
  std::unique_ptr<EntityExtractor> copy(new EntityExtractor());
  copy->options_ = options_;
  copy->options_.use_model = model != nullptr;
  copy->lexicon_ = lexicon_;
  copy->model_ = std::move(model);
  return copy;
}

// Is tokens [first, end) written in a language the model was not trained on?
// Its lower-case words are then mostly absent from the model.
bool EntityExtractor::foreign(std::span<const EntityTokenFeatures> features, const NerFeatures& ner,
                              std::uint32_t first, std::uint32_t end) const {
  int words = 0, unknown = 0;
  for (std::uint32_t t = first; t < end; ++t) {
    if (features[t].shape != TokenShape::lower) continue;
    ++words;
    unknown += model_->row(ner.word_id(t)) < 0;
  }
  return words >= 2 && unknown > options_.foreign_word_share * words;
}

std::vector<LabeledSpan> EntityExtractor::rule_spans(std::span<const EntityTokenFeatures> features,
                                                     const TokenizedText& tokens) const {
  std::vector<LabeledSpan> spans;
  for (const EntityCandidate& run : find_entity_candidates(features, tokens))
    classify_entity_run(run, features, options_.rules, spans);
  resolve_in_article(features, spans);
  return spans;
}

void EntityExtractor::ner_features(std::string_view text, const TokenizedText& tokens, NerFeatures& features,
                                   std::vector<std::pair<std::uint32_t, std::uint32_t>>& sequences) const {
  std::vector<EntityTokenFeatures> entity;
  compute_entity_features(text, tokens, *lexicon_, entity);
  compute_ner_features(text, tokens, entity, rule_spans(entity, tokens), features);
  sequences = ner_sequences(tokens, entity);
}

std::vector<EntityMention> EntityExtractor::extract(std::string_view text, const TokenizedText& tokens) const {
  std::vector<EntityTokenFeatures> features;
  compute_entity_features(text, tokens, *lexicon_, features);
  std::vector<LabeledSpan> spans = rule_spans(features, tokens);
  if (model_) {
    // The model decides; the rules' spans are among its features.
    NerFeatures ner;
    compute_ner_features(text, tokens, features, spans, ner);
    const std::vector<LabeledSpan> rules = std::move(spans);
    spans.clear();
    NerScratch scratch;
    std::vector<NerTag> tags;
    std::vector<NerSpan> found;
    for (const auto& [first, end] : ner_sequences(tokens, features)) {
      found.clear();
      if (foreign(features, ner, first, end)) {
        for (const LabeledSpan& r : rules)
          if (r.first_token >= first && r.end_token <= end) found.push_back({r.first_token, r.end_token, r.label});
      } else {
        model_->decode(ner, first, end, scratch, tags);
        spans_from_tags(tags, first, found);
      }
      for (const NerSpan& s : found) spans.push_back({s.first, s.end, s.label, EntityEvidence::structure});
    }
    join_names_cut_at_connectors(features, rules, spans);
    attach_name_suffixes(features, spans);
  }

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
Status EntityExtractor::self_test(const ModelData& data, std::string_view file_name, Tokenizer& tokenizer) const {
  std::vector<TableRow> rows;
  if (Status s = read_table(data, file_name, 2, rows); !s.ok()) return s;
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
      return data_error(file_name, row.line,
                        "self-test failed: expected \"" + expected + "\", found \"" + found + "\"");
    }
  }
  return {};
}

}  // namespace newsmine
