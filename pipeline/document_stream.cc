#include "pipeline/document_stream.h"

#include <oneapi/tbb/enumerable_thread_specific.h>
#include <oneapi/tbb/global_control.h>
#include <oneapi/tbb/info.h>
#include <oneapi/tbb/parallel_pipeline.h>

#include <memory>
#include <optional>
#include <variant>

#include "pipeline/stopwatch.h"

namespace newsmine {
namespace {

// What travels through the pipeline: a rejection passes through untouched so
// the consumer sees every record in input order.
struct Item {
  std::optional<DocumentAnalysis> analysis;
  std::optional<Document> document;
  std::optional<Rejection> rejection;
};

}  // namespace

int resolve_threads(int threads) {
  return threads > 0 ? threads : std::max(1, tbb::info::default_concurrency());
}

Status analyze_corpus(const std::vector<std::string>& paths, const StreamOptions& options, const Analyzer& analyzer,
                      const DocumentCallback& on_document, const RejectionCallback& on_rejection,
                      StreamStats& stats, const ProgressCallback& on_progress) {
  const Stopwatch wall;
  stats.threads = resolve_threads(options.threads);
  tbb::global_control parallelism(tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(stats.threads));
  const std::size_t in_flight =
      options.documents_in_flight > 0 ? options.documents_in_flight : 4 * static_cast<std::size_t>(stats.threads);

  CorpusReader reader(paths, options.reader);
  tbb::enumerable_thread_specific<std::unique_ptr<Tokenizer>> tokenizers(
      [&] { return std::make_unique<Tokenizer>(options.tokenizer); });
  tbb::enumerable_thread_specific<double> tokenize_seconds(0.0), extract_seconds(0.0);
  Status failure;

  auto read = [&](tbb::flow_control& control) -> std::shared_ptr<Item> {
    const Stopwatch watch;
    std::optional<Record> record = failure.ok() ? reader.next() : std::nullopt;
    stats.read_seconds += watch.seconds();
    if (!record) {
      control.stop();
      return nullptr;
    }
    if (on_progress) on_progress(reader.stats());
    auto item = std::make_shared<Item>();
    if (auto* document = std::get_if<Document>(&*record)) {
      item->document = std::move(*document);
    } else {
      item->rejection = std::move(std::get<Rejection>(*record));
    }
    return item;
  };

  auto analyze = [&](std::shared_ptr<Item> item) -> std::shared_ptr<Item> {
    if (item->document) {
      item->analysis = analyzer.analyze(std::move(*item->document), *tokenizers.local());
      item->document.reset();
      tokenize_seconds.local() += item->analysis->tokenize_seconds;
      extract_seconds.local() += item->analysis->extract_seconds;
    }
    return item;
  };

  CorpusNames names;
  auto consume = [&](std::shared_ptr<Item> item) {
    if (!failure.ok()) return;
    const Stopwatch watch;
    if (item->analysis && options.corpus_names) {
      names.resolve(item->analysis->entities);
      names.learn(item->analysis->entities);
    }
    failure = item->analysis ? on_document(*item->analysis) : on_rejection(*item->rejection);
    stats.consume_seconds += watch.seconds();
  };

  tbb::parallel_pipeline(
      in_flight,
      tbb::make_filter<void, std::shared_ptr<Item>>(tbb::filter_mode::serial_in_order, read) &
          tbb::make_filter<std::shared_ptr<Item>, std::shared_ptr<Item>>(tbb::filter_mode::parallel, analyze) &
          tbb::make_filter<std::shared_ptr<Item>, void>(tbb::filter_mode::serial_in_order, consume));

  stats.reader = reader.stats();
  stats.tokenize_seconds = tokenize_seconds.combine(std::plus<double>());
  stats.extract_seconds = extract_seconds.combine(std::plus<double>());
  stats.wall_seconds = wall.seconds();
  return failure;
}

}  // namespace newsmine
