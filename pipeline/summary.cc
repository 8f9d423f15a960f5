// summary.json and the closing lines of a run.
#include <cstdio>

#include "pipeline/json_writer.h"
#include "pipeline/output_records.h"
#include "pipeline/run.h"

namespace newsmine {
namespace {

double megabytes_per_second(std::uint64_t bytes, double seconds) {
  return seconds > 0 ? static_cast<double>(bytes) / 1e6 / seconds : 0;
}

void count(JsonWriter& json, const char* name, std::uint64_t value) {
  json.integer_field(name, static_cast<std::int64_t>(value));
}

}  // namespace

std::string summary_json(const RunSummary& summary) {
  const ReaderStats& reader = summary.stream.reader;
  std::string out;
  JsonWriter json(out);
  json.begin_object();
  json.string_field("version", NEWSMINE_VERSION);
  count(json, "threads", static_cast<std::uint64_t>(summary.stream.threads));
  count(json, "ranks", static_cast<std::uint64_t>(summary.ranks));
  count(json, "read", reader.records);
  count(json, "accepted", reader.documents);
  count(json, "rejected", reader.rejected);
  count(json, "skipped", reader.skipped);
  count(json, "files", reader.files);
  count(json, "bytes", reader.text_bytes);
  count(json, "input_bytes", reader.bytes_read);
  count(json, "invalid_utf8_documents", reader.invalid_utf8_documents);
  count(json, "invalid_utf8_bytes", reader.invalid_utf8_bytes);
  count(json, "tokens", summary.tokens);
  count(json, "sentences", summary.sentences);
  count(json, "dates", summary.dates);
  count(json, "numbers", summary.numbers);
  count(json, "entities", summary.entities);
  count(json, "terms", summary.terms);
  count(json, "similar_pairs", summary.similar_pairs);
  count(json, "passages", summary.passages);
  count(json, "clusters", summary.clusters);
  count(json, "reused_bytes", summary.reused_bytes);
  count(json, "reused_articles", summary.reused_articles);
  count(json, "stripped_bytes", summary.stripped_bytes);
  // The shingle index behind passage candidates: postings kept, shingles
  // dropped for being in more than max_shingle_postings articles.
  json.key("passage_index");
  json.begin_object();
  count(json, "shingle_postings", summary.passage_stats.shingle_postings);
  count(json, "max_shingle_postings", summary.max_shingle_postings);
  count(json, "frequent_shingles", summary.passage_stats.frequent_shingles);
  count(json, "candidate_pairs", summary.passage_stats.candidate_pairs);
  json.end_object();
  if (summary.ranks > 1) {
    const DistributedStats& d = summary.distributed;
    json.key("distributed");
    json.begin_object();
    count(json, "record_bytes", d.record_bytes);
    count(json, "names_bytes", d.names_bytes);
    count(json, "term_bytes", d.term_bytes);
    count(json, "posting_bytes", d.posting_bytes);
    count(json, "row_bytes", d.row_bytes);
    count(json, "pair_bytes", d.pair_bytes);
    count(json, "similarity_candidates", d.candidates);
    count(json, "rows_fetched", d.rows_fetched);
    count(json, "shingle_bytes", d.shingle_bytes);
    count(json, "group_bytes", d.group_bytes);
    count(json, "feature_bytes", d.feature_bytes);
    count(json, "passage_bytes", d.passage_bytes);
    count(json, "features_fetched", d.features_fetched);
    json.key("peak_rss_kb");
    json.begin_array();
    for (const std::uint64_t kb : d.peak_rss_kb) json.integer(static_cast<std::int64_t>(kb));
    json.end_array();
    json.end_object();
  }
  json.number_field("reused_share", round6(reader.text_bytes ? static_cast<double>(summary.reused_bytes) / static_cast<double>(reader.text_bytes) : 0));
  // Stage seconds of the parallel stages are summed over threads (CPU time);
  // wall_seconds is the elapsed time of the whole run.
  json.key("stages");
  json.begin_object();
  for (const StageTime& stage : summary.stages) {
    json.key(stage.name);
    json.begin_object();
    json.number_field("seconds", round6(stage.seconds));
    json.number_field("mb_per_s", round6(megabytes_per_second(stage.bytes, stage.seconds)));
    json.end_object();
  }
  json.end_object();
  json.number_field("wall_seconds", round6(summary.wall_seconds));
  json.number_field("mb_per_s", round6(megabytes_per_second(reader.text_bytes, summary.wall_seconds)));
  json.end_object();
  out.push_back('\n');
  return out;
}

namespace {

// The summary line on invalid UTF-8, when there was any.
std::string invalid_line(const ReaderStats& reader) {
  if (reader.invalid_utf8_documents == 0) return "";
  return "  invalid UTF-8: " + std::to_string(reader.invalid_utf8_bytes) + " bytes in " +
         std::to_string(reader.invalid_utf8_documents) + " articles, read as spaces (invalid_utf8_bytes in documents.jsonl)\n";
}

// " x 3 ranks" after the threads of a distributed run.
std::string ranks_note(const RunSummary& summary) {
  return summary.ranks > 1 ? " x " + std::to_string(summary.ranks) + " ranks" : "";
}

}  // namespace

// "  seconds: read 0.12, tokenize 2.23, ..." for --verbose.
std::string stages_line(const RunSummary& summary) {
  std::string line = "  seconds:";
  char buffer[64];
  const char* separator = " ";
  for (const StageTime& stage : summary.stages) {
    std::snprintf(buffer, sizeof buffer, "%s%s %.2f", separator, stage.name.c_str(), stage.seconds);
    line += buffer;
    separator = ", ";
  }
  return line + " (tokenize and extract summed over threads)\n";
}

std::string summary_text(const RunSummary& summary, const std::string& out_dir, bool stages) {
  const ReaderStats& reader = summary.stream.reader;
  char buffer[1024];
  std::snprintf(buffer, sizeof buffer,
                "newsmine: %llu articles (%llu rejected, %llu skipped), %.2f MB in %.2f s (%.1f MB/s, %d threads%s)\n"
                "  %llu tokens, %llu sentences, %llu dates, %llu numbers, %llu entities\n"
                "  %llu similar pairs, %llu reused passages in %llu families\n"
                "%s%s"
                "  output in %s\n",
                static_cast<unsigned long long>(reader.documents), static_cast<unsigned long long>(reader.rejected),
                static_cast<unsigned long long>(reader.skipped), static_cast<double>(reader.text_bytes) / 1e6,
                summary.wall_seconds, megabytes_per_second(reader.text_bytes, summary.wall_seconds),
                summary.stream.threads, ranks_note(summary).c_str(), static_cast<unsigned long long>(summary.tokens),
                static_cast<unsigned long long>(summary.sentences), static_cast<unsigned long long>(summary.dates),
                static_cast<unsigned long long>(summary.numbers), static_cast<unsigned long long>(summary.entities),
                static_cast<unsigned long long>(summary.similar_pairs), static_cast<unsigned long long>(summary.passages),
                static_cast<unsigned long long>(summary.clusters), invalid_line(reader).c_str(),
                stages ? stages_line(summary).c_str() : "", out_dir.c_str());
  return buffer;
}

}  // namespace newsmine
