// The parts of `run` (run.h) that the one-process run and the distributed
// run (mpi_run.h) share: the output files of the streaming pass, what is kept
// of each article for the cross-document stages, and those stages.
//
//   RunOutputs outputs;
//   open_run_outputs(options, outputs);
//   for each accepted article in input order: keep_document(analysis, line, outputs);
//   for each rejection: outputs.rejected.write(line);
//   close_stream_outputs(outputs, summary);
//   cross_document_stages(options, in_process_steps(), outputs, summary, wall);
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/status.h"
#include "models/passages.h"
#include "models/similarity.h"
#include "models/tfidf.h"
#include "pipeline/analyzer.h"
#include "pipeline/output_file.h"
#include "pipeline/report_data.h"
#include "pipeline/run.h"
#include "pipeline/stopwatch.h"
#include "pipeline/text_store.h"

namespace newsmine {

// Everything kept from the streaming pass for the cross-document stages (a
// distributed run keeps the term counts and passage features on the ranks).
struct CorpusFeatures {
  std::vector<std::string> ids;
  std::vector<std::string> dates;    // YYYY-MM-DD or empty
  std::vector<std::uint64_t> bytes;  // article sizes
  std::vector<PassageFeatures> passages;
  TfidfBuilder tfidf;
  TextStore texts;
};

struct RunOutputs {
  OutputFile documents;
  OutputFile rejected;
  std::optional<ReportCollector> report;
  OutputFile report_output;
  CorpusFeatures corpus;
};

// Checks that some input exists, creates the output directory and opens
// documents.jsonl, rejected.jsonl, the text store and the report file (so a
// report path that cannot be written fails before the run, not after it).
Status open_run_outputs(const RunOptions& options, RunOutputs& outputs);

// Adds an article's counts (tokens, sentences, dates, numbers, entities) to the summary.
void count_document(const DocumentAnalysis& analysis, RunSummary& summary);

// An accepted article, in input order: its documents.jsonl `line` is
// written, the report sees it, its id, date, size and text are kept, and so
// are its term counts and passage features (moved out of `analysis`).
Status keep_document(DocumentAnalysis& analysis, std::string_view line, RunOutputs& outputs);
// What rank 0 of a distributed run keeps of an article whose line, features
// and text (of `text_bytes` bytes) stay on its rank: the report sees it, its
// id, date and size are kept.
void keep_article(const DocumentAnalysis& analysis, std::uint64_t text_bytes, RunOutputs& outputs);

// Closes documents.jsonl and rejected.jsonl and records the stream's stage times.
Status close_stream_outputs(RunOutputs& outputs, RunSummary& summary);

// The two cross-document steps a distributed run spreads over its ranks.
struct CrossDocumentSteps {
  // TF-IDF and the similarity join: returns the similar pairs (sorted as
  // similar_pairs sorts them), adds the "tfidf" stage and sets summary.terms.
  std::function<std::vector<SimilarPair>(CorpusFeatures&, const SimilarityOptions&, RunSummary&)> similarity;
  // Passage detection: returns the passages (sorted as find_passages sorts
  // them) and sets summary.passage_stats.
  std::function<std::vector<Passage>(CorpusFeatures&, const PassageOptions&, RunSummary&)> passages;
  // Where the passage, cluster, report and cleaned texts are read: corpus.texts when null.
  ArticleTexts* texts = nullptr;
};
// In one process: the matrix of corpus.tfidf with similar_pairs, and
// find_passages over corpus.passages.
CrossDocumentSteps in_process_steps();

// TF-IDF, similar.jsonl, passages.jsonl, clusters.jsonl, reuse.jsonl,
// cleaned.jsonl (with strip_boilerplate), then summary.json and the report.
Status cross_document_stages(const RunOptions& options, const CrossDocumentSteps& steps, RunOutputs& outputs,
                             RunSummary& summary, const Stopwatch& wall);

}  // namespace newsmine
