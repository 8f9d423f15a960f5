#include "models/currency_table.h"

#include <algorithm>
#include <charconv>

#include "models/rule_files.h"

namespace newsmine {
namespace {

constexpr const char* kCurrencyFile = "currencies.tsv";

bool is_iso_code(std::string_view code) {
  if (code.size() != 3) return false;
  for (char c : code) {
    if (c < 'A' || c > 'Z') return false;
  }
  return true;
}

std::string upper(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

}  // namespace

Status CurrencyTable::load(const ModelData& data, CurrencyTable& out) {
  CurrencyTable table;
  std::vector<TableRow> rows;
  if (Status s = read_table(data, kCurrencyFile, 3, rows); !s.ok()) return s;
  for (const TableRow& row : rows) {
    Form form;
    form.code = row.fields[1];
    if (!is_iso_code(form.code)) return data_error(kCurrencyFile, row.line, "'" + form.code + "' is not an ISO 4217 code");
    const std::string& position = row.fields[2];
    if (position == "prefix") form.position = Position::prefix;
    else if (position == "suffix") form.position = Position::suffix;
    else if (position == "both") form.position = Position::both;
    else if (position == "scaled") form.position = Position::scaled;
    else return data_error(kCurrencyFile, row.line, "position must be prefix, suffix, both or scaled");
    if (row.fields.size() > 3 && !row.fields[3].empty()) {
      const std::string& factor = row.fields[3];
      const auto [end, error] = std::from_chars(factor.data(), factor.data() + factor.size(), form.factor);
      if (error != std::errc() || end != factor.data() + factor.size() || !(form.factor > 0)) {
        return data_error(kCurrencyFile, row.line, "bad factor '" + factor + "'");
      }
    }
    form.is_code = upper(row.fields[0]) == form.code;
    table.by_form_[row.fields[0]] = form;
    table.by_form_.emplace(normalize_key(row.fields[0]), form);
    table.rows_.emplace_back(row.fields[0], form);
  }
  out = std::move(table);
  return {};
}

const CurrencyTable::Form* CurrencyTable::find(std::string_view form) const {
  while (!form.empty() && (form.front() == ' ' || form.front() == '\t' || form.front() == '\n')) form.remove_prefix(1);
  while (!form.empty() && (form.back() == ' ' || form.back() == '\t' || form.back() == '\n')) form.remove_suffix(1);
  if (const Form* exact = find_folded(by_form_, form)) return exact;
  return find_word(by_form_, form);
}

std::string CurrencyTable::prefix_pattern() const {
  std::vector<std::string> forms;
  for (const auto& [text, form] : rows_) {
    if (form.position == Position::prefix || form.position == Position::both) forms.push_back(text);
  }
  return word_alternation(forms);
}

std::string CurrencyTable::suffix_pattern() const {
  std::vector<std::string> forms;
  for (const auto& [text, form] : rows_) {
    if (form.position == Position::suffix || form.position == Position::both) forms.push_back(text);
  }
  return word_alternation(forms);
}

std::string CurrencyTable::scaled_pattern() const {
  std::vector<std::string> forms;
  for (const auto& [text, form] : rows_) {
    if (form.position == Position::scaled) forms.push_back(text);
  }
  return word_alternation(forms);
}

std::string CurrencyTable::code_pattern() const {
  std::vector<std::string> forms;
  // Only codes listed in lower case (safe in any case): "AMD64" is a processor, "TRY2" a name.
  for (const auto& [text, form] : rows_) {
    const bool lower = std::all_of(text.begin(), text.end(), [](char c) { return c < 'A' || c > 'Z'; });
    if (form.is_code && form.factor == 1 && lower) forms.push_back(text);
  }
  AlternationOptions options;
  options.leading_boundary = false;
  options.trailing_boundary = false;
  return word_alternation(forms, options);
}

std::string CurrencyTable::subunit_pattern() const {
  std::vector<std::string> forms;
  for (const auto& [text, form] : rows_) {
    if (form.factor == 0.01 && form.position != Position::prefix) forms.push_back(text);
  }
  return word_alternation(forms);
}

}  // namespace newsmine
