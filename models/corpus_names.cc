#include "models/corpus_names.h"

#include "models/byte_pack.h"

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

// Names in index order with their counts, then by_name_ as (key, index)
// pairs (a name's label is only in its key), then the endings by key.
void CorpusNames::save(std::string& out) const {
  BytePacker pack(out);
  pack.value(static_cast<std::uint64_t>(names_.size()));
  for (const Name& name : names_) {
    pack.string(name.text);
    pack.value(name.mentions);
  }
  for (const auto& [name_key, index] : by_name_) {
    pack.string(name_key);
    pack.value(static_cast<std::uint64_t>(index));
  }
  pack.value(static_cast<std::uint64_t>(endings_.size()));
  for (const auto& [ending_key, ending] : endings_) {
    pack.string(ending_key);
    pack.value(ending.mentions);
    pack.value(static_cast<std::uint64_t>(ending.leader));
  }
}

bool CorpusNames::load(std::string_view bytes) {
  const auto fail = [this] {
    names_.clear();
    by_name_.clear();
    endings_.clear();
    return false;
  };
  fail();
  ByteUnpacker unpack(bytes);
  const auto names = unpack.value<std::uint64_t>();
  for (std::uint64_t i = 0; i < names && unpack.ok(); ++i) {
    Name name;
    name.text = unpack.string();
    name.mentions = unpack.value<std::uint64_t>();
    names_.push_back(std::move(name));
  }
  for (std::uint64_t i = 0; i < names && unpack.ok(); ++i) {
    std::string name_key = unpack.string();
    const auto index = unpack.value<std::uint64_t>();
    if (index >= names_.size()) return fail();
    by_name_.emplace(std::move(name_key), static_cast<std::size_t>(index));
  }
  const auto endings = unpack.value<std::uint64_t>();
  for (std::uint64_t i = 0; i < endings && unpack.ok(); ++i) {
    std::string ending_key = unpack.string();
    Ending ending;
    ending.mentions = unpack.value<std::uint64_t>();
    ending.leader = static_cast<std::size_t>(unpack.value<std::uint64_t>());
    if (ending.leader >= names_.size()) return fail();
    endings_.emplace(std::move(ending_key), ending);
  }
  if (!unpack.ok() || !unpack.done() || by_name_.size() != names_.size()) return fail();
  return true;
}

}  // namespace newsmine
