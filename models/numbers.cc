#include "models/numbers.h"

#include <algorithm>
#include <iterator>
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
// Kept per thread and refilled for each text, so its vectors are allocated once.
struct DateSpans {
  std::vector<std::pair<std::uint32_t, std::uint32_t>> sorted;
  std::vector<std::uint32_t> starts;
  std::vector<std::uint32_t> max_ends;
  std::vector<RuleScan::Span> merged;  // the dates as sorted spans that do not overlap

  void assign(const std::vector<DateMention>& dates) {
    sorted.clear();
    starts.clear();
    max_ends.clear();
    merged.clear();
    for (const DateMention& date : dates) sorted.emplace_back(date.start, date.end);
    std::sort(sorted.begin(), sorted.end());
    std::uint32_t max_end = 0;
    for (const auto& [start, end] : sorted) {
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
  thread_local DateSpans date_spans;
  date_spans.assign(dates);
  scan.prepare(lane, date_spans.merged);
}

std::vector<NumberMention> NumberExtractor::extract(std::string_view text, const std::vector<DateMention>& dates,
                                                    RuleScan& scan, std::size_t lane) const {
  // Per-thread scratch: the mentions grow here and are copied out once, into
  // a vector of their exact size, instead of reallocating a new one per text.
  thread_local DateSpans date_spans;
  thread_local std::vector<NumberMention> mentions;
  date_spans.assign(dates);
  mentions.clear();
  // No number begins inside a date. A match may hold several numbers ("six
  // seven"); those that overlap a date or lie inside a URL are dropped, and a
  // match left with none gives way to the next candidate. The match's numbers
  // are parsed onto the end of `mentions` and the dropped ones closed up there.
  scan.lane(
      lane,
      [&](const RuleMatch& match) {
        const std::size_t before = mentions.size();
        if (!patterns_->parse(text, match, mentions)) return false;
        std::size_t kept = before;
        for (std::size_t k = before; k < mentions.size(); ++k) {
          const NumberMention& mention = mentions[k];
          if (date_spans.overlaps(mention.start, mention.end) || inside_url(text, mention.start)) continue;
          if (kept != k) mentions[kept] = std::move(mentions[k]);
          ++kept;
        }
        mentions.resize(kept);
        return kept > before;
      },
      date_spans.merged);
  return std::vector<NumberMention>(std::make_move_iterator(mentions.begin()), std::make_move_iterator(mentions.end()));
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
