// Reads one .txt or .txt.gz article: the whole file is the text.
//
// A plain file is read with a single read() into a string of its size; a gzip
// file is decompressed in chunks. Files over max_document_bytes are refused
// before their content is read (plain) or as soon as the limit is passed
// (gzip). The date comes from the optional " date YYYY-MM-DD" header, which
// stays part of the text, so offsets are into the file's bytes.
// Stateless; safe to call from any thread for different files.
//
//   std::uint64_t raw = 0;
//   Record r = read_text_article("seeds/001_x.txt", "001_x", false, options, &raw);
#pragma once

#include <cstdint>
#include <string>

#include "corpus/corpus_reader.h"

namespace newsmine::corpus_internal {

// The article at `path` with the given id as a Document, or a Rejection whose
// source is `path`. Adds the bytes taken from disk to *raw_bytes.
Record read_text_article(const std::string& path, const std::string& id, bool gzip,
                         const ReaderOptions& options, std::uint64_t* raw_bytes);

}  // namespace newsmine::corpus_internal
