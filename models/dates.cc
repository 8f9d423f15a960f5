#include "models/dates.h"

#include <algorithm>
#include <cstdint>
#include <utility>

#include "models/civil_date.h"
#include "models/date_discourse.h"
#include "models/date_patterns.h"
#include "models/date_resolver.h"
#include "models/date_sentences.h"
#include "models/rule_files.h"
#include "models/rule_set.h"

namespace newsmine {
namespace {

constexpr const char* kSelfTestFile = "dates.selftest.tsv";

// True when the value of `date` depends on whether its sentence speaks of the
// past or the future: a weekday, month or day said without a year.
bool needs_tense(const ParsedDate& date) {
  switch (date.form) {
    case DateForm::weekday:
    case DateForm::holiday:
      return date.direction == 0 && date.year == 0;
    case DateForm::calendar:
    case DateForm::range:
      return date.year == 0 && !date.year_offset && date.direction == 0;
    case DateForm::anaphor:
      return date.month != 0;
    default:
      return false;
  }
}

}  // namespace

DateExtractor::~DateExtractor() = default;

Status DateExtractor::load(const ModelData& data, std::unique_ptr<const DateExtractor>& out) {
  return load(data, DateExtractorOptions(), out);
}

Status DateExtractor::load(const ModelData& data, const DateExtractorOptions& options,
                           std::unique_ptr<const DateExtractor>& out) {
  std::unique_ptr<DateExtractor> extractor(new DateExtractor());
  extractor->options_ = options;
  if (Status s = DatePatterns::load(data, options.day_first, extractor->patterns_); !s.ok()) return s;
  if (Status s = TenseCues::load(data, extractor->tense_); !s.ok()) return s;
  if (Status s = DateModifiers::load(data, extractor->modifiers_); !s.ok()) return s;
  if (options.run_self_test) {
    // The examples are written for the default options: check them on an
    // extractor that has those when this one does not.
    const DateExtractorOptions defaults;
    if (options.nearest_year == defaults.nearest_year && options.day_first == defaults.day_first &&
        options.year_hint_window == defaults.year_hint_window) {
      if (Status s = extractor->self_test(data); !s.ok()) return s;
    } else {
      DateExtractorOptions reference_options;
      reference_options.run_self_test = false;
      std::unique_ptr<const DateExtractor> reference;
      if (Status s = load(data, reference_options, reference); !s.ok()) return s;
      if (Status s = reference->self_test(data); !s.ok()) return s;
    }
  }
  out = std::move(extractor);
  return {};
}

const RuleSet& DateExtractor::rules() const { return patterns_->rules(); }

std::vector<DateMention> DateExtractor::extract(std::string_view text, std::string_view document_date) const {
  RuleScan scan(patterns_->rules(), text);
  return extract(text, document_date, scan, 0);
}

std::vector<DateMention> DateExtractor::extract(std::string_view text, std::string_view document_date, RuleScan& scan,
                                                std::size_t lane) const {
  ResolveContext context;
  if (document_date.size() > 10 && (document_date[10] == 'T' || document_date[10] == ' ')) {
    document_date = document_date.substr(0, 10);
  }
  context.has_document_date = parse_iso_date(document_date, context.document_date);
  context.nearest_year = options_.nearest_year;

  // Each match is resolved as the scan accepts it: mentions come in order,
  // and what a mention needs of those before it is carried along here.
  std::vector<DateMention> mentions;
  std::size_t hint_end = 0;  // where the mention that set year_hint ends
  Focus focus;
  const auto add = [&](std::uint32_t start, std::uint32_t end, const ParsedDate& date) {
    if (context.year_hint != 0 &&
        (start - hint_end > options_.year_hint_window || sentence_break(text, hint_end, start))) {
      context.year_hint = 0;
    }
    context.tense = needs_tense(date) ? tense_.tense_at(text, start, end, date.form != DateForm::weekday)
                                      : Tense::unknown;
    expire_focus(focus, text, start);
    context.focus = &focus;
    Resolved resolved = resolve(date, context);
    note_focus(focus, date, resolved, context, end);
    if (date.form == DateForm::period_cue || !resolved.is_date) return;
    if (options_.year_hint_window > 0 && resolved.established_year != 0) {
      context.year_hint = resolved.established_year;
      hint_end = end;
    }
    const std::uint32_t floor = mentions.empty() ? 0 : mentions.back().end;
    if (mentions.empty()) mentions.reserve(8);  // one allocation for most articles
    DateMention& mention = mentions.emplace_back();
    mention.start = modifiers_.extend_start(text, start, floor);
    mention.end = end;
    mention.value = std::move(resolved.value);
    mention.kind = resolved.kind;
  };
  scan.lane(lane, [&](const RuleMatch& match) {
    ParsedDate date;
    if (!patterns_->parse(text, match, date)) return false;
    // A "none" match is accepted only to hide the dates inside it.
    if (date.form != DateForm::none) add(match.start, match.end, date);
    return true;
  });
  return mentions;
}

Status DateExtractor::self_test(const ModelData& data) const {
  std::vector<TableRow> rows;
  if (Status s = read_table(data, kSelfTestFile, 4, rows); !s.ok()) return s;
  for (const TableRow& row : rows) {
    const std::string document_date = row.fields[0] == "-" ? std::string() : row.fields[0];
    const std::string& text = row.fields[1];
    const std::string& surface = row.fields[2];
    const std::string expected = row.fields[3] == "-" ? std::string() : row.fields[3];
    const bool must_be_absent = expected == "none";
    std::string got = must_be_absent ? std::string() : "no mention";
    for (const DateMention& mention : extract(text, document_date)) {
      if (must_be_absent) {
        if (std::string_view(text).substr(mention.start, mention.end - mention.start) == surface) got = "a mention";
        continue;
      }
      if (std::string_view(text).substr(mention.start, mention.end - mention.start) == surface) {
        got = mention.value.empty() ? "null" : mention.value;
        if (mention.value == expected) {
          got.clear();
          break;
        }
      }
    }
    if (!got.empty()) {
      return data_error(kSelfTestFile, row.line,
                        "self-test failed: '" + surface + "' in \"" + text + "\" gave " + got + ", expected " +
                            (expected.empty() ? "null" : must_be_absent ? "no mention" : expected));
    }
  }
  return {};
}

}  // namespace newsmine
