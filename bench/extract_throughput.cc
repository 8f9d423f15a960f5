// extract_throughput: how fast dates and numbers are extracted, in one pass
// over a corpus, next to one plain RE2 pass over the same bytes.
//
// Articles stream from the corpus (reading is not timed) and each goes once
// through FactExtractor::extract, on one thread: MB/s per core, as the
// pipeline's workers run it. A single pass matters: the extractors keep a
// per-thread cache of the matches they have seen, and timing the same small
// corpus again and again would measure that cache, not news. Beside it, the
// raw limit: one RE2 scan for \d+ over the same articles (every match found,
// as the extractors must), and a copy of the bytes. Articles go to the
// extractor in batches, as the pipeline gives them (--batch 1: one by one).
//
//   extract_throughput /tmp/news-120mb.jsonl [--batch 32]
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include <CLI/CLI.hpp>
#include <re2/re2.h>

#include "corpus/corpus_reader.h"
#include "models/facts.h"

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  using namespace newsmine;
  CLI::App app("extract_throughput: dates and numbers per second on one thread, beside one RE2 pass");
  std::vector<std::string> paths;
  std::size_t batch = 32;
  app.add_option("CORPUS", paths, "JSONL or text corpora")->required();
  app.add_option("--batch", batch, "articles per FactExtractor call (1: one at a time)")->check(CLI::PositiveNumber);
  CLI11_PARSE(app, argc, argv);
  std::unique_ptr<const FactExtractor> facts;
  if (Status s = FactExtractor::load(ModelData::embedded(), facts); !s.ok()) {
    std::fprintf(stderr, "extract_throughput: error: %s\n", s.message().c_str());
    return 1;
  }
  const RE2 digits(R"(\d+)");
  CorpusReader reader(paths, {});

  std::uint64_t bytes = 0, documents = 0, dates = 0, numbers = 0, digit_runs = 0;
  double extract_seconds = 0, re2_seconds = 0, copy_seconds = 0;
  std::string copy;
  std::vector<Document> articles;
  std::vector<FactInput> inputs;
  std::vector<Facts> found;
  bool more = true;
  while (more) {
    articles.clear();
    while (articles.size() < batch) {
      auto record = reader.next();
      if (!record) {
        more = false;
        break;
      }
      if (Document* doc = std::get_if<Document>(&*record)) articles.push_back(std::move(*doc));
    }
    inputs.clear();
    for (const Document& doc : articles) inputs.push_back({doc.text, doc.date});

    Clock::time_point start = Clock::now();
    if (batch == 1 && !inputs.empty()) {
      found.assign(1, facts->extract(inputs[0].text, inputs[0].document_date));
    } else {
      facts->extract(inputs, found);
    }
    extract_seconds += seconds_since(start);
    for (const Facts& of_one : found) {
      dates += of_one.dates.size();
      numbers += of_one.numbers.size();
    }

    for (const FactInput& input : inputs) {
      const std::string_view text = input.text;
      bytes += text.size();
      ++documents;
      start = Clock::now();
      re2::StringPiece rest(text.data(), text.size());
      while (RE2::FindAndConsume(&rest, digits)) ++digit_runs;
      re2_seconds += seconds_since(start);

      start = Clock::now();
      copy.assign(text);
      copy_seconds += seconds_since(start);
    }
  }
  if (documents == 0) {
    std::fprintf(stderr, "extract_throughput: error: no articles in the corpus\n");
    return 1;
  }
  const double mb = bytes / 1e6;
  std::printf("corpus            %llu articles, %.1f MB\n", static_cast<unsigned long long>(documents), mb);
  std::printf("dates + numbers   %.2f s, %.1f MB/s, %.0f articles/s (%llu dates, %llu numbers)\n", extract_seconds,
              mb / extract_seconds, documents / extract_seconds, static_cast<unsigned long long>(dates),
              static_cast<unsigned long long>(numbers));
  std::printf("one RE2 pass      %.2f s, %.1f MB/s (\\d+, %llu matches)\n", re2_seconds, mb / re2_seconds,
              static_cast<unsigned long long>(digit_runs));
  std::printf("copy the bytes    %.3f s, %.0f MB/s\n", copy_seconds, mb / copy_seconds);
  return 0;
}
