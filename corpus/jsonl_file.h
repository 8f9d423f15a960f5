// Reads a JSONL file (plain, gzip or standard input) one record per line.
//
// Each non-blank line must be a JSON object with a string text field and
// optional id and date fields, named by ReaderOptions. The text is the
// decoded string (escapes such as \n, \" and \u00e9 or surrogate pairs become
// their UTF-8 bytes). A record without an id gets "FILE:LINE"; every record's
// source is "FILE:LINE" with a 1-based line number. Blank lines are skipped
// without producing a record. A bad line (malformed JSON, missing or
// non-string text, an invalid date, a text that fails the document checks,
// a line over max_document_bytes) becomes a Rejection and reading goes on
// with the next line; a read error (e.g. corrupt gzip) ends the file with one
// Rejection naming the file.
//
// Lines are parsed in place with simdjson's DOM parser, so memory is bounded
// by the longest line, not the file. Not thread-safe: one reader per file.
//
//   JsonlFile file("wire.jsonl", std::move(source), options);
//   while (auto record = file.next()) handle(*record);
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "corpus/byte_source.h"
#include "corpus/corpus_reader.h"
#include "corpus/line_reader.h"

namespace simdjson::dom {
class parser;
}

namespace newsmine::corpus_internal {

// The part of a plain JSONL file that one byte share of a run reads
// (ReaderOptions::first_byte): the lines that start at byte first <= p < end
// of the file. With first > 0 the source starts at byte first - 1, so that the
// rest of the line holding it is passed over.
struct JsonlWindow {
  std::uint64_t first = 0;
  std::uint64_t end = UINT64_MAX;
  std::uint64_t size = 0;          // the file's size
  std::uint64_t lines_before = 0;  // lines of the file before the window's first (earlier shares' lines)
};

class JsonlFile {
 public:
  // `name` is used in sources and ids ("name:LINE"); "-" for standard input.
  JsonlFile(std::string name, std::unique_ptr<ByteSource> source, ReaderOptions options, JsonlWindow window = {});
  ~JsonlFile();
  JsonlFile(const JsonlFile&) = delete;
  JsonlFile& operator=(const JsonlFile&) = delete;

  // The next record, or nullopt once the file is consumed.
  std::optional<Record> next();
  // Passes over the next record without parsing it (a record window's
  // outside): true when there was one, exactly where next() would have made one.
  bool skip();

  // Bytes taken from the underlying file so far (compressed size for gzip);
  // in a window, the bytes of its lines taken so far.
  std::uint64_t raw_bytes() const;
  // Lines taken so far (blank and too long ones too).
  std::uint64_t lines() const { return lines_taken_; }

 private:
  bool windowed() const { return window_.first > 0 || window_.end != UINT64_MAX; }
  // The next line of the window into *line; false at its end.
  bool take_line(LineReader::Line* line);
  Record parse_line(std::string_view line, std::string source);

  std::string name_;
  ReaderOptions options_;
  std::unique_ptr<ByteSource> source_;
  LineReader lines_;
  std::unique_ptr<simdjson::dom::parser> parser_;
  std::string repaired_;  // a line with invalid UTF-8, bytes blanked, padded for simdjson
  bool finished_ = false;
  JsonlWindow window_;
  bool started_ = false;
  std::uint64_t start_ = 0;  // where the window's first line starts in the file
  std::uint64_t at_ = 0;     // where the next line starts
  std::uint64_t lines_taken_ = 0;
};

}  // namespace newsmine::corpus_internal
