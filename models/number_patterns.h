// NumberPatterns: the number rules (models/data/numbers.rules), the word
// lists they are built from, and the code that turns one rule match into
// number mentions.
//
// Each rule name in numbers.rules selects one parse function here; it reads
// the rule's named groups (num, scale, cur, words, ...) and yields one mention,
// or two for a range ("10 to 12 percent"). Values are parsed exactly: digits
// with their thousands separators removed go through std::from_chars, and a
// power-of-ten scale is applied in decimal ("2.6" billion is parsed as
// "2.6e9"). Immutable after load(); safe to share between threads.
//
//   std::unique_ptr<const NumberPatterns> patterns;
//   if (Status s = NumberPatterns::load(data, patterns); !s.ok()) return s;
//   std::vector<RuleMatch> matches;
//   patterns->rules().find_all(text, matches);
//   std::vector<NumberMention> mentions;
//   patterns->parse(text, matches[0], mentions);
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/status.h"
#include "models/mentions.h"
#include "models/model_data.h"
#include "models/number_lexicon.h"
#include "models/rule_set.h"

namespace newsmine {

class NumberPatterns {
 public:
  static Status load(const ModelData& data, std::unique_ptr<const NumberPatterns>& out);

  const RuleSet& rules() const { return *rules_; }

  // Appends the mentions one match stands for. False (nothing appended) when
  // the match is not a number after all: glued to a word ("COVID-19"), an
  // unknown currency form, words that do not form one number.
  bool parse(std::string_view text, const RuleMatch& match, std::vector<NumberMention>& out) const;

 private:
  enum class Handler : std::uint8_t { money, money_range, percent, percent_range, ordinal, fraction, cardinal };
  enum Group : std::uint8_t { g_num, g_num2, g_words, g_scale, g_cur, g_whole, g_numer, g_denom, g_group_count };
  struct CompiledRule {
    Handler handler = Handler::cardinal;
    std::array<int, g_group_count> groups{};
  };

  NumberPatterns() = default;
  Status load_currencies(const ModelData& data, std::vector<std::string>& prefixes,
                         std::vector<std::string>& suffixes, std::vector<std::string>& scaled);
  Status bind_rules();
  bool value_of(std::string_view digits, std::string_view scale, double& value) const;
  std::string currency_code(std::string_view form) const;

  std::unique_ptr<const RuleSet> rules_;
  std::vector<CompiledRule> compiled_;
  NumberLexicon lexicon_;
  std::map<std::string, std::string, std::less<>> currencies_;  // form (as written and normalized) -> ISO code
};

}  // namespace newsmine
