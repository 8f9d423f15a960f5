// libFuzzer target: arbitrary bytes as an input file, read by CorpusReader as
// a .txt article, a JSONL file or a gzip-compressed JSONL file (the first byte
// chooses), as a user's corpus would be.
//
// It checks what the pipeline downstream relies on: reading ends, every
// record is counted once as a document or a rejection, a document's text is
// valid UTF-8 without NUL bytes and not blank, and a rejection names its
// source and a reason.
//
//   build and run: tests/sanitize.sh --fuzz-only SECONDS (all targets), or
//   build-sanitize/tests/fuzz/reader_fuzzer -max_total_time=60 corpus/sample
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

#include "corpus/corpus_reader.h"
#include "corpus/utf8.h"

namespace {

using namespace newsmine;

// A finding: says which check failed, and libFuzzer saves the input.
#define require(condition) \
  ((condition) ? void() : fail(#condition, __LINE__))

[[noreturn]] void fail(const char* check, int line) {
  std::fprintf(stderr, "reader_fuzzer.cc:%d: check failed: %s\n", line, check);
  std::abort();
}

// A file of this process under /dev/shm (memory), named for its format.
std::string input_path(const char* extension) {
  return "/dev/shm/newsmine_reader_fuzzer_" + std::to_string(getpid()) + extension;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  static const char* const extensions[] = {".txt", ".jsonl", ".jsonl.gz"};
  const std::string path = input_path(extensions[data[0] % 3]);
  {
    std::ofstream file(path, std::ios::binary | std::ios::trunc);
    file.write(reinterpret_cast<const char*>(data + 1), static_cast<std::streamsize>(size - 1));
  }
  ReaderOptions options;
  options.max_document_bytes = 1 << 16;
  CorpusReader reader({path}, options);
  std::uint64_t documents = 0, rejected = 0;
  while (std::optional<Record> record = reader.next()) {
    if (const auto* doc = std::get_if<Document>(&*record)) {
      ++documents;
      require(!corpus_internal::first_invalid_utf8(doc->text).has_value());
      require(doc->text.find('\0') == std::string::npos);
      require(doc->text.find_first_not_of(" \t\n\r\f\v") != std::string::npos);
      require(!doc->id.empty() && doc->source.rfind(path, 0) == 0);
    } else {
      const Rejection& rejection = std::get<Rejection>(*record);
      ++rejected;
      require(!rejection.reason.empty() && rejection.source.rfind(path, 0) == 0);
    }
    require(documents + rejected <= size + 1);  // at most a record per line, and the file's own
  }
  require(reader.stats().documents == documents && reader.stats().rejected == rejected);
  std::remove(path.c_str());
  return 0;
}
