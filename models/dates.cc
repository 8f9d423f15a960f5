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

// The mentions of one text, built as the scan accepts its matches: they
// come in order, and what a mention needs of those before it (a year named
// just before, the periods in focus) is carried along here.
class MentionBuilder {
 public:
  MentionBuilder(std::string_view text, const ResolveContext& context, const DateExtractorOptions& options,
                 const TenseCues& tense, const DateModifiers& modifiers)
      : text_(text), context_(context), options_(options), tense_(tense), modifiers_(modifiers) {
    context_.focus = &focus_;
  }

  void add(std::uint32_t start, std::uint32_t end, const ParsedDate& date) {
    if (context_.year_hint != 0 &&
        (start - hint_end_ > options_.year_hint_window || sentence_break(text_, hint_end_, start))) {
      context_.year_hint = 0;
    }
    context_.tense = needs_tense(date) ? SentenceTense(tense_, text_, start, end, date.form != DateForm::weekday)
                                       : SentenceTense();
    expire_focus(focus_, text_, start);
    Resolved resolved = resolve(date, context_);
    note_focus(focus_, date, resolved, context_, end);
    if (date.form == DateForm::period_cue || !resolved.is_date) return;
    if (options_.year_hint_window > 0 && resolved.established_year != 0) {
      context_.year_hint = resolved.established_year;
      hint_end_ = end;
    }
    const std::uint32_t floor = mentions_.empty() ? 0 : mentions_.back().end;
    if (mentions_.empty()) mentions_.reserve(8);  // one allocation for most articles
    DateMention& mention = mentions_.emplace_back();
    mention.start = modifiers_.extend_start(text_, start, floor);
    mention.end = end;
    mention.value = std::move(resolved.value);
    mention.kind = resolved.kind;
  }

  std::string_view text() const { return text_; }
  std::vector<DateMention> take() { return std::move(mentions_); }

 private:
  std::string_view text_;
  ResolveContext context_;
  const DateExtractorOptions& options_;
  const TenseCues& tense_;
  const DateModifiers& modifiers_;
  std::vector<DateMention> mentions_;
  std::size_t hint_end_ = 0;  // where the mention that set year_hint ends
  Focus focus_;
};

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

  MentionBuilder builder(text, context, options_, tense_, modifiers_);
  // Two pointers: the callback fits in std::function without an allocation.
  scan.lane(lane, [this, &builder](const RuleMatch& match) {
    ParsedDate date;
    if (!patterns_->parse(builder.text(), match, date)) return false;
    // A "none" match is accepted only to hide the dates inside it.
    if (date.form != DateForm::none) builder.add(match.start, match.end, date);
    return true;
  });
  return builder.take();
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
