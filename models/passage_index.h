// Shingle postings for passage detection: the first step of find_passages,
// in pieces that a distributed run (pipeline/mpi_passages.h) also uses.
//
// A shingle is a run of k consecutive terms of one document, hashed to 64
// bits. The index groups documents by shared shingle so that candidate
// document pairs come from shared text, never from comparing all pairs.
// Shingles found in more than PassageOptions::max_shingle_postings documents
// are kept only in a sorted "frequent" list and never seed a pair.
//
// build_shingle_index runs in parallel (per-document hashing, one parallel
// sort of T 64-bit keys, each the shingle's high hash bits above the document
// number: O(T log T) time, 8·T bytes at peak). Two shingles whose high bits
// collide only make a candidate pair more, which alignment then rejects.
// The built index is immutable and shared by all threads; candidate_partners
// uses a per-thread CandidateScratch.
//
//   ShingleIndex index = build_shingle_index(docs, options);
//   CandidateScratch scratch;
//   std::vector<std::uint32_t> partners;
//   candidate_partners(index, a, options, scratch, partners, rare);  // b > a
#pragma once

#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "models/passages.h"

namespace newsmine {

// Hash of the shingle terms[0, k).
std::uint64_t shingle_hash(const std::uint32_t* terms, std::size_t k);

struct ShingleIndex {
  std::vector<std::size_t> group_offsets{0};  // documents of shared shingle g: group_docs[offsets[g], offsets[g+1])
  std::vector<std::uint32_t> group_docs;      // ascending within a group
  std::vector<std::size_t> doc_offsets;       // shared shingles of document d: doc_groups[offsets[d], offsets[d+1])
  std::vector<std::uint32_t> doc_groups;
  std::vector<std::uint64_t> frequent;        // sorted keys (hash >> doc_bits) of boilerplate-frequent shingles
  std::size_t postings = 0;                   // distinct (shingle, document) entries
  unsigned doc_bits = 1;                      // low key bits holding the document: keys are hash >> doc_bits
};

ShingleIndex build_shingle_index(std::span<const PassageFeatures> docs, const PassageOptions& options);

// The pieces build_shingle_index is made of.
// Key bits for the document number in a corpus of `documents`.
inline unsigned shingle_doc_bits(std::size_t documents) {
  return static_cast<unsigned>(std::max<int>(1, std::bit_width(documents)));
}
// Shingles of k terms in `doc` (before deduplication).
std::size_t shingle_count(const PassageFeatures& doc, std::size_t k);
// The distinct keys of doc's shingles, sorted, into `out` (room for
// shingle_count): (hash >> doc_bits) << doc_bits | doc_index. Returns how many.
std::size_t document_shingle_keys(const PassageFeatures& doc, std::uint64_t doc_index, unsigned doc_bits, std::size_t k,
                                  std::uint64_t* out);
// Sorted keys of whole shingles (all documents of each) into `index` (its
// doc_bits set): postings counted, frequent shingles listed, those of 2 to
// max_shingle_postings documents appended as groups.
void group_shingle_keys(std::span<const std::uint64_t> keys, const PassageOptions& options, ShingleIndex& index);
// doc_offsets and doc_groups of `documents` documents from the groups.
void invert_shingle_groups(std::size_t documents, ShingleIndex& index);

// Per-thread scratch: shared-shingle counts per document and those touched.
struct CandidateScratch {
  std::vector<std::uint32_t> shared;
  std::vector<char> rare;  // shares a shingle found in at most rare_postings documents
  std::vector<std::uint32_t> touched;
};

// Replaces `partners` with the documents b > a sharing at least
// `options.min_shared_shingles` distinct indexed shingles with a, ascending, and `rare`
// (parallel to it) with whether one of those shingles is rare. A shingle in
// more than `options.star_shingle_postings` documents counts only for pairs whose first
// document is among its first `options.star_hubs` documents.
void candidate_partners(const ShingleIndex& index, std::uint32_t a, const PassageOptions& options,
                        CandidateScratch& scratch, std::vector<std::uint32_t>& partners, std::vector<char>& rare);

}  // namespace newsmine
