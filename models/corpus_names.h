// CorpusNames: canonical entity names across a corpus, read in input order.
//
// Within an article assign_canonical_names() already maps "Shvydkoy" to
// "Mikhail Shvydkoy" when both appear. An article that names someone by
// surname only, or an organization by its short name ("Majlis"), still gets
// the fuller form when earlier articles of the corpus gave one: resolve()
// looks the mention's canonical up among the fuller PERSON or ORG names seen
// so far that end with the same words, and takes the one that most of those
// mentions used (more than half: "Aliyev" stays "Aliyev" when "Ilham Aliyev"
// and "Heydar Aliyev" are equally common). learn() then adds the article's own
// fuller names. Articles must come in input order, so the result does not
// depend on the thread count.
//
// Each fuller name is filed under every shorter ending of it ("Shvydkoy" for
// "Mikhail Shvydkoy"; "Bank", "Central Bank" for "the Central Bank"...) with
// the running count and leader of that ending, so resolve() is one lookup per
// mention however many names share an ending. Memory is bounded: at most
// `max_names` distinct fuller names are kept (the first ones seen).
// One instance per corpus pass; not thread-safe (the in-order output stage
// calls it).
//
//   CorpusNames names;
//   for each article in input order: names.resolve(mentions); names.learn(mentions);
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "models/mentions.h"

namespace newsmine {

struct CorpusNamesOptions {
  std::size_t max_names = 1u << 20;  // distinct multi-word names remembered
};

class CorpusNames {
 public:
  explicit CorpusNames(CorpusNamesOptions options = {}) : options_(options) {}

  // Gives each PERSON and ORG mention that has no fuller form in its own
  // article the fuller form most earlier mentions used, if there is one.
  void resolve(std::vector<EntityMention>& mentions) const;
  // Remembers the article's multi-word PERSON and ORG canonical names.
  void learn(const std::vector<EntityMention>& mentions);

  std::size_t names() const { return names_.size(); }

  // The whole state as bytes, and back: a distributed run hands the names
  // learned from one rank's articles to the rank holding the next ones.
  // load() returns false (and leaves the names empty) on bytes save() did not write.
  void save(std::string& out) const;
  bool load(std::string_view bytes);

 private:
  struct Name {
    std::string text;            // "Mikhail Shvydkoy"
    std::uint64_t mentions = 0;  // how often articles used it
  };
  // The fuller names that end with some words: how often they were used in
  // all, and the one used most.
  struct Ending {
    std::uint64_t mentions = 0;
    std::size_t leader = 0;  // index into names_
  };

  CorpusNamesOptions options_;
  std::vector<Name> names_;
  std::unordered_map<std::string, std::size_t> by_name_;  // label + name -> index into names_
  std::unordered_map<std::string, Ending> endings_;       // label + ending -> its fuller names
};

}  // namespace newsmine
