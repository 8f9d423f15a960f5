#include "pipeline/mpi_comm.h"

#include <mpi.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace newsmine {
namespace {

// Pieces well below MPI's int count limit.
constexpr std::uint64_t kPiece = 1u << 30;

int piece_size(std::uint64_t remaining) { return static_cast<int>(std::min(remaining, kPiece)); }

}  // namespace

bool launched_by_mpi() {
  // Open MPI's mpirun, and PMI / PMIx launchers (srun, hydra).
  for (const char* name : {"OMPI_COMM_WORLD_SIZE", "PMIX_RANK", "PMI_SIZE"})
    if (std::getenv(name)) return true;
  return false;
}

MpiSession::MpiSession(int* argc, char*** argv) {
  int provided = 0;
  // Only the main thread calls MPI; TBB's workers never do.
  MPI_Init_thread(argc, argv, MPI_THREAD_FUNNELED, &provided);
}

MpiSession::~MpiSession() { MPI_Finalize(); }

MpiComm::MpiComm() {
  MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
  MPI_Comm_size(MPI_COMM_WORLD, &size_);
}

void MpiComm::send(int to, int tag, const std::string& bytes) const {
  std::uint64_t size = bytes.size();
  MPI_Send(&size, 1, MPI_UINT64_T, to, tag, MPI_COMM_WORLD);
  for (std::uint64_t at = 0; at < size; at += kPiece)
    MPI_Send(bytes.data() + at, piece_size(size - at), MPI_BYTE, to, tag, MPI_COMM_WORLD);
}

void MpiComm::receive(int from, int tag, std::string& bytes) const {
  std::uint64_t size = 0;
  MPI_Recv(&size, 1, MPI_UINT64_T, from, tag, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
  bytes.resize(size);
  for (std::uint64_t at = 0; at < size; at += kPiece)
    MPI_Recv(bytes.data() + at, piece_size(size - at), MPI_BYTE, from, tag, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
}

void MpiComm::barrier() const { MPI_Barrier(MPI_COMM_WORLD); }

void MpiComm::broadcast(int root, std::string& bytes) const {
  std::uint64_t size = bytes.size();
  MPI_Bcast(&size, 1, MPI_UINT64_T, root, MPI_COMM_WORLD);
  bytes.resize(size);
  for (std::uint64_t at = 0; at < size; at += kPiece)
    MPI_Bcast(bytes.data() + at, piece_size(size - at), MPI_BYTE, root, MPI_COMM_WORLD);
}

std::vector<std::string> MpiComm::exchange(const std::vector<std::string>& outgoing) const {
  std::vector<std::uint64_t> out_sizes(static_cast<std::size_t>(size_)), in_sizes(static_cast<std::size_t>(size_));
  for (int r = 0; r < size_; ++r) out_sizes[static_cast<std::size_t>(r)] = outgoing[static_cast<std::size_t>(r)].size();
  MPI_Alltoall(out_sizes.data(), 1, MPI_UINT64_T, in_sizes.data(), 1, MPI_UINT64_T, MPI_COMM_WORLD);
  std::vector<std::string> incoming(static_cast<std::size_t>(size_));
  std::vector<MPI_Request> requests;
  constexpr int kExchangeTag = 100;
  for (int r = 0; r < size_; ++r) {
    std::string& in = incoming[static_cast<std::size_t>(r)];
    in.resize(in_sizes[static_cast<std::size_t>(r)]);
    for (std::uint64_t at = 0; at < in.size(); at += kPiece) {
      requests.emplace_back();
      MPI_Irecv(in.data() + at, piece_size(in.size() - at), MPI_BYTE, r, kExchangeTag, MPI_COMM_WORLD, &requests.back());
    }
  }
  for (int r = 0; r < size_; ++r) {
    const std::string& out = outgoing[static_cast<std::size_t>(r)];
    for (std::uint64_t at = 0; at < out.size(); at += kPiece) {
      requests.emplace_back();
      MPI_Isend(out.data() + at, piece_size(out.size() - at), MPI_BYTE, r, kExchangeTag, MPI_COMM_WORLD,
                &requests.back());
    }
  }
  MPI_Waitall(static_cast<int>(requests.size()), requests.data(), MPI_STATUSES_IGNORE);
  return incoming;
}

std::uint64_t MpiComm::sum_below(std::uint64_t value) const {
  std::uint64_t below = 0;
  MPI_Exscan(&value, &below, 1, MPI_UINT64_T, MPI_SUM, MPI_COMM_WORLD);
  return rank_ == 0 ? 0 : below;  // rank 0's result is undefined in MPI
}

std::uint64_t MpiComm::sum(std::uint64_t value) const {
  std::uint64_t total = 0;
  MPI_Allreduce(&value, &total, 1, MPI_UINT64_T, MPI_SUM, MPI_COMM_WORLD);
  return total;
}

std::vector<std::uint64_t> MpiComm::gather_all(std::uint64_t value) const {
  std::vector<std::uint64_t> values(static_cast<std::size_t>(size_));
  MPI_Allgather(&value, 1, MPI_UINT64_T, values.data(), 1, MPI_UINT64_T, MPI_COMM_WORLD);
  return values;
}

Status MpiComm::agree(const Status& local) const {
  int failed = local.ok() ? size_ : rank_;
  int first = size_;
  MPI_Allreduce(&failed, &first, 1, MPI_INT, MPI_MIN, MPI_COMM_WORLD);
  if (first == size_) return {};
  std::string message = first == rank_ ? local.message() : std::string();
  broadcast(first, message);
  return Status::error("rank " + std::to_string(first) + ": " + message);
}

void MpiComm::abort(const Status& failure) const {
  std::fprintf(stderr, "newsmine: error: rank %d: %s\n", rank_, failure.message().c_str());
  std::fflush(stderr);
  MPI_Abort(MPI_COMM_WORLD, 1);
  std::exit(1);
}

}  // namespace newsmine
