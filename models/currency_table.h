// CurrencyTable: the currency forms of currencies.tsv ("$", "US$", "c $",
// "dollars", "cents", "MUSD") with their ISO 4217 code, where they stand
// around the amount, and the factor from an amount in that form to the code's
// unit ("50 cents" is 0.50 USD: factor 0.01; "30 MUSD" is 30 million USD:
// factor 1e6). It builds the RE2 alternations of numbers.rules. Immutable
// after load(); safe to share between threads.
//
//   CurrencyTable currencies;
//   if (Status s = CurrencyTable::load(data, currencies); !s.ok()) return s;
//   const CurrencyTable::Form* form = currencies.find("US $");  // USD, factor 1
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "corpus/status.h"
#include "models/model_data.h"
#include "models/word_map.h"

namespace newsmine {

class CurrencyTable {
 public:
  // prefix: before the amount ("$5"); suffix: after it ("5 dollars"); both;
  // scaled: after a scale word only, for words that are also units of weight
  // or common words ("361 million pounds", "5 billion won").
  enum class Position { prefix, suffix, both, scaled };
  struct Form {
    std::string code;  // ISO 4217 (or the usual BTC)
    double factor = 1;
    Position position = Position::suffix;
    bool is_code = false;  // the form is its code in any case: "USD", "rmb" is not
  };

  static Status load(const ModelData& data, CurrencyTable& out);

  // The form as matched ("US  $", "Dollars"), looked up as written and then
  // lower-cased with spaces collapsed; nullptr when unknown.
  const Form* find(std::string_view form) const;

  // Alternations of the forms that can stand before or after an amount, only
  // after a scale, of the three-letter codes listed in lower case (no \b
  // around them: "USD115"; not "AMD64"), and of the forms worth a hundredth
  // of a unit ("cents", "pence").
  std::string prefix_pattern() const;
  std::string suffix_pattern() const;
  std::string scaled_pattern() const;
  std::string code_pattern() const;
  std::string subunit_pattern() const;

 private:
  std::vector<std::pair<std::string, Form>> rows_;  // in file order
  WordMap<Form> by_form_;  // as written, and normalized
};

}  // namespace newsmine
