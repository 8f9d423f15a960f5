// MpiComm: the few MPI operations a distributed run needs, on MPI_COMM_WORLD.
//
// Byte strings of any length (sent in pieces below MPI's int count limit),
// one rank's Status agreed by all, and a clean stop of the whole job.
// MpiSession initializes MPI for the process and finalizes it on exit;
// launched_by_mpi() tells whether mpirun started this process at all, so a
// plain `newsmine run` never touches MPI.
//
//   if (launched_by_mpi()) {
//     MpiSession session(&argc, &argv);
//     MpiComm comm;
//     if (comm.rank() == 0) comm.send(1, kTag, bytes); else comm.receive(0, kTag, bytes);
//   }
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "corpus/status.h"

namespace newsmine {

bool launched_by_mpi();

class MpiSession {
 public:
  MpiSession(int* argc, char*** argv);
  ~MpiSession();
  MpiSession(const MpiSession&) = delete;
  MpiSession& operator=(const MpiSession&) = delete;
};

class MpiComm {
 public:
  MpiComm();

  int rank() const { return rank_; }
  int size() const { return size_; }

  void send(int to, int tag, const std::string& bytes) const;
  void receive(int from, int tag, std::string& bytes) const;
  // Waits until every rank has come here.
  void barrier() const;
  // `bytes` from rank `root` to every rank.
  void broadcast(int root, std::string& bytes) const;
  // All to all: outgoing[r] goes to rank r (size() strings); returns what
  // each rank sent this one, by sender.
  std::vector<std::string> exchange(const std::vector<std::string>& outgoing) const;
  // The sum of `value` over the ranks below this one, and over all ranks.
  std::uint64_t sum_below(std::uint64_t value) const;
  std::uint64_t sum(std::uint64_t value) const;
  // Every rank's `value`, by rank.
  std::vector<std::uint64_t> gather_all(std::uint64_t value) const;

  // Every rank passes its own status and gets the same answer back: ok, or
  // the error of the lowest rank that failed, as "rank R: MESSAGE".
  Status agree(const Status& local) const;

  // Ends every rank of the job with exit status 1 after printing one line
  // "newsmine: error: rank R: MESSAGE". For failures after the ranks have
  // parted ways, where the others may be waiting on this one.
  [[noreturn]] void abort(const Status& failure) const;

 private:
  int rank_ = 0;
  int size_ = 1;
};

}  // namespace newsmine
