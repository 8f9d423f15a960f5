// Scoring of one Recognizers-Text spec case against the newsmine extractors.
#include "bench/recognizers_score.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <optional>
#include <vector>

namespace newsmine::bench {

namespace {

// One expected result or one of our mentions, reduced to what is compared.
struct Item {
  std::uint32_t start = 0;
  std::uint32_t end = 0;
  std::optional<double> value;     // numbers; nullopt: null
  std::vector<std::string> codes;  // expected currency: codes that count; ours: {unit}
  std::string date_value;          // ours: our date value; expected: the Timex
  std::string past_date;           // expected dates only
  std::string future_date;
  std::string shown;               // how the item is printed
};

// "1234567", "0.666666666666667", "1E-12", "-1.2732E+15".
std::optional<double> parse_number(std::string_view text) {
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  double value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return value;
}

std::string format_number(double value) {
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%.15g", value);
  return buffer;
}

std::string span_of(std::string_view text, std::uint32_t start, std::uint32_t end) {
  std::string out = "\"";
  out.append(text).append("\"@").append(std::to_string(start)).append("-").append(std::to_string(end));
  return out;
}

std::string value_shown(const std::optional<double>& value) { return value ? format_number(*value) : "null"; }

std::string join(const std::vector<Item>& items) {
  std::string out;
  for (const Item& item : items) {
    if (!out.empty()) out += " | ";
    out += item.shown;
  }
  return out.empty() ? "(none)" : out;
}

bool by_start(const Item& a, const Item& b) { return a.start != b.start ? a.start < b.start : a.end < b.end; }

bool same_spans(const std::vector<Item>& expected, const std::vector<Item>& ours) {
  if (expected.size() != ours.size()) return false;
  for (std::size_t i = 0; i < expected.size(); ++i) {
    if (expected[i].start != ours[i].start || expected[i].end != ours[i].end) return false;
  }
  return true;
}

// .NET's DateTime.MinValue: the spec's "no such day" ("Feb 30").
constexpr std::string_view kNoDate = "0001-01-01";

bool date_value_right(const Item& expected, const Item& ours) {
  if (ours.date_value.empty()) return false;
  if (ours.date_value == expected.date_value) return true;
  if (expected.date_value.find("XXXX") == std::string::npos) return false;
  const auto is = [&](const std::string& date) { return !date.empty() && date != kNoDate && ours.date_value == date; };
  return is(expected.past_date) || is(expected.future_date);
}

std::string_view input_text(const SpecCase& spec_case, std::uint32_t start, std::uint32_t end) {
  return std::string_view(spec_case.input).substr(start, end - start);
}

}  // namespace

RecognizerScorer::RecognizerScorer(const DateExtractor& dates, const NumberExtractor& numbers,
                                   const CurrencyUnits& currency_units, ScorerOptions options)
    : dates_(dates), numbers_(numbers), currency_units_(currency_units), options_(options) {}

Status RecognizerScorer::score(SpecModel model, const SpecCase& spec_case, CaseScore& out) const {
  out = CaseScore();
  const std::vector<DateMention> date_mentions = dates_.extract(spec_case.input, spec_case.reference_date);
  const bool dates_model = model == SpecModel::date_extractor || model == SpecModel::date_parser;

  std::vector<Item> expected;
  for (const SpecResult& result : spec_case.results) {
    Item item;
    item.start = result.start;
    item.end = result.end;
    item.shown = span_of(result.text, result.start, result.end);
    if (model == SpecModel::number || model == SpecModel::percent) {
      std::string_view value = result.value ? std::string_view(*result.value) : std::string_view("null");
      if (model == SpecModel::percent && !value.empty() && value.back() == '%') value.remove_suffix(1);
      item.value = parse_number(value);  // "null" stays nullopt
      item.shown.append("=").append(value_shown(item.value));
    } else if (model == SpecModel::currency) {
      double factor = 1;
      if (!result.iso_currency.empty()) {
        item.codes = {result.iso_currency};
      } else if (const CurrencyUnit* unit = currency_units_.find(result.unit)) {
        item.codes = unit->codes;
        factor = unit->factor;
      } else {
        return Status::error("case " + std::to_string(spec_case.number) + ": currency unit \"" + result.unit +
                             "\" has no isoCurrency and is not in the currency unit table");
      }
      const std::optional<double> value = result.value ? parse_number(*result.value) : std::nullopt;
      if (value) item.value = *value * factor;
      item.shown.append("=").append(value_shown(value)).append(" ").append(result.unit);
      if (!result.iso_currency.empty()) item.shown.append(" (").append(result.iso_currency).append(")");
    } else if (model == SpecModel::date_parser) {
      item.date_value = result.timex.value_or("");
      item.past_date = result.past_date;
      item.future_date = result.future_date;
      item.shown.append("=").append(result.timex ? *result.timex : std::string("null"));
      item.shown.append(" (past ").append(result.past_date).append(", future ").append(result.future_date).append(")");
    }
    expected.push_back(std::move(item));
  }

  std::vector<Item> ours;
  if (dates_model) {
    for (const DateMention& m : date_mentions) {
      Item item;
      item.start = m.start;
      item.end = m.end;
      item.date_value = m.value;
      item.shown = span_of(input_text(spec_case, m.start, m.end), m.start, m.end);
      if (model == SpecModel::date_parser) item.shown.append("=").append(m.value.empty() ? "null" : m.value);
      item.shown.append(" ").append(to_string(m.kind));
      ours.push_back(std::move(item));
    }
  } else {
    const NumberKind wanted = model == SpecModel::number    ? NumberKind::cardinal
                              : model == SpecModel::percent ? NumberKind::percent
                                                            : NumberKind::money;
    for (const NumberMention& m : numbers_.extract(spec_case.input, date_mentions)) {
      if (m.kind != wanted) continue;
      Item item;
      item.start = m.start;
      item.end = m.end;
      item.value = m.value;
      if (!m.unit.empty()) item.codes = {m.unit};
      item.shown = span_of(input_text(spec_case, m.start, m.end), m.start, m.end);
      item.shown.append("=").append(format_number(m.value));
      if (model == SpecModel::currency) item.shown.append(" ").append(m.unit.empty() ? "null" : m.unit);
      ours.push_back(std::move(item));
    }
  }
  std::stable_sort(expected.begin(), expected.end(), by_start);
  std::stable_sort(ours.begin(), ours.end(), by_start);

  out.expected = join(expected);
  out.got = join(ours);
  out.span_matched = same_spans(expected, ours);
  out.matched = out.span_matched;
  for (std::size_t i = 0; out.matched && i < expected.size(); ++i) {
    const Item& want = expected[i];
    const Item& have = ours[i];
    switch (model) {
      case SpecModel::date_extractor:
        break;
      case SpecModel::date_parser:
        out.matched = date_value_right(want, have);
        break;
      case SpecModel::currency:
        if (have.codes.empty() ||
            std::find(want.codes.begin(), want.codes.end(), have.codes.front()) == want.codes.end()) {
          out.matched = false;
          break;
        }
        [[fallthrough]];
      case SpecModel::number:
      case SpecModel::percent: {
        if (!want.value || !have.value) {
          out.matched = false;
          break;
        }
        const double a = *want.value;
        const double b = *have.value;
        out.matched = a == b || std::fabs(a - b) <= options_.relative_tolerance * std::max(std::fabs(a), std::fabs(b));
        break;
      }
    }
  }
  return Status();
}

}  // namespace newsmine::bench
