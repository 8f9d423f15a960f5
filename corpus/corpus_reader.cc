// CorpusReader: walks the input paths in order and dispatches each file to
// the .txt or JSONL reader, keeping the statistics.
#include "corpus/corpus_reader.h"

#include <deque>
#include <filesystem>
#include <system_error>

#include "corpus/byte_source.h"
#include "corpus/file_list.h"
#include "corpus/gzip_stream.h"
#include "corpus/input_format.h"
#include "corpus/jsonl_file.h"
#include "corpus/text_file.h"

namespace newsmine {

namespace fs = std::filesystem;
using corpus_internal::InputFormat;

namespace {

// A path still to read: named on the command line, or found in a directory.
struct PendingInput {
  std::string path;
  bool named = false;  // given explicitly (so unknown formats are rejected, not skipped)
  std::string error;   // non-empty: report this Rejection instead of reading
};

}  // namespace

struct CorpusReader::Impl {
  ReaderOptions options;
  ReaderStats stats;
  std::deque<PendingInput> pending;
  std::unique_ptr<corpus_internal::JsonlFile> jsonl;  // the JSONL file being read
  std::uint64_t jsonl_raw_counted = 0;                // its raw bytes already in stats
  std::uint64_t ordinal = 0;                          // records so far, inside the window or not
  std::uint64_t offset = 0;                           // where the next file starts, files laid end to end
  std::uint64_t jsonl_start = 0;                      // ... and where the JSONL file being read does
  bool jsonl_split = false;                           // that file is read in part (a byte share)
  ShareEdges edges;

  bool by_bytes() const { return options.first_byte != 0 || options.end_byte != UINT64_MAX; }
  // Whether a file starting at byte `at` (or a rejection placed there) is this share's.
  bool owns(std::uint64_t at) const { return at >= options.first_byte && at < options.end_byte; }
  bool before_window() const { return ordinal < options.first_record; }
  bool past_window() const { return ordinal >= options.end_record; }
  // A record outside the window: numbered and counted, not produced.
  std::nullopt_t passed_over() {
    ++ordinal;
    ++stats.outside;
    return std::nullopt;
  }

  // A rejection found without reading a record, placed at byte `at`: passed
  // over before the window like any record there, and another share's when
  // `at` is.
  std::optional<Record> rejection(std::string source, std::string reason, std::uint64_t at) {
    if (!owns(at)) return std::nullopt;
    if (before_window()) return passed_over();
    return counted(Rejection{std::move(source), std::move(reason)});
  }

  Record counted(Record record) {
    ++ordinal;
    ++stats.records;
    if (const auto* doc = std::get_if<Document>(&record)) {
      ++stats.documents;
      stats.text_bytes += doc->text.size();
      stats.invalid_utf8_documents += doc->invalid_utf8_bytes > 0;
      stats.invalid_utf8_bytes += doc->invalid_utf8_bytes;
    } else {
      ++stats.rejected;
    }
    return record;
  }

  void count_jsonl_bytes() {
    const std::uint64_t raw = jsonl->raw_bytes();
    stats.bytes_read += raw - jsonl_raw_counted;
    jsonl_raw_counted = raw;
  }

  // Starts reading a JSONL file of `size` bytes from byte `start`; a
  // Rejection when it cannot be opened. In a byte share a plain file is read
  // in part, from the first line starting in the share to the last.
  std::optional<Record> open_jsonl(const std::string& path, bool gzip, std::uint64_t start, std::uint64_t size) {
    corpus_internal::JsonlWindow window;
    jsonl_split = by_bytes() && !gzip && size > 0;
    if (jsonl_split) {
      if (start + size <= options.first_byte || start >= options.end_byte) return std::nullopt;
      window.size = size;
      if (options.first_byte > start) {
        window.first = options.first_byte - start;
        window.lines_before = options.first_byte_lines;
        edges.head_file = start;
      }
      if (options.end_byte != UINT64_MAX) window.end = options.end_byte - start;
    } else if (!owns(start)) {
      return std::nullopt;  // read whole by the share holding its first byte
    }
    std::unique_ptr<corpus_internal::ByteSource> source;
    const Status opened = gzip ? corpus_internal::open_gzip_source(path, &source)
                               : corpus_internal::open_file_source(path, &source, window.first > 0 ? window.first - 1 : 0);
    if (!opened.ok()) return rejection(path, "cannot read " + path + ": " + opened.message(), start);
    stats.files += owns(start);
    jsonl = std::make_unique<corpus_internal::JsonlFile>(path, std::move(source), options, window);
    jsonl_raw_counted = 0;
    jsonl_start = start;
    return std::nullopt;
  }

  void close_jsonl() {
    count_jsonl_bytes();
    if (jsonl_split) edges = {edges.head_file, jsonl_start, jsonl->lines()};
    jsonl.reset();
  }

  // Handles one pending input: a record, or nullopt when it produced none yet
  // (a directory expanded, a file skipped, a JSONL file opened).
  std::optional<Record> step(PendingInput input) {
    if (!input.error.empty()) return rejection(input.path, input.error, offset);
    if (input.named && input.path == "-") return open_jsonl("-", false, offset, 0);
    if (input.named) {
      std::error_code error;
      const fs::file_status status = fs::status(input.path, error);
      if (error || !fs::exists(status)) {
        const std::string why = error ? error.message() : "No such file or directory";
        return rejection(input.path, "cannot read " + input.path + ": " + why, offset);
      }
      if (fs::is_directory(status)) {
        std::vector<corpus_internal::ListedFile> files = corpus_internal::list_directory(input.path);
        for (auto it = files.rbegin(); it != files.rend(); ++it) {
          pending.push_front(PendingInput{std::move(it->path), false, std::move(it->error)});
        }
        return std::nullopt;
      }
    }
    const InputFormat format = corpus_internal::classify_path(input.path);
    const std::uint64_t start = offset;
    std::error_code size_error;  // a file that cannot be read is rejected when it is opened
    const std::uintmax_t size = fs::file_size(input.path, size_error);
    offset += size_error ? 0 : static_cast<std::uint64_t>(size);
    switch (format.kind) {
      case InputFormat::kUnknown:
        if (input.named) return rejection(input.path, corpus_internal::unknown_format_reason(), start);
        stats.skipped += owns(start);
        return std::nullopt;
      case InputFormat::kJsonl:
        return open_jsonl(input.path, format.gzip, start, offset - start);
      case InputFormat::kText: {
        if (!owns(start)) return std::nullopt;
        ++stats.files;
        if (before_window()) return passed_over();
        return counted(corpus_internal::read_text_article(input.path, format.id, format.gzip, options,
                                                          &stats.bytes_read));
      }
    }
    return std::nullopt;
  }

  std::optional<Record> next() {
    for (;;) {
      if (past_window()) return std::nullopt;
      if (jsonl && before_window()) {
        if (jsonl->skip()) {
          passed_over();
        } else {
          close_jsonl();
        }
        continue;
      }
      if (jsonl) {
        std::optional<Record> record = jsonl->next();
        count_jsonl_bytes();
        if (record) return counted(std::move(*record));
        close_jsonl();
        continue;
      }
      if (pending.empty()) return std::nullopt;
      PendingInput input = std::move(pending.front());
      pending.pop_front();
      if (std::optional<Record> record = step(std::move(input))) return record;
    }
  }
};

CorpusReader::CorpusReader(std::vector<std::string> paths, ReaderOptions options)
    : impl_(std::make_unique<Impl>()) {
  impl_->options = std::move(options);
  for (std::string& path : paths) impl_->pending.push_back(PendingInput{std::move(path), true, ""});
}

CorpusReader::~CorpusReader() = default;

std::optional<Record> CorpusReader::next() { return impl_->next(); }

const ReaderStats& CorpusReader::stats() const { return impl_->stats; }

std::uint64_t input_bytes(const std::vector<std::string>& paths, ReaderOptions options) {
  // A byte share holding nothing: every file is placed, none is opened.
  options.first_byte = options.end_byte = UINT64_MAX;
  CorpusReader reader(paths, std::move(options));
  while (reader.next()) {
  }
  return reader.impl_->offset;
}

ShareEdges count_share_edges(const std::vector<std::string>& paths, ReaderOptions options) {
  options.first_record = options.end_record = UINT64_MAX;
  CorpusReader reader(paths, std::move(options));
  while (reader.next()) {
  }
  return reader.impl_->edges;
}

std::uint64_t lines_before_share(const ShareEdges& share, const std::vector<ShareEdges>& earlier) {
  std::uint64_t lines = 0;
  if (share.head_file == UINT64_MAX) return 0;
  for (const ShareEdges& before : earlier)
    if (before.tail_file == share.head_file) lines += before.tail_lines;
  return lines;
}

ReaderStats count_records(const std::vector<std::string>& paths, ReaderOptions options) {
  options.first_record = options.end_record = UINT64_MAX;
  CorpusReader reader(paths, std::move(options));
  while (reader.next()) {
  }
  return reader.stats();
}

}  // namespace newsmine
