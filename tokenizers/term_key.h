// Term keys: the normalized form of a token used for matching and TF-IDF.
//
// A key is the token under Unicode NFKC with case folding (ICU's
// NFKC_Casefold), with typographic quotes and dashes unified to ' " and -, and
// "i̇" (the fold of Turkish/Azerbaijani "İ") reduced to "i" so that "İlham" and
// "Ilham" meet. Keys are for comparison only; offsets always refer to the
// original bytes.
//
// TermNormalizer caches keys of non-ASCII tokens (ASCII ones take a fast path
// that needs no ICU call). Not thread-safe: keep one per thread.
//
//   TermNormalizer normalizer;
//   std::string key;
//   normalizer.append_key("Azərbaycan’s", key);   // key == "azərbaycan's"
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>



namespace newsmine {

// The reference implementation: always goes through ICU, caches nothing.
std::string normalize_term(std::string_view token);

class TermNormalizer {
 public:
  explicit TermNormalizer(std::size_t max_cache_entries = 1 << 16);

  // Appends the key of `token` (valid UTF-8) to `out`.
  void append_key(std::string_view token, std::string& out);

 private:
  // Lets the cache be searched with a string_view, without a temporary string.
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  std::size_t max_cache_entries_;
  std::unordered_map<std::string, std::string, Hash, std::equal_to<>> cache_;
};

}  // namespace newsmine
