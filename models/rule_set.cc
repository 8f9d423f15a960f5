#include "models/rule_set.h"

#include <algorithm>
#include <iterator>
#include <utility>

#include <re2/re2.h>
#include <re2/set.h>

#include "models/model_data.h"
#include "models/rule_files.h"

namespace newsmine {
namespace {

RE2::Options rule_options() {
  RE2::Options options;
  options.set_encoding(RE2::Options::EncodingUTF8);
  options.set_log_errors(false);
  options.set_max_mem(32 << 20);
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

}  // namespace

struct RuleSet::Impl {
  std::unique_ptr<RE2::Set> set;  // null when the combined set could not be built
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
  const RE2::Options options = rule_options();
  auto set = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
  bool set_ok = true;
  std::string expanded;
  for (const ModelData::Line& line : ModelData::content_lines(bytes)) {
    const std::size_t tab = line.text.find('\t');
    if (tab == std::string_view::npos) return data_error(file_name, line.number, "expected name<TAB>pattern");
    const std::string_view name = line.text.substr(0, tab);
    std::string_view pattern = line.text.substr(tab + 1);
    while (!pattern.empty() && (pattern.front() == '\t' || pattern.front() == ' ')) pattern.remove_prefix(1);
    if (name.empty() || pattern.empty()) return data_error(file_name, line.number, "expected name<TAB>pattern");
    if (Status s = expand(file_name, line.number, pattern, placeholders, expanded); !s.ok()) return s;
    auto regex = std::make_shared<RE2>(expanded, options);
    if (!regex->ok()) {
      return data_error(file_name, line.number,
                        "bad pattern for rule '" + std::string(name) + "': " + regex->error() + " (at '" +
                            regex->error_arg() + "')");
    }
    if (regex->Match("", 0, 0, RE2::ANCHOR_BOTH, nullptr, 0)) {
      return data_error(file_name, line.number, "rule '" + std::string(name) + "' matches the empty string");
    }
    Rule rule;
    rule.name = std::string(name);
    rule.line = line.number;
    const auto& names = regex->NamedCapturingGroups();
    if (auto span = names.find("span"); span != names.end()) rule.span_group = span->second;
    rule.regex = std::move(regex);
    if (set_ok && set->Add(expanded, nullptr) < 0) set_ok = false;
    rules->rules_.push_back(std::move(rule));
  }
  if (rules->rules_.empty()) return data_error(file_name, 1, "no rules");
  if (set_ok && set->Compile()) rules->impl_->set = std::move(set);
  out = std::move(rules);
  return {};
}

int RuleSet::group(int rule, std::string_view name) const {
  const auto& names = rules_[static_cast<std::size_t>(rule)].regex->NamedCapturingGroups();
  auto found = names.find(std::string(name));
  return found == names.end() ? -1 : found->second;
}

void RuleSet::find_all(std::string_view text, std::vector<RuleMatch>& out) const {
  std::vector<int> candidates;
  bool filtered = false;
  if (impl_->set) {
    RE2::Set::ErrorInfo error;
    if (impl_->set->Match(text, &candidates, &error)) {
      filtered = true;
    } else if (error.kind == RE2::Set::kNoError) {
      return;  // no rule matches anywhere
    }
  }
  if (!filtered) {
    candidates.resize(rules_.size());
    for (std::size_t i = 0; i < rules_.size(); ++i) candidates[i] = static_cast<int>(i);
  }
  std::sort(candidates.begin(), candidates.end());
  std::vector<re2::StringPiece> groups;
  for (int index : candidates) {
    const Rule& rule = rules_[static_cast<std::size_t>(index)];
    const int count = rule.regex->NumberOfCapturingGroups() + 1;
    groups.assign(static_cast<std::size_t>(count), re2::StringPiece());
    std::size_t position = 0;
    while (position <= text.size() &&
           rule.regex->Match(text, position, text.size(), RE2::UNANCHORED, groups.data(), count)) {
      const std::size_t begin = static_cast<std::size_t>(groups[0].data() - text.data());
      const std::size_t end = begin + groups[0].size();
      RuleMatch match;
      match.rule = index;
      match.start = static_cast<std::uint32_t>(begin);
      match.end = static_cast<std::uint32_t>(end);
      if (rule.span_group > 0 && groups[static_cast<std::size_t>(rule.span_group)].data() != nullptr) {
        const re2::StringPiece span = groups[static_cast<std::size_t>(rule.span_group)];
        match.start = static_cast<std::uint32_t>(span.data() - text.data());
        match.end = static_cast<std::uint32_t>(match.start + span.size());
      }
      if (match.end > match.start) {
        match.groups.reserve(groups.size());
        for (const re2::StringPiece& group : groups) match.groups.emplace_back(group.data(), group.size());
        out.push_back(std::move(match));
      }
      position = end > begin ? end : begin + 1;
    }
  }
}

std::vector<std::size_t> select_longest(const std::vector<RuleMatch>& matches) {
  std::vector<std::size_t> order(matches.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const RuleMatch& x = matches[a];
    const RuleMatch& y = matches[b];
    const std::uint32_t lx = x.end - x.start, ly = y.end - y.start;
    if (lx != ly) return lx > ly;
    if (x.start != y.start) return x.start < y.start;
    if (x.rule != y.rule) return x.rule < y.rule;
    return a < b;
  });
  // Accepted spans keyed by start; a new span is kept if it touches none of them.
  std::map<std::uint32_t, std::uint32_t> taken;
  std::vector<std::size_t> chosen;
  for (std::size_t index : order) {
    const RuleMatch& m = matches[index];
    auto next = taken.lower_bound(m.start);
    if (next != taken.end() && next->first < m.end) continue;
    if (next != taken.begin() && std::prev(next)->second > m.start) continue;
    taken.emplace(m.start, m.end);
    chosen.push_back(index);
  }
  std::sort(chosen.begin(), chosen.end(), [&](std::size_t a, std::size_t b) { return matches[a].start < matches[b].start; });
  return chosen;
}

}  // namespace newsmine
