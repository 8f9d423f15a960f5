#include "models/gazetteer.h"

#include <algorithm>
#include <charconv>

#include <xxhash.h>

#include "models/model_data.h"
#include "models/rule_files.h"

namespace newsmine {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

}  // namespace

Status parse_word_list(std::string_view name, std::string_view bytes, WordList& out) {
  out = WordList();
  if (Status s = check_header(name, bytes); !s.ok()) return s;
  // check_header guarantees a "# version: N" line with N all digits.
  for (std::string_view rest = bytes; !rest.empty();) {
    const std::size_t newline = rest.find('\n');
    std::string_view line = trim(rest.substr(0, newline));
    rest = newline == std::string_view::npos ? std::string_view() : rest.substr(newline + 1);
    if (line.empty() || line.front() != '#') continue;
    line = trim(line.substr(1));
    if (!line.starts_with("version:")) continue;
    std::string_view number = trim(line.substr(8));
    std::from_chars(number.data(), number.data() + number.size(), out.version);
    break;
  }

  for (const ModelData::Line& line : ModelData::content_lines(bytes)) {
    WordListEntry entry;
    entry.line = line.number;
    const std::size_t bar = line.text.find(" | ");
    entry.phrase = trim(line.text.substr(0, bar));
    if (bar != std::string_view::npos) entry.tag = trim(line.text.substr(bar + 3));
    if (entry.phrase.empty()) return data_error(name, entry.line, "empty entry");
    if (bar != std::string_view::npos && entry.tag.empty())
      return data_error(name, entry.line, "empty tag after \" | \"");
    out.entries.push_back(entry);
  }
  if (out.entries.empty()) return Status::error(std::string(name) + ": word list has no entries");
  return {};
}

std::uint64_t Gazetteer::extend(std::uint64_t seed, std::string_view key) {
  return XXH3_64bits_withSeed(key.data(), key.size(), seed);
}

bool Gazetteer::add(std::span<const std::string_view> keys, int category) {
  if (keys.empty() || keys.size() > kMaxPhraseTokens || category < 0 || category >= kMaxCategories) return false;
  for (std::string_view key : keys)
    if (key.empty()) return false;
  std::uint64_t prefix = 0;
  std::uint32_t* node = nullptr;  // valid until the next insertion
  for (std::size_t i = 0; i < keys.size(); ++i) {
    prefix = extend(prefix, keys[i]);
    node = nodes_.try_emplace(prefix, 0).first;
    if (i + 1 < keys.size()) *node |= kHasLonger;
  }
  const std::uint32_t bit = 1u << category;
  if ((*node & bit) == 0) ++phrase_count_;
  *node |= bit;
  return true;
}

void Gazetteer::longest_matches(std::span<const std::string_view> keys, Matches& out) const {
  out = Matches();
  const std::size_t limit = std::min(keys.size(), kMaxPhraseTokens);
  std::uint64_t prefix = 0;
  for (std::size_t i = 0; i < limit; ++i) {
    if (keys[i].empty()) return;
    prefix = extend(prefix, keys[i]);
    const std::uint32_t* node = nodes_.find(prefix);
    if (node == nullptr) return;
    for (int c = 0; c < kMaxCategories; ++c)
      if (*node & (1u << c)) out.length[static_cast<std::size_t>(c)] = static_cast<std::uint8_t>(i + 1);
    if ((*node & kHasLonger) == 0) return;
  }
}

bool Gazetteer::contains(std::string_view key, int category) const {
  if (category < 0 || category >= kMaxCategories) return false;
  const std::uint32_t* node = nodes_.find(extend(0, key));
  return node != nullptr && (*node & (1u << category)) != 0;
}

}  // namespace newsmine
