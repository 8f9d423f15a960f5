// Sentence alignment of one candidate document pair: the verifying step of
// find_passages, also run by a distributed run (pipeline/mpi_passages.h).
//
// PassageAligner verifies the pairs (a, b) of one first document a: prepare()
// indexes a's shingles once, then align() finds the passages a shares with
// each candidate b. Sentence pairs touched by a shared shingle are scored with
// Dice over the LCS of their terms; matches are chained along the diagonal,
// across at most max_sentence_gap unmatched sentences, into maximal passages
// (see models/passages.h for the rules).
//
// An aligner holds scratch buffers only: keep one per thread. Cost of align():
// O(|b|) to find shared shingles (one hash-table probe per shingle of b), O(n·m/64) per scored
// sentence pair, O(|A|·|B|/64) per reported passage.
//
//   PassageAligner aligner;
//   aligner.prepare(a, docs[a], index.frequent, index.doc_bits, options);
//   for (std::size_t k = 0; k < partners.size(); ++k) aligner.align(partners[k], docs[partners[k]], rare[k], passages);
#pragma once

#include <cstdint>
#include <span>
#include <utility>
#include <vector>

#include "models/flat_id_map.h"
#include "models/lcs.h"
#include "models/passages.h"

namespace newsmine {

class PassageAligner {
 public:
  // Indexes the shingles of document `a` (index `a_index`), leaving out
  // those whose hash >> frequent_shift is among the sorted `frequent` keys.
  void prepare(std::uint32_t a_index, const PassageFeatures& a, std::span<const std::uint64_t> frequent,
               unsigned frequent_shift, const PassageOptions& options);

  // Appends the passages shared by the prepared document and `b` (b_index >
  // a_index); `rare`: the two share a shingle rare in the corpus.
  void align(std::uint32_t b_index, const PassageFeatures& b, bool rare, std::vector<Passage>& out);

 private:
  struct Match {
    std::uint32_t i = 0;    // sentence of a
    std::uint32_t j = 0;    // sentence of b
    std::uint32_t lcs = 0;  // common terms of the two sentences
    bool strong = false;    // similar enough to start or end a passage
  };
  // A chain of matches; consecutive matches sharing a sentence (a sentence of
  // one side split in two on the other) form a block. Blocks are disjoint and
  // in order on both sides, so committed_lcs + block_lcs is a lower bound of
  // the LCS of the whole passage.
  struct Chain {
    std::size_t first = 0;        // indices into matches_
    std::size_t last = 0;
    std::size_t block_first = 0;  // first match of the current block
    std::size_t committed_lcs = 0;  // Σ LCS of the blocks before the current one
    std::size_t block_lcs = 0;      // LCS of the current block's sentence ranges
  };

  struct TermRange {
    std::uint32_t first = 0;  // first term
    std::uint32_t end = 0;    // one past the last
  };

  void index_a_shingles();
  void candidate_sentence_pairs(const PassageFeatures& b);
  void score_sentence_pairs(const PassageFeatures& b);
  void chain_matches(const PassageFeatures& b);
  bool is_containment(std::size_t common, std::size_t length_a, std::size_t length_b) const;
  std::ptrdiff_t find_match(std::uint32_t i, std::uint32_t j) const;
  bool try_extend(Chain& chain, std::size_t m, std::uint32_t di, std::uint32_t dj, const PassageFeatures& b);
  std::size_t shortest_cover(std::span<const std::uint32_t> longer, std::span<const std::uint32_t> other,
                             std::size_t full, bool suffix);
  void cut_edge(const PassageFeatures& b, const Match& edge, bool at_start, TermRange& a_range, TermRange& b_range);
  bool numbers_agree(const PassageFeatures& b, TermRange a_range, TermRange b_range);
  void emit(std::uint32_t b_index, const PassageFeatures& b, bool rare, std::vector<Passage>& out);

  PassageOptions options_;
  std::size_t k_ = 5;
  std::uint32_t a_index_ = 0;
  const PassageFeatures* a_ = nullptr;
  std::vector<std::pair<std::uint64_t, std::uint32_t>> a_shingles_;  // (local hash, first term), sorted
  FlatIdMap a_shingle_first_;  // local hash -> its first entry in a_shingles_ (the rest follow it)
  std::vector<std::uint32_t> a_sentence_of_;                         // term -> sentence of a
  std::vector<std::uint32_t> b_sentence_of_;                         // term -> sentence of b
  std::vector<std::uint64_t> sentence_pairs_;                        // (i << 32 | j), sorted, unique
  std::vector<Match> matches_;                                       // sorted by (i, j)
  std::vector<std::size_t> chain_of_;                                // match -> chain
  std::vector<Chain> chains_;
  std::vector<std::vector<std::size_t>> chain_members_;              // per chain, its matches in order
  std::vector<std::pair<std::uint32_t, std::uint32_t>> steps_;      // predecessor offsets, best first
  std::vector<std::uint32_t> numbers_a_, numbers_b_;                 // number terms of a passage's two sides
  LcsScratch lcs_;
};

}  // namespace newsmine
