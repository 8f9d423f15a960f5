// Passage families: the same text recurring across several articles.
//
// cluster_passages turns pairwise passages into families. Each passage side is
// an occurrence (document, byte range); occurrences in the same document that
// overlap are one node, and every passage links its two nodes. A family is a
// connected component (union-find) spanning at least two documents. Each
// document appears once per family, with the union of its occurrences in the
// family as its range (the span from the first start to the last end when the
// family touches the document in several separate places).
//
// Deterministic: the result depends only on the set of passages, not on their
// order. Cost: O(P log P) for P passages. A pure function, thread-safe.
//
//   std::vector<Passage> passages = find_passages(features, options);
//   for (const Cluster& c : cluster_passages(passages)) {
//     const ClusterMember& m = c.members[c.representative];
//     print(c.members.size(), span_text(text[m.doc], m.start, m.end));
//   }
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "models/passages.h"

namespace newsmine {

struct ClusterMember {
  std::uint32_t doc = 0;    // document index
  std::uint32_t start = 0;  // byte range of the family's text in that document
  std::uint32_t end = 0;
};

struct Cluster {
  std::vector<ClusterMember> members;  // one per document, sorted by doc
  std::size_t representative = 0;      // index into members: the earliest document's copy
};

// Families of `passages`, sorted by their first member's (doc, start, end).
// `doc_rank`, when not empty, gives each document's age rank (e.g. its date
// order; lower is earlier) and picks the representative: the member with the
// smallest (rank, doc); documents past its end rank last. When empty, the
// earliest document is the one with the smallest index (input order).
std::vector<Cluster> cluster_passages(std::span<const Passage> passages,
                                      std::span<const std::uint32_t> doc_rank = {});

}  // namespace newsmine
