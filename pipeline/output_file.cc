#include "pipeline/output_file.h"

#include <cerrno>
#include <cstring>
#include <string>

namespace newsmine {

OutputFile::~OutputFile() {
  if (file_) std::fclose(file_);
}

Status OutputFile::failure(const char* what) const {
  return Status::error(std::string("cannot ") + what + " file: " + std::strerror(errno) + " (" + path_.string() + ")");
}

Status OutputFile::open(const std::filesystem::path& path) {
  path_ = path;
  file_ = std::fopen(path.c_str(), "wb");
  if (!file_) return failure("create");
  std::setvbuf(file_, nullptr, _IOFBF, 1 << 20);
  return {};
}

Status OutputFile::write(std::string_view bytes) {
  if (std::fwrite(bytes.data(), 1, bytes.size(), file_) != bytes.size()) return failure("write");
  return {};
}

Status OutputFile::close() {
  if (!file_) return {};
  const bool flushed = std::fflush(file_) == 0;
  const bool closed = std::fclose(file_) == 0;
  file_ = nullptr;
  if (!flushed || !closed) return failure("write");
  return {};
}

}  // namespace newsmine
