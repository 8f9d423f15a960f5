// FactExtractor: the batch form gives exactly what one article at a time gives.
#include <catch2/catch.hpp>

#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "corpus/corpus_reader.h"
#include "models/facts.h"
#include "models/model_data.h"
#include "tests/test_support.h"

namespace newsmine {
namespace {

const FactExtractor& facts() {
  static const std::unique_ptr<const FactExtractor> extractor = [] {
    std::unique_ptr<const FactExtractor> loaded;
    const Status status = FactExtractor::load(ModelData::embedded(), loaded);
    if (!status.ok()) FAIL(status.message());
    return loaded;
  }();
  return *extractor;
}

std::vector<Document> read_articles(const std::vector<std::string>& paths) {
  std::vector<Document> articles;
  CorpusReader reader(paths, {});
  while (auto record = reader.next()) {
    if (Document* document = std::get_if<Document>(&*record)) articles.push_back(std::move(*document));
  }
  return articles;
}

void check_same(const Facts& batch, const Facts& alone) {
  REQUIRE(batch.dates.size() == alone.dates.size());
  for (std::size_t i = 0; i < alone.dates.size(); ++i) {
    CHECK(batch.dates[i].start == alone.dates[i].start);
    CHECK(batch.dates[i].end == alone.dates[i].end);
    CHECK(batch.dates[i].value == alone.dates[i].value);
    CHECK(batch.dates[i].kind == alone.dates[i].kind);
  }
  REQUIRE(batch.numbers.size() == alone.numbers.size());
  for (std::size_t i = 0; i < alone.numbers.size(); ++i) {
    CHECK(batch.numbers[i].start == alone.numbers[i].start);
    CHECK(batch.numbers[i].end == alone.numbers[i].end);
    CHECK(batch.numbers[i].value == alone.numbers[i].value);
    CHECK(batch.numbers[i].unit == alone.numbers[i].unit);
    CHECK(batch.numbers[i].kind == alone.numbers[i].kind);
  }
}

TEST_CASE("articles in batches get the facts they get one by one", "[facts]") {
  std::vector<std::string> paths = {(testing::source_dir() / "corpus" / "sample").string()};
  if (testing::have_shared("seeds")) paths.push_back((testing::shared_dir() / "seeds").string());
  std::vector<Document> articles = read_articles(paths);
  REQUIRE(articles.size() >= 12);
  // Repeats (the match cache), an empty text, dates that hide numbers, a
  // date-less article and a text that ends inside a match.
  articles.push_back(articles.front());
  articles.push_back(Document{});
  Document edge;
  edge.text = "On May 20, 2021 it rose 3.5 percent to $2.6 billion; on 20 May 2021 it fell 7-3/4 to 1,234";
  edge.date = "2021-06-01";
  articles.push_back(edge);
  edge.date.clear();
  articles.push_back(edge);
  articles.push_back(articles[1]);

  std::vector<FactInput> inputs;
  for (const Document& article : articles) inputs.push_back({article.text, article.date});
  std::vector<Facts> alone;
  for (const FactInput& input : inputs) alone.push_back(facts().extract(input.text, input.document_date));
  std::size_t mentions = 0;
  for (const Facts& found : alone) mentions += found.dates.size() + found.numbers.size();
  REQUIRE(mentions > 100);  // the sample is real news with facts to find

  for (std::size_t batch : {std::size_t{1}, std::size_t{3}, std::size_t{7}, inputs.size()}) {
    INFO("batch of " << batch);
    for (std::size_t first = 0; first < inputs.size(); first += batch) {
      const std::size_t count = std::min(batch, inputs.size() - first);
      std::vector<Facts> found;
      facts().extract(std::span<const FactInput>(inputs.data() + first, count), found);
      REQUIRE(found.size() == count);
      for (std::size_t i = 0; i < count; ++i) check_same(found[i], alone[first + i]);
    }
  }
  std::vector<Facts> none;
  facts().extract(std::span<const FactInput>(), none);
  CHECK(none.empty());
}

}  // namespace
}  // namespace newsmine
