// Passage detection of a distributed run (models/passages.h), without any
// rank holding the corpus's passage features or its shingle index.
//
// Each rank holds the passage features of its share: consecutive accepted
// articles, rank 0's first. Then, all steps collective:
//  1. Every article's distinct shingle keys (the same keys one process
//     sorts, with the corpus's document bits) go to the shingle's owner
//     (its hash % ranks), which groups them as one process does: frequent
//     shingles listed, shingles of 2 to max_shingle_postings articles kept.
//  2. The frequent shingles go to every rank; each shared shingle's articles
//     go to every rank holding one of them.
//  3. Each rank finds the candidates of its own articles from those groups,
//     exactly as candidate_partners does over the whole index (the counts,
//     rare marks and star rule need only the groups of the article's own
//     shingles), asks the holders of the candidates' second articles for
//     their features, and aligns every pair where its first article is.
//  4. The passages go to rank 0, which puts them in find_passages' order.
// The result equals find_passages over the whole corpus. A rank holds its
// share's features, the keys of the shingles it owns, the groups of its
// articles' shared shingles, and the features of its candidates.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "models/passages.h"
#include "pipeline/mpi_comm.h"

namespace newsmine {

struct DistributedPassageStats {
  std::uint64_t shingle_bytes = 0;     // shingle keys sent to their owners
  std::uint64_t group_bytes = 0;       // shared shingles' articles and the frequent shingles sent back
  std::uint64_t feature_bytes = 0;     // features of candidates' second articles, with the requests
  std::uint64_t passage_bytes = 0;     // passages sent to rank 0
  std::uint64_t features_fetched = 0;  // articles' features this rank received from another
  PassageStats passages;               // this rank's part of find_passages' counters
};

// Rank 0 gets every passage, sorted; the others get none. `stats` is this rank's.
std::vector<Passage> distributed_find_passages(std::span<const PassageFeatures> share, const PassageOptions& options,
                                               const MpiComm& comm, DistributedPassageStats& stats);

}  // namespace newsmine
