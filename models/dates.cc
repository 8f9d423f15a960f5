#include "models/dates.h"

#include <algorithm>
#include <cstdint>
#include <utility>

#include "models/civil_date.h"
#include "models/date_patterns.h"
#include "models/date_resolver.h"
#include "models/rule_files.h"
#include "models/rule_set.h"

namespace newsmine {
namespace {

constexpr const char* kSelfTestFile = "dates.selftest.tsv";

// True when the period at text[dot] ends an abbreviation such as "St.",
// "Mr.", "Jan." or "U.S." rather than a sentence: the word before it is one to
// three letters starting with a capital, or the next word starts in lower case.
bool abbreviation_period(std::string_view text, std::size_t dot) {
  std::size_t begin = dot;
  while (begin > 0 && ((text[begin - 1] >= 'a' && text[begin - 1] <= 'z') || (text[begin - 1] >= 'A' && text[begin - 1] <= 'Z'))) --begin;
  if (dot - begin >= 1 && dot - begin <= 3 && text[begin] >= 'A' && text[begin] <= 'Z') return true;
  std::size_t next = dot + 1;
  while (next < text.size() && text[next] == ' ') ++next;
  return next < text.size() && text[next] >= 'a' && text[next] <= 'z';
}

// True when a sentence ends somewhere in text[from, to).
bool sentence_break(std::string_view text, std::size_t from, std::size_t to) {
  for (std::size_t i = from; i < to && i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n') return true;
    if ((c == '.' || c == '!' || c == '?') && i + 1 < text.size() &&
        (text[i + 1] == ' ' || text[i + 1] == '\n' || text[i + 1] == '\t') &&
        !(c == '.' && abbreviation_period(text, i))) {
      return true;
    }
  }
  return false;
}

// True when one of the sorted `cues` lies in the sentence of [start, end).
bool in_same_sentence(std::string_view text, const std::vector<std::uint32_t>& cues, std::uint32_t start,
                      std::uint32_t end) {
  constexpr std::uint32_t kReach = 300;  // bytes; a sentence rarely runs longer
  auto it = std::lower_bound(cues.begin(), cues.end(), start > kReach ? start - kReach : 0);
  for (; it != cues.end() && *it < end + kReach; ++it) {
    const bool before = *it < start;
    if (!sentence_break(text, before ? *it : end, before ? start : *it)) return true;
  }
  return false;
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
  if (Status s = DatePatterns::load(data, extractor->patterns_); !s.ok()) return s;
  if (options.run_self_test) {
    if (Status s = extractor->self_test(data); !s.ok()) return s;
  }
  out = std::move(extractor);
  return {};
}

std::vector<DateMention> DateExtractor::extract(std::string_view text, std::string_view document_date) const {
  ResolveContext context;
  if (document_date.size() > 10 && (document_date[10] == 'T' || document_date[10] == ' ')) {
    document_date = document_date.substr(0, 10);
  }
  context.has_document_date = parse_iso_date(document_date, context.document_date);
  context.nearest_year = options_.nearest_year;

  struct Found {
    std::uint32_t start, end;
    ParsedDate date;
  };
  std::vector<Found> found;
  std::vector<std::uint32_t> future_cues;  // start offsets of "will", "scheduled", ...
  patterns_->rules().scan(text, [&](const RuleMatch& match) {
    ParsedDate date;
    if (!patterns_->parse(text, match, date)) return false;
    if (date.form == DateForm::future_cue) {
      future_cues.push_back(match.start);
    } else if (date.form != DateForm::none) {  // a "none" match is accepted only to hide the dates inside it
      found.push_back({match.start, match.end, date});
    }
    return true;
  });

  std::vector<DateMention> mentions;
  mentions.reserve(found.size());
  std::size_t hint_end = 0;  // where the mention that set year_hint ends
  for (const Found& match : found) {
    if (context.year_hint != 0 && (match.start - hint_end > options_.year_hint_window ||
                                   sentence_break(text, hint_end, match.start))) {
      context.year_hint = 0;
    }
    context.future_cue = in_same_sentence(text, future_cues, match.start, match.end);
    const Resolved resolved = resolve(match.date, context);
    if (options_.year_hint_window > 0 && resolved.established_year != 0) {
      context.year_hint = resolved.established_year;
      hint_end = match.end;
    }
    DateMention mention;
    mention.start = match.start;
    mention.end = match.end;
    mention.value = resolved.value;
    mention.kind = resolved.kind;
    mentions.push_back(std::move(mention));
  }
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
