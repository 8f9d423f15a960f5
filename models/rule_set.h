// RuleSet: named RE2 patterns read from a rules file, matched as a lexer does.
//
// A rules file has one rule per line, `name<TAB>pattern`, after a header
// comment with a version line (see rule_files.h). Patterns may use
// placeholders such as {MONTH}; the caller supplies their expansions, usually
// alternations built from word lists. A pattern may open with a look-behind,
// `(?<=in\s+)`, which RE2 itself lacks: the text just before the match must
// end with it, and it is not part of the match ("in May" -> "May").
//
// scan() reads the text left to right, maximal munch: at the leftmost
// position where any rule matches, every rule that matches there is a
// candidate, the longest first (equal lengths: the earlier rule); the caller's
// `accept` reads each in turn until one is a real mention ("$2020" is no
// year), and scanning resumes at its end. When none is accepted, scanning
// resumes one byte further on. Each rule matches leftmost-longest.
//
// The cost is one DFA pass over the text with the union of all rules, plus,
// at each position where a rule matches, one RE2::Set pass over the few bytes
// there and one submatch run per candidate: text where nothing matches costs
// one DFA step per byte. scan_reference() computes the same result by trying
// every rule at every byte, for tests. Rules are compiled once; a RuleSet is
// immutable and safe to share between threads.
//
//   std::unique_ptr<const RuleSet> rules;
//   if (Status s = RuleSet::compile("dates.rules", bytes, placeholders, rules); !s.ok()) return s;
//   rules->scan(text, [&](const RuleMatch& m) { return parse(m); });
#pragma once

#include <cstdint>
#include <functional>
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
  std::uint32_t start = 0;               // UTF-8 byte offsets of the match
  std::uint32_t end = 0;
  std::vector<std::string_view> groups;  // 0: whole match; i: capturing group i (data() == nullptr if unset)
};

class RuleSet {
 public:
  struct Rule {
    std::string name;                      // the rule's name, e.g. "date"
    int line = 0;                          // its line in the rules file
    std::shared_ptr<re2::RE2> regex;       // the pattern, leftmost-longest
    std::shared_ptr<re2::RE2> lookbehind;  // "(?:X)\z" for a leading (?<=X), or null
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

  // Called with each candidate match; true accepts it. The match (and its
  // groups) is valid only during the call.
  using Accept = std::function<bool(const RuleMatch&)>;

  // Maximal-munch scan of `text` (see the header comment). Thread-safe.
  void scan(std::string_view text, const Accept& accept) const;

  // The same result as scan(), by trying every rule at every byte: slow and
  // obvious, for tests of the fast path.
  void scan_reference(std::string_view text, const Accept& accept) const;

  ~RuleSet();

 private:
  RuleSet() = default;
  struct Impl;
  // Every rule in `candidates` that matches at `start` (with its look-behind),
  // appended to `out`, longest first, then in rule order.
  void candidates_at(std::string_view text, std::uint32_t start, const std::vector<int>& candidates,
                     std::vector<RuleMatch>& out) const;
  std::vector<Rule> rules_;
  std::unique_ptr<Impl> impl_;
};

}  // namespace newsmine
