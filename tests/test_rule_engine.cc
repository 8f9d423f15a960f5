// Tests of the rule engine under the date and number extractors: the pattern
// analysis, the anchor scanner, and the fast scan against the slow reference.
#include <catch2/catch.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include <re2/re2.h>

#include "models/date_patterns.h"
#include "models/number_patterns.h"
#include "models/pattern_starts.h"
#include "models/rule_anchors.h"
#include "models/rule_files.h"
#include "models/rule_pattern.h"
#include "models/rule_set.h"
#include "models/word_map.h"
#include "tests/test_support.h"

namespace newsmine {
namespace {

bool has_word(const PatternStarts& starts, std::string_view prefix, bool whole) {
  for (const StartWord& word : starts.words)
    if (word.prefix == prefix && word.whole == whole) return true;
  return false;
}

const StartWord* find_word(const PatternStarts& starts, std::string_view prefix) {
  for (const StartWord& word : starts.words)
    if (word.prefix == prefix) return &word;
  return nullptr;
}

bool next_has(const NextToken& next, std::string_view prefix) {
  for (const StartWord& word : next.words)
    if (word.prefix == prefix) return true;
  return false;
}

TEST_CASE("pattern starts: words, bytes and what follows a start word", "[rules][starts]") {
  const PatternStarts relative = pattern_starts(R"(\b(?i:last|next)\s+(?i:year)\b)");
  REQUIRE(relative.words.size() == 2);
  const StartWord* last = find_word(relative, "last");
  REQUIRE(last != nullptr);
  CHECK(last->whole);
  CHECK_FALSE(last->next.any);
  CHECK(next_has(last->next, "year"));
  CHECK_FALSE(relative.letters_inside_words);
  CHECK(relative.bytes.none());

  const PatternStarts year = pattern_starts(R"(\b(?:19|20)\d\d\b)");
  CHECK(year.words.empty());
  CHECK(year.bytes['1']);
  CHECK(year.bytes['2']);
  CHECK_FALSE(year.bytes['3']);
  CHECK_FALSE(year.digits_inside_words);

  // An optional "the" lets the next part begin the match too.
  const PatternStarts quarter = pattern_starts(R"((?:\b(?i:the)\s+)?\b(?P<q>(?i:first|second))\s+(?i:quarter))");
  const StartWord* the = find_word(quarter, "the");
  REQUIRE(the != nullptr);
  CHECK(next_has(the->next, "first"));
  CHECK(next_has(the->next, "second"));
  CHECK(has_word(quarter, "first", true));

  // Symbols and prefixes: "$", the lead byte of "€", "q" before a digit.
  const PatternStarts money = pattern_starts(R"((?:\$|€)\s?\d+|\bQ[1-4]\b)");
  CHECK(money.bytes['$']);
  CHECK(money.bytes[0xE2]);
  const StartWord* q = find_word(money, "q");
  REQUIRE(q != nullptr);
  CHECK(q->whole);  // a digit, not a letter, follows the Q
  CHECK(q->next.bytes['1']);

  // Without \b a match can begin inside a word.
  CHECK(pattern_starts(R"(\d+)").digits_inside_words);
  CHECK(pattern_starts(R"(mln)").letters_inside_words);
}

TEST_CASE("pattern starts: syntax the analysis does not follow means anywhere", "[rules][starts]") {
  for (const char* pattern : {R"((a)\1)", R"(\Qliteral\E)", R"(a(?=b))"}) {
    INFO(pattern);
    const PatternStarts starts = pattern_starts(pattern);
    CHECK(starts.any_letter);
    CHECK(starts.bytes.all());
    CHECK(starts.letters_inside_words);
  }
}

TEST_CASE("pattern starts: the whole words every match contains", "[rules][starts]") {
  using Words = std::vector<std::vector<std::string>>;
  // "days" has an s, which (?i) also matches as U+017F: only "ago" is listed.
  CHECK(pattern_starts(R"(\b(?P<n>\d+)\s+(?i:days)\s+(?i:ago)\b)").required_words == Words{{"ago"}});
  CHECK(pattern_starts(R"(\b(?i:the)\s+(?P<unit>(?i:quarter|qtr))\b)").required_words ==
        Words{{"the"}, {"quarter", "qtr"}});
  CHECK(pattern_starts(R"(\b(?i:the)[\s-]+(?i:year)\s+(?i:ended|ending)\b)").required_words ==
        Words{{"the"}, {"year"}, {"ended", "ending"}});
  // Optional, repeated, inside a word, or one side of a top-level alternation: not required.
  for (const char* pattern : {R"(\b\d+(?:\s+(?i:ago))?\b)", R"(\b\d+\s+(?:(?i:ago))+\b)", R"(\b\d+\s+(?i:ago)ne)",
                              R"(\d+(?i:ago)\b)", R"(\b\d+\s+(?i:ago)\b|\bnow\b)", R"(\b\d+\s+(?i:ago|[a-z]+)\b)"}) {
    INFO(pattern);
    CHECK(pattern_starts(pattern).required_words.empty());
  }
}

// The rules of the shipped date and number models, and the shared text the
// tests below read: the sample corpus, and Reuters when ../shared is there.
struct Models {
  std::unique_ptr<const DatePatterns> dates;
  std::unique_ptr<const NumberPatterns> numbers;
  Models() {
    REQUIRE(DatePatterns::load(ModelData::embedded(), /*day_first=*/false, dates).ok());
    REQUIRE(NumberPatterns::load(ModelData::embedded(), numbers).ok());
  }
};

const Models& models() {
  static const Models instance;
  return instance;
}

std::vector<std::string> test_texts(std::size_t reuters_bytes) {
  std::vector<std::string> texts;
  for (const auto& entry : std::filesystem::directory_iterator(testing::source_dir() / "corpus" / "sample")) {
    texts.push_back(testing::read_file(entry.path()));
  }
  texts.push_back(
      "On Friday, May 20, 2021 the bank said net profit rose 12.5 pct to $2.6 billion, up from 1.99 mln dlrs "
      "in the fourth quarter of last year; shares fell 7-3/4 to 21-1/2. Between 2010 and 2015 some 2,000 people "
      "left. In May the 1990s, 3rd, sixth, twenty-one, a dozen, 10 to 12 percent, \xE2\x82\xAC" "5bn, RUB 12 mln.");
  if (testing::have_shared("data/reuters21578/reut2-000.sgm")) {
    std::string reuters = testing::read_file(testing::shared_dir() / "data/reuters21578/reut2-000.sgm");
    reuters.resize(std::min(reuters.size(), reuters_bytes));
    texts.push_back(reuters);
  }
  return texts;
}

struct Found {
  int lane, rule;
  std::uint32_t start, end;
  std::vector<std::string> groups;
  friend bool operator==(const Found&, const Found&) = default;
};

// Accepts most candidates, rejecting some by a fixed hash, so that scans
// also take their "try the next candidate, then the next byte" paths.
RuleSet::Accept recorder(std::vector<Found>& out, bool reject_some = true) {
  return [&out, reject_some](const RuleMatch& m) {
    if (reject_some && (m.start * 31 + m.end * 7 + static_cast<std::uint32_t>(m.rule)) % 5 == 0) return false;
    Found found{m.lane, m.rule, m.start, m.end, {}};
    for (std::string_view g : m.groups) found.groups.emplace_back(g.data() == nullptr ? "<unset>" : std::string(g));
    out.push_back(std::move(found));
    return true;
  };
}

TEST_CASE("a rule whose required word a text lacks finds nothing there, one whose word it has scans as usual", "[rules][scan]") {
  const std::string file =
      "# test rules\n# version: 1\n"
      "ago\t\\b(?P<n>\\d+)\\s+years\\s+(?i:ago)\\b\n"
      "plain\t\\b\\d+\\b\n";
  std::unique_ptr<const RuleSet> rules;
  REQUIRE(RuleSet::compile("test.rules", file, {}, rules).ok());
  for (const std::string text : {"It was 5 years AGO, not 6 years before.", "It was 5 years before, 6 years agone.",
                                 "5 years ago", "Ago: 12 years.", ""}) {
    INFO(text);
    std::vector<Found> fast, reference;
    rules->scan(text, recorder(fast, /*reject_some=*/false));
    rules->scan_reference(text, recorder(reference, /*reject_some=*/false));
    CHECK(fast == reference);
  }
  std::vector<Found> found;
  rules->scan("It was 5 years AGO, not 6 years before.", recorder(found, /*reject_some=*/false));
  REQUIRE(found.size() == 2);
  CHECK(found[0].groups[0] == "5 years AGO");
  CHECK(found[1].groups[0] == "6");
}

TEST_CASE("the fast scan finds exactly what trying every rule at every byte finds", "[rules][scan]") {
  for (const RuleSet* rules : {&models().dates->rules(), &models().numbers->rules()}) {
    for (const std::string& text : test_texts(60000)) {
      std::vector<Found> fast, reference;
      rules->scan(text, recorder(fast));
      rules->scan_reference(text, recorder(reference));
      CHECK(fast.size() == reference.size());
      CHECK(fast == reference);
    }
  }
}

TEST_CASE("joined lanes scan as each rule set alone", "[rules][scan]") {
  std::unique_ptr<const RuleSet> joined;
  REQUIRE(RuleSet::join({&models().dates->rules(), &models().numbers->rules()}, joined).ok());
  REQUIRE(joined->lanes() == 2);
  for (const std::string& text : test_texts(200000)) {
    std::vector<Found> date_lane, number_lane, dates_alone, numbers_alone;
    joined->scan_lanes(text, {recorder(date_lane), recorder(number_lane)});
    models().dates->rules().scan(text, recorder(dates_alone));
    models().numbers->rules().scan(text, recorder(numbers_alone));
    for (Found& f : numbers_alone) f.lane = 1;
    CHECK(date_lane == dates_alone);
    CHECK(number_lane == numbers_alone);
  }
}

TEST_CASE("a lane told to skip spans offers no candidate that begins inside them", "[rules][scan]") {
  const RuleSet& numbers = models().numbers->rules();
  for (const std::string& text : test_texts(100000)) {
    // Skip every third date found in the text.
    std::vector<Found> dates;
    models().dates->rules().scan(text, recorder(dates, /*reject_some=*/false));
    std::vector<RuleScan::Span> skip;
    for (std::size_t i = 0; i < dates.size(); i += 3) skip.push_back({dates[i].start, dates[i].end});
    auto inside = [&](std::uint32_t at) {
      for (const RuleScan::Span& span : skip)
        if (span.start <= at && at < span.end) return true;
      return false;
    };
    std::vector<Found> skipped, filtered;
    RuleScan(numbers, text).lane(0, recorder(skipped), skip);
    // The same as rejecting, in an ordinary scan, every candidate that begins inside a span.
    const RuleSet::Accept accept = recorder(filtered);
    numbers.scan(text, [&](const RuleMatch& m) { return !inside(m.start) && accept(m); });
    CHECK(skipped == filtered);
  }
}

TEST_CASE("light submatches give the groups the rule's own pattern gives", "[rules][scan]") {
  for (const RuleSet* rules : {&models().dates->rules(), &models().numbers->rules()}) {
    for (const std::string& text : test_texts(200000)) {
      std::vector<Found> found;
      rules->scan(text, recorder(found));
      for (const Found& f : found) {
        const RE2& regex = *rules->rules()[static_cast<std::size_t>(f.rule)].regex;
        std::vector<re2::StringPiece> pieces(static_cast<std::size_t>(regex.NumberOfCapturingGroups()) + 1);
        REQUIRE(regex.Match(text, f.start, f.end, RE2::ANCHOR_START, pieces.data(), static_cast<int>(pieces.size())));
        std::vector<std::string> exact;
        for (const re2::StringPiece& p : pieces) exact.emplace_back(p.data() == nullptr ? "<unset>" : std::string(p));
        INFO(rules->rules()[static_cast<std::size_t>(f.rule)].name << " on '" << text.substr(f.start, f.end - f.start) << "'");
        CHECK(f.groups == exact);
      }
    }
  }
}

TEST_CASE("the anchor scanner returns every position where a rule matches", "[rules][anchors]") {
  for (const RuleSet* rules : {&models().dates->rules(), &models().numbers->rules()}) {
    std::vector<PatternStarts> starts;
    for (const RuleSet::Rule& rule : rules->rules()) starts.push_back(pattern_starts(rule.regex->pattern()));
    const RuleAnchors anchors(starts);
    for (const std::string& text : test_texts(30000)) {
      std::vector<RuleMask> at(text.size() + 1);
      RuleMask mask;
      for (std::size_t p = anchors.next(text, 0, mask); p < text.size(); p = anchors.next(text, p + 1, mask)) at[p] = mask;
      std::size_t missing = 0;
      for (std::size_t p = 0; p < text.size(); ++p) {
        for (std::size_t r = 0; r < rules->rules().size(); ++r) {
          if (rules->rules()[r].regex->Match(text, p, text.size(), RE2::ANCHOR_START, nullptr, 0) && !at[p][r]) {
            ++missing;
          }
        }
      }
      CHECK(missing == 0);
    }
  }
}

TEST_CASE("a look-behind is context, not part of the match", "[rules][scan]") {
  const std::string file = "# test rules\n# version: 1\nmonth\t(?<=\\b(?i:in|since)\\s+)(?P<m>May|June)\\b\n";
  std::unique_ptr<const RuleSet> rules;
  REQUIRE(RuleSet::compile("test.rules", file, {}, rules).ok());
  std::vector<Found> found;
  rules->scan("May we meet in May, or since June? Not in\nMayfair.", recorder(found, /*reject_some=*/false));
  REQUIRE(found.size() == 2);
  CHECK(found[0].groups[0] == "May");
  CHECK(found[0].start == 15);
  CHECK(found[1].groups[0] == "June");
}

TEST_CASE("bad rules files are errors naming file and line", "[rules]") {
  std::unique_ptr<const RuleSet> rules;
  auto error = [&](const std::string& body, const RuleSet::Placeholders& placeholders = {}) {
    const Status status = RuleSet::compile("bad.rules", "# bad\n# version: 1\n" + body, placeholders, rules);
    return status.ok() ? std::string() : status.message();
  };
  CHECK(error("year\t\\b(\\d\n").find("bad.rules:3") != std::string::npos);
  CHECK(error("year\t{NOPE}\\d\n").find("unknown placeholder {NOPE}") != std::string::npos);
  CHECK(error("year\t(?<=in\\s+\\d\n").find("look-behind") != std::string::npos);
  CHECK(error("year\ta*\n").find("matches the empty string") != std::string::npos);
  CHECK(error("no tab here\n").find("name<TAB>pattern") != std::string::npos);
  CHECK(error("").find("no rules") != std::string::npos);
}

TEST_CASE("which patterns cannot tell the digits 1-9 apart", "[rules][digits]") {
  for (const char* alike : {"\\d+(?:,\\d{3})*", "[0-9]{1,3} 000", "[1-9]\\d*", "(?P<num2>\\d+)\\x{A0}\\x41",
                            "[^0-9a-z]\\d", "(?i:mln)\\s*[[:digit:]]", ".\\pN\\p{Nd}"}) {
    INFO(alike);
    CHECK(treats_nonzero_digits_alike(alike));
  }
  for (const char* apart : {"19\\d\\d", "\\d[0-5]", "(?:e|x10\\^)", "[2-9]", "\\Q7\\E", "\\061"}) {
    INFO(apart);
    CHECK_FALSE(treats_nonzero_digits_alike(apart));
  }
}

TEST_CASE("a cache keyed by folded digits scans as the reference does", "[rules][digits]") {
  const std::string file =
      "# test rules\n# version: 1\n"
      "money\t(?P<num>\\d{1,3}(?:,\\d{3})*(?:\\.\\d+)?)\\s*(?P<scale>mln|bln)?\\s*dlrs\n"
      "range\t(?P<a>\\d+)-(?P<b>\\d+)\\b\n"
      "plain\t\\d+\\b\n";
  std::unique_ptr<const RuleSet> rules;
  REQUIRE(RuleSet::compile("test.rules", file, {}, rules).ok());
  REQUIRE(rules->folds_digits());
  const std::string text =
      "Net 5,139 mln dlrs vs 2,417 mln dlrs; 1.99 dlrs, 7.35 dlrs, 10-12 and 98-76, 1986-87, 5 dlrs 9 dlrs "
      "0,000 dlrs 9,999 dlrs 10 20 30 99";
  std::vector<Found> fast, reference;
  rules->scan(text, recorder(fast));
  rules->scan_reference(text, recorder(reference));
  CHECK(fast == reference);
}

TEST_CASE("word maps are looked up with text as an article writes it", "[rules][words]") {
  WordMap<int> months;
  months.emplace(normalize_key("Sept"), 9);
  months.emplace(normalize_key("per  cent"), 100);
  REQUIRE(find_word(months, "SEPT") != nullptr);
  CHECK(*find_word(months, "sept") == 9);
  CHECK(*find_word(months, "per\n cent") == 100);
  CHECK(find_word(months, "Sep") == nullptr);
  CHECK(find_word(months, "") == nullptr);
  CHECK(find_folded(months, "per cent") != nullptr);
  // Folding on the stack and on the heap agree with normalize_key.
  for (const std::string& text : {std::string(" Swiss \t Francs "), std::string(200, 'A') + "  b"}) {
    const FoldedKey key(text);
    CHECK(key.view() == normalize_key(text));
  }
}

}  // namespace
}  // namespace newsmine
