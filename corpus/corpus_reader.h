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
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace newsmine
