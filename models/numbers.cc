#include "models/numbers.h"

#include <algorithm>
#include <utility>

#include "models/number_patterns.h"
#include "models/rule_files.h"
#include "models/rule_set.h"
#include "models/text_context.h"

namespace newsmine {
namespace {

constexpr const char* kSelfTestFile = "numbers.selftest.tsv";

// Date spans sorted by start, with the largest end seen so far, so that any
// input (even overlapping dates) answers "does [start, end) touch a date?" in O(log n).
struct DateSpans {
  std::vector<std::uint32_t> starts;
  std::vector<std::uint32_t> max_ends;

  explicit DateSpans(const std::vector<DateMention>& dates) {
    std::vector<std::pair<std::uint32_t, std::uint32_t>> spans;
    spans.reserve(dates.size());
    for (const DateMention& date : dates) spans.emplace_back(date.start, date.end);
    std::sort(spans.begin(), spans.end());
    std::uint32_t max_end = 0;
    for (const auto& [start, end] : spans) {
      max_end = std::max(max_end, end);
      starts.push_back(start);
      max_ends.push_back(max_end);
      if (!merged.empty() && start < merged.back().end) {
        merged.back().end = std::max(merged.back().end, end);
      } else {
        merged.push_back({start, end});
      }
    }
  }

  std::vector<RuleScan::Span> merged;  // the dates as sorted spans that do not overlap

  bool overlaps(std::uint32_t start, std::uint32_t end) const {
    const auto after = std::lower_bound(starts.begin(), starts.end(), end);
    if (after == starts.begin()) return false;
    return max_ends[static_cast<std::size_t>(after - starts.begin()) - 1] > start;
  }
};

}  // namespace

NumberExtractor::~NumberExtractor() = default;

Status NumberExtractor::load(const ModelData& data, std::unique_ptr<const NumberExtractor>& out) {
  return load(data, NumberExtractorOptions(), out);
}

Status NumberExtractor::load(const ModelData& data, const NumberExtractorOptions& options,
                             std::unique_ptr<const NumberExtractor>& out) {
  std::unique_ptr<NumberExtractor> extractor(new NumberExtractor());
  extractor->options_ = options;
  if (Status s = NumberPatterns::load(data, extractor->patterns_); !s.ok()) return s;
  if (options.run_self_test) {
    if (Status s = extractor->self_test(data); !s.ok()) return s;
  }
  out = std::move(extractor);
  return {};
}

const RuleSet& NumberExtractor::rules() const { return patterns_->rules(); }

std::vector<NumberMention> NumberExtractor::extract(std::string_view text,
                                                    const std::vector<DateMention>& dates) const {
  RuleScan scan(patterns_->rules(), text);
  return extract(text, dates, scan, 0);
}

void NumberExtractor::prepare(const std::vector<DateMention>& dates, RuleScan& scan, std::size_t lane) const {
  scan.prepare(lane, DateSpans(dates).merged);
}

std::vector<NumberMention> NumberExtractor::extract(std::string_view text, const std::vector<DateMention>& dates,
                                                    RuleScan& scan, std::size_t lane) const {
  const DateSpans date_spans(dates);
  std::vector<NumberMention> mentions;
  std::vector<NumberMention> found;
  // No number begins inside a date. A match may hold several numbers ("six
  // seven"); those that overlap a date or lie inside a URL are dropped, and a
  // match left with none gives way to the next candidate.
  scan.lane(
      lane,
      [&](const RuleMatch& match) {
        found.clear();
        if (!patterns_->parse(text, match, found)) return false;
        const std::size_t before = mentions.size();
        for (NumberMention& mention : found) {
          if (date_spans.overlaps(mention.start, mention.end) || inside_url(text, mention.start)) continue;
          mentions.push_back(std::move(mention));
        }
        return mentions.size() > before;
      },
      date_spans.merged);
  return mentions;
}

Status NumberExtractor::self_test(const ModelData& data) const {
  std::vector<TableRow> rows;
  if (Status s = read_table(data, kSelfTestFile, 5, rows); !s.ok()) return s;
  for (const TableRow& row : rows) {
    const std::string& text = row.fields[0];
    const std::string& surface = row.fields[1];
    double expected = 0;
    if (!NumberLexicon::scaled_value(row.fields[2], nullptr, expected)) {
      return data_error(kSelfTestFile, row.line, "bad expected value '" + row.fields[2] + "'");
    }
    const std::string unit = row.fields[3] == "-" ? std::string() : row.fields[3];
    const std::string& kind = row.fields[4];
    std::string got = "no mention";
    for (const NumberMention& mention : extract(text, {})) {
      if (std::string_view(text).substr(mention.start, mention.end - mention.start) != surface) continue;
      if (mention.value == expected && mention.unit == unit && to_string(mention.kind) == kind) {
        got.clear();
        break;
      }
      got = std::to_string(mention.value) + " " + (mention.unit.empty() ? "-" : mention.unit) + " " +
            std::string(to_string(mention.kind));
    }
    if (!got.empty()) {
      return data_error(kSelfTestFile, row.line,
                        "self-test failed: '" + surface + "' in \"" + text + "\" gave " + got + ", expected " +
                            row.fields[2] + " " + row.fields[3] + " " + kind);
    }
  }
  return {};
}

}  // namespace newsmine
