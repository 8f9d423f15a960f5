// CoNLL-2003 scoring for the entity extractor: reads an IOB1 file (word POS
// chunk NER per line, blank line between sentences, "-DOCSTART-" between
// documents), rebuilds each document as text (tokens joined by spaces, one
// sentence per paragraph, a possessive "'s" written onto its word as news text
// has it: "Clinton's"), and scores predicted byte spans conlleval-style:
// an entity counts when its first token, last token and type all match.
//
// Header-only, shared by bench/eval_conll.cc, `newsmine train-ner` and the
// tests. Pure functions: thread-safe.
//
//   std::vector<ConllDocument> docs = read_conll(read_file("eng.testa"));
//   ConllScore score;
//   for (const ConllDocument& doc : docs) score.add(doc, predicted_spans(doc));
//   print(score.total().f1());
#pragma once

#include <algorithm>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace newsmine::testing {

struct ConllEntity {
  std::uint32_t first_token = 0;  // tokens [first_token, end_token) of the document
  std::uint32_t end_token = 0;
  std::string type;  // PER, ORG, LOC, MISC
  bool operator<(const ConllEntity& o) const {
    if (first_token != o.first_token) return first_token < o.first_token;
    if (end_token != o.end_token) return end_token < o.end_token;
    return type < o.type;
  }
};

struct ConllDocument {
  std::string text;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> token_bytes;  // [start, end) of each token in text
  std::vector<ConllEntity> gold;
};

// Parses an IOB1 CoNLL-2003 file into documents.
inline std::vector<ConllDocument> read_conll(std::string_view bytes) {
  std::vector<ConllDocument> docs(1);
  std::string previous_type;  // type of the previous token in the sentence, "" for O
  bool sentence_open = false;
  auto close_entity = [&](ConllDocument& doc) {
    if (!previous_type.empty()) doc.gold.back().end_token = static_cast<std::uint32_t>(doc.token_bytes.size());
    previous_type.clear();
  };
  while (!bytes.empty()) {
    const std::size_t newline = bytes.find('\n');
    std::string_view line = bytes.substr(0, newline);
    bytes = newline == std::string_view::npos ? std::string_view() : bytes.substr(newline + 1);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
    ConllDocument& doc = docs.back();
    if (line.empty() || line.starts_with("-DOCSTART-")) {
      close_entity(doc);
      if (sentence_open) doc.text += "\n\n";
      sentence_open = false;
      if (line.starts_with("-DOCSTART-") && !doc.token_bytes.empty()) docs.emplace_back();
      continue;
    }
    const std::string_view word = line.substr(0, line.find(' '));
    const std::string_view tag = line.substr(line.rfind(' ') + 1);
    // "Clinton 's" is written "Clinton's", as in running text.
    const bool possessive = word == "'s" || word == "'S";
    if (sentence_open && !possessive) doc.text += ' ';
    sentence_open = true;
    const auto start = static_cast<std::uint32_t>(doc.text.size());
    doc.text += word;
    const auto index = static_cast<std::uint32_t>(doc.token_bytes.size());
    const std::string type = tag == "O" ? std::string() : std::string(tag.substr(2));
    const bool begins = !type.empty() && (tag[0] == 'B' || type != previous_type);
    if (begins || type.empty()) close_entity(doc);
    if (begins) doc.gold.push_back({index, index + 1, type});
    doc.token_bytes.emplace_back(start, static_cast<std::uint32_t>(doc.text.size()));
    previous_type = type;
  }
  close_entity(docs.back());
  if (docs.back().token_bytes.empty()) docs.pop_back();
  return docs;
}

// The token range covering bytes [start, end), or an empty range when a
// boundary falls outside every token.
inline ConllEntity conll_tokens_of(const ConllDocument& doc, std::uint32_t start, std::uint32_t end, std::string type) {
  ConllEntity entity{0, 0, std::move(type)};
  bool found_first = false;
  for (std::uint32_t i = 0; i < doc.token_bytes.size(); ++i) {
    const auto [s, e] = doc.token_bytes[i];
    if (!found_first && start >= s && start < e) entity.first_token = i, found_first = true;
    if (found_first && end > s && end <= e) {
      entity.end_token = i + 1;
      return entity;
    }
  }
  return ConllEntity{0, 0, entity.type};
}

struct ConllCounts {
  std::size_t gold = 0;
  std::size_t predicted = 0;
  std::size_t correct = 0;
  double precision() const { return predicted ? double(correct) / double(predicted) : 0.0; }
  double recall() const { return gold ? double(correct) / double(gold) : 0.0; }
  double f1() const {
    const double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
  }
};

class ConllScore {
 public:
  // Adds one document's predictions (token ranges with types).
  void add(const ConllDocument& doc, std::vector<ConllEntity> predicted) {
    std::vector<ConllEntity> gold = doc.gold;
    std::sort(gold.begin(), gold.end());
    std::sort(predicted.begin(), predicted.end());
    for (const ConllEntity& g : gold) ++by_type_[g.type].gold;
    for (const ConllEntity& p : predicted) {
      ++by_type_[p.type].predicted;
      if (std::binary_search(gold.begin(), gold.end(), p)) ++by_type_[p.type].correct;
    }
  }

  ConllCounts total() const {
    ConllCounts sum;
    for (const auto& [type, counts] : by_type_) {
      sum.gold += counts.gold;
      sum.predicted += counts.predicted;
      sum.correct += counts.correct;
    }
    return sum;
  }
  const std::map<std::string, ConllCounts>& by_type() const { return by_type_; }

 private:
  std::map<std::string, ConllCounts> by_type_;
};

}  // namespace newsmine::testing
