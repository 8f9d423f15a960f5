// WordMap: a table keyed by normalized words (normalize_key() in
// rule_files.h: ASCII lower case, white space runs as one space) that is
// looked up with text as it stands in an article, without allocating.
//
// The extractors look words up on their hot paths, thousands of times per
// article ("mln", "dlrs", "Sept", "said"); a std::map<std::string> with a
// normalize_key() per lookup costs an allocation and a dozen string
// compares each time. Here the key is folded into a stack buffer and hashed
// once (XXH3), and the table is a std::unordered_map with heterogeneous
// lookup. Immutable tables are safe to share between threads.
//
//   WordMap<int> months;
//   months.emplace(normalize_key("Sept"), 9);
//   if (const int* month = find_word(months, "SEPT")) use(*month);
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace newsmine {

// normalize_key(text), kept on the stack for short texts.
class FoldedKey {
 public:
  explicit FoldedKey(std::string_view text);
  FoldedKey(const FoldedKey&) = delete;
  FoldedKey& operator=(const FoldedKey&) = delete;

  std::string_view view() const { return view_; }

 private:
  std::array<char, 48> small_;
  std::string large_;  // used when the text is longer than small_
  std::string_view view_;
};

// Folds `text` as normalize_key() does into `out`, which has room for
// text.size() bytes; returns the folded size.
std::size_t fold_key(std::string_view text, char* out);

struct WordHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view key) const noexcept;
};

template <typename T>
using WordMap = std::unordered_map<std::string, T, WordHash, std::equal_to<>>;

// The value of the normalized `text`, or null.
template <typename T>
const T* find_word(const WordMap<T>& map, std::string_view text) {
  const FoldedKey key(text);
  const auto found = map.find(key.view());
  return found == map.end() ? nullptr : &found->second;
}

// The same for a key that is already normalized.
template <typename T>
const T* find_folded(const WordMap<T>& map, std::string_view key) {
  const auto found = map.find(key);
  return found == map.end() ? nullptr : &found->second;
}

}  // namespace newsmine
