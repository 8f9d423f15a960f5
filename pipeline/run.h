// run: the whole newsmine job over a corpus, writing the output directory.
//
// Streams the corpus through analyze_corpus (documents.jsonl and
// rejected.jsonl are written as it goes, in input order), then runs the
// cross-document stages on the compact features kept from each article:
// TF-IDF and similar pairs (similar.jsonl), reused passages (passages.jsonl)
// and their families (clusters.jsonl), the reused share of each article
// (reuse.jsonl) and, with strip_boilerplate, the articles without text that
// recurs in earlier ones (cleaned.jsonl). Finally summary.json records counts
// and per-stage time and throughput, and report.html shows the run to people.
// Output files other than the timings in summary.json and report.html are
// byte-identical for any thread count.
//
//   RunOptions options;
//   options.paths = {"corpus/sample"};
//   options.out_dir = "out";
//   RunSummary summary;
//   if (Status s = run(options, summary); !s.ok()) fail(s.message());
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "corpus/status.h"
#include "models/passages.h"
#include "pipeline/document_stream.h"

namespace newsmine {

struct RunOptions {
  std::vector<std::string> paths;  // files, directories, or "-" for JSONL on stdin
  std::string out_dir;             // created when missing
  std::string models_dir;          // override for models/data files; empty = built in
  StreamOptions stream;            // reader, tokenizer, threads
  double min_similarity = 0.3;     // similar.jsonl keeps pairs with cosine >= this
  PassageOptions passages;         // reuse detection settings
  bool strip_boilerplate = false;  // also write cleaned.jsonl: articles without text recurring elsewhere
  bool progress = false;           // draw a progress line on stderr
  bool verbose = false;            // name each rejected record and each article with invalid UTF-8 on stderr
  bool report = true;              // write the HTML report (report_html.h)
  std::string report_path;         // where; empty = out_dir/report.html
  bool report_timings = true;      // include seconds in the report (they differ between runs)
};

struct StageTime {
  std::string name;
  double seconds = 0;
  std::uint64_t bytes = 0;  // bytes of article text the stage processed
};

// What the ranks of a distributed run sent each other, and their memory.
struct DistributedStats {
  std::uint64_t record_bytes = 0;  // records (documents.jsonl lines and texts) sent to rank 0
  std::uint64_t names_bytes = 0;   // entity-name states handed from rank to rank, in all
  // The similarity join (pipeline/mpi_similarity.h), summed over the ranks:
  std::uint64_t term_bytes = 0;       // term statistics to and from the terms' owners
  std::uint64_t posting_bytes = 0;    // postings to the terms' owners and back to the ranks joining rows with them, prefix bounds
  std::uint64_t row_bytes = 0;        // rows to the ranks joining them and to those verifying candidates
  std::uint64_t pair_bytes = 0;       // similar pairs sent to rank 0
  std::uint64_t candidates = 0;       // candidate pairs verified
  std::uint64_t rows_fetched = 0;     // rows a rank received from another
  // Passage detection (pipeline/mpi_passages.h), summed over the ranks:
  std::uint64_t shingle_bytes = 0;     // shingle keys to their owners
  std::uint64_t group_bytes = 0;       // shared shingles' articles and frequent shingles back to the ranks
  std::uint64_t feature_bytes = 0;     // passage features of candidates' second articles, and their requests
  std::uint64_t passage_bytes = 0;     // passages sent to rank 0
  std::uint64_t features_fetched = 0;  // articles' features a rank received from another
  std::vector<std::uint64_t> peak_rss_kb;  // each rank's peak resident memory
};

struct RunSummary {
  StreamStats stream;
  std::uint64_t tokens = 0;
  std::uint64_t sentences = 0;
  std::uint64_t dates = 0;
  std::uint64_t numbers = 0;
  std::uint64_t entities = 0;
  std::uint64_t terms = 0;          // distinct term keys
  std::uint64_t similar_pairs = 0;
  std::uint64_t passages = 0;
  std::uint64_t clusters = 0;
  std::uint64_t reused_bytes = 0;   // article bytes inside some reported passage (each byte once)
  std::uint64_t reused_articles = 0;  // articles with at least one reused byte
  std::uint64_t stripped_bytes = 0;   // bytes removed from cleaned.jsonl (with --strip-boilerplate)
  PassageStats passage_stats;       // shingle index and candidate counts
  std::size_t max_shingle_postings = 0;  // the cap above which a shingle is ignored
  std::vector<StageTime> stages;
  double wall_seconds = 0;
  int ranks = 1;                    // MPI processes of a distributed run (mpi_run.h)
  DistributedStats distributed;     // what the ranks exchanged, when ranks > 1
};

Status run(const RunOptions& options, RunSummary& summary);

// Where run writes report.html: options.report_path, or out_dir/report.html.
std::filesystem::path report_file(const RunOptions& options);

// summary.json: the run's counts, per-stage seconds and MB/s, threads.
std::string summary_json(const RunSummary& summary);
// The few lines printed when a run ends; `stages` adds a line per stage.
std::string summary_text(const RunSummary& summary, const std::string& out_dir, bool stages = false);

}  // namespace newsmine
