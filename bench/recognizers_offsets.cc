// UTF-16 code unit to UTF-8 byte offsets for the Recognizers-Text specs.
#include "bench/recognizers_offsets.h"

namespace newsmine::bench {

Utf16Offsets::Utf16Offsets(std::string_view utf8) {
  byte_at_unit_.reserve(utf8.size() + 1);
  std::size_t i = 0;
  while (i < utf8.size()) {
    const auto lead = static_cast<unsigned char>(utf8[i]);
    const std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    byte_at_unit_.push_back(static_cast<std::uint32_t>(i));
    // A four-byte sequence is a supplementary-plane character: two code units.
    if (length == 4) byte_at_unit_.push_back(kInsidePair);
    i += length;
  }
  byte_at_unit_.push_back(static_cast<std::uint32_t>(utf8.size()));
}

std::optional<std::uint32_t> Utf16Offsets::byte_offset(std::uint32_t unit) const {
  if (unit >= byte_at_unit_.size() || byte_at_unit_[unit] == kInsidePair) return std::nullopt;
  return byte_at_unit_[unit];
}

}  // namespace newsmine::bench
