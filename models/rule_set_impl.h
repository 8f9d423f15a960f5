// What a RuleSet builds from its rules, shared by rule_set.cc (compiling and
// joining) and rule_scan.cc (scanning). Private to those two files.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <re2/re2.h>
#include <re2/set.h>

#include "models/pattern_starts.h"
#include "models/rule_anchors.h"
#include "models/rule_set.h"

namespace newsmine {

// A look-behind sees at most this many bytes before the match.
inline constexpr std::size_t kLookbehindReach = 64;

// How a rule's submatches can be found with its light pattern (rule_pattern.h).
struct LightCapture {
  std::shared_ptr<re2::RE2> regex;  // null: the rule has no word list; use its own pattern
  std::vector<int> groups;          // for each group of the rule's pattern (0: the whole match), its group in `regex`
  // A group of `regex` and the word list whose language its text must be in.
  std::vector<std::pair<int, std::shared_ptr<re2::RE2>>> checks;
};

// Built from all rules together: where (and which) rules can begin, how far
// the longest match from there reaches, and which rules match there. A
// joined set has only the anchors (over the rules of all its lanes, lane by
// lane); each lane scans with its own set's union, Set and cache, which stay
// small.
struct RuleSet::Impl {
  std::uint64_t id = 0;               // tells the per-thread caches of rule sets apart
  std::vector<std::string> patterns;  // each rule's expanded pattern, without its look-behind
  std::vector<PatternStarts> starts;  // where each rule can begin
  std::vector<LightCapture> light;    // each rule's light submatch
  std::unique_ptr<RuleAnchors> anchors;
  std::unique_ptr<re2::RE2> any;            // (?:r1)|(?:r2)|..., leftmost-longest, no captures
  std::unique_ptr<re2::RE2::Set> matching;  // (?:^|\C)(?:ri), from the byte before a position
  bool nonzero_digits_alike = false;        // every rule: treats_nonzero_digits_alike() (match_cache.h)

  std::vector<const RuleSet*> lanes;   // the compiled set of each lane (for a compiled set: itself)
  std::vector<std::size_t> first_rule;  // where each lane's rules begin among the anchors' rules
  std::vector<RuleMask> lane_rules;     // each lane's rules among the anchors' rules

  // Builds `any` and `matching` from `patterns`, the anchors from `starts`,
  // and `lane_rules` from `lanes` and `first_rule`.
  Status finish(std::string_view name, bool matchers);
};

}  // namespace newsmine
