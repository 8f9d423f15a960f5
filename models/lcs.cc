#include "models/lcs.h"

#include <algorithm>
#include <bit>

namespace newsmine {

std::size_t lcs_length(std::span<const std::uint32_t> a, std::span<const std::uint32_t> b, LcsScratch& scratch) {
  if (a.size() > b.size()) std::swap(a, b);
  if (a.empty()) return 0;
  const std::size_t words = (a.size() + 63) / 64;

  // Position masks of every distinct symbol of the shorter sequence.
  std::vector<std::uint32_t>& symbols = scratch.symbols;
  symbols.assign(a.begin(), a.end());
  std::sort(symbols.begin(), symbols.end());
  symbols.erase(std::unique(symbols.begin(), symbols.end()), symbols.end());
  std::vector<std::uint64_t>& masks = scratch.masks;
  masks.assign(symbols.size() * words, 0);
  for (std::size_t i = 0; i < a.size(); ++i) {
    const std::size_t s = static_cast<std::size_t>(std::lower_bound(symbols.begin(), symbols.end(), a[i]) - symbols.begin());
    masks[s * words + i / 64] |= std::uint64_t{1} << (i % 64);
  }

  // V starts all ones; for each symbol c of b: U = V & M[c], V = (V + U) | (V & ~M[c]).
  std::vector<std::uint64_t>& v = scratch.state;
  v.assign(words, ~std::uint64_t{0});
  for (std::uint32_t c : b) {
    const auto found = std::lower_bound(symbols.begin(), symbols.end(), c);
    if (found == symbols.end() || *found != c) continue;  // U = 0 leaves V unchanged
    const std::uint64_t* m = &masks[static_cast<std::size_t>(found - symbols.begin()) * words];
    std::uint64_t carry = 0;
    for (std::size_t w = 0; w < words; ++w) {
      const std::uint64_t u = v[w] & m[w];
      const std::uint64_t sum = v[w] + u;
      const std::uint64_t total = sum + carry;
      carry = (sum < v[w] || total < sum) ? 1 : 0;
      v[w] = total | (v[w] & ~m[w]);
    }
  }
  // The LCS length is the number of zero bits among the first |a|.
  std::size_t ones = 0;
  for (std::size_t w = 0; w < words; ++w) {
    std::uint64_t bits = v[w];
    const std::size_t used = std::min<std::size_t>(64, a.size() - w * 64);
    if (used < 64) bits &= (std::uint64_t{1} << used) - 1;
    ones += static_cast<std::size_t>(std::popcount(bits));
  }
  return a.size() - ones;
}

std::size_t lcs_length_reference(std::span<const std::uint32_t> a, std::span<const std::uint32_t> b) {
  std::vector<std::size_t> previous(b.size() + 1, 0), current(b.size() + 1, 0);
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      current[j] = a[i - 1] == b[j - 1] ? previous[j - 1] + 1 : std::max(previous[j], current[j - 1]);
    }
    std::swap(previous, current);
  }
  return previous[b.size()];
}

}  // namespace newsmine
