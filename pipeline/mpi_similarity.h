// The similarity join of a distributed run, without any rank holding the
// corpus's TF-IDF matrix.
//
// Each rank holds the term counts of its share: consecutive accepted
// articles, rank 0's first. Then, all steps collective:
//  1. Term statistics (MpiTermTable, terms owned by hash): document
//     frequencies summed over the ranks, and corpus-wide term ids in the
//     order one process interns them (first seen in input order), so that
//     each rank builds its own rows bit-identical to the one-process matrix.
//  2. Each term's largest weight (a max over the ranks) fixes every row's
//     unindexed prefix as similar_pairs fixes it (join_indexed_entries).
//  3. Each row goes to the rank that joins it (article mod ranks), so that
//     every rank meets an equal part of the pairs.
//  4. The indexed entries go to each term's owner (term id % ranks). Then,
//     share by share, the owners send every rank the postings of its joined
//     rows' terms for that share's articles, the share's rank sends its
//     prefix bounds, and every rank accumulates its rows' dot products with
//     them as similar_pairs does, keeping the pairs (a < b) that the prefix
//     bound of b does not rule out.
//  5. Each rank asks the ranks joining its candidates' b's for their rows,
//     verifies each pair with joined_cosine and sends the pairs reaching the
//     threshold to rank 0, which sorts them as similar_pairs does.
// The result equals similar_pairs over the whole matrix (models/similarity.h
// says why joined_cosine gives its very numbers). A rank holds the rows it
// joins, the postings of the terms it owns, the postings of its rows' terms
// for one share at a time, and the rows of its candidates.
#pragma once

#include <cstdint>
#include <vector>

#include "models/similarity.h"
#include "models/tfidf.h"
#include "pipeline/mpi_comm.h"

namespace newsmine {

struct DistributedJoinStats {
  std::uint64_t terms = 0;            // distinct terms of the corpus
  std::uint64_t term_bytes = 0;       // term statistics sent by this rank
  std::uint64_t posting_bytes = 0;    // postings to the terms' owners and back, requests and prefix bounds
  std::uint64_t row_bytes = 0;        // rows to the ranks joining them and to those verifying pairs (and requests)
  std::uint64_t pair_bytes = 0;       // verified pairs sent to rank 0
  std::uint64_t candidates = 0;       // distinct candidate pairs this rank verified
  std::uint64_t rows_fetched = 0;     // rows of other ranks this rank received
  double tfidf_seconds = 0;           // placing the terms and building the share's rows
};

// Rank 0 gets every pair, sorted; the others get none. `stats` is this rank's.
std::vector<SimilarPair> distributed_similar_pairs(const TfidfBuilder& share, const SimilarityOptions& options,
                                                   const MpiComm& comm, DistributedJoinStats& stats);

}  // namespace newsmine
