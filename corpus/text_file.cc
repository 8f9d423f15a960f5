// Whole-file article reading with validation and the date header.
#include "corpus/text_file.h"

#include <memory>

#include "corpus/byte_source.h"
#include "corpus/date_header.h"
#include "corpus/gzip_stream.h"
#include "corpus/text_checks.h"

namespace newsmine::corpus_internal {

Record read_text_article(const std::string& path, const std::string& id, bool gzip,
                         const ReaderOptions& options, std::uint64_t* raw_bytes) {
  std::unique_ptr<ByteSource> source;
  const Status opened = gzip ? open_gzip_source(path, &source) : open_file_source(path, &source);
  if (!opened.ok()) return Rejection{path, "cannot read " + path + ": " + opened.message()};

  Document doc;
  const Status read = read_all(*source, options.max_document_bytes, &doc.text);
  *raw_bytes += source->raw_bytes();
  if (!read.ok()) return Rejection{path, read.message()};
  if (auto problem = prepare_text(doc.text, options.max_document_bytes, doc.invalid_utf8_bytes)) {
    return Rejection{path, std::move(*problem)};
  }
  doc.id = id;
  doc.source = path;
  doc.date = date_from_header(doc.text);
  return doc;
}

}  // namespace newsmine::corpus_internal
