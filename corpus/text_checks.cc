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

std::optional<std::string> text_problem(std::string_view text, std::uint64_t max_bytes) {
  if (text.size() > max_bytes) {
    return "text of " + std::to_string(text.size()) + " bytes, over max_document_bytes (" +
           std::to_string(max_bytes) + ")";
  }
  if (only_whitespace(text)) return std::string("empty text");
  if (const void* nul = std::memchr(text.data(), '\0', text.size())) {
    const auto offset = static_cast<const char*>(nul) - text.data();
    return "binary content (NUL byte at " + std::to_string(offset) + ")";
  }
  if (const auto bad = first_invalid_utf8(text)) {
    return "invalid UTF-8 at byte " + std::to_string(*bad);
  }
  return std::nullopt;
}

}  // namespace newsmine::corpus_internal
