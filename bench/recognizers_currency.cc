// The currency unit table of the Recognizers-Text harness.
#include "bench/recognizers_currency.h"

#include <charconv>
#include <fstream>

namespace newsmine::bench {

namespace {

std::vector<std::string_view> split(std::string_view line, char separator) {
  std::vector<std::string_view> fields;
  while (true) {
    const std::size_t at = line.find(separator);
    fields.push_back(line.substr(0, at));
    if (at == std::string_view::npos) return fields;
    line.remove_prefix(at + 1);
  }
}

bool is_iso_code(std::string_view code) {
  if (code.size() != 3) return false;
  for (const char c : code) {
    if (c < 'A' || c > 'Z') return false;
  }
  return true;
}

}  // namespace

Status CurrencyUnits::load(const std::string& path, CurrencyUnits& out) {
  out = CurrencyUnits();
  std::ifstream file(path, std::ios::binary);
  if (!file) return Status::error(path + ": cannot open");
  std::string line;
  int number = 0;
  while (std::getline(file, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line.front() == '#') continue;
    const std::string where = path + ":" + std::to_string(number) + ": ";
    const std::vector<std::string_view> fields = split(line, '\t');
    if (fields.size() < 2 || fields.size() > 3 || fields[0].empty()) {
      return Status::error(where + "expected name<TAB>codes[<TAB>factor]");
    }
    CurrencyUnit unit;
    for (const std::string_view code : split(fields[1], ' ')) {
      if (code.empty()) continue;
      if (!is_iso_code(code)) return Status::error(where + "\"" + std::string(code) + "\" is not a three-letter code");
      unit.codes.emplace_back(code);
    }
    if (unit.codes.empty()) return Status::error(where + "no codes");
    if (fields.size() == 3) {
      const std::string_view factor = fields[2];
      const auto [end, error] = std::from_chars(factor.data(), factor.data() + factor.size(), unit.factor);
      if (error != std::errc() || end != factor.data() + factor.size() || !(unit.factor > 0)) {
        return Status::error(where + "bad factor \"" + std::string(factor) + "\"");
      }
    }
    if (!out.units_.emplace(std::string(fields[0]), std::move(unit)).second) {
      return Status::error(where + "unit \"" + std::string(fields[0]) + "\" listed twice");
    }
  }
  if (file.bad()) return Status::error(path + ": read error");
  return Status();
}

const CurrencyUnit* CurrencyUnits::find(std::string_view name) const {
  const auto it = units_.find(name);
  return it == units_.end() ? nullptr : &it->second;
}

}  // namespace newsmine::bench
