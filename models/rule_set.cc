#include "models/rule_set.h"

#include <algorithm>
#include <utility>

#include <re2/re2.h>
#include <re2/set.h>

#include "models/model_data.h"
#include "models/rule_files.h"

namespace newsmine {
namespace {

// A look-behind sees at most this many bytes before the match.
constexpr std::size_t kLookbehindReach = 64;

RE2::Options rule_options(bool capture) {
  RE2::Options options;
  options.set_encoding(RE2::Options::EncodingUTF8);
  options.set_log_errors(false);
  options.set_longest_match(true);
  options.set_never_capture(!capture);
  // The union of all rules is one large DFA; a small budget would push RE2
  // onto its much slower NFA.
  options.set_max_mem(capture ? 32 << 20 : 256 << 20);
  return options;
}

bool is_placeholder_char(char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'; }

// Replaces {NAME} with its expansion; "{1,3}" and other repetitions stay.
Status expand(std::string_view file_name, int line, std::string_view pattern,
              const RuleSet::Placeholders& placeholders, std::string& out) {
  out.clear();
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '\\' && i + 1 < pattern.size()) {
      out += pattern.substr(i, 2);
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
        out += found->second;
        i = close;
        continue;
      }
    }
    out += pattern[i];
  }
  return {};
}

// Splits a leading "(?<=X)" off `pattern`: X goes to `lookbehind`, the rest
// stays. False when the group is not closed.
bool split_lookbehind(std::string& pattern, std::string& lookbehind) {
  lookbehind.clear();
  if (!pattern.starts_with("(?<=")) return true;
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
      lookbehind = pattern.substr(4, i - 4);
      pattern.erase(0, i + 1);
      return true;
    }
  }
  return false;
}

// The offset of a match piece inside `text`.
std::uint32_t offset_in(std::string_view text, const re2::StringPiece& piece) {
  return static_cast<std::uint32_t>(piece.data() - text.data());
}

}  // namespace

// The two matchers built from all rules together: `any` finds where the next
// match starts, `starts` tells which rules can match there.
struct RuleSet::Impl {
  std::unique_ptr<RE2> any;          // (?:r1)|(?:r2)|..., leftmost-longest, no captures
  std::unique_ptr<RE2::Set> starts;  // (?:^|\C)(?:ri), anchored at the byte before the start
};

RuleSet::~RuleSet() = default;

Status RuleSet::bind(std::string_view file_name, const std::vector<Handler>& handlers,
                     const std::vector<std::string_view>& group_names, std::vector<Binding>& out) const {
  out.assign(rules_.size(), {});
  for (std::size_t r = 0; r < rules_.size(); ++r) {
    const Rule& rule = rules_[r];
    const Handler* handler = nullptr;
    for (const Handler& candidate : handlers)
      if (candidate.name == rule.name) handler = &candidate;
    if (handler == nullptr) return data_error(file_name, rule.line, "unknown rule name '" + rule.name + "'");
    for (std::string_view required : handler->required)
      if (group(static_cast<int>(r), required) < 0)
        return data_error(file_name, rule.line,
                          "rule '" + rule.name + "' needs a group (?P<" + std::string(required) + ">...)");
    out[r].handler = handler->id;
    for (std::string_view name : group_names) out[r].groups.push_back(group(static_cast<int>(r), name));
  }
  return {};
}

Status RuleSet::load(const ModelData& data, std::string_view file_name, const Placeholders& placeholders,
                     std::unique_ptr<const RuleSet>& out) {
  std::string bytes;
  if (Status s = data.read(file_name, bytes); !s.ok()) return s;
  return compile(file_name, bytes, placeholders, out);
}

Status RuleSet::compile(std::string_view file_name, std::string_view bytes, const Placeholders& placeholders,
                        std::unique_ptr<const RuleSet>& out) {
  if (Status s = check_header(file_name, bytes); !s.ok()) return s;
  std::unique_ptr<RuleSet> rules(new RuleSet());
  rules->impl_ = std::make_unique<Impl>();
  auto starts = std::make_unique<RE2::Set>(rule_options(false), RE2::ANCHOR_START);
  std::string any_pattern;
  std::string expanded, lookbehind;
  for (const ModelData::Line& line : ModelData::content_lines(bytes)) {
    const std::size_t tab = line.text.find('\t');
    if (tab == std::string_view::npos) return data_error(file_name, line.number, "expected name<TAB>pattern");
    const std::string_view name = line.text.substr(0, tab);
    std::string_view pattern = line.text.substr(tab + 1);
    while (!pattern.empty() && (pattern.front() == '\t' || pattern.front() == ' ')) pattern.remove_prefix(1);
    if (name.empty() || pattern.empty()) return data_error(file_name, line.number, "expected name<TAB>pattern");
    if (Status s = expand(file_name, line.number, pattern, placeholders, expanded); !s.ok()) return s;
    if (!split_lookbehind(expanded, lookbehind)) {
      return data_error(file_name, line.number, "unclosed look-behind (?<=...) in rule '" + std::string(name) + "'");
    }
    Rule rule;
    rule.name = std::string(name);
    rule.line = line.number;
    rule.regex = std::make_shared<RE2>(expanded, rule_options(true));
    if (!rule.regex->ok()) {
      return data_error(file_name, line.number,
                        "bad pattern for rule '" + rule.name + "': " + rule.regex->error() + " (at '" +
                            rule.regex->error_arg() + "')");
    }
    if (rule.regex->Match("", 0, 0, RE2::ANCHOR_BOTH, nullptr, 0)) {
      return data_error(file_name, line.number, "rule '" + rule.name + "' matches the empty string");
    }
    if (!lookbehind.empty()) {
      rule.lookbehind = std::make_shared<RE2>("(?:" + lookbehind + ")\\z", rule_options(false));
      if (!rule.lookbehind->ok()) {
        return data_error(file_name, line.number,
                          "bad look-behind for rule '" + rule.name + "': " + rule.lookbehind->error());
      }
    }
    std::string set_error;
    if (starts->Add("(?:^|\\C)(?:" + expanded + ")", &set_error) < 0) {
      return data_error(file_name, line.number, "rule '" + rule.name + "' does not combine: " + set_error);
    }
    if (!any_pattern.empty()) any_pattern += '|';
    any_pattern += "(?:" + expanded + ")";
    rules->rules_.push_back(std::move(rule));
  }
  if (rules->rules_.empty()) return data_error(file_name, 1, "no rules");
  if (!starts->Compile()) return data_error(file_name, 1, "the rules do not fit in one RE2::Set");
  rules->impl_->starts = std::move(starts);
  rules->impl_->any = std::make_unique<RE2>(any_pattern, rule_options(false));
  if (!rules->impl_->any->ok()) {
    return data_error(file_name, 1, "the union of all rules does not compile: " + rules->impl_->any->error());
  }
  out = std::move(rules);
  return {};
}

int RuleSet::group(int rule, std::string_view name) const {
  const auto& names = rules_[static_cast<std::size_t>(rule)].regex->NamedCapturingGroups();
  auto found = names.find(std::string(name));
  return found == names.end() ? -1 : found->second;
}

void RuleSet::candidates_at(std::string_view text, std::uint32_t start, const std::vector<int>& candidates,
                            std::vector<RuleMatch>& out) const {
  thread_local std::vector<re2::StringPiece> pieces;
  const std::size_t first = out.size();
  for (int index : candidates) {
    const Rule& rule = rules_[static_cast<std::size_t>(index)];
    const int count = rule.regex->NumberOfCapturingGroups() + 1;
    pieces.assign(static_cast<std::size_t>(count), re2::StringPiece());
    if (!rule.regex->Match(text, start, text.size(), RE2::ANCHOR_START, pieces.data(), count)) continue;
    if (rule.lookbehind) {
      const re2::StringPiece before(text.data(), start);
      const std::size_t from = start > kLookbehindReach ? start - kLookbehindReach : 0;
      if (!rule.lookbehind->Match(before, from, start, RE2::UNANCHORED, nullptr, 0)) continue;
    }
    RuleMatch& match = out.emplace_back();
    match.rule = index;
    match.start = start;
    match.end = offset_in(text, pieces[0]) + static_cast<std::uint32_t>(pieces[0].size());
    match.groups.reserve(pieces.size());
    for (const re2::StringPiece& piece : pieces) match.groups.emplace_back(piece.data(), piece.size());
  }
  std::stable_sort(out.begin() + static_cast<std::ptrdiff_t>(first), out.end(),
                   [](const RuleMatch& a, const RuleMatch& b) { return a.end > b.end; });
}

void RuleSet::scan(std::string_view text, const Accept& accept) const {
  std::vector<int> candidates;
  std::vector<RuleMatch> matches;
  std::vector<int> every_rule;
  std::size_t position = 0;
  while (position < text.size()) {
    re2::StringPiece next;
    if (!impl_->any->Match(text, position, text.size(), RE2::UNANCHORED, &next, 1)) return;
    const std::uint32_t start = offset_in(text, next);
    // The byte before the start goes along, so that \b in a rule sees it.
    const std::size_t context = start > 0 ? start - 1 : 0;
    RE2::Set::ErrorInfo error;
    if (!impl_->starts->Match(text.substr(context), &candidates, &error) && error.kind != RE2::Set::kNoError) {
      if (every_rule.empty()) {
        for (std::size_t i = 0; i < rules_.size(); ++i) every_rule.push_back(static_cast<int>(i));
      }
      candidates = every_rule;
    }
    std::sort(candidates.begin(), candidates.end());
    matches.clear();
    candidates_at(text, start, candidates, matches);
    position = start + 1;
    for (const RuleMatch& match : matches) {
      if (accept(match)) {
        position = match.end;
        break;
      }
    }
  }
}

void RuleSet::scan_reference(std::string_view text, const Accept& accept) const {
  std::vector<int> every_rule;
  for (std::size_t i = 0; i < rules_.size(); ++i) every_rule.push_back(static_cast<int>(i));
  std::vector<RuleMatch> matches;
  std::size_t position = 0;
  while (position < text.size()) {
    matches.clear();
    candidates_at(text, static_cast<std::uint32_t>(position), every_rule, matches);
    std::size_t next = position + 1;
    for (const RuleMatch& match : matches) {
      if (accept(match)) {
        next = match.end;
        break;
      }
    }
    position = next;
  }
}

}  // namespace newsmine
