// ByteSource over zlib's gzFile API.
#include "corpus/gzip_stream.h"

#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <string>
#include <utility>

namespace newsmine::corpus_internal {

namespace {

constexpr unsigned kZlibBuffer = 1u << 17;  // zlib's input and output buffers

// zlib's message without the "PATH: " prefix gzerror() puts before it.
std::string zlib_message(const char* message, const std::string& path, const char* fallback) {
  if (message == nullptr || *message == '\0') return fallback;
  std::string text = message;
  const std::string prefix = path + ": ";
  if (text.compare(0, prefix.size(), prefix) == 0) text.erase(0, prefix.size());
  return text.empty() ? std::string(fallback) : text;
}

class GzipSource final : public ByteSource {
 public:
  GzipSource(gzFile file, std::string path) : file_(file), path_(std::move(path)) {
    gzbuffer(file_, kZlibBuffer);
  }
  ~GzipSource() override { gzclose(file_); }
  GzipSource(const GzipSource&) = delete;
  GzipSource& operator=(const GzipSource&) = delete;

  Status read(char* buffer, std::size_t capacity, std::size_t* got) override {
    *got = 0;
    if (capacity == 0) return Status();
    const unsigned chunk = static_cast<unsigned>(std::min<std::size_t>(capacity, 1u << 30));
    const int n = gzread(file_, buffer, chunk);
    const z_off_t offset = gzoffset(file_);
    if (offset >= 0) raw_bytes_ = static_cast<std::uint64_t>(offset);
    int code = Z_OK;
    const char* message = gzerror(file_, &code);
    if (n < 0 || (code != Z_OK && code != Z_BUF_ERROR)) {
      if (code == Z_ERRNO) return Status::error("read failed: " + errno_text(errno));
      return Status::error("corrupt gzip data: " + zlib_message(message, path_, "unknown error"));
    }
    // Z_BUF_ERROR: the stream ended inside a gzip member. zlib still hands out
    // what it decoded, so report the truncation once that is drained.
    if (n == 0 && code == Z_BUF_ERROR) {
      return Status::error("truncated gzip data: " + zlib_message(message, path_, "unexpected end of file"));
    }
    *got = static_cast<std::size_t>(n);
    return Status();
  }

  std::uint64_t raw_bytes() const override { return raw_bytes_; }

 private:
  gzFile file_;
  std::string path_;
  std::uint64_t raw_bytes_ = 0;
};

}  // namespace

Status open_gzip_source(const std::string& path, std::unique_ptr<ByteSource>* source) {
  errno = 0;
  gzFile file = gzopen(path.c_str(), "rb");
  if (file == nullptr) return Status::error(errno_text(errno != 0 ? errno : ENOMEM));
  // zlib would read a file without a gzip header as plain bytes; a file named
  // .gz that is not gzip is more likely damaged than plain text.
  if (gzdirect(file) == 1) {
    gzclose(file);
    return Status::error("not gzip data (no gzip header)");
  }
  *source = std::make_unique<GzipSource>(file, path);
  return Status();
}

}  // namespace newsmine::corpus_internal
