#include "models/passage_index.h"

#include <algorithm>
#include <numeric>

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/parallel_sort.h>
#include <xxhash.h>

namespace newsmine {
namespace {

struct Entry {
  std::uint64_t hash;
  std::uint32_t doc;
  bool operator<(const Entry& other) const { return hash != other.hash ? hash < other.hash : doc < other.doc; }
};

// Distinct shingle hashes of every document, each list sorted.
std::vector<std::vector<std::uint64_t>> document_shingles(std::span<const PassageFeatures> docs, std::size_t k) {
  std::vector<std::vector<std::uint64_t>> shingles(docs.size());
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, docs.size()), [&](const tbb::blocked_range<std::size_t>& range) {
    for (std::size_t d = range.begin(); d != range.end(); ++d) {
      const std::vector<std::uint32_t>& terms = docs[d].terms;
      if (terms.size() < k) continue;
      std::vector<std::uint64_t>& out = shingles[d];
      out.reserve(terms.size() - k + 1);
      for (std::size_t p = 0; p + k <= terms.size(); ++p) out.push_back(shingle_hash(&terms[p], k));
      std::sort(out.begin(), out.end());
      out.erase(std::unique(out.begin(), out.end()), out.end());
    }
  });
  return shingles;
}

}  // namespace

std::uint64_t shingle_hash(const std::uint32_t* terms, std::size_t k) {
  return XXH3_64bits(terms, k * sizeof(std::uint32_t));
}

ShingleIndex build_shingle_index(std::span<const PassageFeatures> docs, const PassageOptions& options) {
  const std::size_t k = std::max<std::size_t>(1, options.shingle_size);
  std::vector<std::vector<std::uint64_t>> shingles = document_shingles(docs, k);

  // All (shingle, document) entries, sorted so that each shingle's documents are adjacent.
  std::vector<std::size_t> offsets(docs.size() + 1, 0);
  for (std::size_t d = 0; d < docs.size(); ++d) offsets[d + 1] = offsets[d] + shingles[d].size();
  std::vector<Entry> entries(offsets.back());
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, docs.size()), [&](const tbb::blocked_range<std::size_t>& range) {
    for (std::size_t d = range.begin(); d != range.end(); ++d) {
      for (std::size_t i = 0; i < shingles[d].size(); ++i) {
        entries[offsets[d] + i] = {shingles[d][i], static_cast<std::uint32_t>(d)};
      }
      std::vector<std::uint64_t>().swap(shingles[d]);
    }
  });
  tbb::parallel_sort(entries.begin(), entries.end());

  ShingleIndex index;
  index.postings = entries.size();
  for (std::size_t i = 0; i < entries.size();) {
    std::size_t j = i + 1;
    while (j < entries.size() && entries[j].hash == entries[i].hash) ++j;
    const std::size_t df = j - i;
    if (df > options.max_shingle_postings) {
      index.frequent.push_back(entries[i].hash);
    } else if (df >= 2) {
      for (std::size_t e = i; e < j; ++e) index.group_docs.push_back(entries[e].doc);
      index.group_offsets.push_back(index.group_docs.size());
    }
    i = j;
  }
  std::vector<Entry>().swap(entries);

  // Invert: the shared shingles (groups) of each document, ascending.
  index.doc_offsets.assign(docs.size() + 1, 0);
  for (std::uint32_t doc : index.group_docs) ++index.doc_offsets[doc + 1];
  std::partial_sum(index.doc_offsets.begin(), index.doc_offsets.end(), index.doc_offsets.begin());
  index.doc_groups.resize(index.group_docs.size());
  std::vector<std::size_t> fill(index.doc_offsets.begin(), index.doc_offsets.end() - 1);
  for (std::size_t g = 0; g + 1 < index.group_offsets.size(); ++g) {
    for (std::size_t e = index.group_offsets[g]; e < index.group_offsets[g + 1]; ++e) {
      index.doc_groups[fill[index.group_docs[e]]++] = static_cast<std::uint32_t>(g);
    }
  }
  return index;
}

void candidate_partners(const ShingleIndex& index, std::uint32_t a, std::size_t min_shared,
                        CandidateScratch& scratch, std::vector<std::uint32_t>& partners) {
  partners.clear();
  const std::size_t documents = index.doc_offsets.size() - 1;
  if (scratch.shared.size() < documents) scratch.shared.assign(documents, 0);
  scratch.touched.clear();
  for (std::size_t i = index.doc_offsets[a]; i < index.doc_offsets[a + 1]; ++i) {
    const std::uint32_t g = index.doc_groups[i];
    const auto first = index.group_docs.begin() + static_cast<std::ptrdiff_t>(index.group_offsets[g]);
    const auto last = index.group_docs.begin() + static_cast<std::ptrdiff_t>(index.group_offsets[g + 1]);
    for (auto it = std::upper_bound(first, last, a); it != last; ++it) {
      if (scratch.shared[*it]++ == 0) scratch.touched.push_back(*it);
    }
  }
  std::sort(scratch.touched.begin(), scratch.touched.end());
  for (std::uint32_t b : scratch.touched) {
    if (scratch.shared[b] >= std::max<std::size_t>(1, min_shared)) partners.push_back(b);
    scratch.shared[b] = 0;
  }
}

}  // namespace newsmine
