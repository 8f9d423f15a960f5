// The checks every article text passes before it becomes a Document.
//
// A text is refused when it is larger than the configured maximum, empty (or
// only whitespace), binary (contains a NUL byte, or is mostly invalid UTF-8);
// the reason names the byte offset where one applies, e.g. "binary content
// (NUL byte at 17)". A text with some invalid UTF-8 (a stray Latin-1 byte, a
// cut sequence) is kept: prepare_text() turns those bytes into spaces.
// Stateless; safe to call from any thread.
//
//   if (auto reason = prepare_text(doc.text, options.max_document_bytes, doc.invalid_utf8_bytes)) reject(*reason);
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace newsmine::corpus_internal {

// Why `text` cannot be a document, or nullopt when it can; then invalid UTF-8
// bytes in `text` are spaces and `invalid_bytes` says how many there were.
std::optional<std::string> prepare_text(std::string& text, std::uint64_t max_bytes, std::uint64_t& invalid_bytes);

}  // namespace newsmine::corpus_internal
