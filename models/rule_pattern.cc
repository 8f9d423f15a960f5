#include "models/rule_pattern.h"

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

}  // namespace

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
