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
//  3. Postings of the indexed entries (with their rows' prefix bounds) go to
//     each term's owner (term id % ranks); every rank gets back the postings
//     of its own terms from its first document on, and accumulates its rows'
//     dot products with them as similar_pairs does, keeping the pairs (a < b)
//     that the prefix bound of b does not rule out.
//  4. Each rank asks the holders of its candidates' b's for their rows,
//     verifies each pair with joined_cosine and sends the pairs reaching the
//     threshold to rank 0, which sorts them as similar_pairs does.
// The result equals similar_pairs over the whole matrix (models/similarity.h
// says why joined_cosine gives its very numbers). A rank holds its share's
// rows, the postings of the terms it owns, the postings of its own terms
// after its first document, and the rows of its candidates.
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
  std::uint64_t posting_bytes = 0;    // postings to the terms' owners and back, with the requests
  std::uint64_t row_bytes = 0;        // rows sent to the ranks verifying pairs (and their requests)
  std::uint64_t pair_bytes = 0;       // verified pairs sent to rank 0
  std::uint64_t candidates = 0;       // distinct candidate pairs this rank verified
  std::uint64_t rows_fetched = 0;     // rows of other ranks this rank received
  double tfidf_seconds = 0;           // placing the terms and building the share's rows
};

// Rank 0 gets every pair, sorted; the others get none. `stats` is this rank's.
std::vector<SimilarPair> distributed_similar_pairs(const TfidfBuilder& share, const SimilarityOptions& options,
                                                   const MpiComm& comm, DistributedJoinStats& stats);

}  // namespace newsmine
