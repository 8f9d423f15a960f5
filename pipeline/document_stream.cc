#include "pipeline/document_stream.h"

#include <oneapi/tbb/enumerable_thread_specific.h>
#include <oneapi/tbb/global_control.h>
#include <oneapi/tbb/info.h>
#include <oneapi/tbb/parallel_pipeline.h>

#include <algorithm>
#include <memory>
#include <optional>
#include <variant>

#include "pipeline/stopwatch.h"

namespace newsmine {
namespace {

// What travels through the pipeline: a batch of consecutive records. The
// articles are analyzed together; a rejection passes through untouched, so
// the consumer sees every record in input order.
struct Batch {
  std::vector<Document> documents;         // until analyzed
  std::vector<DocumentAnalysis> analyses;  // then their analyses, in order
  // The records in input order: an index into analyses, or a rejection.
  std::vector<std::variant<std::size_t, Rejection>> records;
  std::size_t bytes = 0;                   // of article text
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
      options.batches_in_flight > 0 ? options.batches_in_flight : 2 * static_cast<std::size_t>(stats.threads);
  const std::size_t batch_records = std::max<std::size_t>(1, options.batch_records);

  CorpusReader reader(paths, options.reader);
  tbb::enumerable_thread_specific<std::unique_ptr<Tokenizer>> tokenizers(
      [&] { return std::make_unique<Tokenizer>(options.tokenizer); });
  tbb::enumerable_thread_specific<double> tokenize_seconds(0.0), extract_seconds(0.0);
  Status failure;

  auto read = [&](tbb::flow_control& control) -> std::shared_ptr<Batch> {
    auto batch = std::make_shared<Batch>();
    while (batch->records.size() < batch_records && batch->bytes < options.batch_bytes && failure.ok()) {
      const Stopwatch watch;
      std::optional<Record> record = reader.next();
      stats.read_seconds += watch.seconds();
      if (!record) break;
      if (on_progress) on_progress(reader.stats());
      if (auto* document = std::get_if<Document>(&*record)) {
        batch->bytes += document->text.size();
        batch->records.emplace_back(batch->documents.size());
        batch->documents.push_back(std::move(*document));
      } else {
        batch->records.emplace_back(std::move(std::get<Rejection>(*record)));
      }
    }
    if (batch->records.empty()) {
      control.stop();
      return nullptr;
    }
    return batch;
  };

  auto analyze = [&](std::shared_ptr<Batch> batch) -> std::shared_ptr<Batch> {
    if (!batch->documents.empty()) {
      analyzer.analyze(batch->documents, *tokenizers.local(), batch->analyses);
      for (const DocumentAnalysis& analysis : batch->analyses) {
        tokenize_seconds.local() += analysis.tokenize_seconds;
        extract_seconds.local() += analysis.extract_seconds;
      }
    }
    return batch;
  };

  CorpusNames names;
  auto consume = [&](std::shared_ptr<Batch> batch) {
    const Stopwatch watch;
    for (auto& record : batch->records) {
      if (!failure.ok()) break;
      if (const std::size_t* index = std::get_if<std::size_t>(&record)) {
        DocumentAnalysis& analysis = batch->analyses[*index];
        if (options.corpus_names) {
          names.resolve(analysis.entities);
          names.learn(analysis.entities);
        }
        failure = on_document(analysis);
      } else {
        failure = on_rejection(std::get<Rejection>(record));
      }
    }
    stats.consume_seconds += watch.seconds();
  };

  tbb::parallel_pipeline(
      in_flight,
      tbb::make_filter<void, std::shared_ptr<Batch>>(tbb::filter_mode::serial_in_order, read) &
          tbb::make_filter<std::shared_ptr<Batch>, std::shared_ptr<Batch>>(tbb::filter_mode::parallel, analyze) &
          tbb::make_filter<std::shared_ptr<Batch>, void>(tbb::filter_mode::serial_in_order, consume));

  stats.reader = reader.stats();
  stats.tokenize_seconds = tokenize_seconds.combine(std::plus<double>());
  stats.extract_seconds = extract_seconds.combine(std::plus<double>());
  stats.wall_seconds = wall.seconds();
  return failure;
}

}  // namespace newsmine
