// The checks every article text passes before it becomes a Document.
//
// A text is refused when it is larger than the configured maximum, empty (or
// only whitespace), binary (contains a NUL byte) or not valid UTF-8; the
// reason names the byte offset where one applies, e.g.
// "invalid UTF-8 at byte 17". Stateless; safe to call from any thread.
//
//   if (auto reason = text_problem(text, options.max_document_bytes)) reject(*reason);
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace newsmine::corpus_internal {

// Why `text` cannot be a document, or nullopt when it can.
std::optional<std::string> text_problem(std::string_view text, std::uint64_t max_bytes);

}  // namespace newsmine::corpus_internal
