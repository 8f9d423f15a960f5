#include "tokenizers/term_key.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <stdexcept>

namespace newsmine {
namespace {

const icu::Normalizer2& nfkc_casefold() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* normalizer = icu::Normalizer2::getNFKCCasefoldInstance(status);
  if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU NFKC_Casefold unavailable: ") + u_errorName(status));
  return *normalizer;
}

// Typographic variants that news text uses interchangeably.
UChar32 unify(UChar32 c) {
  switch (c) {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x02BC:
      return '\'';
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x00AB: case 0x00BB: case 0x2033:
      return '"';
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212:
      return '-';
    default:
      return c;
  }
}

}  // namespace

std::string normalize_term(std::string_view token) {
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString folded = nfkc_casefold().normalize(
      icu::UnicodeString::fromUTF8(icu::StringPiece(token.data(), static_cast<int32_t>(token.size()))), status);
  if (U_FAILURE(status)) return std::string(token);
  std::string utf8;
  folded.toUTF8String(utf8);

  std::string key;
  key.reserve(utf8.size());
  const auto* bytes = reinterpret_cast<const uint8_t*>(utf8.data());
  const int32_t length = static_cast<int32_t>(utf8.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) continue;
    c = unify(c);
    // "İ" folds to "i" + U+0307 COMBINING DOT ABOVE; drop the dot so that
    // Azerbaijani and Turkish dotted capitals meet their lowercase forms.
    if (c == 0x0307 && !key.empty() && key.back() == 'i') continue;
    char encoded[U8_MAX_LENGTH];
    int32_t n = 0;
    U8_APPEND_UNSAFE(encoded, n, c);
    key.append(encoded, static_cast<std::size_t>(n));
  }
  return key;
}

TermNormalizer::TermNormalizer(std::size_t max_cache_entries) : max_cache_entries_(max_cache_entries) {}

void TermNormalizer::append_key(std::string_view token, std::string& out) {
  bool ascii = true;
  for (char c : token) ascii &= static_cast<unsigned char>(c) < 0x80;
  if (ascii) {  // NFKC_Casefold of ASCII is ASCII lower case.
    for (char c : token) out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c);
    return;
  }
  auto found = cache_.find(token);
  if (found == cache_.end()) {
    if (cache_.size() >= max_cache_entries_) cache_.clear();
    found = cache_.emplace(std::string(token), normalize_term(token)).first;
  }
  out.append(found->second);
}

}  // namespace newsmine
