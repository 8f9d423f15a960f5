// Plain-file ByteSource over POSIX read(), and whole-stream reading.
#include "corpus/byte_source.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <system_error>

namespace newsmine::corpus_internal {

namespace {

class FileSource final : public ByteSource {
 public:
  FileSource(int fd, bool owned, std::optional<std::uint64_t> size)
      : fd_(fd), owned_(owned), size_(size) {}
  ~FileSource() override {
    if (owned_) ::close(fd_);
  }
  FileSource(const FileSource&) = delete;
  FileSource& operator=(const FileSource&) = delete;

  Status read(char* buffer, std::size_t capacity, std::size_t* got) override {
    *got = 0;
    if (capacity == 0) return Status();
    for (;;) {
      const ssize_t n = ::read(fd_, buffer, std::min<std::size_t>(capacity, 1u << 30));
      if (n >= 0) {
        *got = static_cast<std::size_t>(n);
        raw_bytes_ += static_cast<std::uint64_t>(n);
        return Status();
      }
      if (errno != EINTR) return Status::error("read failed: " + errno_text(errno));
    }
  }

  std::uint64_t raw_bytes() const override { return raw_bytes_; }
  std::optional<std::uint64_t> size_hint() const override { return size_; }

 private:
  int fd_;
  bool owned_;
  std::optional<std::uint64_t> size_;
  std::uint64_t raw_bytes_ = 0;
};

std::string too_large(std::uint64_t size, std::uint64_t max_bytes, bool exact) {
  return std::string("text of ") + (exact ? "" : "more than ") + std::to_string(size) +
         " bytes, over max_document_bytes (" + std::to_string(max_bytes) + ")";
}

}  // namespace

std::string errno_text(int error_number) {
  return std::generic_category().message(error_number);
}

Status open_file_source(const std::string& path, std::unique_ptr<ByteSource>* source, std::uint64_t offset) {
  if (path == "-") {
    *source = std::make_unique<FileSource>(STDIN_FILENO, false, std::nullopt);
    return Status();
  }
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Status::error(errno_text(errno));
  struct stat info {};
  std::optional<std::uint64_t> size;
  if (::fstat(fd, &info) == 0) {
    if (S_ISDIR(info.st_mode)) {
      ::close(fd);
      return Status::error(errno_text(EISDIR));
    }
    if (S_ISREG(info.st_mode)) size = static_cast<std::uint64_t>(info.st_size) - std::min<std::uint64_t>(offset, info.st_size);
  }
  if (offset > 0 && ::lseek(fd, static_cast<off_t>(offset), SEEK_SET) < 0) {
    const int error = errno;
    ::close(fd);
    return Status::error(errno_text(error));
  }
  *source = std::make_unique<FileSource>(fd, true, size);
  return Status();
}

Status read_all(ByteSource& source, std::uint64_t max_bytes, std::string* out) {
  out->clear();
  const std::optional<std::uint64_t> hint = source.size_hint();
  if (hint && *hint > max_bytes) return Status::error(too_large(*hint, max_bytes, true));
  // One byte more than expected, so a file read whole ends with a 0-byte read.
  const std::uint64_t limit = max_bytes + 1;
  std::uint64_t capacity = hint ? *hint + 1 : std::uint64_t{1} << 16;
  capacity = std::min(capacity, limit);
  out->resize(static_cast<std::size_t>(capacity));
  std::size_t used = 0;
  for (;;) {
    if (used == out->size()) {
      if (used >= limit) break;
      const std::uint64_t grown = std::min<std::uint64_t>(limit, std::max<std::uint64_t>(used * 2, 1u << 16));
      out->resize(static_cast<std::size_t>(grown));
    }
    std::size_t got = 0;
    if (Status s = source.read(out->data() + used, out->size() - used, &got); !s.ok()) {
      out->clear();
      return s;
    }
    if (got == 0) break;
    used += got;
  }
  if (used > max_bytes) {
    out->clear();
    return Status::error(too_large(max_bytes, max_bytes, false));
  }
  out->resize(used);
  return Status();
}

}  // namespace newsmine::corpus_internal
