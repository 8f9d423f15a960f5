// Size, emptiness, binary and UTF-8 checks on article text.
#include "corpus/text_checks.h"

#include <cstring>

#include "corpus/utf8.h"

namespace newsmine::corpus_internal {

namespace {

bool only_whitespace(std::string_view text) {
  for (const char c : text) {
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') return false;
  }
  return true;
}

}  // namespace

std::optional<std::string> prepare_text(std::string& text, std::uint64_t max_bytes, std::uint64_t& invalid_bytes) {
  if (text.size() > max_bytes) {
    return "text of " + std::to_string(text.size()) + " bytes, over max_document_bytes (" +
           std::to_string(max_bytes) + ")";
  }
  if (only_whitespace(text)) return std::string("empty text");
  if (const void* nul = std::memchr(text.data(), '\0', text.size())) {
    const auto offset = static_cast<const char*>(nul) - text.data();
    return "binary content (NUL byte at " + std::to_string(offset) + ")";
  }
  const std::optional<std::size_t> first_bad = first_invalid_utf8(text);
  if (!first_bad) return std::nullopt;
  invalid_bytes = blank_invalid_utf8(text);
  // Text in another encoding has a few bad bytes in many; a file where they
  // are most of the bytes (and more than a stray few) is not text at all.
  if (invalid_bytes >= 16 && invalid_bytes * 2 > text.size()) {
    return "binary content (" + std::to_string(invalid_bytes) + " of " + std::to_string(text.size()) +
           " bytes are invalid UTF-8, the first at byte " + std::to_string(*first_bad) + ")";
  }
  if (only_whitespace(text)) return std::string("empty text (only invalid UTF-8 and whitespace)");
  return std::nullopt;
}

}  // namespace newsmine::corpus_internal
