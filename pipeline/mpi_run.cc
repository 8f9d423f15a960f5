#include "pipeline/mpi_run.h"

#include <oneapi/tbb/global_control.h>
#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <utility>

#include "models/byte_pack.h"
#include "models/corpus_names.h"
#include "pipeline/mpi_file.h"
#include "pipeline/mpi_passages.h"
#include "pipeline/mpi_similarity.h"
#include "pipeline/mpi_texts.h"
#include "pipeline/output_records.h"
#include "pipeline/run_stages.h"
#include "pipeline/shard_records.h"

namespace newsmine {
namespace {

constexpr int kNamesTag = 1;
constexpr int kRecordsTag = 2;
constexpr int kStatsTag = 3;
constexpr std::size_t kChunkBytes = 32u << 20;  // records sent to rank 0 at a time

// This rank's share of the input: the rank-th of `ranks` equal byte ranges
// of the files laid end to end (the first from byte 0, the last to the end),
// each share's first JSONL line numbered after the lines of the shares before
// it in the same file. Collective.
ReaderOptions share_of_input(const std::vector<std::string>& paths, ReaderOptions reader, std::uint64_t bytes,
                             const MpiComm& comm) {
  const auto ranks = static_cast<std::uint64_t>(comm.size()), rank = static_cast<std::uint64_t>(comm.rank());
  // bytes / ranks * r + bytes % ranks * r / ranks, without overflow.
  const auto at = [&](std::uint64_t r) { return bytes / ranks * r + bytes % ranks * r / ranks; };
  reader.first_byte = rank == 0 ? 0 : at(rank);
  reader.end_byte = rank + 1 == ranks ? UINT64_MAX : at(rank + 1);
  const ShareEdges edges = count_share_edges(paths, reader);
  const std::vector<std::uint64_t> tail_files = comm.gather_all(edges.tail_file);
  const std::vector<std::uint64_t> tail_lines = comm.gather_all(edges.tail_lines);
  std::vector<ShareEdges> earlier;
  for (std::uint64_t q = 0; q < rank; ++q) earlier.push_back({UINT64_MAX, tail_files[q], tail_lines[q]});
  reader.first_byte_lines = lines_before_share(edges, earlier);
  return reader;
}

// One rank's share after pass 1.
struct Shard {
  FrameSpill spill;
  TfidfBuilder tfidf;  // the share's term counts: its rows of the similarity join
  std::vector<PassageFeatures> passages;  // the share's articles' features for passage detection
  TextStore texts;                        // the share's articles' texts
  std::vector<std::vector<EntityMention>> entities;  // each article's, for the names chain
  StreamStats stats;
};

Status analyze_share(const RunOptions& options, const ReaderOptions& share, const Analyzer& analyzer, const MpiComm& comm,
                     Shard& shard) {
  StreamOptions stream = options.stream;
  stream.reader = share;
  stream.corpus_names = false;  // settled across ranks afterwards (chain_names)
  const std::filesystem::path spill = std::filesystem::path(options.out_dir) / (".shard-" + std::to_string(comm.rank()) + ".tmp");
  if (Status s = shard.spill.open(spill); !s.ok()) return s;
  if (Status s = shard.texts.open(std::filesystem::path(options.out_dir) / (".texts-" + std::to_string(comm.rank()) + ".tmp"));
      !s.ok())
    return s;
  auto notice = [&](const std::string& message) {
    if (options.verbose && !message.empty()) std::fprintf(stderr, "newsmine: %s\n", message.c_str());
  };
  ShardRecord record;
  auto on_document = [&](DocumentAnalysis& analysis) -> Status {
    notice(invalid_utf8_notice(analysis.document));
    record.rejected = false;
    record.line.clear();
    append_document_head(analysis, record.line);
    record.tokens = analysis.tokens.tokens.size();
    record.sentences = analysis.tokens.sentences.size();
    record.numbers = analysis.numbers.size();
    record.dates = analysis.dates.size();
    shard.entities.push_back(std::move(analysis.entities));
    record.analysis = std::move(analysis);
    return shard.spill.append(record);
  };
  auto on_rejection = [&](const Rejection& rejection) -> Status {
    notice(rejection_notice(rejection));
    record.rejected = true;
    record.line.clear();
    append_rejection_line(rejection, record.line);
    return shard.spill.append(record);
  };
  return analyze_corpus(options.paths, stream, analyzer, on_document, on_rejection, shard.stats);
}

// Corpus-wide names in input order: this rank goes on from the names the
// ranks before it learned, and hands them on to the next. Returns the bytes it sent.
std::uint64_t chain_names(bool enabled, Shard& shard, const MpiComm& comm) {
  if (!enabled) return 0;
  CorpusNames names;
  std::string state;
  if (comm.rank() > 0) {
    comm.receive(comm.rank() - 1, kNamesTag, state);
    if (!names.load(state)) comm.abort(Status::error("unreadable entity names from rank " + std::to_string(comm.rank() - 1)));
  }
  for (std::vector<EntityMention>& mentions : shard.entities) {
    names.resolve(mentions);
    names.learn(mentions);
  }
  if (comm.rank() + 1 < comm.size()) {
    state.clear();
    names.save(state);
    comm.send(comm.rank() + 1, kNamesTag, state);
    return state.size();
  }
  return 0;
}

std::uint64_t peak_rss_kb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<std::uint64_t>(usage.ru_maxrss);
}

// The lines this rank puts into documents.jsonl and rejected.jsonl.
struct RankLines {
  RankPart documents;
  RankPart rejected;
};

Status open_rank_lines(const RunOptions& options, const MpiComm& comm, RankLines& lines) {
  const std::filesystem::path out = options.out_dir;
  const std::string rank = std::to_string(comm.rank());
  if (Status s = lines.documents.open(out / (".documents-" + rank + ".tmp")); !s.ok()) return s;
  return lines.rejected.open(out / (".rejected-" + rank + ".tmp"));
}

// Collective: every rank's lines into the two files, in rank order.
Status write_rank_lines(const RunOptions& options, const MpiComm& comm, RankLines& lines) {
  const std::filesystem::path out = options.out_dir;
  if (Status s = write_in_rank_order(comm, lines.documents, out / "documents.jsonl"); !s.ok()) return s;
  return write_in_rank_order(comm, lines.rejected, out / "rejected.jsonl");
}

// The spill's records in order: each line (an article's completed with its
// entities) into this rank's lines; each article's term counts, passage
// features and text kept in the shard (they stay on this rank); what rank 0
// keeps of the article (its id, date and size, and its mentions when there is
// a report) to `take`.
Status replay(Shard& shard, RankLines& lines, bool report, const std::function<Status(ShardRecord&)>& take) {
  if (Status s = shard.spill.rewind(); !s.ok()) return s;
  std::string frame;
  ShardRecord record;
  std::size_t article = 0;
  while (shard.spill.next(frame)) {
    if (!unpack_shard_record(frame, record) || (!record.rejected && article >= shard.entities.size()))
      return Status::error("spill file unreadable");
    if (record.rejected) {
      if (Status s = lines.rejected.write(record.line); !s.ok()) return s;
      continue;
    }
    DocumentAnalysis& analysis = record.analysis;
    analysis.entities = std::move(shard.entities[article++]);
    append_document_entities(analysis.document.text, analysis.entities, record.line);
    if (Status s = lines.documents.write(record.line); !s.ok()) return s;
    record.line.clear();
    record.entities = analysis.entities.size();
    shard.tfidf.add(analysis.terms);
    analysis.terms = TermCounts();
    shard.passages.push_back(std::move(analysis.passages));
    analysis.passages = PassageFeatures();
    if (Status s = shard.texts.append(analysis.document.text); !s.ok()) return s;
    record.text_bytes = analysis.document.text.size();
    if (report) {
      // The report counts an entity without a canonical form by its words.
      for (EntityMention& entity : analysis.entities)
        if (entity.canonical.empty()) entity.canonical = analysis.document.text.substr(entity.start, entity.end - entity.start);
    } else {
      analysis.dates.clear();
      analysis.entities.clear();
    }
    analysis.document.text.clear();
    if (Status s = take(record); !s.ok()) return s;
  }
  return shard.spill.status();
}

// Rank 0's side of an article: counted, and kept for the report and the cross-document stages.
Status keep_record(ShardRecord& record, RunOutputs& outputs, RunSummary& summary) {
  summary.tokens += record.tokens;
  summary.sentences += record.sentences;
  summary.numbers += record.numbers;
  summary.dates += record.dates;
  summary.entities += record.entities;
  keep_article(record.analysis, record.text_bytes, outputs);
  return {};
}

void add_share_stats(const StreamStats& share, StreamStats& total) {
  ReaderStats& reader = total.reader;
  reader.files += share.reader.files;
  reader.skipped += share.reader.skipped;
  reader.bytes_read += share.reader.bytes_read;
  reader.records += share.reader.records;
  reader.documents += share.reader.documents;
  reader.rejected += share.reader.rejected;
  reader.text_bytes += share.reader.text_bytes;
  reader.invalid_utf8_documents += share.reader.invalid_utf8_documents;
  reader.invalid_utf8_bytes += share.reader.invalid_utf8_bytes;
  total.tokenize_seconds += share.tokenize_seconds;  // CPU seconds, summed as over threads
  total.extract_seconds += share.extract_seconds;
  total.read_seconds = std::max(total.read_seconds, share.read_seconds);  // the ranks read at once
  total.consume_seconds = std::max(total.consume_seconds, share.consume_seconds);
}

// Every rank's join figures and peak memory into rank 0's summary (collective).
void add_join_stats(const DistributedJoinStats& mine, const MpiComm& comm, DistributedStats* total) {
  DistributedStats sum;
  sum.term_bytes = comm.sum(mine.term_bytes);
  sum.posting_bytes = comm.sum(mine.posting_bytes);
  sum.row_bytes = comm.sum(mine.row_bytes);
  sum.pair_bytes = comm.sum(mine.pair_bytes);
  sum.candidates = comm.sum(mine.candidates);
  sum.rows_fetched = comm.sum(mine.rows_fetched);
  sum.peak_rss_kb = comm.gather_all(peak_rss_kb());
  if (!total) return;
  sum.record_bytes = total->record_bytes;
  sum.names_bytes = total->names_bytes;
  *total = std::move(sum);
}

// Every rank's passage figures into rank 0's summary (collective).
void add_passage_stats(const DistributedPassageStats& mine, const MpiComm& comm, RunSummary* total) {
  const std::uint64_t shingle_bytes = comm.sum(mine.shingle_bytes), group_bytes = comm.sum(mine.group_bytes),
                      feature_bytes = comm.sum(mine.feature_bytes), passage_bytes = comm.sum(mine.passage_bytes),
                      fetched = comm.sum(mine.features_fetched);
  PassageStats all;
  all.shingle_postings = comm.sum(mine.passages.shingle_postings);
  all.frequent_shingles = comm.sum(mine.passages.frequent_shingles);
  all.candidate_pairs = comm.sum(mine.passages.candidate_pairs);
  all.passages = comm.sum(mine.passages.passages);
  if (!total) return;
  total->passage_stats = all;
  DistributedStats& d = total->distributed;
  d.shingle_bytes = shingle_bytes;
  d.group_bytes = group_bytes;
  d.feature_bytes = feature_bytes;
  d.passage_bytes = passage_bytes;
  d.features_fetched = fetched;
}

}  // namespace

Status run_distributed(const RunOptions& options, RunSummary& summary, const MpiComm& comm) {
  const Stopwatch wall;
  if (std::find(options.paths.begin(), options.paths.end(), "-") != options.paths.end())
    return Status::error("standard input cannot be shared among MPI ranks; name the input files (-)");

  RunOutputs outputs;
  const bool root = comm.rank() == 0;
  // Rank 0 creates the directory the others put their spill files in.
  if (Status s = comm.agree(root ? open_run_outputs(options, outputs) : Status()); !s.ok()) return s;
  RankLines lines;
  if (Status s = comm.agree(open_rank_lines(options, comm, lines)); !s.ok()) return s;
  std::unique_ptr<const Analyzer> analyzer;
  const ModelData data = options.models_dir.empty() ? ModelData::embedded() : ModelData::with_override(options.models_dir);
  if (Status s = comm.agree(Analyzer::load(data, analyzer)); !s.ok()) return s;

  const int threads = resolve_threads(options.stream.threads);
  tbb::global_control parallelism(tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(threads));
  Stopwatch watch;
  const std::uint64_t input = input_bytes(options.paths, options.stream.reader);
  const ReaderOptions share = share_of_input(options.paths, options.stream.reader, input, comm);
  const double count_seconds = watch.seconds();
  Shard shard;
  if (Status s = comm.agree(analyze_share(options, share, *analyzer, comm, shard)); !s.ok()) return s;
  analyzer.reset();

  // From here on the ranks wait on each other: a failure stops the job.
  const auto must = [&](const Status& s) {
    if (!s.ok()) comm.abort(s);
  };
  watch.restart();
  const std::uint64_t names_bytes = chain_names(options.stream.corpus_names, shard, comm);
  const double names_seconds = watch.seconds();
  watch.restart();
  std::string bytes;
  if (!root) {
    must(replay(shard, lines, options.report, [&](ShardRecord& record) {
      append_frame(record, bytes);
      if (bytes.size() >= kChunkBytes) {
        comm.send(0, kRecordsTag, bytes);
        bytes.clear();
      }
      return Status();
    }));
    if (!bytes.empty()) comm.send(0, kRecordsTag, bytes);
    comm.send(0, kRecordsTag, std::string());  // the end of this rank's records
    bytes.clear();
    BytePacker pack(bytes);
    pack.value(shard.stats);
    pack.value(names_bytes);
    comm.send(0, kStatsTag, bytes);
    must(write_rank_lines(options, comm, lines));
    const ArticleShares shares(shard.entities.size(), comm);  // collective: rank 0 reads the texts by it
    DistributedJoinStats join;
    distributed_similar_pairs(shard.tfidf, SimilarityOptions{options.min_similarity}, comm, join);
    shard.tfidf = TfidfBuilder();
    add_join_stats(join, comm, nullptr);
    DistributedPassageStats passages;
    distributed_find_passages(shard.passages, options.passages, comm, passages);
    add_passage_stats(passages, comm, nullptr);
    serve_texts(shard.texts, comm);
    return {};
  }

  must(replay(shard, lines, options.report, [&](ShardRecord& record) { return keep_record(record, outputs, summary); }));
  summary.stream = shard.stats;
  DistributedStats& exchanged = summary.distributed;
  exchanged.names_bytes = names_bytes;
  std::vector<std::string_view> frames;
  ShardRecord record;
  for (int from = 1; from < comm.size(); ++from) {
    for (comm.receive(from, kRecordsTag, bytes); !bytes.empty(); comm.receive(from, kRecordsTag, bytes)) {
      exchanged.record_bytes += bytes.size();
      if (!split_frames(bytes, frames)) must(Status::error("records from rank " + std::to_string(from) + " cut short"));
      for (std::string_view frame : frames) {
        if (!unpack_shard_record(frame, record)) must(Status::error("unreadable record from rank " + std::to_string(from)));
        must(keep_record(record, outputs, summary));
      }
    }
    comm.receive(from, kStatsTag, bytes);
    ByteUnpacker unpack(bytes);
    const auto share = unpack.value<StreamStats>();
    exchanged.names_bytes += unpack.value<std::uint64_t>();
    if (!unpack.ok() || !unpack.done()) must(Status::error("unreadable statistics from rank " + std::to_string(from)));
    add_share_stats(share, summary.stream);
  }
  // The ranks write the lines: rank 0's own files stay empty until then.
  must(outputs.documents.close());
  must(outputs.rejected.close());
  must(write_rank_lines(options, comm, lines));
  const ArticleShares shares(shard.entities.size(), comm);
  summary.stream.wall_seconds = wall.seconds();
  summary.ranks = comm.size();
  const double records_seconds = watch.seconds();
  must(close_stream_outputs(outputs, summary));
  // Rank 0's view of the steps a distributed run adds.
  const std::uint64_t text_bytes = summary.stream.reader.text_bytes;
  summary.stages.insert(summary.stages.begin(), {"share_input", count_seconds, input});
  summary.stages.push_back({"names", names_seconds, text_bytes});
  summary.stages.push_back({"gather_records", records_seconds, text_bytes});
  // The rows and passage features stay with the ranks: rank 0's
  // CorpusFeatures hold neither.
  CrossDocumentSteps steps;
  steps.similarity = [&](CorpusFeatures&, const SimilarityOptions& similarity, RunSummary& run) {
    DistributedJoinStats join;
    std::vector<SimilarPair> pairs = distributed_similar_pairs(shard.tfidf, similarity, comm, join);
    shard.tfidf = TfidfBuilder();
    add_join_stats(join, comm, &run.distributed);
    run.terms = join.terms;
    run.stages.push_back({"tfidf", join.tfidf_seconds, run.stream.reader.text_bytes});
    return pairs;
  };
  steps.passages = [&](CorpusFeatures&, const PassageOptions& passage_options, RunSummary& run) {
    DistributedPassageStats stats;
    std::vector<Passage> passages = distributed_find_passages(shard.passages, passage_options, comm, stats);
    std::vector<PassageFeatures>().swap(shard.passages);
    add_passage_stats(stats, comm, &run);
    return passages;
  };
  RankTexts texts(shard.texts, shares, comm);
  steps.texts = &texts;
  // The other ranks serve texts until told to stop: a failure must stop them too.
  must(cross_document_stages(options, steps, outputs, summary, wall));
  texts.finish();
  return {};
}

}  // namespace newsmine
