// LineReader: splits a ByteSource into lines without copying them.
//
// Lines are returned as views into one reusable buffer that grows up to the
// longest line allowed, so memory stays bounded by `max_line_bytes` however
// large the input is. A longer line is not kept: it is consumed, its length
// counted, and reported as too long, and reading goes on with the next line.
// Every returned view is followed by at least kPadding readable bytes inside
// the buffer, which lets simdjson parse it in place.
// A reader is used by one thread at a time.
//
//   LineReader lines(*source, 64u << 20);
//   LineReader::Line line;
//   while (lines.next(&line)) handle(line.number, line.text);
//   if (!lines.status().ok()) report(lines.status().message());
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "corpus/byte_source.h"
#include "corpus/status.h"

namespace newsmine::corpus_internal {

class LineReader {
 public:
  static constexpr std::size_t kPadding = 64;  // readable bytes after each line (SIMDJSON_PADDING)

  struct Line {
    std::string_view text;     // the line without its '\n'; empty when too_long
    std::uint64_t number = 0;  // 1-based line number
    std::uint64_t length = 0;  // the line's length in bytes, also when too_long
    bool too_long = false;     // longer than max_line_bytes; text was dropped
  };

  LineReader(ByteSource& source, std::size_t max_line_bytes);

  // Reads the next line into *line (valid until the next call). Returns false
  // at the end of the input or on a read error; status() tells which.
  bool next(Line* line);

  const Status& status() const { return status_; }

  // The next line is number lines_before + 1 (for a reader that started
  // inside a file: pipeline/mpi_run.h's byte shares).
  void renumber(std::uint64_t lines_before) { number_ = lines_before; }

 private:
  std::size_t capacity() const { return buffer_.size() - kPadding; }
  bool emit(Line* line, std::size_t end, std::uint64_t skipped, bool skipping);

  ByteSource& source_;
  std::size_t max_line_bytes_;
  std::string buffer_;      // capacity() bytes of data space plus kPadding
  std::size_t begin_ = 0;   // first unread byte
  std::size_t end_ = 0;     // end of buffered data
  std::uint64_t number_ = 0;
  bool eof_ = false;
  bool done_ = false;
  Status status_;
};

}  // namespace newsmine::corpus_internal
