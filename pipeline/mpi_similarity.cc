#include "pipeline/mpi_similarity.h"

#include <tbb/blocked_range.h>
#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>
#include <tbb/parallel_sort.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <functional>
#include <limits>
#include <numeric>
#include <string>

#include "models/byte_pack.h"
#include "pipeline/mpi_exchange.h"
#include "pipeline/mpi_term_table.h"
#include "pipeline/stopwatch.h"

namespace newsmine {
namespace {

using Matrix = Eigen::SparseMatrix<float, Eigen::RowMajor>;

// The share's terms placed among the corpus's: per own term id (first-seen
// order in the share), its column in the share's matrix, and per column its
// corpus-wide id (one process's first-seen order), document frequency and
// largest weight.
struct ShareColumns {
  std::vector<std::uint32_t> column_of;  // own term id -> column
  std::vector<std::uint32_t> corpus_id;  // column -> corpus-wide term id (ascending)
  std::vector<double> idf_of;            // own term id -> idf over the corpus
  JoinTermStats stats;                   // per column, over the corpus
};

ShareColumns place_terms(const TfidfBuilder& share, std::uint64_t documents, const MpiTermTable& table,
                         const MpiComm& comm, std::uint64_t& corpus_terms) {
  const std::size_t terms = share.terms();
  std::vector<std::uint64_t> df(terms);
  for (std::uint32_t id = 0; id < terms; ++id) df[id] = share.document_frequency(id);
  df = table.combine<std::uint64_t>(df, std::plus<>());
  // A term one process meets first in this share is one no earlier rank holds:
  // such terms take the next ids in the order the share met them.
  const auto rank = static_cast<std::uint32_t>(comm.rank());
  const std::vector<std::uint32_t> first_rank =
      table.combine<std::uint32_t>(std::vector<std::uint32_t>(terms, rank), [](auto l, auto r) { return std::min(l, r); });
  std::uint64_t fresh = 0;
  for (std::uint32_t holder : first_rank) fresh += holder == rank;
  const std::uint64_t first_fresh = comm.sum_below(fresh);
  corpus_terms = comm.sum(fresh);
  std::vector<std::uint64_t> proposed(terms, std::numeric_limits<std::uint64_t>::max());
  for (std::size_t id = 0, k = 0; id < terms; ++id)
    if (first_rank[id] == rank) proposed[id] = first_fresh + k++;
  const std::vector<std::uint64_t> corpus_id =
      table.combine<std::uint64_t>(proposed, [](auto l, auto r) { return std::min(l, r); });

  ShareColumns columns;
  std::vector<std::uint32_t> by_corpus_id(terms);
  std::iota(by_corpus_id.begin(), by_corpus_id.end(), 0u);
  std::sort(by_corpus_id.begin(), by_corpus_id.end(), [&](auto l, auto r) { return corpus_id[l] < corpus_id[r]; });
  columns.column_of.resize(terms);
  columns.corpus_id.resize(terms);
  columns.idf_of.resize(terms);
  columns.stats.df.resize(terms);
  for (std::uint32_t column = 0; column < terms; ++column) {
    const std::uint32_t id = by_corpus_id[column];
    columns.column_of[id] = column;
    columns.corpus_id[column] = static_cast<std::uint32_t>(corpus_id[id]);
    columns.stats.df[column] = static_cast<std::uint32_t>(df[id]);
  }
  for (std::uint32_t id = 0; id < terms; ++id) columns.idf_of[id] = TfidfBuilder::smoothed_idf(documents, df[id]);
  return columns;
}

// Each column's largest weight over the corpus.
void combine_max_weights(const Matrix& x, const MpiTermTable& table, ShareColumns& columns) {
  const std::vector<float> own = join_term_stats(x).max_weight;
  std::vector<float> by_id(columns.column_of.size());
  for (std::size_t id = 0; id < by_id.size(); ++id) by_id[id] = own[columns.column_of[id]];
  by_id = table.combine<float>(by_id, [](float l, float r) { return std::max(l, r); });
  columns.stats.max_weight.resize(by_id.size());
  for (std::size_t id = 0; id < by_id.size(); ++id) columns.stats.max_weight[columns.column_of[id]] = by_id[id];
}

// Rows in corpus-wide term ids (ascending within a row) with their weights,
// index marks and, for the rows a rank joins, each term's document frequency.
struct RowSet {
  std::vector<std::uint32_t> docs;  // corpus-wide document of each row, ascending
  std::vector<std::uint64_t> offsets{0};
  std::vector<std::uint32_t> terms;
  std::vector<float> weights;
  std::vector<char> indexed;
  std::vector<std::uint32_t> dfs;

  std::size_t size() const { return docs.size(); }
  JoinRow row(std::size_t k) const {
    const std::size_t begin = offsets[k], size = offsets[k + 1] - begin;
    return {std::span<const std::uint32_t>(terms).subspan(begin, size),
            std::span<const float>(weights).subspan(begin, size), std::span<const char>(indexed).subspan(begin, size)};
  }
  // The row of document `doc`, which must be in the set.
  JoinRow row_of(std::uint32_t doc) const {
    return row(static_cast<std::size_t>(std::lower_bound(docs.begin(), docs.end(), doc) - docs.begin()));
  }
  void pack(std::string& out) const {
    BytePacker packer(out);
    packer.vector(docs);
    packer.vector(offsets);
    packer.vector(terms);
    packer.vector(weights);
    packer.vector(indexed);
    packer.vector(dfs);
  }
  bool unpack(std::string_view in) {
    ByteUnpacker unpacker(in);
    unpacker.vector(docs);
    unpacker.vector(offsets);
    unpacker.vector(terms);
    unpacker.vector(weights);
    unpacker.vector(indexed);
    unpacker.vector(dfs);
    return unpacker.ok() && unpacker.done() && offsets.size() == docs.size() + 1 && offsets.back() == terms.size() &&
           weights.size() == terms.size() && indexed.size() == terms.size() && (dfs.empty() || dfs.size() == terms.size());
  }
  // Appends another set's rows, all after this one's.
  void append(const RowSet& more) {
    const std::uint64_t base = terms.size();
    docs.insert(docs.end(), more.docs.begin(), more.docs.end());
    for (std::size_t k = 1; k < more.offsets.size(); ++k) offsets.push_back(base + more.offsets[k]);
    terms.insert(terms.end(), more.terms.begin(), more.terms.end());
    weights.insert(weights.end(), more.weights.begin(), more.weights.end());
    indexed.insert(indexed.end(), more.indexed.begin(), more.indexed.end());
    dfs.insert(dfs.end(), more.dfs.begin(), more.dfs.end());
  }
};

// Each rank's sets to every rank, all to all; returns what arrived, by sender.
std::vector<RowSet> exchange_rows(const MpiComm& comm, const std::vector<RowSet>& out, std::uint64_t& bytes_sent) {
  std::vector<std::string> outgoing(out.size());
  for (std::size_t r = 0; r < out.size(); ++r) {
    out[r].pack(outgoing[r]);
    if (static_cast<int>(r) != comm.rank()) bytes_sent += outgoing[r].size();
  }
  const std::vector<std::string> incoming = comm.exchange(outgoing);
  std::vector<std::string>().swap(outgoing);
  std::vector<RowSet> in(out.size());
  for (std::size_t r = 0; r < in.size(); ++r)
    if (!in[r].unpack(incoming[r])) comm.abort(Status::error("unreadable rows from rank " + std::to_string(r)));
  return in;
}

// An indexed entry of the join on its way to and from its term's owner.
struct Posting {
  std::uint32_t term = 0;  // corpus-wide id
  std::uint32_t doc = 0;   // corpus-wide document index
  float weight = 0;
};

bool posting_less(const Posting& l, const Posting& r) { return l.term != r.term ? l.term < r.term : l.doc < r.doc; }

// Document frequencies in buckets, ascending with df: exact below 64, then
// 8 per power of two.
constexpr std::size_t kDfBuckets = 64 + 26 * 8;
std::size_t df_bucket(std::uint32_t df) {
  if (df < 64) return df;
  const auto width = static_cast<std::size_t>(std::bit_width(df));  // 7..32
  return 64 + (width - 7) * 8 + ((df >> (width - 4)) & 7);
}

// The postings of this rank's terms for the documents of one share (this
// rank's or a later one's), and those documents' prefix bounds.
struct LaterPostings {
  std::uint64_t first = 0;                  // the share's first document
  std::vector<std::size_t> column_offsets;  // column c: [column_offsets[c], column_offsets[c + 1])
  std::vector<std::uint32_t> docs;
  std::vector<float> weights;
  std::vector<JoinPrefix> prefixes;         // per document of the share
};

// Appends the pairs (a << 32 | b) that similar_pairs completes for the rows
// a this rank joins and the share's documents b > a: those whose indexed
// part meets a's terms and whose dot with a's terms there, plus the bound of
// b's prefix, can reach the threshold. (Every contribution to a pair comes
// from b's share, in the order of a's terms, so the sums are similar_pairs'
// own.) `column`: per entry of the rows, its term's place among `later`'s columns.
void meet_candidates(const RowSet& rows, const std::vector<std::uint32_t>& column, const LaterPostings& later,
                     const SimilarityOptions& options, std::vector<std::uint64_t>& candidates) {
  struct Scratch {
    std::vector<float> score;            // per document of the share
    std::vector<std::uint32_t> touched;
    std::vector<double> norm_from;       // per df bucket: norm of a's terms in it or above
    std::vector<std::uint64_t> found;
  };
  const std::size_t documents = later.prefixes.size();
  tbb::enumerable_thread_specific<Scratch> scratch([documents] {
    Scratch s;
    s.score.assign(documents, 0.0f);
    s.touched.assign(documents + 1, 0);  // noted without a branch: one slot past the last document touched
    return s;
  });
  const double limit = options.min_cosine - 1e-5;  // the join's slack for rounding
  // Only rows before the share's end meet documents after them in it.
  const auto joining = static_cast<std::size_t>(
      std::lower_bound(rows.docs.begin(), rows.docs.end(), later.first + documents) - rows.docs.begin());
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, joining), [&](const tbb::blocked_range<std::size_t>& range) {
    Scratch& s = scratch.local();
    for (std::size_t row = range.begin(); row != range.end(); ++row) {
      const std::uint32_t a = rows.docs[row];
      std::size_t touched = 0;
      s.norm_from.assign(kDfBuckets + 1, 0.0);
      for (std::size_t i = rows.offsets[row]; i < rows.offsets[row + 1]; ++i) {
        const float w = rows.weights[i];
        s.norm_from[df_bucket(rows.dfs[i])] += static_cast<double>(w) * w;
        // Noted without a branch, as similar_pairs notes them.
        const std::uint32_t* const docs = later.docs.data();
        const std::uint32_t* const last = docs + later.column_offsets[column[i] + 1];
        for (const std::uint32_t* it = std::upper_bound(docs + later.column_offsets[column[i]], last, a); it != last; ++it) {
          const std::size_t b = *it - later.first;
          s.touched[touched] = static_cast<std::uint32_t>(b);
          touched += s.score[b] == 0.0f;
          s.score[b] += w * later.weights[static_cast<std::size_t>(it - docs)];
        }
      }
      for (std::size_t bucket = kDfBuckets; bucket-- > 0;) s.norm_from[bucket] += s.norm_from[bucket + 1];
      for (double& norm : s.norm_from) norm = std::sqrt(norm);
      for (std::size_t k = 0; k < touched; ++k) {
        const std::uint32_t b = s.touched[k];
        const JoinPrefix& prefix = later.prefixes[b];
        // b's prefix meets only those of a's terms at least as frequent as
        // its rarest: within those of its df bucket and above.
        const double bound = std::min<double>(prefix.weighted, prefix.norm * s.norm_from[df_bucket(prefix.end_df)]);
        if (s.score[b] + bound >= limit) s.found.push_back(std::uint64_t{a} << 32 | (later.first + b));
        s.score[b] = 0.0f;
      }
    }
  });
  for (Scratch& s : scratch) candidates.insert(candidates.end(), s.found.begin(), s.found.end());
}

}  // namespace

std::vector<SimilarPair> distributed_similar_pairs(const TfidfBuilder& share, const SimilarityOptions& options,
                                                   const MpiComm& comm, DistributedJoinStats& stats) {
  const auto ranks = static_cast<std::size_t>(comm.size());
  const auto me = static_cast<std::size_t>(comm.rank());
  const ArticleShares shares(share.documents(), comm);
  const std::uint64_t documents = shares.articles(), mine = shares.first();
  if (documents > std::numeric_limits<std::uint32_t>::max())
    comm.abort(Status::error("more than 2^32 - 1 articles for the similarity join"));

  // 1-2. Rows in corpus-wide columns, and the join's index marks.
  std::vector<std::uint64_t> hashes(share.terms());
  for (std::uint32_t id = 0; id < hashes.size(); ++id) hashes[id] = share.term_hash_of(id);
  const Stopwatch watch;
  const MpiTermTable table(comm, hashes);
  ShareColumns columns = place_terms(share, documents, table, comm, stats.terms);
  Matrix x = share.build(columns.column_of, columns.idf_of, columns.column_of.size());
  combine_max_weights(x, table, columns);
  stats.term_bytes = table.bytes_sent();
  stats.tfidf_seconds = watch.seconds();
  std::vector<JoinPrefix> prefixes;
  std::vector<char> indexed = join_indexed_entries(x, columns.stats, options, &prefixes);
  const auto nnz = static_cast<std::size_t>(x.nonZeros());
  std::vector<std::uint32_t> entry_terms(nnz);
  for (std::size_t i = 0; i < nnz; ++i) entry_terms[i] = columns.corpus_id[static_cast<std::size_t>(x.innerIndexPtr()[i])];

  // 3. Each row to the rank joining it (document mod ranks), so that every
  // rank meets an equal part of the pairs wherever its rows are.
  RowSet rows;
  {
    std::vector<RowSet> out(ranks);
    for (Eigen::Index row = 0; row < x.rows(); ++row) {
      const auto doc = static_cast<std::uint32_t>(mine + static_cast<std::uint64_t>(row));
      RowSet& to = out[doc % ranks];
      to.docs.push_back(doc);
      for (int i = x.outerIndexPtr()[row]; i < x.outerIndexPtr()[row + 1]; ++i) {
        const auto entry = static_cast<std::size_t>(i);
        to.terms.push_back(entry_terms[entry]);
        to.weights.push_back(x.valuePtr()[entry]);
        to.indexed.push_back(indexed[entry]);
        to.dfs.push_back(columns.stats.df[static_cast<std::size_t>(x.innerIndexPtr()[i])]);
      }
      to.offsets.push_back(to.terms.size());
    }
    for (const RowSet& part : exchange_rows(comm, out, stats.row_bytes)) rows.append(part);  // senders in input order
  }
  // The joined rows' terms: this rank's columns of the postings.
  std::vector<std::uint32_t> terms = rows.terms;
  tbb::parallel_sort(terms.begin(), terms.end());
  terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
  std::vector<std::uint32_t> column(rows.terms.size());
  for (std::size_t i = 0; i < column.size(); ++i)
    column[i] = static_cast<std::uint32_t>(std::lower_bound(terms.begin(), terms.end(), rows.terms[i]) - terms.begin());

  // 4. The indexed entries to the terms' owners. Then, share by share, the
  // owners send every rank the postings of its terms for the share's
  // documents, the share's rank sends its prefix bounds, and every rank
  // meets its candidates there as similar_pairs does: a rank holds the
  // postings of one share at a time.
  std::vector<std::vector<Posting>> out(ranks);
  for (Eigen::Index row = 0; row < x.rows(); ++row) {
    for (int i = x.outerIndexPtr()[row]; i < x.outerIndexPtr()[row + 1]; ++i) {
      const auto entry = static_cast<std::size_t>(i);
      if (indexed[entry])
        out[entry_terms[entry] % ranks].push_back(
            {entry_terms[entry], static_cast<std::uint32_t>(mine + static_cast<std::uint64_t>(row)), x.valuePtr()[entry]});
    }
  }
  // The share's rows are now with the ranks joining them and the owners.
  x = Matrix();
  std::vector<char>().swap(indexed);
  std::vector<std::uint32_t>().swap(entry_terms);
  std::vector<Posting> owned;
  for (std::vector<Posting>& part : exchange_vectors(comm, out, stats.posting_bytes, "postings"))
    owned.insert(owned.end(), part.begin(), part.end());
  std::vector<std::vector<Posting>>().swap(out);
  tbb::parallel_sort(owned.begin(), owned.end(), posting_less);
  std::vector<std::vector<std::uint32_t>> asked_terms(ranks);
  for (std::uint32_t term : terms) asked_terms[term % ranks].push_back(term);
  const std::vector<std::vector<std::uint32_t>> asking = exchange_vectors(comm, asked_terms, stats.posting_bytes, "term requests");
  std::vector<std::uint64_t> candidates;
  for (std::size_t k = 0; k < ranks; ++k) {
    out.assign(ranks, {});
    for (std::size_t r = 0; r < ranks; ++r) {
      for (std::uint32_t term : asking[r]) {
        auto it = std::lower_bound(owned.begin(), owned.end(), Posting{term, static_cast<std::uint32_t>(shares.first(k)), 0},
                                   posting_less);
        for (; it != owned.end() && it->term == term && it->doc < shares.end(k); ++it) out[r].push_back(*it);
      }
    }
    std::vector<Posting> postings;  // of this rank's terms in share k, by (term, doc)
    for (std::vector<Posting>& part : exchange_vectors(comm, out, stats.posting_bytes, "postings"))
      postings.insert(postings.end(), part.begin(), part.end());
    tbb::parallel_sort(postings.begin(), postings.end(), posting_less);
    LaterPostings later;
    later.prefixes = std::move(exchange_vectors(comm, std::vector<std::vector<JoinPrefix>>(ranks, me == k ? prefixes : std::vector<JoinPrefix>()),
                                                stats.posting_bytes, "prefix bounds")[k]);
    if (later.prefixes.size() != shares.end(k) - shares.first(k))
      comm.abort(Status::error("prefix bounds of rank " + std::to_string(k) + " cut short"));
    // As similar_pairs' index: per column, the share's documents and their weights side by side.
    later.first = shares.first(k);
    later.column_offsets.assign(terms.size() + 1, 0);
    later.docs.reserve(postings.size());
    later.weights.reserve(postings.size());
    for (std::size_t c = 0, at = 0; c < terms.size(); ++c) {
      while (at < postings.size() && postings[at].term < terms[c]) ++at;
      for (; at < postings.size() && postings[at].term == terms[c]; ++at) {
        later.docs.push_back(postings[at].doc);
        later.weights.push_back(postings[at].weight);
      }
      later.column_offsets[c + 1] = later.docs.size();
    }
    meet_candidates(rows, column, later, options, candidates);
  }
  std::vector<Posting>().swap(owned);
  tbb::parallel_sort(candidates.begin(), candidates.end());
  stats.candidates = candidates.size();

  // 5. The b rows from the ranks joining them, then every candidate verified here.
  std::vector<std::vector<std::uint32_t>> wanted(ranks);
  for (std::uint64_t pair : candidates) wanted[(pair & 0xFFFFFFFFu) % ranks].push_back(static_cast<std::uint32_t>(pair));
  for (std::vector<std::uint32_t>& docs : wanted) {
    std::sort(docs.begin(), docs.end());
    docs.erase(std::unique(docs.begin(), docs.end()), docs.end());
  }
  const std::vector<std::vector<std::uint32_t>> asked = exchange_vectors(comm, wanted, stats.row_bytes, "row requests");
  std::vector<RowSet> sent(ranks);
  for (std::size_t r = 0; r < ranks; ++r) {
    for (std::uint32_t doc : asked[r]) {
      const auto at = std::lower_bound(rows.docs.begin(), rows.docs.end(), doc);
      if (at == rows.docs.end() || *at != doc)
        comm.abort(Status::error("rank " + std::to_string(r) + " asked for a row this rank does not join"));
      const JoinRow row = rows.row(static_cast<std::size_t>(at - rows.docs.begin()));
      RowSet& to = sent[r];
      to.docs.push_back(doc);
      to.terms.insert(to.terms.end(), row.terms.begin(), row.terms.end());
      to.weights.insert(to.weights.end(), row.weights.begin(), row.weights.end());
      to.indexed.insert(to.indexed.end(), row.indexed.begin(), row.indexed.end());
      to.offsets.push_back(to.terms.size());
    }
  }
  const std::vector<RowSet> fetched = exchange_rows(comm, sent, stats.row_bytes);
  std::vector<RowSet>().swap(sent);
  for (std::size_t r = 0; r < ranks; ++r) {
    if (fetched[r].docs != wanted[r]) comm.abort(Status::error("rank " + std::to_string(r) + " sent other rows than asked"));
    if (r != me) stats.rows_fetched += wanted[r].size();
  }

  tbb::enumerable_thread_specific<std::vector<SimilarPair>> found;
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, candidates.size()), [&](const tbb::blocked_range<std::size_t>& range) {
    std::vector<SimilarPair>& local = found.local();
    for (std::size_t k = range.begin(); k != range.end(); ++k) {
      const auto a = static_cast<std::uint32_t>(candidates[k] >> 32), b = static_cast<std::uint32_t>(candidates[k]);
      const float cosine = joined_cosine(rows.row_of(a), fetched[b % ranks].row_of(b));
      if (cosine > 0 && cosine >= options.min_cosine) local.push_back({a, b, cosine});
    }
  });
  std::vector<std::vector<SimilarPair>> to_root(ranks);
  for (const std::vector<SimilarPair>& local : found) to_root[0].insert(to_root[0].end(), local.begin(), local.end());
  std::vector<std::vector<SimilarPair>> gathered = exchange_vectors(comm, to_root, stats.pair_bytes, "similar pairs");
  if (me != 0) return {};
  std::vector<SimilarPair> pairs;
  for (const std::vector<SimilarPair>& part : gathered) pairs.insert(pairs.end(), part.begin(), part.end());
  sort_similar_pairs(pairs);
  return pairs;
}

}  // namespace newsmine
