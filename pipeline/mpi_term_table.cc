#include "pipeline/mpi_term_table.h"

#include "models/flat_id_map.h"

namespace newsmine {

MpiTermTable::MpiTermTable(const MpiComm& comm, std::span<const std::uint64_t> hashes)
    : comm_(comm), own_terms_(hashes.size()) {
  const auto ranks = static_cast<std::size_t>(comm.size());
  sent_.assign(ranks, {});
  std::vector<std::vector<std::uint64_t>> by_owner(ranks);
  for (std::size_t term = 0; term < hashes.size(); ++term) {
    const std::size_t owner = hashes[term] % ranks;
    sent_[owner].push_back(static_cast<std::uint32_t>(term));
    by_owner[owner].push_back(hashes[term]);
  }
  std::vector<std::string> outgoing(ranks);
  for (std::size_t r = 0; r < ranks; ++r) BytePacker(outgoing[r]).vector(by_owner[r]);
  const std::vector<std::string> incoming = send_all(std::move(outgoing));
  FlatIdMap slots;
  asked_.assign(ranks, {});
  std::vector<std::uint64_t> asked;
  for (std::size_t r = 0; r < ranks; ++r) {
    ByteUnpacker unpack(incoming[r]);
    unpack.vector(asked);
    if (!unpack.ok()) comm.abort(Status::error("unreadable terms from rank " + std::to_string(r)));
    for (std::uint64_t hash : asked) {
      asked_[r].push_back(*slots.try_emplace(hash, static_cast<std::uint32_t>(slots_)).first);
      if (asked_[r].back() == slots_) ++slots_;
    }
  }
}

std::vector<std::string> MpiTermTable::send_all(std::vector<std::string> outgoing) const {
  for (std::size_t r = 0; r < outgoing.size(); ++r)
    if (static_cast<int>(r) != comm_.rank()) bytes_sent_ += outgoing[r].size();
  return comm_.exchange(outgoing);
}

}  // namespace newsmine
