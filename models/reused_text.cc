#include "models/reused_text.h"

#include <algorithm>
#include <numeric>
#include <tuple>

namespace newsmine {
namespace {

struct Side {
  std::uint32_t doc;
  ByteRange range;
};

// Sorts and merges overlapping or touching ranges.
std::vector<ByteRange> merged(std::vector<ByteRange> ranges) {
  std::sort(ranges.begin(), ranges.end(),
            [](const ByteRange& l, const ByteRange& r) { return std::tie(l.start, l.end) < std::tie(r.start, r.end); });
  std::vector<ByteRange> out;
  for (const ByteRange& r : ranges) {
    if (!out.empty() && r.start <= out.back().end) {
      out.back().end = std::max(out.back().end, r.end);
    } else {
      out.push_back(r);
    }
  }
  return out;
}

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

}  // namespace

std::vector<std::vector<ByteRange>> reused_ranges(std::span<const Passage> passages, std::size_t documents) {
  std::vector<std::vector<ByteRange>> out(documents);
  for (const Passage& p : passages) {
    if (p.a < documents) out[p.a].push_back({p.a_start, p.a_end});
    if (p.b < documents) out[p.b].push_back({p.b_start, p.b_end});
  }
  for (auto& ranges : out) ranges = merged(std::move(ranges));
  return out;
}

std::uint64_t range_bytes(std::span<const ByteRange> ranges) {
  std::uint64_t total = 0;
  for (const ByteRange& r : ranges) total += r.end - r.start;
  return total;
}

std::vector<std::vector<ByteRange>> strip_ranges(std::span<const Passage> passages, std::span<const Cluster> clusters,
                                                 std::size_t documents) {
  // Members that are not their family's representative: their copies go.
  std::vector<std::vector<ByteRange>> copies(documents);
  for (const Cluster& cluster : clusters) {
    for (std::size_t m = 0; m < cluster.members.size(); ++m) {
      const ClusterMember& member = cluster.members[m];
      if (m != cluster.representative && member.doc < documents) copies[member.doc].push_back({member.start, member.end});
    }
  }
  for (auto& ranges : copies) ranges = merged(std::move(ranges));
  auto inside_copy = [&](std::uint32_t doc, std::uint32_t start, std::uint32_t end) {
    const std::vector<ByteRange>& ranges = copies[doc];
    auto it = std::upper_bound(ranges.begin(), ranges.end(), start,
                               [](std::uint32_t s, const ByteRange& r) { return s < r.start; });
    return it != ranges.begin() && std::prev(it)->start <= start && end <= std::prev(it)->end;
  };
  std::vector<std::vector<ByteRange>> out(documents);
  for (const Passage& p : passages) {
    if (p.a < documents && inside_copy(p.a, p.a_start, p.a_end)) out[p.a].push_back({p.a_start, p.a_end});
    if (p.b < documents && inside_copy(p.b, p.b_start, p.b_end)) out[p.b].push_back({p.b_start, p.b_end});
  }
  for (auto& ranges : out) ranges = merged(std::move(ranges));
  return out;
}

std::string strip_text(std::string_view text, std::span<const ByteRange> ranges) {
  std::string out;
  out.reserve(text.size());
  std::size_t at = 0;
  for (const ByteRange& r : ranges) {
    if (r.start < at || r.end > text.size()) continue;  // not disjoint and ascending: keep the text
    out.append(text.substr(at, r.start - at));
    at = r.end;
    while (at < text.size() && is_space(text[at])) ++at;
  }
  out.append(text.substr(std::min(at, text.size())));
  return out;
}

std::vector<std::uint32_t> age_rank(std::span<const std::string> dates) {
  std::vector<std::uint32_t> order(dates.size());
  std::iota(order.begin(), order.end(), 0u);
  std::stable_sort(order.begin(), order.end(), [&](std::uint32_t l, std::uint32_t r) {
    const bool l_undated = dates[l].empty(), r_undated = dates[r].empty();
    if (l_undated != r_undated) return r_undated;
    return dates[l] < dates[r];
  });
  std::vector<std::uint32_t> rank(dates.size());
  for (std::size_t i = 0; i < order.size(); ++i) rank[order[i]] = static_cast<std::uint32_t>(i);
  return rank;
}

}  // namespace newsmine
