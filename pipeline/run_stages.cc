#include "pipeline/run_stages.h"

#include <filesystem>
#include <system_error>

#include "models/clusters.h"
#include "models/reused_text.h"
#include "pipeline/output_records.h"
#include "pipeline/report_html.h"

namespace newsmine {
namespace {

namespace fs = std::filesystem;
Status prepare_output_directory(const std::string& dir) {
  std::error_code error;
  fs::create_directories(dir, error);
  if (error || !fs::is_directory(dir)) {
    return Status::error("cannot create output directory: " + (error ? error.message() : "not a directory") + " (" + dir + ")");
  }
  return {};
}

// A run needs at least one input that exists; missing ones among several are
// rejections, but if none exists there is nothing to do.
Status check_inputs(const std::vector<std::string>& paths) {
  if (paths.empty()) return Status::error("no input given");
  std::error_code error;
  for (const std::string& path : paths)
    if (path == "-" || fs::exists(path, error)) return {};
  std::string joined;
  for (const std::string& path : paths) joined += (joined.empty() ? "" : ", ") + path;
  return Status::error("no readable input (" + joined + ")");
}

Status write_lines(const fs::path& path, std::size_t count, const std::function<void(std::size_t, std::string&)>& line) {
  OutputFile file;
  if (Status s = file.open(path); !s.ok()) return s;
  std::string buffer;
  for (std::size_t i = 0; i < count; ++i) {
    line(i, buffer);
    if (buffer.size() > (1 << 20) || i + 1 == count) {
      if (Status s = file.write(buffer); !s.ok()) return s;
      buffer.clear();
    }
  }
  return file.close();
}

constexpr std::size_t kTextBatch = 4096;  // lines whose texts are read at once

// write_lines for lines that quote articles: the spans line i quotes
// (spans_of appends them) are read a batch of lines at a time, and line(i,
// their texts, buffer) writes it.
Status write_lines_with_texts(const fs::path& path, std::size_t count, ArticleTexts& texts,
                              const std::function<void(std::size_t, std::vector<TextSpan>&)>& spans_of,
                              const std::function<void(std::size_t, std::span<const std::string>, std::string&)>& line) {
  std::vector<TextSpan> spans;
  std::vector<std::size_t> first;  // per line of the batch, its first span
  std::vector<std::string> read;
  std::size_t batch = 0, batch_end = 0;
  Status read_error;  // a failed read-back, reported after the file is written
  const Status status = write_lines(path, count, [&](std::size_t i, std::string& buffer) {
    if (i == batch_end) {
      batch = i;
      batch_end = std::min(count, i + kTextBatch);
      spans.clear();
      first.clear();
      for (std::size_t j = batch; j < batch_end; ++j) {
        first.push_back(spans.size());
        spans_of(j, spans);
      }
      first.push_back(spans.size());
      if (Status s = texts.read(spans, read); !s.ok() && read_error.ok()) read_error = s;
      read.resize(spans.size());
    }
    const std::size_t k = i - batch;
    line(i, std::span<const std::string>(read).subspan(first[k], first[k + 1] - first[k]), buffer);
  });
  return status.ok() ? read_error : status;
}

}  // namespace

Status open_run_outputs(const RunOptions& options, RunOutputs& outputs) {
  if (Status s = check_inputs(options.paths); !s.ok()) return s;
  if (Status s = prepare_output_directory(options.out_dir); !s.ok()) return s;
  const fs::path out = options.out_dir;
  if (Status s = outputs.documents.open(out / "documents.jsonl"); !s.ok()) return s;
  if (Status s = outputs.rejected.open(out / "rejected.jsonl"); !s.ok()) return s;
  if (Status s = outputs.corpus.texts.open(out / ".texts.tmp"); !s.ok()) return s;
  if (options.report) {
    outputs.report.emplace(ReportOptions{.timings = options.report_timings});
    if (Status s = outputs.report_output.open(report_file(options)); !s.ok()) return s;
  }
  return {};
}

void count_document(const DocumentAnalysis& analysis, RunSummary& summary) {
  summary.tokens += analysis.tokens.tokens.size();
  summary.sentences += analysis.tokens.sentences.size();
  summary.dates += analysis.dates.size();
  summary.numbers += analysis.numbers.size();
  summary.entities += analysis.entities.size();
}

void keep_article(const DocumentAnalysis& analysis, std::uint64_t text_bytes, RunOutputs& outputs) {
  if (outputs.report) outputs.report->add_document(analysis);
  CorpusFeatures& corpus = outputs.corpus;
  corpus.ids.push_back(analysis.document.id);
  corpus.dates.push_back(analysis.document.date);
  corpus.bytes.push_back(text_bytes);
}

Status keep_document(DocumentAnalysis& analysis, std::string_view line, RunOutputs& outputs) {
  if (Status s = outputs.documents.write(line); !s.ok()) return s;
  CorpusFeatures& corpus = outputs.corpus;
  corpus.tfidf.add(analysis.terms);
  corpus.passages.push_back(std::move(analysis.passages));
  keep_article(analysis, analysis.document.text.size(), outputs);
  return corpus.texts.append(analysis.document.text);
}

Status close_stream_outputs(RunOutputs& outputs, RunSummary& summary) {
  if (Status s = outputs.documents.close(); !s.ok()) return s;
  if (Status s = outputs.rejected.close(); !s.ok()) return s;
  const std::uint64_t text_bytes = summary.stream.reader.text_bytes;
  summary.stages = {{"read", summary.stream.read_seconds, text_bytes},
                    {"tokenize", summary.stream.tokenize_seconds, text_bytes},
                    {"extract", summary.stream.extract_seconds, text_bytes},
                    {"write_documents", summary.stream.consume_seconds, text_bytes}};
  return {};
}

CrossDocumentSteps in_process_steps() {
  CrossDocumentSteps steps;
  steps.similarity = [](CorpusFeatures& corpus, const SimilarityOptions& options, RunSummary& summary) {
    // The counts and the matrix are freed as soon as they are used: the
    // passage stage needs the memory.
    const Stopwatch watch;
    auto matrix = corpus.tfidf.build();
    summary.terms = corpus.tfidf.terms();
    corpus.tfidf = TfidfBuilder();
    summary.stages.push_back({"tfidf", watch.seconds(), summary.stream.reader.text_bytes});
    return similar_pairs(matrix, options);
  };
  steps.passages = [](CorpusFeatures& corpus, const PassageOptions& options, RunSummary& summary) {
    std::vector<Passage> passages = find_passages(corpus.passages, options, &summary.passage_stats);
    std::vector<PassageFeatures>().swap(corpus.passages);
    return passages;
  };
  return steps;
}

Status cross_document_stages(const RunOptions& options, const CrossDocumentSteps& steps, RunOutputs& outputs,
                             RunSummary& summary, const Stopwatch& wall) {
  CorpusFeatures& corpus = outputs.corpus;
  // Pass 2: cross-document stages over the kept features.
  const fs::path out = options.out_dir;
  const std::uint64_t text_bytes = summary.stream.reader.text_bytes;
  Stopwatch watch;
  std::vector<SimilarPair> similar = steps.similarity(corpus, SimilarityOptions{options.min_similarity}, summary);
  const double tfidf_seconds = summary.stages.back().seconds;
  summary.similar_pairs = similar.size();
  Status status = write_lines(out / "similar.jsonl", similar.size(), [&](std::size_t i, std::string& buffer) {
    append_similar_line(corpus.ids[similar[i].a], corpus.ids[similar[i].b], similar[i].cosine, buffer);
  });
  if (!status.ok()) return status;
  if (!outputs.report) std::vector<SimilarPair>().swap(similar);  // the report lists and draws them at the end
  summary.stages.push_back({"similarity", watch.seconds() - tfidf_seconds, text_bytes});

  watch.restart();
  const std::vector<Passage> passages = steps.passages(corpus, options.passages, summary);
  summary.max_shingle_postings = options.passages.max_shingle_postings;
  summary.passages = passages.size();
  ArticleTexts& texts = steps.texts ? *steps.texts : corpus.texts;
  status = write_lines_with_texts(
      out / "passages.jsonl", passages.size(), texts,
      [&](std::size_t i, std::vector<TextSpan>& spans) {
        const Passage& p = passages[i];
        spans.push_back({p.a, p.a_start, p.a_end});
        spans.push_back({p.b, p.b_start, p.b_end});
      },
      [&](std::size_t i, std::span<const std::string> quoted, std::string& buffer) {
        const Passage& p = passages[i];
        append_passage_line(p, corpus.ids[p.a], corpus.ids[p.b], quoted[0], quoted[1], buffer);
      });
  if (!status.ok()) return status;
  summary.stages.push_back({"passages", watch.seconds(), text_bytes});

  watch.restart();
  const std::vector<Cluster> clusters = cluster_passages(passages, age_rank(corpus.dates));
  summary.clusters = clusters.size();
  status = write_lines_with_texts(
      out / "clusters.jsonl", clusters.size(), texts,
      [&](std::size_t i, std::vector<TextSpan>& spans) {
        const ClusterMember& representative = clusters[i].members[clusters[i].representative];
        spans.push_back({representative.doc, representative.start, representative.end});
      },
      [&](std::size_t i, std::span<const std::string> quoted, std::string& buffer) {
        append_cluster_line(i + 1, clusters[i], corpus.ids, quoted[0], buffer);
      });
  if (!status.ok()) return status;

  const std::size_t articles = corpus.ids.size();
  const std::vector<std::vector<ByteRange>> reused = reused_ranges(passages, articles);
  status = write_lines(out / "reuse.jsonl", articles, [&](std::size_t d, std::string& buffer) {
    const std::uint64_t bytes = range_bytes(reused[d]);
    summary.reused_bytes += bytes;
    summary.reused_articles += bytes > 0;
    append_reuse_line(corpus.ids[d], corpus.bytes[d], bytes, buffer);
  });
  if (!status.ok()) return status;
  summary.stages.push_back({"clusters", watch.seconds(), text_bytes});

  if (outputs.report) {
    if (Status s = outputs.report->add_reuse(similar, passages, clusters, corpus.ids, texts); !s.ok()) return s;
  }

  if (options.strip_boilerplate) {
    watch.restart();
    const std::vector<std::vector<ByteRange>> strip = strip_ranges(passages, clusters, articles);
    status = write_lines_with_texts(
        out / "cleaned.jsonl", articles, texts,
        [&](std::size_t d, std::vector<TextSpan>& spans) {
          spans.push_back({static_cast<std::uint32_t>(d), 0, static_cast<std::uint32_t>(corpus.bytes[d])});
        },
        [&](std::size_t d, std::span<const std::string> quoted, std::string& buffer) {
          const std::string& text = quoted[0];
          const std::string cleaned = strip_text(text, strip[d]);
          summary.stripped_bytes += text.size() - cleaned.size();
          append_cleaned_line(corpus.ids[d], corpus.dates[d], cleaned, text.size() - cleaned.size(), buffer);
        });
    if (!status.ok()) return status;
    summary.stages.push_back({"strip_boilerplate", watch.seconds(), text_bytes});
  }

  summary.wall_seconds = wall.seconds();
  OutputFile summary_file;
  if (Status s = summary_file.open(out / "summary.json"); !s.ok()) return s;
  if (Status s = summary_file.write(summary_json(summary)); !s.ok()) return s;
  if (Status s = summary_file.close(); !s.ok()) return s;
  if (!outputs.report) return {};
  if (Status s = outputs.report_output.write(report_html(outputs.report->finish(summary))); !s.ok()) return s;
  return outputs.report_output.close();
}

std::filesystem::path report_file(const RunOptions& options) {
  return options.report_path.empty() ? fs::path(options.out_dir) / "report.html" : fs::path(options.report_path);
}

}  // namespace newsmine
