// extract_instructions: the pass whose instructions callgrind counts, for
// bench/extract_instructions.sh. Dates and numbers (FactExtractor) are
// extracted from every article of WARM first, uncounted, so that RE2's DFA
// states and the per-thread match cache are built as in a long run; then
// from every article of CORPUS inside counted_pass(), the function
// `--toggle-collect` names. Prints the bytes of CORPUS and the mentions.
// Instruction counts do not depend on the machine's load, unlike seconds.
//
//   extract_instructions /tmp/news-warm.jsonl /tmp/news-3mb.jsonl
#include <algorithm>
#include <cstdio>
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "corpus/corpus_reader.h"
#include "models/facts.h"

namespace {

using newsmine::Document;

std::vector<Document> read_articles(const char* path) {
  std::vector<Document> documents;
  newsmine::CorpusReader reader({path}, {});
  while (auto record = reader.next())
    if (auto* document = std::get_if<Document>(&*record)) documents.push_back(std::move(*document));
  return documents;
}

// In batches of 32 articles, as the pipeline gives them to FactExtractor.
[[gnu::always_inline]] inline std::size_t extract_all(const newsmine::FactExtractor& facts,
                                                      const std::vector<Document>& documents) {
  constexpr std::size_t kBatch = 32;
  std::size_t mentions = 0;
  std::vector<newsmine::FactInput> inputs;
  std::vector<newsmine::Facts> found;
  for (std::size_t first = 0; first < documents.size(); first += kBatch) {
    inputs.clear();
    for (std::size_t i = first; i < std::min(documents.size(), first + kBatch); ++i) {
      inputs.push_back({documents[i].text, documents[i].date});
    }
    facts.extract(inputs, found);
    for (const newsmine::Facts& of_one : found) mentions += of_one.dates.size() + of_one.numbers.size();
  }
  return mentions;
}

// Two functions of their own, neither inlined nor merged (noipa): callgrind
// counts what runs inside counted_pass only.
[[gnu::noipa]] std::size_t warm_up(const newsmine::FactExtractor& facts, const std::vector<Document>& documents) {
  return extract_all(facts, documents);
}

[[gnu::noipa]] std::size_t counted_pass(const newsmine::FactExtractor& facts, const std::vector<Document>& documents) {
  return extract_all(facts, documents);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: extract_instructions WARM CORPUS\n");
    return 2;
  }
  std::unique_ptr<const newsmine::FactExtractor> facts;
  if (newsmine::Status s = newsmine::FactExtractor::load(newsmine::ModelData::embedded(), facts); !s.ok()) {
    std::fprintf(stderr, "extract_instructions: error: %s\n", s.message().c_str());
    return 1;
  }
  warm_up(*facts, read_articles(argv[1]));
  const std::vector<Document> documents = read_articles(argv[2]);
  std::size_t bytes = 0;
  for (const Document& document : documents) bytes += document.text.size();
  const std::size_t mentions = counted_pass(*facts, documents);
  std::printf("bytes %zu mentions %zu\n", bytes, mentions);
  return 0;
}
