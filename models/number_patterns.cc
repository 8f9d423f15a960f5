#include "models/number_patterns.h"

#include <algorithm>
#include <utility>

#include "models/rule_files.h"
#include "models/text_context.h"

namespace newsmine {
namespace {

constexpr const char* kRulesFile = "numbers.rules";
constexpr const char* kCurrencyFile = "currencies.tsv";

std::string_view trim_spaces(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t' || text.front() == '\n')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\n')) text.remove_suffix(1);
  return text;
}

bool is_iso_code(std::string_view code) {
  if (code.size() != 3) return false;
  for (char c : code) {
    if (c < 'A' || c > 'Z') return false;
  }
  return true;
}

}  // namespace

Status NumberPatterns::load(const ModelData& data, std::unique_ptr<const NumberPatterns>& out) {
  std::unique_ptr<NumberPatterns> patterns(new NumberPatterns());
  if (Status s = NumberLexicon::load(data, patterns->lexicon_); !s.ok()) return s;
  std::vector<std::string> prefixes, suffixes, scaled;
  if (Status s = patterns->load_currencies(data, prefixes, suffixes, scaled); !s.ok()) return s;

  RuleSet::Placeholders placeholders;
  placeholders["NUM"] = "(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?";
  placeholders["SCALE"] = patterns->lexicon_.scale_pattern(/*attached=*/false);
  placeholders["SCALE_ATTACHED"] = patterns->lexicon_.scale_pattern(/*attached=*/true);
  placeholders["CURRENCY_PREFIX"] = word_alternation(prefixes);
  placeholders["CURRENCY_SUFFIX"] = word_alternation(suffixes);
  placeholders["CURRENCY_SCALED"] = word_alternation(scaled);
  placeholders["NUMBER_WORDS"] = patterns->lexicon_.cardinal_words_pattern();
  placeholders["ORDINAL_WORDS"] = patterns->lexicon_.ordinal_words_pattern();
  placeholders["MULTIPLIER"] = patterns->lexicon_.multiplier_words_pattern();
  placeholders["PERCENT"] = "(?:\\s*%|\\s*(?i:percent|per\\s+cent|pct)\\b)";
  placeholders["TO"] = "(?:\\s*(?:-|–|—)\\s*|\\s+(?i:to|and)\\s+)";

  if (Status s = RuleSet::load(data, kRulesFile, placeholders, patterns->rules_); !s.ok()) return s;
  if (Status s = patterns->bind_rules(); !s.ok()) return s;
  out = std::move(patterns);
  return {};
}

Status NumberPatterns::load_currencies(const ModelData& data, std::vector<std::string>& prefixes,
                                       std::vector<std::string>& suffixes, std::vector<std::string>& scaled) {
  std::vector<TableRow> rows;
  if (Status s = read_table(data, kCurrencyFile, 3, rows); !s.ok()) return s;
  for (const TableRow& row : rows) {
    const std::string& form = row.fields[0];
    const std::string& code = row.fields[1];
    const std::string& position = row.fields[2];
    if (!is_iso_code(code)) return data_error(kCurrencyFile, row.line, "'" + code + "' is not an ISO 4217 code");
    if (position == "prefix" || position == "both") prefixes.push_back(form);
    if (position == "suffix" || position == "both") suffixes.push_back(form);
    if (position == "scaled") scaled.push_back(form);
    if (position != "prefix" && position != "suffix" && position != "both" && position != "scaled") {
      return data_error(kCurrencyFile, row.line, "position must be prefix, suffix, both or scaled");
    }
    currencies_[form] = code;
    currencies_.emplace(normalize_key(form), code);
  }
  return {};
}

Status NumberPatterns::bind_rules() {
  static const std::vector<RuleSet::Handler> kHandlers = {
      {"money", static_cast<int>(Handler::money), {"cur"}},
      {"money_range", static_cast<int>(Handler::money_range), {"cur", "num", "num2"}},
      {"percent", static_cast<int>(Handler::percent), {}},
      {"percent_range", static_cast<int>(Handler::percent_range), {"num", "num2"}},
      {"ordinal", static_cast<int>(Handler::ordinal), {}},
      {"fraction", static_cast<int>(Handler::fraction), {"numer", "denom"}},
      {"cardinal", static_cast<int>(Handler::cardinal), {}},
  };
  static const std::vector<std::string_view> kGroupNames = {"num", "num2", "words", "scale", "cur", "whole", "numer", "denom"};
  std::vector<RuleSet::Binding> bindings;
  if (Status s = rules_->bind(kRulesFile, kHandlers, kGroupNames, bindings); !s.ok()) return s;
  compiled_.resize(bindings.size());
  for (std::size_t r = 0; r < bindings.size(); ++r) {
    compiled_[r].handler = static_cast<Handler>(bindings[r].handler);
    std::copy(bindings[r].groups.begin(), bindings[r].groups.end(), compiled_[r].groups.begin());
    const bool needs_value = compiled_[r].handler == Handler::money || compiled_[r].handler == Handler::percent ||
                             compiled_[r].handler == Handler::ordinal || compiled_[r].handler == Handler::cardinal;
    if (needs_value && compiled_[r].groups[g_num] < 0 && compiled_[r].groups[g_words] < 0) {
      const RuleSet::Rule& rule = rules_->rules()[r];
      return data_error(kRulesFile, rule.line, "rule '" + rule.name + "' needs a group (?P<num>...) or (?P<words>...)");
    }
  }
  return {};
}

bool NumberPatterns::value_of(std::string_view digits, std::string_view scale, double& value) const {
  std::string plain;
  plain.reserve(digits.size());
  for (char c : digits) {
    if (c != ',') plain += c;
  }
  scale = trim_spaces(scale);
  const NumberLexicon::Scale* found = nullptr;
  if (!scale.empty()) {
    found = lexicon_.find_scale(scale);
    if (found == nullptr) return false;
  }
  return NumberLexicon::scaled_value(plain, found, value);
}

std::string NumberPatterns::currency_code(std::string_view form) const {
  form = trim_spaces(form);
  if (auto exact = currencies_.find(form); exact != currencies_.end()) return exact->second;
  if (auto folded = currencies_.find(normalize_key(form)); folded != currencies_.end()) return folded->second;
  return {};
}

bool NumberPatterns::parse(std::string_view text, const RuleMatch& match, std::vector<NumberMention>& out) const {
  const CompiledRule& rule = compiled_[static_cast<std::size_t>(match.rule)];
  auto group = [&](Group g) -> std::string_view {
    const int index = rule.groups[g];
    return index < 0 ? std::string_view() : match.groups[static_cast<std::size_t>(index)];
  };
  auto has = [&](Group g) { return group(g).data() != nullptr && !group(g).empty(); };
  auto offset_of = [&](std::string_view part) { return static_cast<std::uint32_t>(part.data() - text.data()); };

  if (number_is_glued(text, match.start, match.end)) return false;

  NumberMention mention;
  mention.start = match.start;
  mention.end = match.end;
  bool ordinal_words = false;
  // The value of the "num" group (with the scale) or of the "words" group.
  auto main_value = [&](double& value) {
    if (has(g_num)) return value_of(group(g_num), group(g_scale), value);
    if (has(g_words)) return lexicon_.parse_words(group(g_words), value, ordinal_words);
    return false;
  };

  switch (rule.handler) {
    case Handler::money:
    case Handler::money_range: {
      mention.kind = NumberKind::money;
      mention.unit = currency_code(group(g_cur));
      if (mention.unit.empty()) return false;
      if (rule.handler == Handler::money) {
        if (!main_value(mention.value) || ordinal_words) return false;
        out.push_back(std::move(mention));
        return true;
      }
      NumberMention second = mention;
      if (!value_of(group(g_num), group(g_scale), mention.value)) return false;
      if (!value_of(group(g_num2), group(g_scale), second.value)) return false;
      mention.end = offset_of(group(g_num)) + static_cast<std::uint32_t>(group(g_num).size());
      second.start = offset_of(group(g_num2));
      out.push_back(std::move(mention));
      out.push_back(std::move(second));
      return true;
    }
    case Handler::percent:
    case Handler::percent_range: {
      mention.kind = NumberKind::percent;
      mention.unit = "percent";
      if (rule.handler == Handler::percent) {
        if (!main_value(mention.value) || ordinal_words) return false;
        out.push_back(std::move(mention));
        return true;
      }
      NumberMention second = mention;
      if (!value_of(group(g_num), {}, mention.value) || !value_of(group(g_num2), {}, second.value)) return false;
      mention.end = offset_of(group(g_num)) + static_cast<std::uint32_t>(group(g_num).size());
      second.start = offset_of(group(g_num2));
      out.push_back(std::move(mention));
      out.push_back(std::move(second));
      return true;
    }
    case Handler::ordinal: {
      mention.kind = NumberKind::ordinal;
      if (has(g_num)) {
        if (!value_of(group(g_num), {}, mention.value)) return false;
      } else if (!lexicon_.parse_words(group(g_words), mention.value, ordinal_words) || !ordinal_words) {
        return false;
      }
      out.push_back(std::move(mention));
      return true;
    }
    case Handler::fraction: {
      double whole = 0, numer = 0, denom = 0;
      if (has(g_whole) && !value_of(group(g_whole), {}, whole)) return false;
      if (!value_of(group(g_numer), {}, numer) || !value_of(group(g_denom), {}, denom)) return false;
      if (denom < 2 || denom > 100 || numer <= 0 || numer >= denom) return false;  // not "24/7", not "2023/24"
      mention.kind = NumberKind::cardinal;
      mention.value = whole + numer / denom;
      out.push_back(std::move(mention));
      return true;
    }
    case Handler::cardinal: {
      mention.kind = NumberKind::cardinal;
      if (!main_value(mention.value) || ordinal_words) return false;
      out.push_back(std::move(mention));
      return true;
    }
  }
  return false;
}

}  // namespace newsmine
