// What the distributed cross-document stages (mpi_similarity.h,
// mpi_passages.h) share: vectors of plain values exchanged all to all, and
// where each rank's articles sit in the corpus.
//
//   const ArticleShares shares(my_articles, comm);   // collective
//   out[shares.holder(doc)].push_back(doc);
//   auto in = exchange_vectors(comm, out, bytes_sent, "requests");  // collective
#pragma once

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <string>
#include <vector>

#include "models/byte_pack.h"
#include "pipeline/mpi_comm.h"

namespace newsmine {

// out[r] to rank r, as vectors of plain values; returns what each rank sent
// here, by sender. Adds the bytes sent to other ranks to `bytes_sent`; an
// unreadable vector ends the job, naming `what` and the sender.
template <typename T>
std::vector<std::vector<T>> exchange_vectors(const MpiComm& comm, const std::vector<std::vector<T>>& out,
                                             std::uint64_t& bytes_sent, const char* what) {
  std::vector<std::string> outgoing(out.size());
  for (std::size_t r = 0; r < out.size(); ++r) {
    BytePacker(outgoing[r]).vector(out[r]);
    if (static_cast<int>(r) != comm.rank()) bytes_sent += outgoing[r].size();
  }
  const std::vector<std::string> incoming = comm.exchange(outgoing);
  std::vector<std::vector<T>> in(out.size());
  for (std::size_t r = 0; r < in.size(); ++r) {
    ByteUnpacker unpack(incoming[r]);
    unpack.vector(in[r]);
    if (!unpack.ok() || !unpack.done())
      comm.abort(Status::error(std::string("unreadable ") + what + " from rank " + std::to_string(r)));
  }
  return in;
}

// The ranks' shares of the corpus's accepted articles: consecutive, rank 0's
// first, so that an article's corpus-wide index is its rank's first plus its
// place in the share.
class ArticleShares {
 public:
  // Collective: every rank passes the number of articles it holds.
  ArticleShares(std::uint64_t mine, const MpiComm& comm) : first_(static_cast<std::size_t>(comm.size()) + 1, 0) {
    const std::vector<std::uint64_t> counts = comm.gather_all(mine);
    std::partial_sum(counts.begin(), counts.end(), first_.begin() + 1);
    rank_ = static_cast<std::size_t>(comm.rank());
  }

  std::uint64_t articles() const { return first_.back(); }
  // The first article of rank r, and one past its last.
  std::uint64_t first(std::size_t r) const { return first_[r]; }
  std::uint64_t end(std::size_t r) const { return first_[r + 1]; }
  std::uint64_t first() const { return first_[rank_]; }
  std::uint64_t end() const { return first_[rank_ + 1]; }
  bool mine(std::uint64_t article) const { return article >= first() && article < end(); }
  // The rank holding `article` (< articles()).
  std::size_t holder(std::uint64_t article) const {
    return static_cast<std::size_t>(std::upper_bound(first_.begin(), first_.end(), article) - first_.begin()) - 1;
  }

 private:
  std::vector<std::uint64_t> first_;
  std::size_t rank_ = 0;
};

}  // namespace newsmine
