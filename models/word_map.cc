#include "models/word_map.h"

#include <xxhash.h>

namespace newsmine {

std::size_t fold_key(std::string_view text, char* out) {
  std::size_t size = 0;
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = size > 0;
      continue;
    }
    if (space) out[size++] = ' ';
    space = false;
    out[size++] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return size;
}

FoldedKey::FoldedKey(std::string_view text) {
  if (text.size() <= small_.size()) {
    view_ = std::string_view(small_.data(), fold_key(text, small_.data()));
    return;
  }
  large_.resize(text.size());
  large_.resize(fold_key(text, large_.data()));
  view_ = large_;
}

std::size_t WordHash::operator()(std::string_view key) const noexcept {
  return static_cast<std::size_t>(XXH3_64bits(key.data(), key.size()));
}

}  // namespace newsmine
