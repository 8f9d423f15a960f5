#include "models/rule_pattern.h"

#include <algorithm>

#include "models/rule_files.h"

namespace newsmine {
namespace {

// A run of whitespace-separated tokens: what a word list stands for in a
// light pattern. A token ends at a word boundary or on a mark ("Nov.",
// "US$"), so that a split never falls inside a word ("dlr|s"); trailing
// white space is taken only when the rest of the pattern leaves it over.
constexpr std::string_view kTokenRun = "(?:\\S*\\w\\b|\\S*[^\\w\\s])(?:\\s+(?:\\S*\\w\\b|\\S*[^\\w\\s]))*\\s*?";

bool is_placeholder_char(char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'; }

// The length of a leading "(?<=X)" in `pattern` (0 when there is none), or
// npos when it is not closed.
std::size_t lookbehind_length(std::string_view pattern) {
  if (!pattern.starts_with("(?<=")) return 0;
  int depth = 0;
  bool in_class = false;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (c == '\\') {
      ++i;
    } else if (in_class) {
      in_class = c != ']';
    } else if (c == '[') {
      in_class = true;
      if (i + 1 < pattern.size() && pattern[i + 1] == ']') ++i;  // "[]...]"
    } else if (c == '(') {
      ++depth;
    } else if (c == ')' && --depth == 0) {
      return i + 1;
    }
  }
  return std::string_view::npos;
}

// Replaces {NAME} with its expansion in `exact`, and in `light` (when not
// null) long expansions with a token run; "{1,3}" and other repetitions stay.
Status expand(std::string_view file_name, int line, std::string_view pattern, const Placeholders& placeholders,
              std::string& exact, std::string* light, std::vector<std::string>* lists) {
  exact.clear();
  if (light != nullptr) light->clear();
  auto append = [&](std::string_view piece) {
    exact += piece;
    if (light != nullptr) *light += piece;
  };
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '\\' && i + 1 < pattern.size()) {
      append(pattern.substr(i, 2));
      ++i;
      continue;
    }
    if (pattern[i] == '{' && i + 1 < pattern.size() && pattern[i + 1] >= 'A' && pattern[i + 1] <= 'Z') {
      std::size_t close = i + 1;
      while (close < pattern.size() && is_placeholder_char(pattern[close])) ++close;
      if (close < pattern.size() && pattern[close] == '}') {
        const std::string_view name = pattern.substr(i + 1, close - i - 1);
        auto found = placeholders.find(name);
        if (found == placeholders.end()) {
          return data_error(file_name, line, "unknown placeholder {" + std::string(name) + "}");
        }
        exact += found->second;
        if (light != nullptr) {
          if (found->second.size() >= kLightListLength) {
            *light += "(?P<" + light_group_name(lists->size()) + ">" + std::string(kTokenRun) + ")";
            lists->emplace_back(name);
          } else {
            *light += found->second;
          }
        }
        i = close;
        continue;
      }
    }
    append(pattern.substr(i, 1));
  }
  return {};
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// The length of a counted repetition "{2}", "{1,3}", "{2,}" at `at`, or 0
// when the brace there is a literal one.
std::size_t repetition_length(std::string_view pattern, std::size_t at) {
  std::size_t i = at + 1;
  const std::size_t first = i;
  while (i < pattern.size() && is_digit(pattern[i])) ++i;
  if (i == first) return 0;
  if (i < pattern.size() && pattern[i] == ',') {
    ++i;
    while (i < pattern.size() && is_digit(pattern[i])) ++i;
  }
  return i < pattern.size() && pattern[i] == '}' ? i + 1 - at : 0;
}

// The position after the escape at `at` (a backslash), or npos when the
// escape may name one nonzero digit on its own (an octal code, \Q).
std::size_t skip_escape(std::string_view pattern, std::size_t at) {
  if (at + 1 >= pattern.size()) return pattern.size();
  const char c = pattern[at + 1];
  if (is_digit(c) || c == 'Q') return std::string_view::npos;
  if (c == 'x' || c == 'p' || c == 'P') {  // \x41, \x{A0}, \pN, \p{Greek}
    if (at + 2 < pattern.size() && pattern[at + 2] == '{') {
      const std::size_t close = pattern.find('}', at + 2);
      return close == std::string_view::npos ? pattern.size() : close + 1;
    }
    return std::min(pattern.size(), at + (c == 'x' ? 4 : 3));
  }
  return at + 2;
}

// The nonzero digits a character class "[...]" at `at` contains (bit d for
// digit d), and the position after it; npos when it cannot be followed.
std::size_t class_digits(std::string_view pattern, std::size_t at, unsigned& digits) {
  digits = 0;
  std::size_t i = at + 1;
  if (i < pattern.size() && pattern[i] == '^') ++i;
  bool first = true;
  while (i < pattern.size() && (pattern[i] != ']' || first)) {
    first = false;
    if (pattern.compare(i, 2, "[:") == 0) {  // [:digit:], [:alnum:]...: all digits or none, alike either way
      const std::size_t close = pattern.find(":]", i + 2);
      if (close == std::string_view::npos) return std::string_view::npos;
      digits |= 0x3FE;
      i = close + 2;
      continue;
    }
    const unsigned char low = static_cast<unsigned char>(pattern[i]);
    if (low == '\\') {
      if (i + 1 < pattern.size() && (pattern[i + 1] == 'd' || pattern[i + 1] == 'w')) digits |= 0x3FE;
      const std::size_t next = skip_escape(pattern, i);
      if (next == std::string_view::npos) return next;
      i = next;
      continue;  // other escapes (\s, \x{A0}, \-) hold no ASCII digit
    }
    unsigned char high = low;
    if (i + 2 < pattern.size() && pattern[i + 1] == '-' && pattern[i + 2] != ']') {
      high = static_cast<unsigned char>(pattern[i + 2]);
      if (high == '\\') return std::string_view::npos;  // a range ending in an escape: not followed
      i += 3;
    } else {
      ++i;
    }
    for (unsigned char d = '1'; d <= '9'; ++d)
      if (low <= d && d <= high) digits |= 1u << (d - '0');
  }
  return i < pattern.size() ? i + 1 : std::string_view::npos;
}

}  // namespace

bool treats_nonzero_digits_alike(std::string_view pattern) {
  constexpr unsigned kAllNonzero = 0x3FE;
  for (std::size_t i = 0; i < pattern.size();) {
    const char c = pattern[i];
    if (c == '\\') {
      i = skip_escape(pattern, i);
      if (i == std::string_view::npos) return false;
    } else if (c == '[') {
      unsigned digits = 0;
      i = class_digits(pattern, i, digits);
      if (i == std::string_view::npos || (digits != 0 && digits != kAllNonzero)) return false;
    } else if (c == '{') {
      const std::size_t length = repetition_length(pattern, i);
      i += length > 0 ? length : 1;
    } else if (pattern.compare(i, 4, "(?P<") == 0) {  // a group name may hold digits
      const std::size_t close = pattern.find('>', i);
      if (close == std::string_view::npos) return false;
      i = close + 1;
    } else {
      if (c >= '1' && c <= '9') return false;
      ++i;
    }
  }
  return true;
}

std::string light_group_name(std::size_t index) { return "_l" + std::to_string(index); }

Status expand_rule(std::string_view file_name, int line, std::string_view pattern, const Placeholders& placeholders,
                   RulePattern& out) {
  const std::size_t behind = lookbehind_length(pattern);
  if (behind == std::string_view::npos) return data_error(file_name, line, "unclosed look-behind (?<=...)");
  std::string ignored;
  if (Status s = expand(file_name, line, behind > 0 ? pattern.substr(4, behind - 5) : std::string_view(),
                        placeholders, out.lookbehind, nullptr, nullptr);
      !s.ok()) {
    return s;
  }
  out.light_lists.clear();
  if (Status s = expand(file_name, line, pattern.substr(behind), placeholders, out.exact, &out.light, &out.light_lists);
      !s.ok()) {
    return s;
  }
  if (out.light_lists.empty()) out.light.clear();
  return {};
}

}  // namespace newsmine
