// CorpusReader: streams articles from files, directories, .gz and stdin.
//
// Accepted inputs (see ../shared/CONTRACT.md, "Input"):
//   - *.txt[.gz]: one article per file; an optional leading " date YYYY-MM-DD"
//     header gives the document date, and stays part of the text.
//   - *.jsonl[.gz]: one article per line with id/text/date fields.
//   - "-": JSONL on standard input.
// Directories are searched recursively in sorted order, so a run is
// reproducible; files of other formats inside directories are skipped and
// counted, while a file named explicitly with an unknown format is rejected.
//
// Streaming: only the current file (or the current line of a JSONL file) is in
// memory, so a corpus larger than memory passes through.
//
// Every record ends up as a Document or a Rejection, never silently dropped.
// Not thread-safe: one reader feeds one pipeline's serial input stage.
//
//   CorpusReader reader({"corpus/sample"}, {});
//   while (auto record = reader.next()) {
//     if (auto* doc = std::get_if<Document>(&*record)) use(*doc);
//     else log(std::get<Rejection>(*record));
//   }
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "corpus/document.h"

namespace newsmine {

struct ReaderOptions {
  std::string id_field = "id";      // JSONL field holding the article id
  std::string text_field = "text";  // JSONL field holding the article text
  std::string date_field = "date";  // JSONL field holding the date (YYYY-MM-DD or ISO 8601)
  std::uint64_t max_document_bytes = 64u << 20;  // larger records are rejected
  // Only records first_record <= n < end_record (0-based, in input order,
  // rejections included) are produced; the others are passed over without
  // being parsed, and reading stops at end_record. A share of the corpus for
  // one process of many (pipeline/mpi_run.h).
  std::uint64_t first_record = 0;
  std::uint64_t end_record = UINT64_MAX;
  // Or a byte share: with the input files laid end to end in input order,
  // only records starting at byte first_byte <= p < end_byte are read.
  // A JSONL line belongs to the share holding its first byte; a .txt
  // article, a .gz file and a rejection without bytes (a missing path) to
  // the share holding the file's first byte (its place). Each share reads
  // only its own bytes (plus the line it starts inside). `first_byte_lines`:
  // the lines of the JSONL file holding first_byte that start before it, so
  // that sources keep the line numbers of a whole read (count_share_edges).
  std::uint64_t first_byte = 0;
  std::uint64_t end_byte = UINT64_MAX;
  std::uint64_t first_byte_lines = 0;
};

struct ReaderStats {
  std::uint64_t files = 0;        // input files opened
  std::uint64_t records = 0;      // documents + rejections produced
  std::uint64_t documents = 0;    // accepted documents
  std::uint64_t rejected = 0;     // rejections produced
  std::uint64_t skipped = 0;      // files in directories with an unknown format
  std::uint64_t bytes_read = 0;   // bytes read from disk or stdin (compressed size for .gz)
  std::uint64_t text_bytes = 0;   // bytes of accepted article text
  std::uint64_t invalid_utf8_documents = 0;  // accepted documents that had invalid UTF-8
  std::uint64_t invalid_utf8_bytes = 0;      // their invalid bytes, spaces in Document::text
  std::uint64_t outside = 0;      // records passed over, outside the record window
};

using Record = std::variant<Document, Rejection>;

// Where a byte share's JSONL lines meet its neighbours' lines.
struct ShareEdges {
  std::uint64_t head_file = UINT64_MAX;  // first byte of the JSONL file the share starts inside, if it does
  std::uint64_t tail_file = UINT64_MAX;  // first byte of the last plain JSONL file the share read lines of
  std::uint64_t tail_lines = 0;          // those lines
};

// The bytes of all input files laid end to end (the numbering of byte shares).
std::uint64_t input_bytes(const std::vector<std::string>& paths, ReaderOptions options);

// Reads the share's bytes without parsing a record, for its edges: the
// share after it starting inside the same file starts at line
// tail_lines + 1 of it, plus the lines of any earlier share in that file.
ShareEdges count_share_edges(const std::vector<std::string>& paths, ReaderOptions options);

// A share's first_byte_lines, from its edges and those of the shares before it.
std::uint64_t lines_before_share(const ShareEdges& share, const std::vector<ShareEdges>& earlier);

// Reads the inputs without parsing a record: `outside` is how many records
// they hold (documents and rejections), in the numbering of the record
// window; files, skipped and bytes_read are those of a whole run.
ReaderStats count_records(const std::vector<std::string>& paths, ReaderOptions options);

class CorpusReader {
 public:
  CorpusReader(std::vector<std::string> paths, ReaderOptions options);
  ~CorpusReader();
  CorpusReader(const CorpusReader&) = delete;
  CorpusReader& operator=(const CorpusReader&) = delete;

  // The next record in input order, or nullopt when every input is consumed.
  std::optional<Record> next();

  const ReaderStats& stats() const;

 private:
  friend std::uint64_t input_bytes(const std::vector<std::string>& paths, ReaderOptions options);
  friend ShareEdges count_share_edges(const std::vector<std::string>& paths, ReaderOptions options);

// A share's first_byte_lines, from its edges and those of the shares before it.
std::uint64_t lines_before_share(const ShareEdges& share, const std::vector<ShareEdges>& earlier);
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace newsmine
