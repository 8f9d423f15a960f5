#include "models/corpus_names.h"

namespace newsmine {
namespace {

// The words of a canonical name (already single-spaced by entity_surface()).
std::vector<std::string> words_of(const std::string& name) {
  std::vector<std::string> words;
  std::size_t start = 0;
  while (start < name.size()) {
    std::size_t space = name.find(' ', start);
    if (space == std::string::npos) space = name.size();
    if (space > start) words.emplace_back(name, start, space - start);
    start = space + 1;
  }
  return words;
}

bool named_by_corpus(EntityLabel label) { return label == EntityLabel::person || label == EntityLabel::org; }

}  // namespace

std::string CorpusNames::key(EntityLabel label, const std::string& last_word) {
  return std::string(label == EntityLabel::person ? "P " : "O ") + last_word;
}

void CorpusNames::resolve(std::vector<EntityMention>& mentions) const {
  for (EntityMention& mention : mentions) {
    if (!named_by_corpus(mention.label)) continue;
    const std::vector<std::string> words = words_of(mention.canonical);
    if (words.empty()) continue;
    const auto found = by_last_word_.find(key(mention.label, words.back()));
    if (found == by_last_word_.end()) continue;
    // The fuller names this one is the end of, and how often each was used.
    std::uint64_t total = 0;
    const Name* best = nullptr;
    for (std::size_t index : found->second) {
      const Name& name = names_[index];
      if (name.words.size() <= words.size()) continue;
      const std::size_t offset = name.words.size() - words.size();
      bool ends_with = true;
      for (std::size_t i = 0; i < words.size() && ends_with; ++i) ends_with = name.words[offset + i] == words[i];
      if (!ends_with) continue;
      total += name.mentions;
      if (best == nullptr || name.mentions > best->mentions) best = &name;  // ties: the first seen
    }
    if (best != nullptr && 2 * best->mentions > total) mention.canonical = best->text;
  }
}

void CorpusNames::learn(const std::vector<EntityMention>& mentions) {
  for (const EntityMention& mention : mentions) {
    if (!named_by_corpus(mention.label)) continue;
    std::vector<std::string> words = words_of(mention.canonical);
    if (words.size() < 2) continue;
    const std::string text_key = key(mention.label, mention.canonical);
    const auto known = by_text_.find(text_key);
    if (known != by_text_.end()) {
      ++names_[known->second].mentions;
      continue;
    }
    if (names_.size() >= options_.max_names) continue;
    by_last_word_[key(mention.label, words.back())].push_back(names_.size());
    by_text_.emplace(text_key, names_.size());
    names_.push_back(Name{mention.canonical, std::move(words), 1});
  }
}

}  // namespace newsmine
