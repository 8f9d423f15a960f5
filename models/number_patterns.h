// NumberPatterns: the number rules (models/data/numbers.rules), the word
// lists they are built from, and the code that turns one rule match into
// number mentions.
//
// Each rule name in numbers.rules selects one parse function here; it reads
// the rule's named groups (words, num, scale, cur, sub, sign, ...) and yields
// the mentions the match holds: one for "$2.6 billion", two for a range ("10
// to 12 percent"), or several cardinals for a run of number words that is
// not one number ("six seven"). Number phrases are read by NumberPhrase
// (number_phrase.h), digits by number_digits.h; a power-of-ten scale is
// applied in decimal ("2.6" billion is parsed as "2.6e9"). Immutable after
// load(); safe to share between threads.
//
//   std::unique_ptr<const NumberPatterns> patterns;
//   if (Status s = NumberPatterns::load(data, patterns); !s.ok()) return s;
//   std::vector<NumberMention> mentions;
//   patterns->rules().scan(text, [&](const RuleMatch& m) { return patterns->parse(text, m, mentions); });
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/status.h"
#include "models/currency_table.h"
#include "models/mentions.h"
#include "models/model_data.h"
#include "models/number_cues.h"
#include "models/number_lexicon.h"
#include "models/number_phrase.h"
#include "models/rule_set.h"

namespace newsmine {

class NumberPatterns {
 public:
  static Status load(const ModelData& data, std::unique_ptr<const NumberPatterns>& out);

  const RuleSet& rules() const { return *rules_; }

  // Appends the mentions one match stands for. False (nothing appended) when
  // the match is not a number after all: glued to a word ("COVID-19"), an
  // unknown currency form, words that form no number, "percentage points".
  bool parse(std::string_view text, const RuleMatch& match, std::vector<NumberMention>& out) const;

 private:
  enum class Handler : std::uint8_t {
    money, money_parts, money_range, percent, percent_range, percent_fraction, percent_of, ordinal, fraction, power, cardinal
  };
  enum Group : std::uint8_t {
    g_words, g_num, g_num2, g_scale, g_cur, g_sub, g_subcur, g_unit_scale, g_sign, g_whole, g_numer, g_denom, g_vulgar,
    g_exp, g_pow, g_ten, g_group_count
  };
  struct CompiledRule {
    Handler handler = Handler::cardinal;
    std::array<int, g_group_count> groups{};
  };
  // One rule match with its groups, as the parse functions see it.
  struct Match;

  NumberPatterns() = default;
  Status bind_rules();

  // Where the numbers of a match begin (after any sign) and where its unit begins.
  struct Body {
    std::uint32_t start = 0;
    std::uint32_t unit = 0;
    bool sign = false;         // "-", "minus", "negative"
    bool hyphen_sign = false;  // "-" or U+2212: a sign only where it stands alone
  };
  bool numbers_of(std::string_view text, const Match& m, std::vector<PhraseNumber>& numbers, Body& body) const;
  bool digits_value(std::string_view digits, std::string_view scale, double& value) const;
  bool apply_sign(std::string_view text, const Match& m, const Body& body, std::vector<PhraseNumber>& numbers) const;
  bool minus_is_sign(std::string_view text, std::uint32_t start) const;
  bool keep_cardinal(std::string_view text, const PhraseNumber& number) const;
  void add_cardinals(std::string_view text, const std::vector<PhraseNumber>& numbers, std::size_t count,
                     std::vector<NumberMention>& out) const;

  bool parse_money(std::string_view text, const Match& m, std::vector<NumberMention>& out) const;
  bool parse_money_parts(std::string_view text, const Match& m, std::vector<NumberMention>& out) const;
  bool parse_money_range(const Match& m, std::vector<NumberMention>& out) const;
  bool parse_percent(std::string_view text, const Match& m, std::vector<NumberMention>& out) const;
  bool parse_percent_of(std::string_view text, const Match& m, std::vector<NumberMention>& out) const;
  bool parse_fraction(std::string_view text, const Match& m, std::vector<NumberMention>& out) const;
  bool parse_power(std::string_view text, const Match& m, std::vector<NumberMention>& out) const;
  bool parse_cardinal(std::string_view text, const Match& m, std::vector<NumberMention>& out) const;

  std::unique_ptr<const RuleSet> rules_;
  std::vector<CompiledRule> compiled_;
  NumberLexicon lexicon_;
  NumberCues cues_;
  CurrencyTable currencies_;
  std::unique_ptr<const NumberPhrase> phrase_;  // refers to lexicon_ and cues_
};

}  // namespace newsmine
