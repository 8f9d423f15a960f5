// UTF-8 validation that reports where the first bad sequence starts.
//
// Strict RFC 3629 rules: no overlong forms, no surrogates (U+D800..U+DFFF),
// nothing above U+10FFFF, no truncated sequences. Valid input is checked with
// simdjson's SIMD validator; only invalid input is rescanned byte by byte to
// find the offset, so the common case runs at memory speed.
// Stateless functions; safe to call from any thread.
//
//   if (auto bad = first_invalid_utf8(line)) reject("invalid UTF-8 at byte " + ...);
//   document.invalid_utf8_bytes = blank_invalid_utf8(document.text);
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace newsmine::corpus_internal {

// The byte offset of the first invalid UTF-8 sequence in `bytes`, or nullopt
// when all of it is valid.
std::optional<std::size_t> first_invalid_utf8(std::string_view bytes);

// Replaces each byte that is not part of a valid UTF-8 sequence by a space,
// leaving every other byte where it was, so that offsets into the result are
// offsets into the original; returns how many bytes were replaced (0, without
// a copy or a write, for valid text). A space because an undecodable byte is
// most often a character of another encoding ("caf\xE9"): it should end a
// word, not join or break a sentence.
std::size_t blank_invalid_utf8(std::string& text);

// The same answer from a plain byte-by-byte scan: the slow, obvious reference
// the fast path is tested against.
std::optional<std::size_t> first_invalid_utf8_scalar(std::string_view bytes);

}  // namespace newsmine::corpus_internal
