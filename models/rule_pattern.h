// RulePattern: one rule's pattern text as the rule set compiles it.
//
// expand_rule() replaces the placeholders ({MONTH}) with their expansions and
// splits off a leading look-behind "(?<=X)". It also writes a light version
// of the pattern for submatches: every long placeholder (a word list) becomes
// a generic run of tokens in a group of its own, (?P<_l0>TOKEN(?:\s+TOKEN)*), so
// that RE2's submatch engine walks a small program instead of a trie of
// hundreds of words. A match found with the light pattern stands only when
// the text of each such group matches the word list itself (see rule_scan.cc).
// Pure functions, thread-safe.
//
//   RulePattern pattern;
//   if (Status s = expand_rule("dates.rules", 12, "(?P<month>{MONTH})\\s+\\d+", placeholders, pattern); !s.ok()) ...
//   // pattern.exact: "(?P<month>(?:\b(?:January|...)\b))\s+\d+"
//   // pattern.light: "(?P<month>(?P<_l0>TOKEN(?:\s+TOKEN)*))\s+\d+", light_lists {"MONTH"}
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/status.h"

namespace newsmine {

using Placeholders = std::map<std::string, std::string, std::less<>>;

struct RulePattern {
  std::string exact;                     // placeholders expanded, look-behind removed
  std::string lookbehind;                // the look-behind's pattern, or empty
  std::string light;                     // see above; empty when no placeholder is long
  std::vector<std::string> light_lists;  // the placeholder of each (?P<_lN>...) group, in order
};

// Expansions at least this long are word lists, generic in the light pattern.
inline constexpr std::size_t kLightListLength = 64;

// A bad placeholder or an unclosed look-behind is an error naming file:line.
Status expand_rule(std::string_view file_name, int line, std::string_view pattern, const Placeholders& placeholders,
                   RulePattern& out);

// The name of light group `index`: "_l0", "_l1", ...
std::string light_group_name(std::size_t index);

// True when the RE2 pattern cannot tell the digits 1-9 apart: every part of
// it that matches one of them matches them all (\d, [0-9], [1-9], ".", and
// the literal 0 are fine; a literal 7, [0-5] or an octal escape are not).
// Then what it matches at a position does not change when each of those
// digits is replaced by another, and a match cache may key text so.
// Conservative: syntax it does not follow (\Q...\E) counts as telling apart.
bool treats_nonzero_digits_alike(std::string_view pattern);

}  // namespace newsmine
