// RuleSet: named RE2 patterns read from a rules file, matched as a lexer does.
//
// A rules file has one rule per line, `name<TAB>pattern`, after a header
// comment with a version line (see rule_files.h). Patterns may use
// placeholders such as {MONTH}; the caller supplies their expansions, usually
// alternations built from word lists. A pattern may open with a look-behind,
// `(?<=in\s+)`, which RE2 itself lacks: the text just before the match must
// end with it (at most 64 bytes of it are looked at), and it is not part of
// the match ("in May" -> "May").
//
// scan() reads the text left to right, maximal munch: at the leftmost
// position where any rule matches, every rule that matches there is a
// candidate, the longest first (equal lengths: the earlier rule); the caller's
// `accept` reads each in turn until one is a real mention ("$2020" is no
// year), and scanning resumes at its end. When none is accepted, scanning
// resumes one byte further on. Each rule matches leftmost-longest.
//
// Several rule sets can be joined into one (join()), each keeping its rules
// in its own lane: a RuleScan of a text scans each lane exactly as scan()
// would scan that set alone, one lane after the other, but the work shared by
// all lanes is done once: finding where rules can begin, and how far matches
// reach. A lane may be told to pass over spans (a number inside a date).
//
// How it is fast: a byte scanner (RuleAnchors) finds the positions where a
// rule can begin, from an analysis of the patterns (pattern_starts.h); there
// one DFA run of the union of all rules tells how far the longest match
// reaches, and the matches of every rule there are looked up in a small
// per-thread cache keyed by those bytes (match_cache.h), or else found with
// an RE2::Set, one DFA run per matching rule, and a submatch run for the
// candidate offered. scan_reference() computes the same result by trying
// every rule at every byte, for tests. Rules are compiled once; a RuleSet is
// immutable and safe to share between threads (the cache is per thread).
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
#include "models/rule_anchors.h"
#include "models/rule_pattern.h"

namespace re2 {
class RE2;
}  // namespace re2

namespace newsmine {

class RuleScan;

struct RuleMatch {
  int lane = 0;                          // the rule set, in a joined one
  int rule = 0;                          // index into that rule set's rules()
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

  using Placeholders = newsmine::Placeholders;  // name -> expansion (rule_pattern.h)

  // Reads, expands and compiles every rule. A bad pattern, an unknown
  // placeholder or a malformed line is an error naming file:line.
  static Status compile(std::string_view file_name, std::string_view bytes, const Placeholders& placeholders,
                        std::unique_ptr<const RuleSet>& out);
  // Reads the rules file `file_name` from `data`, then compiles it as above.
  static Status load(const ModelData& data, std::string_view file_name, const Placeholders& placeholders,
                     std::unique_ptr<const RuleSet>& out);
  // One rule set over the rules of `lanes` (compiled sets, each a lane in
  // this order), for RuleScan and scan_lanes(). The lanes are borrowed: they
  // must outlive the joined set.
  static Status join(const std::vector<const RuleSet*>& lanes, std::unique_ptr<const RuleSet>& out);

  // The rules of a compiled set (empty for a joined one: see its lanes).
  const std::vector<Rule>& rules() const { return rules_; }
  std::size_t lanes() const;
  // True when no rule can tell the digits 1-9 apart, so that the match cache
  // shares its entries between "5,139 mln" and "2,417 mln" (match_cache.h).
  bool folds_digits() const;

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

  // Maximal-munch scan of `text` by a one-lane (compiled) set. Thread-safe.
  void scan(std::string_view text, const Accept& accept) const;
  // Scans every lane of a joined set: lane i's candidates go to accept[i],
  // lane 0 first. Thread-safe.
  void scan_lanes(std::string_view text, const std::vector<Accept>& accept) const;

  // The same result as scan(), by trying every rule at every byte: slow and
  // obvious, for tests of the fast path.
  void scan_reference(std::string_view text, const Accept& accept) const;

  ~RuleSet();

  struct Impl;  // what is built from the rules (rule_set_impl.h)

 private:
  friend class RuleScan;
  RuleSet() = default;
  std::vector<Rule> rules_;
  std::unique_ptr<Impl> impl_;
};

// One text being scanned by a (joined) rule set, lane by lane: where rules
// can begin is found once, in the constructor; each lane() call scans one
// lane over it. Use on one thread; the rule set and text must outlive it.
//
//   RuleScan scan(joined, text);
//   scan.lane(0, accept_date);
//   scan.lane(1, accept_number, date_spans);  // no number begins inside a date
class RuleScan {
 public:
  RuleScan(const RuleSet& rules, std::string_view text);
  RuleScan(RuleScan&&) noexcept;
  ~RuleScan();

  struct Span {
    std::uint32_t start = 0, end = 0;
    bool operator==(const Span&) const = default;
  };
  // Scans lane `lane` (maximal munch). No candidate is offered that begins
  // inside one of `skip` (sorted by start, not overlapping).
  void lane(std::size_t lane, const RuleSet::Accept& accept, const std::vector<Span>& skip = {});
  // The first half of lane(): how far the longest match reaches at each
  // anchor of `lane`, kept for the lane() call with the same skip that
  // follows. Preparing many texts' scans before scanning any keeps the regex
  // engine's states in the CPU caches (FactExtractor's batches).
  void prepare(std::size_t lane, const std::vector<Span>& skip = {});

  struct Reach;

 private:
  const RuleSet& rules_;
  std::string_view text_;
  std::vector<RuleAnchors::Anchor> anchors_;
  RuleMask possible_;  // the rules whose required words the text has (rule_anchors.h)
  // What prepare() measured: for this lane and skip, or none.
  std::size_t prepared_lane_ = ~std::size_t{0};
  std::vector<Span> prepared_skip_;
  std::vector<Reach> prepared_;
};

}  // namespace newsmine
