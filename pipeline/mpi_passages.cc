#include "pipeline/mpi_passages.h"

#include <tbb/blocked_range.h>
#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>
#include <tbb/parallel_sort.h>

#include <algorithm>
#include <limits>
#include <string>

#include "models/byte_pack.h"
#include "models/passage_align.h"
#include "models/passage_index.h"
#include "pipeline/mpi_exchange.h"
#include "pipeline/shard_records.h"

namespace newsmine {
namespace {

// The owner of a shingle key: its shingle's hash bits modulo the ranks.
std::size_t owner_of(std::uint64_t key, unsigned doc_bits, std::size_t ranks) { return (key >> doc_bits) % ranks; }

// 1. This share's shingle keys to their owners; returns the shingles this
// rank owns grouped as build_shingle_index groups them (corpus-wide articles).
ShingleIndex own_shingles(std::span<const PassageFeatures> share, const ArticleShares& shares, const PassageOptions& options,
                          const MpiComm& comm, DistributedPassageStats& stats) {
  const auto ranks = static_cast<std::size_t>(comm.size());
  const std::size_t k = std::max<std::size_t>(1, options.shingle_size);
  ShingleIndex owned;
  owned.doc_bits = shingle_doc_bits(shares.articles());  // as one process numbers the corpus
  std::vector<std::size_t> offsets(share.size() + 1, 0);
  for (std::size_t d = 0; d < share.size(); ++d) offsets[d + 1] = offsets[d] + shingle_count(share[d], k);
  std::vector<std::uint64_t> keys(offsets.back());
  std::vector<std::size_t> kept(share.size(), 0);
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, share.size()), [&](const tbb::blocked_range<std::size_t>& range) {
    for (std::size_t d = range.begin(); d != range.end(); ++d)
      kept[d] = document_shingle_keys(share[d], shares.first() + d, owned.doc_bits, k, keys.data() + offsets[d]);
  });
  std::vector<std::vector<std::uint64_t>> out(ranks);
  for (std::size_t d = 0; d < share.size(); ++d)
    for (std::size_t i = offsets[d]; i < offsets[d] + kept[d]; ++i) out[owner_of(keys[i], owned.doc_bits, ranks)].push_back(keys[i]);
  std::vector<std::uint64_t>().swap(keys);
  std::vector<std::vector<std::uint64_t>> in = exchange_vectors(comm, out, stats.shingle_bytes, "shingle keys");
  std::vector<std::vector<std::uint64_t>>().swap(out);
  for (std::vector<std::uint64_t>& part : in) {
    keys.insert(keys.end(), part.begin(), part.end());
    std::vector<std::uint64_t>().swap(part);
  }
  tbb::parallel_sort(keys.begin(), keys.end());
  group_shingle_keys(keys, options, owned);
  return owned;
}

// 2-3. The index this rank finds its candidates in: every rank's frequent
// shingles, and the shared shingles of this rank's articles with all their
// articles, renumbered in ascending order (`articles`: local -> corpus-wide).
ShingleIndex share_index(const ShingleIndex& owned, const ArticleShares& shares, const MpiComm& comm,
                         DistributedPassageStats& stats, std::vector<std::uint32_t>& articles) {
  const auto ranks = static_cast<std::size_t>(comm.size());
  ShingleIndex index;
  index.doc_bits = owned.doc_bits;
  for (std::vector<std::uint64_t>& part :
       exchange_vectors(comm, std::vector<std::vector<std::uint64_t>>(ranks, owned.frequent), stats.group_bytes, "frequent shingles"))
    index.frequent.insert(index.frequent.end(), part.begin(), part.end());
  std::sort(index.frequent.begin(), index.frequent.end());

  // Each group as its size, then its articles, to each rank holding one.
  std::vector<std::vector<std::uint32_t>> out(ranks);
  for (std::size_t g = 0; g + 1 < owned.group_offsets.size(); ++g) {
    const auto first = owned.group_docs.begin() + static_cast<std::ptrdiff_t>(owned.group_offsets[g]);
    const auto last = owned.group_docs.begin() + static_cast<std::ptrdiff_t>(owned.group_offsets[g + 1]);
    for (auto it = first; it != last;) {
      const std::size_t holder = shares.holder(*it);
      std::vector<std::uint32_t>& to = out[holder];
      to.push_back(static_cast<std::uint32_t>(last - first));
      to.insert(to.end(), first, last);
      // The holder's articles are consecutive: skip past them.
      it = std::lower_bound(it, last, shares.end(holder));
    }
  }
  std::vector<std::vector<std::uint32_t>> groups = exchange_vectors(comm, out, stats.group_bytes, "shingle groups");
  std::vector<std::vector<std::uint32_t>>().swap(out);
  articles.clear();
  for (const std::vector<std::uint32_t>& part : groups) {
    for (std::size_t at = 0; at < part.size(); at += 1 + part[at]) {
      if (part[at] > part.size() - at - 1) comm.abort(Status::error("shingle groups cut short"));
      articles.insert(articles.end(), part.begin() + static_cast<std::ptrdiff_t>(at + 1),
                      part.begin() + static_cast<std::ptrdiff_t>(at + 1 + part[at]));
    }
  }
  tbb::parallel_sort(articles.begin(), articles.end());
  articles.erase(std::unique(articles.begin(), articles.end()), articles.end());
  for (const std::vector<std::uint32_t>& part : groups) {
    for (std::size_t at = 0; at < part.size(); at += 1 + part[at]) {
      for (std::size_t e = at + 1; e <= at + part[at]; ++e)
        index.group_docs.push_back(
            static_cast<std::uint32_t>(std::lower_bound(articles.begin(), articles.end(), part[e]) - articles.begin()));
      index.group_offsets.push_back(index.group_docs.size());
    }
  }
  invert_shingle_groups(articles.size(), index);
  return index;
}

// A candidate's second article: its corpus-wide index and whether the pair shares a rare shingle.
struct Partner {
  std::uint32_t article = 0;
  bool rare = false;
};

// Features of other ranks' articles, by rank, in the order they were asked for.
struct FetchedFeatures {
  std::vector<std::vector<std::uint32_t>> asked;  // per rank, ascending
  std::vector<std::vector<PassageFeatures>> features;

  const PassageFeatures& of(std::size_t holder, std::uint32_t article) const {
    const std::vector<std::uint32_t>& docs = asked[holder];
    return features[holder][static_cast<std::size_t>(std::lower_bound(docs.begin(), docs.end(), article) - docs.begin())];
  }
};

// The features of the candidates' second articles that other ranks hold.
FetchedFeatures fetch_features(std::span<const PassageFeatures> share, const std::vector<std::vector<Partner>>& partners,
                               const ArticleShares& shares, const MpiComm& comm, DistributedPassageStats& stats) {
  const auto ranks = static_cast<std::size_t>(comm.size());
  const auto me = static_cast<std::size_t>(comm.rank());
  FetchedFeatures fetched;
  fetched.asked.assign(ranks, {});
  for (const std::vector<Partner>& list : partners)
    for (const Partner& p : list)
      if (!shares.mine(p.article)) fetched.asked[shares.holder(p.article)].push_back(p.article);
  for (std::vector<std::uint32_t>& docs : fetched.asked) {
    std::sort(docs.begin(), docs.end());
    docs.erase(std::unique(docs.begin(), docs.end()), docs.end());
  }
  const std::vector<std::vector<std::uint32_t>> asking = exchange_vectors(comm, fetched.asked, stats.feature_bytes, "feature requests");
  std::vector<std::string> outgoing(ranks);
  for (std::size_t r = 0; r < ranks; ++r) {
    BytePacker pack(outgoing[r]);
    for (std::uint32_t article : asking[r]) {
      if (!shares.mine(article))
        comm.abort(Status::error("rank " + std::to_string(r) + " asked for passage features this rank does not hold"));
      pack_passage_features(share[article - shares.first()], pack);
    }
    if (r != me) stats.feature_bytes += outgoing[r].size();
  }
  const std::vector<std::string> incoming = comm.exchange(outgoing);
  std::vector<std::string>().swap(outgoing);
  fetched.features.assign(ranks, {});
  for (std::size_t r = 0; r < ranks; ++r) {
    ByteUnpacker unpack(incoming[r]);
    fetched.features[r].resize(fetched.asked[r].size());
    for (PassageFeatures& f : fetched.features[r]) unpack_passage_features(unpack, f);
    if (!unpack.ok() || !unpack.done()) comm.abort(Status::error("unreadable passage features from rank " + std::to_string(r)));
    if (r != me) stats.features_fetched += fetched.asked[r].size();
  }
  return fetched;
}

}  // namespace

std::vector<Passage> distributed_find_passages(std::span<const PassageFeatures> share, const PassageOptions& options,
                                               const MpiComm& comm, DistributedPassageStats& stats) {
  const auto ranks = static_cast<std::size_t>(comm.size());
  const ArticleShares shares(share.size(), comm);
  if (shares.articles() > std::numeric_limits<std::uint32_t>::max())
    comm.abort(Status::error("more than 2^32 - 1 articles for passage detection"));

  const unsigned doc_bits = shingle_doc_bits(shares.articles());
  std::vector<std::uint32_t> articles;  // of the index, local -> corpus-wide
  ShingleIndex index;
  {
    const ShingleIndex owned = own_shingles(share, shares, options, comm, stats);
    stats.passages.shingle_postings = owned.postings;
    stats.passages.frequent_shingles = owned.frequent.size();
    index = share_index(owned, shares, comm, stats, articles);
  }

  // 3. Candidates of this rank's articles, their partners' features, alignment.
  std::vector<std::vector<Partner>> partners(share.size());
  tbb::enumerable_thread_specific<CandidateScratch> candidate_scratch;
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, share.size()), [&](const tbb::blocked_range<std::size_t>& range) {
    CandidateScratch& scratch = candidate_scratch.local();
    std::vector<std::uint32_t> found;
    std::vector<char> rare;
    for (std::size_t d = range.begin(); d != range.end(); ++d) {
      const auto at = std::lower_bound(articles.begin(), articles.end(), shares.first() + d);
      if (at == articles.end() || *at != shares.first() + d) continue;  // no shared shingle
      candidate_partners(index, static_cast<std::uint32_t>(at - articles.begin()), options, scratch, found, rare);
      for (std::size_t k = 0; k < found.size(); ++k) partners[d].push_back({articles[found[k]], rare[k] != 0});
    }
  });
  const std::vector<std::uint64_t> frequent = std::move(index.frequent);
  index = ShingleIndex();
  std::vector<std::uint32_t>().swap(articles);
  const FetchedFeatures fetched = fetch_features(share, partners, shares, comm, stats);

  std::vector<std::vector<Passage>> per_article(share.size());
  tbb::enumerable_thread_specific<PassageAligner> aligners;
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, share.size()), [&](const tbb::blocked_range<std::size_t>& range) {
    PassageAligner& aligner = aligners.local();
    for (std::size_t d = range.begin(); d != range.end(); ++d) {
      if (partners[d].empty()) continue;
      aligner.prepare(static_cast<std::uint32_t>(shares.first() + d), share[d], frequent, doc_bits, options);
      for (const Partner& p : partners[d]) {
        const PassageFeatures& b =
            shares.mine(p.article) ? share[p.article - shares.first()] : fetched.of(shares.holder(p.article), p.article);
        aligner.align(p.article, b, p.rare, per_article[d]);
      }
    }
  });

  // 4. Every rank's passages to rank 0.
  std::vector<std::vector<Passage>> to_root(ranks);
  for (std::size_t d = 0; d < share.size(); ++d) {
    stats.passages.candidate_pairs += partners[d].size();
    to_root[0].insert(to_root[0].end(), per_article[d].begin(), per_article[d].end());
  }
  stats.passages.passages = to_root[0].size();
  std::vector<std::vector<Passage>> gathered = exchange_vectors(comm, to_root, stats.passage_bytes, "passages");
  if (comm.rank() != 0) return {};
  std::vector<Passage> passages;
  for (const std::vector<Passage>& part : gathered) passages.insert(passages.end(), part.begin(), part.end());
  sort_passages(passages);
  return passages;
}

}  // namespace newsmine
