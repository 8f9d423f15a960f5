// Buffered line splitting with a bounded line length.
#include "corpus/line_reader.h"

#include <algorithm>
#include <cstring>

namespace newsmine::corpus_internal {

namespace {

constexpr std::size_t kInitialCapacity = 1u << 18;

}  // namespace

LineReader::LineReader(ByteSource& source, std::size_t max_line_bytes)
    : source_(source), max_line_bytes_(std::min<std::size_t>(max_line_bytes, std::size_t{1} << 40)) {
  // Room for a line of max_line_bytes plus its '\n'.
  const std::size_t capacity = std::min(kInitialCapacity, max_line_bytes_ + 1);
  buffer_.resize(capacity + kPadding);
}

bool LineReader::emit(Line* line, std::size_t end, std::uint64_t skipped, bool skipping) {
  ++number_;
  const std::size_t length = end - begin_;
  line->number = number_;
  line->length = skipped + length;
  line->too_long = skipping || length > max_line_bytes_;
  line->text = line->too_long ? std::string_view() : std::string_view(buffer_.data() + begin_, length);
  return true;
}

bool LineReader::next(Line* line) {
  if (done_) return false;
  std::size_t scan = begin_;
  bool skipping = false;       // inside a line already known to be too long
  std::uint64_t skipped = 0;   // bytes of that line already dropped
  for (;;) {
    const void* newline = std::memchr(buffer_.data() + scan, '\n', end_ - scan);
    if (newline != nullptr) {
      const std::size_t end = static_cast<const char*>(newline) - buffer_.data();
      emit(line, end, skipped, skipping);
      begin_ = end + 1;
      return true;
    }
    if (eof_) {
      if (begin_ == end_ && !skipping) {
        done_ = true;
        return false;
      }
      emit(line, end_, skipped, skipping);  // last line without '\n'
      begin_ = end_;
      return true;
    }
    const std::size_t pending = end_ - begin_;
    if (pending > max_line_bytes_) {
      skipping = true;  // drop what we have of this line, keep counting
      skipped += pending;
      begin_ = end_ = 0;
    } else {
      if (begin_ > 0) {
        std::memmove(buffer_.data(), buffer_.data() + begin_, pending);
        begin_ = 0;
        end_ = pending;
      }
      if (end_ == capacity()) {
        // pending <= max_line_bytes_ here, so capacity() < max_line_bytes_ + 1.
        const std::size_t grown = std::min(capacity() * 2, max_line_bytes_ + 1);
        buffer_.resize(grown + kPadding);
      }
    }
    scan = end_;
    std::size_t got = 0;
    status_ = source_.read(buffer_.data() + end_, capacity() - end_, &got);
    if (!status_.ok()) {
      done_ = true;
      return false;
    }
    if (got == 0) {
      eof_ = true;
    } else {
      end_ += got;
    }
  }
}

}  // namespace newsmine::corpus_internal
