// UTF-8 validation that reports where the first bad sequence starts.
//
// Strict RFC 3629 rules: no overlong forms, no surrogates (U+D800..U+DFFF),
// nothing above U+10FFFF, no truncated sequences. Valid input is checked with
// simdjson's SIMD validator; only invalid input is rescanned byte by byte to
// find the offset, so the common case runs at memory speed.
// Stateless functions; safe to call from any thread.
//
//   if (auto bad = first_invalid_utf8(text)) reject("invalid UTF-8 at byte " + ...);
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace newsmine::corpus_internal {

// The byte offset of the first invalid UTF-8 sequence in `bytes`, or nullopt
// when all of it is valid.
std::optional<std::size_t> first_invalid_utf8(std::string_view bytes);

// The same answer from a plain byte-by-byte scan: the slow, obvious reference
// the fast path is tested against.
std::optional<std::size_t> first_invalid_utf8_scalar(std::string_view bytes);

}  // namespace newsmine::corpus_internal
