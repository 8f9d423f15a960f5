#include "models/rule_set.h"

#include <algorithm>
#include <atomic>
#include <map>
#include <string>
#include <utility>

#include "models/model_data.h"
#include "models/rule_files.h"
#include "models/rule_pattern.h"
#include "models/rule_set_impl.h"

namespace newsmine {
namespace {

enum class Use { submatch, dfa, light };

RE2::Options rule_options(Use use) {
  RE2::Options options;
  options.set_encoding(RE2::Options::EncodingUTF8);
  options.set_log_errors(false);
  // Rules are leftmost-longest. A light pattern only splits a match already
  // found into groups, and the first split RE2 finds will do.
  options.set_longest_match(use != Use::light);
  options.set_never_capture(use == Use::dfa);
  // The union of all rules is one large DFA; a small budget would push RE2
  // onto its much slower NFA.
  options.set_max_mem(use == Use::dfa ? 256 << 20 : 32 << 20);
  return options;
}

// The light submatch of one rule: its light pattern, where each group of the
// rule's own pattern is in it, and the word-list checks of its _lN groups.
Status make_light(std::string_view file_name, int line, const RulePattern& pattern, const RE2& exact,
                  const Placeholders& placeholders, std::map<std::string, std::shared_ptr<RE2>>& lists,
                  LightCapture& out) {
  out = LightCapture();
  // A rule without groups needs no submatch at all (see rule_scan.cc).
  if (pattern.light.empty() || exact.NumberOfCapturingGroups() == 0) return {};
  auto light = std::make_shared<RE2>(pattern.light, rule_options(Use::light));
  if (!light->ok()) return data_error(file_name, line, "light pattern does not compile: " + light->error());
  // Groups keep their order; the light pattern only adds the _lN groups.
  std::vector<bool> added(static_cast<std::size_t>(light->NumberOfCapturingGroups()) + 1, false);
  for (const auto& [name, index] : light->NamedCapturingGroups()) {
    if (name.starts_with("_l")) added[static_cast<std::size_t>(index)] = true;
  }
  out.groups.push_back(0);
  for (std::size_t g = 1; g < added.size(); ++g) {
    if (!added[g]) out.groups.push_back(static_cast<int>(g));
  }
  if (out.groups.size() != static_cast<std::size_t>(exact.NumberOfCapturingGroups()) + 1) {
    return data_error(file_name, line, "light pattern groups do not line up");
  }
  for (std::size_t i = 0; i < pattern.light_lists.size(); ++i) {
    const std::string& list = pattern.light_lists[i];
    std::shared_ptr<RE2>& check = lists[list];
    if (!check) {
      check = std::make_shared<RE2>(placeholders.find(list)->second, rule_options(Use::dfa));
      if (!check->ok()) return data_error(file_name, line, "placeholder {" + list + "} does not compile");
    }
    out.checks.emplace_back(light->NamedCapturingGroups().at(light_group_name(i)), check);
  }
  out.regex = std::move(light);
  return {};
}

}  // namespace

Status RuleSet::Impl::finish(std::string_view name, bool matchers) {
  static std::atomic<std::uint64_t> next_id{1};
  id = next_id++;
  if (starts.size() > kMaxRules) return data_error(name, 1, "more than " + std::to_string(kMaxRules) + " rules");
  anchors = std::make_unique<RuleAnchors>(starts);
  lane_rules.assign(lanes.size(), RuleMask());
  for (std::size_t lane = 0; lane < lanes.size(); ++lane) {
    const std::size_t end = lane + 1 < lanes.size() ? first_rule[lane + 1] : starts.size();
    for (std::size_t r = first_rule[lane]; r < end; ++r) lane_rules[lane].set(r);
  }
  if (!matchers) return {};
  std::string union_pattern;
  nonzero_digits_alike = std::all_of(patterns.begin(), patterns.end(), treats_nonzero_digits_alike);
  matching = std::make_unique<RE2::Set>(rule_options(Use::dfa), RE2::ANCHOR_START);
  for (const std::string& pattern : patterns) {
    if (!union_pattern.empty()) union_pattern += '|';
    union_pattern += "(?:" + pattern + ")";
    // The byte before the position goes along, so that \b in a rule sees it.
    if (matching->Add("(?:^|\\C)(?:" + pattern + ")", nullptr) < 0) {
      return data_error(name, 1, "a rule does not combine into an RE2::Set");
    }
  }
  if (!matching->Compile()) return data_error(name, 1, "the rules do not fit in one RE2::Set");
  any = std::make_unique<RE2>(union_pattern, rule_options(Use::dfa));
  if (!any->ok()) return data_error(name, 1, "the union of all rules does not compile: " + any->error());
  return {};
}

RuleSet::~RuleSet() = default;

std::size_t RuleSet::lanes() const { return impl_->lanes.size(); }

bool RuleSet::folds_digits() const { return impl_->nonzero_digits_alike; }

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
  Impl& impl = *rules->impl_;
  std::map<std::string, std::shared_ptr<RE2>> lists;  // word-list checks, shared by the rules that use a list
  RulePattern pattern;
  for (const ModelData::Line& line : ModelData::content_lines(bytes)) {
    const std::size_t tab = line.text.find('\t');
    if (tab == std::string_view::npos) return data_error(file_name, line.number, "expected name<TAB>pattern");
    const std::string_view name = line.text.substr(0, tab);
    std::string_view text = line.text.substr(tab + 1);
    while (!text.empty() && (text.front() == '\t' || text.front() == ' ')) text.remove_prefix(1);
    if (name.empty() || text.empty()) return data_error(file_name, line.number, "expected name<TAB>pattern");
    if (Status s = expand_rule(file_name, line.number, text, placeholders, pattern); !s.ok()) return s;
    Rule rule;
    rule.name = std::string(name);
    rule.line = line.number;
    rule.regex = std::make_shared<RE2>(pattern.exact, rule_options(Use::submatch));
    if (!rule.regex->ok()) {
      return data_error(file_name, line.number,
                        "bad pattern for rule '" + rule.name + "': " + rule.regex->error() + " (at '" +
                            rule.regex->error_arg() + "')");
    }
    if (rule.regex->Match("", 0, 0, RE2::ANCHOR_BOTH, nullptr, 0)) {
      return data_error(file_name, line.number, "rule '" + rule.name + "' matches the empty string");
    }
    if (!pattern.lookbehind.empty()) {
      rule.lookbehind = std::make_shared<RE2>("(?:" + pattern.lookbehind + ")\\z", rule_options(Use::dfa));
      if (!rule.lookbehind->ok()) {
        return data_error(file_name, line.number,
                          "bad look-behind for rule '" + rule.name + "': " + rule.lookbehind->error());
      }
    }
    LightCapture& light = impl.light.emplace_back();
    if (Status s = make_light(file_name, line.number, pattern, *rule.regex, placeholders, lists, light); !s.ok()) {
      return s;
    }
    impl.starts.push_back(pattern_starts(pattern.exact));
    impl.patterns.push_back(pattern.exact);
    rules->rules_.push_back(std::move(rule));
  }
  if (rules->rules_.empty()) return data_error(file_name, 1, "no rules");
  impl.lanes = {rules.get()};
  impl.first_rule = {0};
  if (Status s = impl.finish(file_name, /*matchers=*/true); !s.ok()) return s;
  out = std::move(rules);
  return {};
}

Status RuleSet::join(const std::vector<const RuleSet*>& lanes, std::unique_ptr<const RuleSet>& out) {
  std::unique_ptr<RuleSet> joined(new RuleSet());
  joined->impl_ = std::make_unique<Impl>();
  Impl& impl = *joined->impl_;
  for (const RuleSet* lane : lanes) {
    if (lane->lanes() != 1) return Status::error("join: a lane must be a compiled rule set");
    impl.lanes.push_back(lane);
    impl.first_rule.push_back(impl.starts.size());
    impl.starts.insert(impl.starts.end(), lane->impl_->starts.begin(), lane->impl_->starts.end());
  }
  if (impl.starts.empty()) return Status::error("join: no rules");
  if (Status s = impl.finish("joined rules", /*matchers=*/false); !s.ok()) return s;
  out = std::move(joined);
  return {};
}

int RuleSet::group(int rule, std::string_view name) const {
  const auto& names = rules_[static_cast<std::size_t>(rule)].regex->NamedCapturingGroups();
  auto found = names.find(std::string(name));
  return found == names.end() ? -1 : found->second;
}

}  // namespace newsmine
