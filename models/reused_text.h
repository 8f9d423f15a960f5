// How much of each article is reused text, and what to strip as boilerplate.
//
// reused_ranges merges, per document, the byte ranges of every passage side
// in it: the article's reused text, counted once however many partners share
// it. strip_ranges picks, per document, the passage sides to remove when
// building a corpus without repeats: in every family (see models/clusters.h)
// the representative member, the earliest article's copy, stays, and the
// passage sides lying inside any other member are removed. strip_text cuts
// ranges out of a text, with the white space that follows each one.
//
// Pure functions, thread-safe. Cost: O(P log P) for P passages.
//
//   std::vector<Cluster> clusters = cluster_passages(passages, age_rank(dates));
//   auto reused = reused_ranges(passages, documents);
//   auto strip = strip_ranges(passages, clusters, documents);
//   std::string cleaned = strip_text(text[d], strip[d]);
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "models/clusters.h"
#include "models/passages.h"

namespace newsmine {

struct ByteRange {
  std::uint32_t start = 0;
  std::uint32_t end = 0;
};

// Per document, its passage sides merged into disjoint ranges, ascending.
std::vector<std::vector<ByteRange>> reused_ranges(std::span<const Passage> passages, std::size_t documents);

// Total bytes of disjoint ranges.
std::uint64_t range_bytes(std::span<const ByteRange> ranges);

// Per document, the disjoint ranges to remove so that each family's text
// stays only in its representative's article.
std::vector<std::vector<ByteRange>> strip_ranges(std::span<const Passage> passages, std::span<const Cluster> clusters,
                                                 std::size_t documents);

// `text` without the disjoint ascending `ranges` and the white space after each.
std::string strip_text(std::string_view text, std::span<const ByteRange> ranges);

// Age rank of each document from its date (YYYY-MM-DD..., empty when
// unknown): earlier dates first, then input order; undated articles last.
std::vector<std::uint32_t> age_rank(std::span<const std::string> dates);

}  // namespace newsmine
