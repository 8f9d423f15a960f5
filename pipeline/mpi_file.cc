#include "pipeline/mpi_file.h"

#include <mpi.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>
#include <system_error>
#include <vector>

namespace newsmine {
namespace {

constexpr std::size_t kCopyBytes = 8u << 20;  // of the part read and written at a time

Status mpi_failure(const char* what, int code, const std::filesystem::path& path) {
  char message[MPI_MAX_ERROR_STRING];
  int length = 0;
  MPI_Error_string(code, message, &length);
  return Status::error(std::string("cannot ") + what + " file: " + std::string(message, static_cast<std::size_t>(length)) +
                       " (" + path.string() + ")");
}

// This rank's part at `offset` of the open `file`.
Status copy_part(const std::filesystem::path& part, MPI_File file, std::uint64_t offset, const std::filesystem::path& target) {
  std::FILE* in = std::fopen(part.c_str(), "rb");
  if (!in) return Status::error(std::string("cannot read file: ") + std::strerror(errno) + " (" + part.string() + ")");
  std::vector<char> buffer(kCopyBytes);
  Status status;
  for (std::size_t n; status.ok() && (n = std::fread(buffer.data(), 1, buffer.size(), in)) > 0; offset += n) {
    const int code = MPI_File_write_at(file, static_cast<MPI_Offset>(offset), buffer.data(), static_cast<int>(n), MPI_BYTE,
                                       MPI_STATUS_IGNORE);
    if (code != MPI_SUCCESS) status = mpi_failure("write", code, target);
  }
  if (status.ok() && std::ferror(in)) status = Status::error("cannot read file (" + part.string() + ")");
  std::fclose(in);
  return status;
}

}  // namespace

RankPart::~RankPart() {
  if (!path_.empty()) {
    std::error_code ignored;  // a part left by a failed run is removed on the way out
    std::filesystem::remove(path_, ignored);
  }
}

Status RankPart::open(const std::filesystem::path& path) {
  path_ = path;
  return file_.open(path);
}

Status RankPart::write(std::string_view bytes) {
  bytes_ += bytes.size();
  return file_.write(bytes);
}

Status write_in_rank_order(const MpiComm& comm, RankPart& part, const std::filesystem::path& target) {
  Status status = part.file_.close();
  const std::uint64_t offset = comm.sum_below(part.bytes_), total = comm.sum(part.bytes_);
  // The file calls are collective: every rank makes them, whatever failed before.
  MPI_File file;
  const int opened = MPI_File_open(MPI_COMM_WORLD, target.c_str(), MPI_MODE_CREATE | MPI_MODE_WRONLY, MPI_INFO_NULL, &file);
  // (A file one rank could not open is the end of the run: the caller stops
  // the job, so the others need not close theirs.)
  if (Status s = comm.agree(opened == MPI_SUCCESS ? Status() : mpi_failure("create", opened, target)); !s.ok()) return s;
  if (status.ok()) status = copy_part(part.path_, file, offset, target);
  // Exactly the parts, whatever the file held before.
  if (const int code = MPI_File_set_size(file, static_cast<MPI_Offset>(total)); code != MPI_SUCCESS && status.ok())
    status = mpi_failure("write", code, target);
  if (const int code = MPI_File_close(&file); code != MPI_SUCCESS && status.ok()) status = mpi_failure("write", code, target);
  std::error_code removed;
  std::filesystem::remove(part.path_, removed);
  part.path_.clear();
  return comm.agree(status);
}

}  // namespace newsmine
