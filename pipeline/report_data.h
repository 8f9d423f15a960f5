// ReportCollector: gathers what the HTML report shows while a run goes on,
// in bounded memory.
//
// During the streaming pass it sees each article once (add_document, in input
// order) and keeps only counts: entity mentions by (canonical form, label),
// date mentions by month and year, article dates by month. After the
// cross-document stages it keeps the top of each list (add_reuse): the
// longest reused passages (edited ones first) with both texts, the largest passage families with
// their articles, the most similar pairs, and a small graph of the articles
// with the most reuse. Sizes are capped by ReportOptions and the page says so.
//
// Everything is derived from the input in input order and sorted with full
// tie-breaks, so the data (and the page, apart from timings) is identical for
// any thread count. Not thread-safe: call it from the serial stages.
//
//   ReportCollector report(ReportOptions{});
//   ... report.add_document(analysis);            // per article
//   report.add_reuse(similar, passages, clusters, ids, texts);
//   ReportData data = report.finish(summary);
//   file.write(report_html(data));            // report_html.h
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "corpus/status.h"
#include "models/clusters.h"
#include "models/passages.h"
#include "models/similarity.h"
#include "pipeline/analyzer.h"
#include "pipeline/run.h"
#include "pipeline/text_store.h"

namespace newsmine {

struct ReportOptions {
  std::size_t max_passages = 50;               // reused passages shown side by side
  std::size_t max_passage_bytes = 4000;        // of each copy; longer copies are cut
  std::size_t max_families = 30;               // passage families listed
  std::size_t max_family_members = 24;         // article ids named per family
  std::size_t max_family_text_bytes = 600;     // of a family's representative text
  std::size_t max_pairs = 50;                  // most similar article pairs
  std::size_t max_entities = 50;               // most mentioned entities
  std::size_t max_distinct_entities = 200000;  // entity counters kept; the rarest are dropped beyond
  std::size_t max_graph_articles = 40;         // articles drawn in the reuse graph
  bool timings = true;                         // show wall and stage seconds (they differ between runs)
};

struct ReportPassage {
  std::string a_id, b_id;
  std::uint32_t a_start = 0, a_end = 0, b_start = 0, b_end = 0;
  double score = 0;
  bool exact = false;
  std::string a_text, b_text;  // at most max_passage_bytes each
  bool cut = false;            // a text was longer than max_passage_bytes
};

struct ReportFamily {
  std::size_t number = 0;            // the cluster's number in clusters.jsonl
  std::size_t articles = 0;          // members in the family
  std::string text;                  // the representative copy, at most max_family_text_bytes
  std::vector<std::string> members;  // the first max_family_members article ids, in input order
};

struct ReportPair {
  std::string a, b;
  double cosine = 0;
};

struct ReportEntity {
  std::string canonical;
  std::string label;  // PERSON, ORG, LOC, MISC
  std::uint64_t mentions = 0;
  std::uint64_t articles = 0;
};

// Articles as nodes, reuse and similarity as links.
struct ReportGraph {
  struct Link {
    std::size_t a = 0, b = 0;      // indices into nodes
    std::uint64_t passages = 0;    // reused passages between the two articles
    std::uint64_t reused_bytes = 0;  // bytes of those passages on the a side
    bool exact = false;            // at least one passage is exact
    double cosine = 0;             // TF-IDF cosine when the pair is in similar.jsonl, else 0
  };
  std::vector<std::string> nodes;  // article ids, in input order
  std::vector<Link> links;
};

// Counts keyed by month (year·12 + month − 1) or by year.
struct ReportTimeline {
  std::map<int, std::uint64_t> mentions_by_month;  // date mentions with a month (2021-05, 2021-05-20)
  std::map<int, std::uint64_t> mentions_by_year;   // every date mention with a year
  std::map<int, std::uint64_t> articles_by_month;  // article (document) dates
  std::uint64_t without_year = 0;                  // mentions with no year (PAST_REF, 199X, unresolved)
};

struct ReportData {
  ReportOptions options;
  RunSummary summary;
  std::vector<ReportPassage> passages;  // near before exact, longest first in each
  std::vector<ReportFamily> families;   // most articles first
  std::vector<ReportPair> pairs;        // highest cosine first
  std::vector<ReportEntity> entities;   // most mentions first
  std::uint64_t distinct_entities = 0;
  bool entities_pruned = false;         // rare entity counters were dropped to bound memory
  ReportGraph graph;
  ReportTimeline timeline;
};

class ReportCollector {
 public:
  explicit ReportCollector(const ReportOptions& options) : options_(options) {}

  void add_document(const DocumentAnalysis& analysis);

  // Reads the shown passage and family texts back from `texts`.
  Status add_reuse(std::span<const SimilarPair> similar, std::span<const Passage> passages,
                   std::span<const Cluster> clusters, const std::vector<std::string>& ids, ArticleTexts& texts);

  ReportData finish(const RunSummary& summary);

 private:
  struct EntityCount {
    std::uint64_t mentions = 0;
    std::uint64_t articles = 0;
  };
  void prune_entities();

  ReportOptions options_;
  ReportData data_;
  std::unordered_map<std::string, EntityCount> entities_;  // key: label '\t' canonical
  std::uint64_t entity_floor_ = 0;                         // counters at or below this were dropped
};

}  // namespace newsmine
