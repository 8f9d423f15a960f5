// ByteSource: a forward-only stream of bytes from a file, standard input or a
// decompressor, and read_all() to take a whole (bounded) stream into memory.
//
// Sources report failures as Status values carrying a readable reason (the
// errno text, or zlib's message), never exceptions. raw_bytes() counts what
// was taken from the underlying file, so callers can report input throughput
// (the compressed size for gzip).
// A source is used by one thread at a time.
//
//   std::unique_ptr<ByteSource> source;
//   if (Status s = open_file_source("a.txt", &source); !s.ok()) return s;
//   std::string text;
//   Status s = read_all(*source, 64u << 20, &text);
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "corpus/status.h"

namespace newsmine::corpus_internal {

class ByteSource {
 public:
  virtual ~ByteSource() = default;

  // Reads up to `capacity` bytes into `buffer`; *got is 0 only at the end of input.
  virtual Status read(char* buffer, std::size_t capacity, std::size_t* got) = 0;

  // Bytes taken from the underlying file so far (compressed bytes for gzip).
  virtual std::uint64_t raw_bytes() const = 0;

  // How many bytes read() will deliver, when known in advance (plain files).
  virtual std::optional<std::uint64_t> size_hint() const { return std::nullopt; }
};

// Opens the plain file `path` with POSIX open(), reading from byte `offset`
// on; "-" is standard input (not closed at the end, offset ignored). On
// failure the Status holds the errno text.
Status open_file_source(const std::string& path, std::unique_ptr<ByteSource>* source, std::uint64_t offset = 0);

// Reads `source` to its end into *out. Fails without reading further once the
// stream is known to exceed `max_bytes` (from size_hint() or while reading).
Status read_all(ByteSource& source, std::uint64_t max_bytes, std::string* out);

// The reason for an errno value, e.g. "No such file or directory".
std::string errno_text(int error_number);

}  // namespace newsmine::corpus_internal
