// Utf16Offsets: turns the character offsets of the Microsoft
// Recognizers-Text specs into UTF-8 byte offsets.
//
// The specs are written by the .NET reference implementation, whose strings
// are UTF-16, so Start, End and Length count UTF-16 code units: a character
// of the Basic Multilingual Plane ("€", "₡", U+202F) is one unit, a
// supplementary-plane character (an emoji) is two. The English spec files
// hold only BMP characters, where code units and code points agree, but the
// conversion counts code units so that it stays right either way. An offset
// that falls between the two halves of a surrogate pair, or past the end of
// the text, has no byte offset.
//
// Building the table is linear in the text; lookups are constant time. The
// object is immutable after construction and safe to share between threads.
//
//   Utf16Offsets offsets(input);            // input: valid UTF-8
//   std::optional<std::uint32_t> start = offsets.byte_offset(13);
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace newsmine::bench {

class Utf16Offsets {
 public:
  // `utf8` must be valid UTF-8 (simdjson validates every string it decodes).
  explicit Utf16Offsets(std::string_view utf8);

  // The byte offset at which UTF-16 code unit `unit` starts; `unit` equal to
  // the text's length in code units gives the byte length of the text.
  std::optional<std::uint32_t> byte_offset(std::uint32_t unit) const;

  // The text's length in UTF-16 code units.
  std::uint32_t units() const { return static_cast<std::uint32_t>(byte_at_unit_.size() - 1); }

 private:
  static constexpr std::uint32_t kInsidePair = UINT32_MAX;  // low half of a surrogate pair
  std::vector<std::uint32_t> byte_at_unit_;                 // one entry per code unit, plus the end
};

}  // namespace newsmine::bench
