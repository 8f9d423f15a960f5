#include "models/entity_canonical.h"

#include <unordered_map>

#include "tokenizers/token.h"

namespace newsmine {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

std::vector<std::string_view> words_of(std::string_view surface) {
  std::vector<std::string_view> words;
  std::size_t start = 0;
  while (start <= surface.size()) {
    std::size_t space = surface.find(' ', start);
    if (space == std::string_view::npos) space = surface.size();
    if (space > start) words.push_back(surface.substr(start, space - start));
    start = space + 1;
  }
  return words;
}

bool ends_with_words(const std::vector<std::string_view>& longer, const std::vector<std::string_view>& shorter) {
  if (shorter.size() >= longer.size()) return false;
  const std::size_t offset = longer.size() - shorter.size();
  for (std::size_t i = 0; i < shorter.size(); ++i)
    if (longer[offset + i] != shorter[i]) return false;
  return true;
}

}  // namespace

std::string entity_surface(std::string_view text, const EntityMention& mention) {
  std::string surface;
  bool pending_space = false;
  for (char c : span_text(text, mention.start, mention.end)) {
    if (is_space(c)) {
      pending_space = !surface.empty();
      continue;
    }
    if (pending_space) surface.push_back(' ');
    pending_space = false;
    surface.push_back(c);
  }
  return surface;
}

void assign_canonical_names(std::string_view text, std::vector<EntityMention>& mentions) {
  const std::size_t n = mentions.size();
  std::vector<std::string> surfaces(n);
  std::vector<std::vector<std::string_view>> words(n);
  // Mentions that may lend their form to shorter ones, by label and last word.
  std::unordered_map<std::string_view, std::vector<std::size_t>> by_last_word[2];
  for (std::size_t i = 0; i < n; ++i) surfaces[i] = entity_surface(text, mentions[i]);
  for (std::size_t i = 0; i < n; ++i) {
    words[i] = words_of(surfaces[i]);
    const EntityLabel label = mentions[i].label;
    if (words[i].size() >= 2 && (label == EntityLabel::person || label == EntityLabel::org))
      by_last_word[label == EntityLabel::person ? 0 : 1][words[i].back()].push_back(i);
  }

  for (std::size_t i = 0; i < n; ++i) {
    EntityMention& mention = mentions[i];
    mention.canonical = surfaces[i];
    const EntityLabel label = mention.label;
    if (words[i].empty() || (label != EntityLabel::person && label != EntityLabel::org)) continue;
    const auto& index = by_last_word[label == EntityLabel::person ? 0 : 1];
    auto found = index.find(words[i].back());
    if (found == index.end()) continue;
    std::size_t best = n;
    for (std::size_t j : found->second) {
      if (j == i || !ends_with_words(words[j], words[i])) continue;
      if (best == n || words[j].size() > words[best].size()) {
        best = j;
        continue;
      }
      if (words[j].size() < words[best].size()) continue;
      // Same length: prefer the nearest one before this mention, else the first after it.
      const bool j_before = j < i;
      const bool best_before = best < i;
      if ((j_before && (!best_before || j > best)) || (!j_before && !best_before && j < best)) best = j;
    }
    if (best != n) mention.canonical = surfaces[best];
  }
}

}  // namespace newsmine
