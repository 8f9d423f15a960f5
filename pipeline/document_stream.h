// analyze_corpus: the streaming pass over a corpus on oneTBB.
//
// A tbb::parallel_pipeline with three stages, over batches of consecutive
// records (a few dozen short articles: fact extraction runs faster over many
// at once, and the stages hand over fewer items):
//   1. serial, in order: the CorpusReader produces the next batch of records;
//   2. parallel: each batch's documents are analyzed (tokens, dates, numbers,
//      entities, cross-document features), one Tokenizer per thread;
//   3. serial, in order: entity names get their corpus-wide canonical form
//      (corpus_names.h: "Shvydkoy" -> "Mikhail Shvydkoy" named in an earlier
//      article), then the caller's callbacks receive each analysis or
//      rejection in input order, so whatever they write is identical for any
//      thread count.
// At most `batches_in_flight` batches are alive at once, so a slow consumer
// holds the reader back and memory stays bounded whatever the corpus size.
//
//   StreamOptions options;
//   StreamStats stats;
//   Status s = analyze_corpus(paths, options, analyzer,
//       [&](DocumentAnalysis& a) { ...; return Status(); },
//       [&](const Rejection& r) { ...; return Status(); }, stats);
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "corpus/corpus_reader.h"
#include "corpus/status.h"
#include "models/corpus_names.h"
#include "pipeline/analyzer.h"
#include "tokenizers/tokenizer.h"

namespace newsmine {

struct StreamOptions {
  ReaderOptions reader;                   // input field names and limits
  TokenizerOptions tokenizer;             // sentence and key options
  int threads = 0;                        // worker threads; 0 = all cores
  std::size_t batches_in_flight = 0;      // pipeline token limit; 0 = 2 per thread
  std::size_t batch_records = 32;         // records per batch, at most
  std::size_t batch_bytes = 256 << 10;    // a batch ends once its articles hold this much text
  bool corpus_names = true;               // canonical entity names across articles, not only within one
};

struct StreamStats {
  ReaderStats reader;
  double read_seconds = 0;      // in the reader stage
  double tokenize_seconds = 0;  // summed over threads
  double extract_seconds = 0;   // summed over threads
  double consume_seconds = 0;   // in the callbacks
  double wall_seconds = 0;
  int threads = 0;
};

using DocumentCallback = std::function<Status(DocumentAnalysis&)>;
using RejectionCallback = std::function<Status(const Rejection&)>;
// Called from the reader stage after each record, for progress display.
using ProgressCallback = std::function<void(const ReaderStats&)>;

// Runs the pass. Returns the first error a callback returned (the pipeline
// stops there); input problems are rejections, not errors.
Status analyze_corpus(const std::vector<std::string>& paths, const StreamOptions& options, const Analyzer& analyzer,
                      const DocumentCallback& on_document, const RejectionCallback& on_rejection,
                      StreamStats& stats, const ProgressCallback& on_progress = {});

// The worker thread count `threads` asks for: itself if positive, else all cores.
int resolve_threads(int threads);

}  // namespace newsmine
