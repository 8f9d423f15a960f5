#include "models/corpus_names.h"

namespace newsmine {
namespace {

bool named_by_corpus(EntityLabel label) { return label == EntityLabel::person || label == EntityLabel::org; }

// The key of a name or an ending: its label, then its words.
std::string key(EntityLabel label, std::string_view words) {
  std::string out(label == EntityLabel::person ? "P " : "O ");
  out += words;
  return out;
}

}  // namespace

void CorpusNames::resolve(std::vector<EntityMention>& mentions) const {
  for (EntityMention& mention : mentions) {
    if (!named_by_corpus(mention.label) || mention.canonical.empty()) continue;
    const auto found = endings_.find(key(mention.label, mention.canonical));
    if (found == endings_.end()) continue;
    const Name& leader = names_[found->second.leader];
    if (2 * leader.mentions > found->second.mentions) mention.canonical = leader.text;
  }
}

void CorpusNames::learn(const std::vector<EntityMention>& mentions) {
  for (const EntityMention& mention : mentions) {
    if (!named_by_corpus(mention.label)) continue;
    const std::string& text = mention.canonical;  // single-spaced by entity_surface()
    if (text.find(' ') == std::string::npos) continue;
    std::size_t index = 0;
    if (const auto known = by_name_.find(key(mention.label, text)); known != by_name_.end()) {
      index = known->second;
    } else {
      if (names_.size() >= options_.max_names) continue;
      index = names_.size();
      names_.push_back(Name{text, 0});
      by_name_.emplace(key(mention.label, text), index);
    }
    const std::uint64_t used = ++names_[index].mentions;
    // Every shorter ending: the words after each space.
    for (std::size_t space = text.find(' '); space != std::string::npos; space = text.find(' ', space + 1)) {
      Ending& ending = endings_[key(mention.label, std::string_view(text).substr(space + 1))];
      ++ending.mentions;
      if (ending.mentions == 1 || used > names_[ending.leader].mentions) ending.leader = index;
    }
  }
}

}  // namespace newsmine
