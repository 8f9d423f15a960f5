#include "models/similarity.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <span>
#include <utility>

#include <tbb/blocked_range.h>
#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>

namespace newsmine {
namespace {

using Matrix = Eigen::SparseMatrix<float, Eigen::RowMajor>;
using Index = Matrix::StorageIndex;

// Slack for float rounding in the pruning bound, so that a pair whose computed
// cosine reaches the threshold is never pruned.
constexpr double kBoundSlack = 1e-5;

// The postings index of the join: for each term, the documents whose weight
// for it is indexed; for each document, its unindexed prefix and the bounds
// of that prefix's dot product with any row.
struct JoinIndex {
  std::vector<std::uint32_t> rank;        // per term: 0 for the most frequent term
  std::vector<std::size_t> term_offsets;  // postings of term t: [term_offsets[t], term_offsets[t+1])
  std::vector<std::uint32_t> posting_docs;
  std::vector<float> posting_weights;
  std::vector<std::size_t> prefix_offsets;  // prefix of document d: [prefix_offsets[d], prefix_offsets[d+1])
  std::vector<Index> prefix_terms;
  std::vector<float> prefix_weights;
  // Per document, what bounds its prefix's contribution, side by side: the
  // completion step reads all three for every candidate, in random order.
  struct PrefixBound {
    double weighted = 0;     // Σ w · max_w over the prefix
    double norm = 0;         // the L2 norm of the prefix
    std::uint32_t rank = 0;  // 1 + the largest term rank in the prefix (0 if empty)
  };
  std::vector<PrefixBound> prefix_bounds;
  // Prefix ranks in kRankBuckets buckets of 2^rank_shift ranks each, so that
  // a row's bound for a prefix is one table lookup, not a binary search.
  static constexpr std::size_t kRankBuckets = 256;
  unsigned rank_shift = 0;
};

// Ranks terms by document frequency, most frequent first (ties by term id):
// their postings are the longest, so they are the ones worth leaving out of
// the index.
std::vector<std::uint32_t> rank_terms(std::span<const std::uint32_t> df) {
  std::vector<std::uint32_t> order(df.size());
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(),
            [&](std::uint32_t l, std::uint32_t r) { return df[l] != df[r] ? df[l] > df[r] : l < r; });
  std::vector<std::uint32_t> rank(df.size());
  for (std::size_t i = 0; i < df.size(); ++i) rank[order[i]] = static_cast<std::uint32_t>(i);
  return rank;
}

// The entries of row `row` of x, as positions in its storage, by term rank.
void entries_by_rank(const Matrix& x, Eigen::Index row, const std::vector<std::uint32_t>& rank,
                     std::vector<Index>& entries) {
  entries.clear();
  for (Index i = x.outerIndexPtr()[row]; i < x.outerIndexPtr()[row + 1]; ++i) entries.push_back(i);
  std::sort(entries.begin(), entries.end(),
            [&](Index l, Index r) { return rank[x.innerIndexPtr()[l]] < rank[x.innerIndexPtr()[r]]; });
}

// Marks, in `indexed`, the entries of every row that the join indexes: all
// but its unindexed prefix (its most frequent terms, as long as their largest
// possible contribution to a cosine stays below the threshold), and notes
// each prefix's bounds.
void split_prefixes(const Matrix& x, const std::vector<std::uint32_t>& rank, std::span<const float> max_weight,
                    double min_cosine, bool prefix_filter, std::vector<char>& indexed,
                    std::vector<JoinIndex::PrefixBound>& bounds) {
  const std::size_t rows = static_cast<std::size_t>(x.rows());
  indexed.assign(static_cast<std::size_t>(x.nonZeros()), 1);
  bounds.assign(rows, {});
  if (!prefix_filter || min_cosine <= 0) return;
  const double bound_limit = min_cosine - kBoundSlack;
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, rows), [&](const tbb::blocked_range<std::size_t>& range) {
    std::vector<Index> entries;
    for (std::size_t row = range.begin(); row != range.end(); ++row) {
      entries_by_rank(x, static_cast<Eigen::Index>(row), rank, entries);
      double weighted = 0;  // bounds the prefix's dot with any row
      double norm2 = 0;     // its square root bounds the prefix's dot with any unit row
      for (Index i : entries) {
        const double w = x.valuePtr()[i];
        const double next_weighted = weighted + w * max_weight[x.innerIndexPtr()[i]];
        const double next_norm2 = norm2 + w * w;
        if (std::min(next_weighted, std::sqrt(next_norm2)) >= bound_limit) break;
        weighted = next_weighted;
        norm2 = next_norm2;
        indexed[static_cast<std::size_t>(i)] = 0;
        bounds[row].rank = rank[x.innerIndexPtr()[i]] + 1;
      }
      bounds[row].weighted = weighted;
      bounds[row].norm = std::sqrt(norm2);
    }
  });
}

// Splits every row into its unindexed prefix and indexed rest, and builds
// the postings of the rest.
JoinIndex build_index(const Matrix& x, double min_cosine, bool prefix_filter) {
  const std::size_t nnz = static_cast<std::size_t>(x.nonZeros());
  const std::size_t rows = static_cast<std::size_t>(x.rows());
  JoinIndex index;
  const JoinTermStats stats = join_term_stats(x);
  index.rank = rank_terms(stats.df);
  std::vector<char> indexed;
  split_prefixes(x, index.rank, stats.max_weight, min_cosine, prefix_filter, indexed, index.prefix_bounds);
  std::uint32_t largest_rank = 0;
  for (const JoinIndex::PrefixBound& bound : index.prefix_bounds) largest_rank = std::max(largest_rank, bound.rank);
  while ((largest_rank >> index.rank_shift) >= JoinIndex::kRankBuckets) ++index.rank_shift;

  index.term_offsets.assign(static_cast<std::size_t>(x.cols()) + 1, 0);
  index.prefix_offsets.assign(rows + 1, 0);
  for (std::size_t i = 0; i < nnz; ++i) {
    if (indexed[i]) ++index.term_offsets[static_cast<std::size_t>(x.innerIndexPtr()[i]) + 1];
  }
  std::partial_sum(index.term_offsets.begin(), index.term_offsets.end(), index.term_offsets.begin());
  index.posting_docs.resize(index.term_offsets.back());
  index.posting_weights.resize(index.term_offsets.back());
  std::vector<std::size_t> fill(index.term_offsets.begin(), index.term_offsets.end() - 1);
  for (std::size_t row = 0; row < rows; ++row) {
    for (Index i = x.outerIndexPtr()[row]; i < x.outerIndexPtr()[row + 1]; ++i) {
      const Index t = x.innerIndexPtr()[i];
      if (indexed[static_cast<std::size_t>(i)]) {
        index.posting_docs[fill[t]] = static_cast<std::uint32_t>(row);
        index.posting_weights[fill[t]++] = x.valuePtr()[i];
      } else {
        index.prefix_terms.push_back(t);
        index.prefix_weights.push_back(x.valuePtr()[i]);
      }
    }
    index.prefix_offsets[row + 1] = index.prefix_terms.size();
  }
  return index;
}

// Per-thread scratch of the join.
struct Accumulator {
  std::vector<float> score;             // per document: dot with the indexed part
  std::vector<std::uint32_t> touched;   // documents with a score (room for all)
  std::vector<float> dense_row;         // per term: the current row's weight
  std::vector<Index> entries;           // the current row's entries by term rank
  std::vector<std::uint32_t> ranks;     // their ranks
  std::vector<double> norm_below;       // norm_below[k]: L2 norm of the first k of them
  std::vector<double> norm_by_bucket;   // per rank bucket: norm_below of the terms ranked below its end
};

void keep_if_similar(float cosine, std::uint32_t a, std::uint32_t b, double min_cosine,
                     std::vector<SimilarPair>& out) {
  cosine = std::min(cosine, 1.0f);
  if (cosine > 0 && cosine >= min_cosine) out.push_back({a, b, cosine});
}

std::vector<SimilarPair> flatten_sorted(std::vector<std::vector<SimilarPair>>& per_row) {
  std::size_t total = 0;
  for (const auto& row : per_row) total += row.size();
  std::vector<SimilarPair> pairs;
  pairs.reserve(total);
  for (auto& row : per_row) {
    pairs.insert(pairs.end(), row.begin(), row.end());
    std::vector<SimilarPair>().swap(row);
  }
  sort_similar_pairs(pairs);
  return pairs;
}

}  // namespace

JoinTermStats join_term_stats(const Matrix& x) {
  JoinTermStats stats;
  stats.df.assign(static_cast<std::size_t>(x.cols()), 0);
  stats.max_weight.assign(static_cast<std::size_t>(x.cols()), 0.0f);
  const Index* outer = x.outerIndexPtr();
  for (Index i = outer[0]; i < outer[x.rows()]; ++i) {
    const Index t = x.innerIndexPtr()[i];
    stats.max_weight[t] = std::max(stats.max_weight[t], x.valuePtr()[i]);
    ++stats.df[t];
  }
  return stats;
}

std::vector<char> join_indexed_entries(const Matrix& x, const JoinTermStats& terms, const SimilarityOptions& options,
                                       std::vector<JoinPrefix>* prefixes) {
  std::vector<char> indexed;
  std::vector<JoinIndex::PrefixBound> bounds;
  split_prefixes(x, rank_terms(terms.df), terms.max_weight, options.min_cosine, options.prefix_filter, indexed, bounds);
  if (!prefixes) return indexed;
  prefixes->assign(bounds.size(), {});
  const auto up = [](double v) { return std::nextafter(static_cast<float>(v), 2.0f); };  // still a bound
  for (std::size_t row = 0; row < bounds.size(); ++row) {
    JoinPrefix& prefix = (*prefixes)[row];
    prefix.weighted = bounds[row].weighted > 0 ? up(bounds[row].weighted) : 0.0f;
    prefix.norm = bounds[row].norm > 0 ? up(bounds[row].norm) : 0.0f;
    // The prefix holds the row's most frequent terms: its rarest is its last by rank.
    prefix.end_df = std::numeric_limits<std::uint32_t>::max();
    for (Index i = x.outerIndexPtr()[row]; i < x.outerIndexPtr()[row + 1]; ++i)
      if (!indexed[static_cast<std::size_t>(i)])
        prefix.end_df = std::min(prefix.end_df, terms.df[static_cast<std::size_t>(x.innerIndexPtr()[i])]);
  }
  return indexed;
}

namespace {

// Calls shared(i, j) for every term a.terms[i] == b.terms[j], in term order.
template <typename Shared>
void for_shared_terms(const JoinRow& a, const JoinRow& b, Shared shared) {
  for (std::size_t i = 0, j = 0; i < a.terms.size() && j < b.terms.size();) {
    if (a.terms[i] < b.terms[j]) {
      ++i;
    } else if (b.terms[j] < a.terms[i]) {
      ++j;
    } else {
      shared(i++, j++);
    }
  }
}

}  // namespace

float joined_cosine(const JoinRow& a, const JoinRow& b) {
  // As similar_pairs adds it up: a float sum over b's indexed terms in term
  // order, then b's prefix terms added in double, in term order.
  float score = 0.0f;
  for_shared_terms(a, b, [&](std::size_t i, std::size_t j) {
    if (b.indexed[j]) score += a.weights[i] * b.weights[j];
  });
  if (score == 0.0f) return 0.0f;  // the join never meets such a pair
  double cosine = score;
  for_shared_terms(a, b, [&](std::size_t i, std::size_t j) {
    if (!b.indexed[j]) cosine += static_cast<double>(a.weights[i]) * b.weights[j];
  });
  return std::min(static_cast<float>(cosine), 1.0f);
}

void sort_similar_pairs(std::vector<SimilarPair>& pairs) {
  std::sort(pairs.begin(), pairs.end(), [](const SimilarPair& l, const SimilarPair& r) {
    if (l.cosine != r.cosine) return l.cosine > r.cosine;
    if (l.a != r.a) return l.a < r.a;
    return l.b < r.b;
  });
}

std::vector<SimilarPair> similar_pairs(const Matrix& x_in, const SimilarityOptions& options) {
  Matrix compressed;
  const Matrix* x_ptr = &x_in;
  if (!x_in.isCompressed()) {
    compressed = x_in;
    compressed.makeCompressed();
    x_ptr = &compressed;
  }
  const Matrix& x = *x_ptr;
  const std::size_t rows = static_cast<std::size_t>(x.rows());
  const std::size_t terms = static_cast<std::size_t>(x.cols());
  const JoinIndex index = build_index(x, options.min_cosine, options.prefix_filter);
  const double candidate_limit = options.min_cosine - kBoundSlack;

  tbb::enumerable_thread_specific<Accumulator> scratch([rows, terms] {
    Accumulator acc;
    acc.score.assign(rows, 0.0f);
    acc.touched.assign(rows, 0);
    acc.dense_row.assign(terms, 0.0f);
    return acc;
  });
  std::vector<std::vector<SimilarPair>> per_row(rows);
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, rows), [&](const tbb::blocked_range<std::size_t>& range) {
    Accumulator& acc = scratch.local();
    for (std::size_t row = range.begin(); row != range.end(); ++row) {
      const Index row_begin = x.outerIndexPtr()[row];
      const Index row_end = x.outerIndexPtr()[row + 1];
      // Dot products with the indexed part of every later document sharing a
      // term. Weights are not negative, so a document whose score is still 0
      // has not been met: it is noted without a branch the CPU could not
      // foresee (a zero product leaves it unnoted, and a score of 0 cannot
      // reach the threshold with the prefix alone).
      float* const score = acc.score.data();
      std::uint32_t* const touched = acc.touched.data();
      std::size_t touched_count = 0;
      for (Index i = row_begin; i < row_end; ++i) {
        const Index t = x.innerIndexPtr()[i];
        const float w = x.valuePtr()[i];
        acc.dense_row[t] = w;
        const std::uint32_t* const docs = index.posting_docs.data();
        const std::uint32_t* const last = docs + index.term_offsets[t + 1];
        for (const std::uint32_t* it = std::upper_bound(docs + index.term_offsets[t], last, static_cast<std::uint32_t>(row));
             it != last; ++it) {
          const std::uint32_t doc = *it;
          touched[touched_count] = doc;
          touched_count += score[doc] == 0.0f;
          score[doc] += w * index.posting_weights[static_cast<std::size_t>(it - docs)];
        }
      }
      // norm_below[k]: norm of this row's k most frequent terms. A prefix whose
      // terms all rank below r meets only those of this row's terms.
      entries_by_rank(x, static_cast<Eigen::Index>(row), index.rank, acc.entries);
      acc.ranks.clear();
      acc.norm_below.assign(1, 0.0);
      double norm2 = 0;
      for (Index i : acc.entries) {
        acc.ranks.push_back(index.rank[x.innerIndexPtr()[i]]);
        norm2 += static_cast<double>(x.valuePtr()[i]) * x.valuePtr()[i];
        acc.norm_below.push_back(std::sqrt(norm2));
      }
      // A prefix's terms all rank below its rank, so below the end of its
      // bucket: the norm of this row's terms up to there bounds their dot
      // (looser than the exact rank by at most a bucket, never tighter).
      acc.norm_by_bucket.resize(JoinIndex::kRankBuckets);
      for (std::size_t bucket = 0, below = 0; bucket < JoinIndex::kRankBuckets; ++bucket) {
        const std::uint64_t end = static_cast<std::uint64_t>(bucket + 1) << index.rank_shift;
        while (below < acc.ranks.size() && acc.ranks[below] < end) ++below;
        acc.norm_by_bucket[bucket] = acc.norm_below[below];
      }
      // Complete each candidate with its prefix, unless even the largest
      // possible prefix contribution cannot reach the threshold. In the
      // order they were met: the pairs are sorted once at the end, and
      // sorting each row's candidates took a quarter of the run.
      for (std::size_t k = 0; k < touched_count; ++k) {
        const std::uint32_t doc = touched[k];
        const JoinIndex::PrefixBound& prefix = index.prefix_bounds[doc];
        const double bound = std::min(prefix.weighted, prefix.norm * acc.norm_by_bucket[prefix.rank >> index.rank_shift]);
        if (score[doc] + bound >= candidate_limit) {
          double cosine = score[doc];
          for (std::size_t j = index.prefix_offsets[doc]; j < index.prefix_offsets[doc + 1]; ++j) {
            cosine += static_cast<double>(acc.dense_row[index.prefix_terms[j]]) * index.prefix_weights[j];
          }
          keep_if_similar(static_cast<float>(cosine), static_cast<std::uint32_t>(row), doc, options.min_cosine,
                          per_row[row]);
        }
        score[doc] = 0.0f;
      }
      for (Index i = row_begin; i < row_end; ++i) acc.dense_row[x.innerIndexPtr()[i]] = 0.0f;
    }
  });
  return flatten_sorted(per_row);
}

std::vector<SimilarPair> similar_pairs_reference(const Matrix& x, const SimilarityOptions& options) {
  const Matrix transposed = x.transpose();
  const Matrix product = x * transposed;
  std::vector<std::vector<SimilarPair>> per_row(static_cast<std::size_t>(product.rows()));
  for (Eigen::Index row = 0; row < product.outerSize(); ++row) {
    for (Matrix::InnerIterator it(product, row); it; ++it) {
      if (it.col() > row) {
        keep_if_similar(it.value(), static_cast<std::uint32_t>(row), static_cast<std::uint32_t>(it.col()),
                        options.min_cosine, per_row[static_cast<std::size_t>(row)]);
      }
    }
  }
  return flatten_sorted(per_row);
}

}  // namespace newsmine
