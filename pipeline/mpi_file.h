// Output files that the ranks of a distributed run write together, each its
// own records' lines, in rank order (so in input order: the shares are
// consecutive).
//
// A rank writes its lines to a part file of its own as they come; then,
// collectively, every rank copies its part into the output file with MPI-IO
// at the sum of the parts before it. No rank receives another's lines.
//
//   RankPart part;
//   part.open(dir / ".documents-1.tmp");
//   part.write(line); ...
//   Status s = write_in_rank_order(comm, part, dir / "documents.jsonl");  // collective
#pragma once

#include <cstdint>
#include <filesystem>
#include <string_view>

#include "corpus/status.h"
#include "pipeline/mpi_comm.h"
#include "pipeline/output_file.h"

namespace newsmine {

class RankPart {
 public:
  RankPart() = default;
  ~RankPart();
  RankPart(const RankPart&) = delete;
  RankPart& operator=(const RankPart&) = delete;

  Status open(const std::filesystem::path& path);
  Status write(std::string_view bytes);
  std::uint64_t bytes() const { return bytes_; }

 private:
  friend Status write_in_rank_order(const MpiComm& comm, RankPart& part, const std::filesystem::path& target);
  OutputFile file_;
  std::filesystem::path path_;
  std::uint64_t bytes_ = 0;
};

// Collective: `target` becomes every rank's part, rank 0's first; the parts
// are removed. Every rank gets the same status: the lowest failing rank's error.
Status write_in_rank_order(const MpiComm& comm, RankPart& part, const std::filesystem::path& target);

}  // namespace newsmine
