#include "models/clusters.h"

#include <algorithm>
#include <limits>
#include <numeric>
#include <tuple>

namespace newsmine {
namespace {

struct Occurrence {
  std::uint32_t doc;
  std::uint32_t start;
  std::uint32_t end;
  std::size_t passage;  // index of the passage it is a side of
  bool side_b;
};

class DisjointSets {
 public:
  explicit DisjointSets(std::size_t n) : parent_(n) { std::iota(parent_.begin(), parent_.end(), std::size_t{0}); }
  std::size_t find(std::size_t x) {
    while (parent_[x] != x) x = parent_[x] = parent_[parent_[x]];
    return x;
  }
  // The smaller root becomes the parent, so roots do not depend on link order.
  void unite(std::size_t x, std::size_t y) {
    x = find(x);
    y = find(y);
    if (x < y) parent_[y] = x;
    if (y < x) parent_[x] = y;
  }

 private:
  std::vector<std::size_t> parent_;
};

// A document's age rank; without ranks every document ranks the same, so the
// smallest index wins.
std::uint32_t rank_of(std::uint32_t doc, std::span<const std::uint32_t> doc_rank) {
  if (doc_rank.empty()) return 0;
  return doc < doc_rank.size() ? doc_rank[doc] : std::numeric_limits<std::uint32_t>::max();
}

std::size_t representative_of(const Cluster& cluster, std::span<const std::uint32_t> doc_rank) {
  std::size_t best = 0;
  for (std::size_t m = 1; m < cluster.members.size(); ++m) {
    const std::uint32_t doc = cluster.members[m].doc;
    const std::uint32_t best_doc = cluster.members[best].doc;
    const std::uint32_t rank = rank_of(doc, doc_rank);
    const std::uint32_t best_rank = rank_of(best_doc, doc_rank);
    if (std::tie(rank, doc) < std::tie(best_rank, best_doc)) best = m;
  }
  return best;
}

}  // namespace

std::vector<Cluster> cluster_passages(std::span<const Passage> passages, std::span<const std::uint32_t> doc_rank) {
  std::vector<Occurrence> occurrences;
  occurrences.reserve(passages.size() * 2);
  for (std::size_t p = 0; p < passages.size(); ++p) {
    occurrences.push_back({passages[p].a, passages[p].a_start, passages[p].a_end, p, false});
    occurrences.push_back({passages[p].b, passages[p].b_start, passages[p].b_end, p, true});
  }
  std::sort(occurrences.begin(), occurrences.end(), [](const Occurrence& l, const Occurrence& r) {
    return std::tie(l.doc, l.start, l.end) < std::tie(r.doc, r.start, r.end);
  });

  // Nodes: maximal groups of overlapping occurrences within one document.
  std::vector<ClusterMember> nodes;
  std::vector<std::size_t> node_of_side(passages.size() * 2);
  for (const Occurrence& occurrence : occurrences) {
    if (nodes.empty() || nodes.back().doc != occurrence.doc || occurrence.start >= nodes.back().end) {
      nodes.push_back({occurrence.doc, occurrence.start, occurrence.end});
    } else {
      nodes.back().end = std::max(nodes.back().end, occurrence.end);
    }
    node_of_side[occurrence.passage * 2 + (occurrence.side_b ? 1 : 0)] = nodes.size() - 1;
  }

  DisjointSets sets(nodes.size());
  for (std::size_t p = 0; p < passages.size(); ++p) sets.unite(node_of_side[p * 2], node_of_side[p * 2 + 1]);

  // Nodes are sorted by (doc, start), so each component's members come out
  // sorted by doc, and a document's nodes are adjacent within it.
  std::vector<std::size_t> cluster_of_root(nodes.size(), nodes.size());
  std::vector<Cluster> clusters;
  for (std::size_t n = 0; n < nodes.size(); ++n) {
    const std::size_t root = sets.find(n);
    if (cluster_of_root[root] == nodes.size()) {
      cluster_of_root[root] = clusters.size();
      clusters.emplace_back();
    }
    std::vector<ClusterMember>& members = clusters[cluster_of_root[root]].members;
    if (!members.empty() && members.back().doc == nodes[n].doc) {
      members.back().start = std::min(members.back().start, nodes[n].start);
      members.back().end = std::max(members.back().end, nodes[n].end);
    } else {
      members.push_back(nodes[n]);
    }
  }

  std::erase_if(clusters, [](const Cluster& c) { return c.members.size() < 2; });
  for (Cluster& cluster : clusters) cluster.representative = representative_of(cluster, doc_rank);
  std::sort(clusters.begin(), clusters.end(), [](const Cluster& l, const Cluster& r) {
    const ClusterMember& x = l.members.front();
    const ClusterMember& y = r.members.front();
    if (std::tie(x.doc, x.start, x.end) != std::tie(y.doc, y.start, y.end)) {
      return std::tie(x.doc, x.start, x.end) < std::tie(y.doc, y.start, y.end);
    }
    return std::lexicographical_compare(l.members.begin(), l.members.end(), r.members.begin(), r.members.end(),
                                        [](const ClusterMember& m, const ClusterMember& n) {
                                          return std::tie(m.doc, m.start, m.end) < std::tie(n.doc, n.start, n.end);
                                        });
  });
  return clusters;
}

}  // namespace newsmine

