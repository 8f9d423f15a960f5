#include "models/passages.h"

#include <algorithm>
#include <tuple>

#include <tbb/blocked_range.h>
#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>

#include "models/passage_align.h"
#include "models/passage_index.h"

namespace newsmine {
namespace {

struct Scratch {
  CandidateScratch candidates;
  std::vector<std::uint32_t> partners;
  std::vector<char> rare;
  PassageAligner aligner;
};

}  // namespace

void sort_passages(std::vector<Passage>& passages) {
  std::sort(passages.begin(), passages.end(), [](const Passage& l, const Passage& r) {
    return std::tie(l.a, l.b, l.a_start, l.a_end, l.b_start, l.b_end) <
           std::tie(r.a, r.b, r.a_start, r.a_end, r.b_start, r.b_end);
  });
}

std::vector<Passage> find_passages(std::span<const PassageFeatures> docs, const PassageOptions& options,
                                   PassageStats* stats) {
  const ShingleIndex index = build_shingle_index(docs, options);

  std::vector<std::vector<Passage>> per_doc(docs.size());
  std::vector<std::size_t> pairs_per_doc(docs.size(), 0);
  tbb::enumerable_thread_specific<Scratch> scratch;
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, docs.size()), [&](const tbb::blocked_range<std::size_t>& range) {
    Scratch& local = scratch.local();
    for (std::size_t a = range.begin(); a != range.end(); ++a) {
      const auto a_index = static_cast<std::uint32_t>(a);
      candidate_partners(index, a_index, options, local.candidates, local.partners, local.rare);
      if (local.partners.empty()) continue;
      pairs_per_doc[a] = local.partners.size();
      local.aligner.prepare(a_index, docs[a], index.frequent, index.doc_bits, options);
      for (std::size_t k = 0; k < local.partners.size(); ++k) {
        const std::uint32_t b = local.partners[k];
        local.aligner.align(b, docs[b], local.rare[k] != 0, per_doc[a]);
      }
    }
  });

  std::vector<Passage> passages;
  std::size_t candidate_pairs = 0;
  for (std::size_t a = 0; a < docs.size(); ++a) {
    candidate_pairs += pairs_per_doc[a];
    passages.insert(passages.end(), per_doc[a].begin(), per_doc[a].end());
  }
  sort_passages(passages);
  if (stats != nullptr) {
    stats->shingle_postings = index.postings;
    stats->frequent_shingles = index.frequent.size();
    stats->candidate_pairs = candidate_pairs;
    stats->passages = passages.size();
  }
  return passages;
}

}  // namespace newsmine
