// Longest common subsequence length of two sequences of term hashes.
//
// lcs_length uses the bit-parallel algorithm of Allison & Dix / Hyyrö: one bit
// per symbol of the shorter sequence, updated with one addition per machine
// word for every symbol of the longer one, so it costs
// O(|long| · ⌈|short| / 64⌉ + |short| log |short|) time and
// O(distinct symbols · ⌈|short| / 64⌉) scratch memory. lcs_length_reference is
// the textbook dynamic program, kept for tests.
//
// Both are pure functions; LcsScratch holds reusable buffers, so keep one per
// thread and it stops allocating once it has grown.
//
//   LcsScratch scratch;
//   std::size_t common = lcs_length(a_terms, b_terms, scratch);
//   double dice = 2.0 * common / (a_terms.size() + b_terms.size());
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace newsmine {

struct LcsScratch {
  std::vector<std::uint32_t> symbols;  // distinct symbols of the shorter sequence, sorted
  std::vector<std::uint64_t> masks;    // per symbol, the bit set of its positions
  std::vector<std::uint64_t> state;    // the bit vector V of the algorithm
};

std::size_t lcs_length(std::span<const std::uint32_t> a, std::span<const std::uint32_t> b, LcsScratch& scratch);

std::size_t lcs_length_reference(std::span<const std::uint32_t> a, std::span<const std::uint32_t> b);

// 2·LCS / (|a| + |b|), 0 for two empty sequences.
inline double dice(std::size_t lcs, std::size_t a_length, std::size_t b_length) {
  return a_length + b_length == 0 ? 0.0 : 2.0 * static_cast<double>(lcs) / static_cast<double>(a_length + b_length);
}

}  // namespace newsmine
