// RuleSet: named RE2 patterns read from a rules file, matched in one pass.
//
// A rules file has one rule per line, `name<TAB>pattern`, after a header
// comment with a version line (see rule_files.h). Patterns may use
// placeholders such as {MONTH}; the caller supplies their expansions, usually
// alternations built from word lists. A rule may mark the part of its match
// that is the mention with a group named "span" (cue words such as "in" in
// "in 2019" then stay outside); otherwise the whole match is the span.
//
// find_all() first runs one RE2::Set over the text to learn which rules match
// at all, then collects every match of just those rules with RE2::Match at
// explicit start positions (so \b sees the text before the start). Rules are
// compiled once in compile(); a RuleSet is immutable and safe to share between
// threads.
//
//   std::unique_ptr<const RuleSet> rules;
//   if (Status s = RuleSet::compile("dates.rules", bytes, placeholders, rules); !s.ok()) return s;
//   std::vector<RuleMatch> matches;
//   rules->find_all(text, matches);
//   for (std::size_t i : select_longest(matches)) use(matches[i]);
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/status.h"
#include "models/model_data.h"

namespace re2 {
class RE2;
}  // namespace re2

namespace newsmine {

struct RuleMatch {
  int rule = 0;                          // index into RuleSet::rules()
  std::uint32_t start = 0;               // the span: group "span" if the rule has one,
  std::uint32_t end = 0;                 //   else the whole match (UTF-8 byte offsets)
  std::vector<std::string_view> groups;  // 0: whole match; i: capturing group i (data() == nullptr if unset)
};

// Picks non-overlapping matches: the longest span wins, then the leftmost, then
// the rule that comes first in the file. Returns indices sorted by start.
std::vector<std::size_t> select_longest(const std::vector<RuleMatch>& matches);

class RuleSet {
 public:
  struct Rule {
    std::string name;               // the rule's name, e.g. "month_day_year"
    int line = 0;                   // its line in the rules file
    std::shared_ptr<re2::RE2> regex;
    int span_group = -1;            // index of the "span" group, or -1
  };

  using Placeholders = std::map<std::string, std::string, std::less<>>;

  // Reads, expands and compiles every rule. A bad pattern, an unknown
  // placeholder or a malformed line is an error naming file:line.
  static Status compile(std::string_view file_name, std::string_view bytes, const Placeholders& placeholders,
                        std::unique_ptr<const RuleSet>& out);
  // Reads the rules file `file_name` from `data`, then compiles it as above.
  static Status load(const ModelData& data, std::string_view file_name, const Placeholders& placeholders,
                     std::unique_ptr<const RuleSet>& out);

  const std::vector<Rule>& rules() const { return rules_; }

  // How rules of one name are handled: the caller's handler id, and the
  // capture groups every rule of that name must define.
  struct Handler {
    std::string_view name;
    int id;
    std::vector<std::string_view> required;
  };
  // A rule bound to its handler, with the index of each group the caller
  // asked for (-1 where the rule lacks it), in the order of `group_names`.
  struct Binding {
    int handler = 0;
    std::vector<int> groups;
  };
  // Binds every rule to the handler of its name. An unknown rule name or a
  // missing required group is an error naming file:line.
  Status bind(std::string_view file_name, const std::vector<Handler>& handlers,
              const std::vector<std::string_view>& group_names, std::vector<Binding>& out) const;

  // Index of the capturing group `name` in rule `rule`, or -1.
  int group(int rule, std::string_view name) const;

  // Appends every match of every rule to `out` (leftmost-first within a rule,
  // matches of one rule do not overlap each other). Thread-safe.
  void find_all(std::string_view text, std::vector<RuleMatch>& out) const;

  ~RuleSet();

 private:
  RuleSet() = default;
  struct Impl;
  std::vector<Rule> rules_;
  std::unique_ptr<Impl> impl_;
};

}  // namespace newsmine
