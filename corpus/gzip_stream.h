// Gzip decompression as a ByteSource, streaming through zlib's gzread().
//
// Only zlib's internal buffers and the caller's buffer are in memory, so a
// .jsonl.gz larger than memory streams line by line. Corrupt data and a
// truncated stream ("unexpected end of file") are reported as errors instead
// of silently shortening the text. Concatenated gzip members are read in turn;
// a file that is not gzip at all is passed through unchanged (zlib's
// transparent mode). raw_bytes() counts compressed bytes consumed.
// A source is used by one thread at a time.
//
//   std::unique_ptr<ByteSource> source;
//   Status s = open_gzip_source("wire.jsonl.gz", &source);
#pragma once

#include <memory>
#include <string>

#include "corpus/byte_source.h"
#include "corpus/status.h"

namespace newsmine::corpus_internal {

// Opens the gzip file `path`. On failure the Status holds the errno text.
Status open_gzip_source(const std::string& path, std::unique_ptr<ByteSource>* source);

}  // namespace newsmine::corpus_internal
