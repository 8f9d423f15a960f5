// MpiTermTable: corpus-wide statistics of terms whose documents are spread
// over the ranks of a distributed run (pipeline/mpi_similarity.h).
//
// Each term, known by its 64-bit hash, has an owner rank (hash % ranks). Built
// once from every rank's own distinct terms, the table then combines any
// per-term value over all ranks (a sum of document frequencies, a maximum
// weight, the lowest rank holding the term): each rank sends its values to
// the owners, each owner folds them per term and sends the result back to
// every rank that holds the term. No rank sees more than its own terms and
// the terms it owns.
//
//   MpiTermTable table(comm, own_hashes);
//   std::vector<std::uint64_t> df = table.combine<std::uint64_t>(own_df, std::plus<>());
//
// Every call is collective: all ranks make it, in the same order.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "models/byte_pack.h"
#include "pipeline/mpi_comm.h"

namespace newsmine {

class MpiTermTable {
 public:
  MpiTermTable(const MpiComm& comm, std::span<const std::uint64_t> hashes);

  // Per own term (in the order of `hashes`), `fold` over every rank's value
  // for it. T must be trivially copyable.
  template <typename T, typename Fold>
  std::vector<T> combine(std::span<const T> values, Fold fold) const;

  // Bytes this rank has sent through the table so far.
  std::uint64_t bytes_sent() const { return bytes_sent_; }

 private:
  std::vector<std::string> send_all(std::vector<std::string> outgoing) const;

  const MpiComm& comm_;
  std::size_t own_terms_ = 0;
  std::vector<std::vector<std::uint32_t>> sent_;   // per owner: own terms it owns, in the order sent
  std::vector<std::vector<std::uint32_t>> asked_;  // per rank: the slot of each term it sent here
  std::size_t slots_ = 0;                          // distinct terms owned here
  mutable std::uint64_t bytes_sent_ = 0;
};

template <typename T, typename Fold>
std::vector<T> MpiTermTable::combine(std::span<const T> values, Fold fold) const {
  const std::size_t ranks = sent_.size();
  std::vector<std::string> outgoing(ranks);
  std::vector<T> part;
  for (std::size_t r = 0; r < ranks; ++r) {
    part.clear();
    for (std::uint32_t term : sent_[r]) part.push_back(values[term]);
    BytePacker(outgoing[r]).vector(part);
  }
  std::vector<std::string> incoming = send_all(std::move(outgoing));
  // Owner: fold every rank's values per term, then answer each rank.
  std::vector<T> folded(slots_);
  std::vector<char> seen(slots_, 0);
  std::vector<std::vector<T>> received(ranks);
  for (std::size_t r = 0; r < ranks; ++r) {
    ByteUnpacker unpack(incoming[r]);
    unpack.vector(received[r]);
    if (!unpack.ok() || received[r].size() != asked_[r].size())
      comm_.abort(Status::error("unreadable term statistics from rank " + std::to_string(r)));
    for (std::size_t k = 0; k < received[r].size(); ++k) {
      const std::uint32_t slot = asked_[r][k];
      folded[slot] = seen[slot] ? fold(folded[slot], received[r][k]) : received[r][k];
      seen[slot] = 1;
    }
  }
  outgoing.assign(ranks, std::string());
  for (std::size_t r = 0; r < ranks; ++r) {
    part.clear();
    for (std::uint32_t slot : asked_[r]) part.push_back(folded[slot]);
    BytePacker(outgoing[r]).vector(part);
  }
  incoming = send_all(std::move(outgoing));
  std::vector<T> result(own_terms_);
  for (std::size_t r = 0; r < ranks; ++r) {
    ByteUnpacker unpack(incoming[r]);
    unpack.vector(part);
    if (!unpack.ok() || part.size() != sent_[r].size())
      comm_.abort(Status::error("unreadable term statistics from rank " + std::to_string(r)));
    for (std::size_t k = 0; k < part.size(); ++k) result[sent_[r][k]] = part[k];
  }
  return result;
}

}  // namespace newsmine
