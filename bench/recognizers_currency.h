// CurrencyUnits: which ISO 4217 codes count as a correct reading of a
// Recognizers-Text currency unit name that comes without an isoCurrency
// ("Dollar", "Pound", "Finnish markka", "Cent"...).
//
// The table is bench/data/currency_units.tsv, one unit name a line:
//   name<TAB>codes separated by spaces<TAB>factor (optional, default 1)
// A name matches exactly (the spec's spelling, case included). The factor
// turns an amount in the named unit into the amount in those codes: "Cent"
// lists USD EUR ... with 0.01, so "50 cents" is right as 0.5 USD. Blank lines
// and lines starting with "#" are skipped. A malformed line or a repeated
// name is a Status naming file:line.
//
// Immutable after load; safe to share between threads.
//
//   CurrencyUnits units;
//   if (Status s = CurrencyUnits::load("bench/data/currency_units.tsv", units); !s.ok()) fail(s.message());
//   if (const CurrencyUnit* unit = units.find("Dollar")) accept(unit->codes);
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/status.h"

namespace newsmine::bench {

struct CurrencyUnit {
  std::vector<std::string> codes;  // ISO 4217 codes that count as this unit ("USD", "CAD", ...)
  double factor = 1;               // amount in those codes = factor * amount in this unit
};

class CurrencyUnits {
 public:
  static Status load(const std::string& path, CurrencyUnits& out);

  // The entry for a unit name, or nullptr when the table has none.
  const CurrencyUnit* find(std::string_view name) const;

  std::size_t size() const { return units_.size(); }

 private:
  std::map<std::string, CurrencyUnit, std::less<>> units_;
};

}  // namespace newsmine::bench
