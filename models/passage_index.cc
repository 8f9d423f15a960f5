#include "models/passage_index.h"

#include <algorithm>
#include <bit>
#include <numeric>

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/parallel_sort.h>
#include <xxhash.h>

namespace newsmine {

std::uint64_t shingle_hash(const std::uint32_t* terms, std::size_t k) {
  return XXH3_64bits(terms, k * sizeof(std::uint32_t));
}

std::size_t shingle_count(const PassageFeatures& doc, std::size_t k) {
  return doc.terms.size() >= k ? doc.terms.size() - k + 1 : 0;
}

std::size_t document_shingle_keys(const PassageFeatures& doc, std::uint64_t doc_index, unsigned doc_bits, std::size_t k,
                                  std::uint64_t* out) {
  const std::vector<std::uint32_t>& terms = doc.terms;
  const std::size_t count = shingle_count(doc, k);
  for (std::size_t p = 0; p < count; ++p) out[p] = (shingle_hash(&terms[p], k) >> doc_bits) << doc_bits | doc_index;
  std::sort(out, out + count);
  return static_cast<std::size_t>(std::unique(out, out + count) - out);
}

void group_shingle_keys(std::span<const std::uint64_t> keys, const PassageOptions& options, ShingleIndex& index) {
  const unsigned doc_bits = index.doc_bits;
  const std::uint64_t doc_mask = (std::uint64_t{1} << doc_bits) - 1;
  index.postings += keys.size();
  for (std::size_t i = 0; i < keys.size();) {
    const std::uint64_t group = keys[i] >> doc_bits;
    std::size_t j = i + 1;
    while (j < keys.size() && keys[j] >> doc_bits == group) ++j;
    const std::size_t df = j - i;
    if (df > options.max_shingle_postings) {
      index.frequent.push_back(group);
    } else if (df >= 2) {
      for (std::size_t e = i; e < j; ++e) index.group_docs.push_back(static_cast<std::uint32_t>(keys[e] & doc_mask));
      index.group_offsets.push_back(index.group_docs.size());
    }
    i = j;
  }
}

void invert_shingle_groups(std::size_t documents, ShingleIndex& index) {
  index.doc_offsets.assign(documents + 1, 0);
  for (std::uint32_t doc : index.group_docs) ++index.doc_offsets[doc + 1];
  std::partial_sum(index.doc_offsets.begin(), index.doc_offsets.end(), index.doc_offsets.begin());
  index.doc_groups.resize(index.group_docs.size());
  std::vector<std::size_t> fill(index.doc_offsets.begin(), index.doc_offsets.end() - 1);
  for (std::size_t g = 0; g + 1 < index.group_offsets.size(); ++g) {
    for (std::size_t e = index.group_offsets[g]; e < index.group_offsets[g + 1]; ++e) {
      index.doc_groups[fill[index.group_docs[e]]++] = static_cast<std::uint32_t>(g);
    }
  }
}

ShingleIndex build_shingle_index(std::span<const PassageFeatures> docs, const PassageOptions& options) {
  const std::size_t k = std::max<std::size_t>(1, options.shingle_size);
  ShingleIndex index;
  index.doc_bits = shingle_doc_bits(docs.size());

  // One 64-bit key per (shingle, document): the shingle's high hash bits
  // above the document number, so one sort groups each shingle's documents,
  // ascending. Each document fills, sorts and deduplicates its own slice.
  std::vector<std::size_t> offsets(docs.size() + 1, 0);
  for (std::size_t d = 0; d < docs.size(); ++d) offsets[d + 1] = offsets[d] + shingle_count(docs[d], k);
  std::vector<std::uint64_t> keys(offsets.back());
  std::vector<std::size_t> kept(docs.size(), 0);
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, docs.size()), [&](const tbb::blocked_range<std::size_t>& range) {
    for (std::size_t d = range.begin(); d != range.end(); ++d)
      kept[d] = document_shingle_keys(docs[d], d, index.doc_bits, k, keys.data() + offsets[d]);
  });
  std::size_t size = 0;
  for (std::size_t d = 0; d < docs.size(); ++d) {
    std::copy(keys.begin() + static_cast<std::ptrdiff_t>(offsets[d]),
              keys.begin() + static_cast<std::ptrdiff_t>(offsets[d] + kept[d]), keys.begin() + static_cast<std::ptrdiff_t>(size));
    size += kept[d];
  }
  keys.resize(size);
  std::vector<std::size_t>().swap(offsets);
  tbb::parallel_sort(keys.begin(), keys.end());
  group_shingle_keys(keys, options, index);
  std::vector<std::uint64_t>().swap(keys);
  // Invert: the shared shingles (groups) of each document, ascending.
  invert_shingle_groups(docs.size(), index);
  return index;
}

void candidate_partners(const ShingleIndex& index, std::uint32_t a, const PassageOptions& options,
                        CandidateScratch& scratch, std::vector<std::uint32_t>& partners, std::vector<char>& rare) {
  const std::size_t min_shared = options.min_shared_shingles, rare_postings = options.rare_shingle_postings;
  const std::size_t star_postings = options.star_shingle_postings, hubs = options.star_hubs;
  partners.clear();
  rare.clear();
  const std::size_t documents = index.doc_offsets.size() - 1;
  if (scratch.shared.size() < documents) scratch.shared.assign(documents, 0);
  if (scratch.rare.size() < documents) scratch.rare.assign(documents, 0);
  scratch.touched.clear();
  for (std::size_t i = index.doc_offsets[a]; i < index.doc_offsets[a + 1]; ++i) {
    const std::uint32_t g = index.doc_groups[i];
    const auto first = index.group_docs.begin() + static_cast<std::ptrdiff_t>(index.group_offsets[g]);
    const auto last = index.group_docs.begin() + static_cast<std::ptrdiff_t>(index.group_offsets[g + 1]);
    const auto size = static_cast<std::size_t>(last - first);
    const bool rare_group = size <= rare_postings;
    const auto self = std::lower_bound(first, last, a);
    // In a large group only the first `hubs` documents pair with the rest: a
    // star, not a clique, so a common passage costs O(df) pairs, not O(df²).
    if (size > star_postings && static_cast<std::size_t>(self - first) >= hubs) continue;
    for (auto it = self + 1; it != last; ++it) {
      if (scratch.shared[*it]++ == 0) scratch.touched.push_back(*it);
      scratch.rare[*it] |= rare_group;
    }
  }
  std::sort(scratch.touched.begin(), scratch.touched.end());
  for (std::uint32_t b : scratch.touched) {
    if (scratch.shared[b] >= std::max<std::size_t>(1, min_shared)) {
      partners.push_back(b);
      rare.push_back(scratch.rare[b]);
    }
    scratch.shared[b] = 0;
    scratch.rare[b] = 0;
  }
}

}  // namespace newsmine
