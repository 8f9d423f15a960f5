// UTF-8 validation: simdjson's fast check, then a scalar scan for the offset.
#include "corpus/utf8.h"

#include <cstdint>

#include <simdjson.h>

namespace newsmine::corpus_internal {

namespace {

bool is_continuation(unsigned char byte) { return (byte & 0xC0) == 0x80; }

}  // namespace

std::optional<std::size_t> first_invalid_utf8_scalar(std::string_view bytes) {
  const auto* s = reinterpret_cast<const unsigned char*>(bytes.data());
  const std::size_t n = bytes.size();
  std::size_t i = 0;
  while (i < n) {
    const unsigned char c = s[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t length = 0;
    unsigned char low = 0x80;   // allowed range of the second byte
    unsigned char high = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
      length = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      length = 3;
      if (c == 0xE0) low = 0xA0;   // overlong
      if (c == 0xED) high = 0x9F;  // surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
      length = 4;
      if (c == 0xF0) low = 0x90;   // overlong
      if (c == 0xF4) high = 0x8F;  // above U+10FFFF
    } else {
      return i;  // stray continuation byte, overlong lead (C0/C1) or F5..FF
    }
    if (i + length > n) return i;
    if (s[i + 1] < low || s[i + 1] > high) return i;
    for (std::size_t k = 2; k < length; ++k) {
      if (!is_continuation(s[i + k])) return i;
    }
    i += length;
  }
  return std::nullopt;
}

std::optional<std::size_t> first_invalid_utf8(std::string_view bytes) {
  if (simdjson::validate_utf8(bytes.data(), bytes.size())) return std::nullopt;
  return first_invalid_utf8_scalar(bytes);
}

std::size_t blank_invalid_utf8(std::string& text) {
  std::size_t replaced = 0;
  std::size_t from = 0;
  // Everything before `from` is valid; a bad lead byte becomes a space, and
  // the scan goes on from the byte after it, so its stray continuation bytes
  // are replaced in turn.
  for (auto bad = first_invalid_utf8(text); bad; bad = first_invalid_utf8_scalar(std::string_view(text).substr(from))) {
    text[from + *bad] = ' ';
    from += *bad + 1;
    ++replaced;
  }
  return replaced;
}

}  // namespace newsmine::corpus_internal
