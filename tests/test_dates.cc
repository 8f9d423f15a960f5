// Tests of the date extractor and the calendar arithmetic under it.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "models/civil_date.h"
#include "models/date_sentences.h"
#include "models/date_tense.h"
#include "models/date_tense_words.h"
#include "models/dates.h"
#include "models/model_data.h"
#include "models/numbers.h"
#include "models/rule_files.h"
#include "tests/test_support.h"

namespace newsmine {
namespace {

const DateExtractor& extractor() {
  static const std::unique_ptr<const DateExtractor> dates = [] {
    std::unique_ptr<const DateExtractor> loaded;
    const Status status = DateExtractor::load(ModelData::embedded(), loaded);
    if (!status.ok()) FAIL(status.message());
    return loaded;
  }();
  return *dates;
}

std::string surface(std::string_view text, const DateMention& m) {
  return std::string(text.substr(m.start, m.end - m.start));
}

// The mention whose text is exactly `expected`; fails the test if there is none.
DateMention find(std::string_view text, std::string_view document_date, std::string_view expected) {
  const std::vector<DateMention> mentions = extractor().extract(text, document_date);
  for (const DateMention& m : mentions) {
    if (surface(text, m) == expected) return m;
  }
  std::string found;
  for (const DateMention& m : mentions) found.append(surface(text, m)).append("=").append(m.value).append("; ");
  FAIL("no date mention '" << expected << "' in \"" << text << "\"; found: " << found);
  return {};
}

// The sentence edges of date_sentences.h the slow, obvious way: every byte in turn.
bool reference_ends_sentence(std::string_view text, std::size_t i) {
  const char c = text[i];
  if (c == '\n') return true;
  if (c != '.' && c != '!' && c != '?') return false;
  if (i + 1 >= text.size()) return true;
  if (text[i + 1] != ' ' && text[i + 1] != '\n' && text[i + 1] != '\t') return false;
  if (c != '.') return true;
  std::size_t begin = i;
  while (begin > 0 && std::isalpha(static_cast<unsigned char>(text[begin - 1]))) --begin;
  if (i - begin >= 1 && i - begin <= 3 && std::isupper(static_cast<unsigned char>(text[begin]))) return false;
  std::size_t next = i + 1;
  while (next < text.size() && text[next] == ' ') ++next;
  return !(next < text.size() && std::islower(static_cast<unsigned char>(text[next])));
}

// The words TenseCues reads, as strings ("#" for a number, "," for a clause mark).
std::vector<std::string> reference_words(std::string_view text, std::size_t from, std::size_t to, std::size_t limit) {
  const auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  std::vector<std::string> out;
  for (std::size_t i = from; i < to && out.size() < limit;) {
    if (letter(text[i])) {
      std::string& word = out.emplace_back();
      while (i < to && (letter(text[i]) || (text[i] == '\'' && i + 1 < to && letter(text[i + 1])))) {
        word += static_cast<char>(std::tolower(static_cast<unsigned char>(text[i++])));
      }
    } else if (text[i] >= '0' && text[i] <= '9') {
      while (i < to && ((text[i] >= '0' && text[i] <= '9') || text[i] == ',' || text[i] == '.')) ++i;
      out.emplace_back("#");
    } else {
      if (text[i] == ',' || text[i] == ';' || text[i] == ':') out.emplace_back(",");
      ++i;
    }
  }
  return out;
}

// Back from `to` over `runs` whitespace-separated runs, one byte at a time.
std::size_t reference_runs_back(std::string_view text, std::size_t begin, std::size_t to, std::size_t runs) {
  const auto space = [](char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; };
  std::size_t at = to;
  for (std::size_t passed = 0; at > begin && passed < runs;) {
    while (at > begin && space(text[at - 1])) --at;
    if (at == begin) break;
    while (at > begin && !space(text[at - 1])) --at;
    ++passed;
  }
  return at;
}

// The tense cues of date_tense.h the slow, obvious way: the words as strings,
// the cues in a map by first word, the words read back from the mention.
class ReferenceTense {
 public:
  ReferenceTense() {
    std::vector<TableRow> rows;
    REQUIRE(read_table(ModelData::embedded(), "tense_cues.tsv", 2, rows).ok());
    for (const TableRow& row : rows) {
      Cue cue;
      std::string kind = row.fields[1];
      cue.adjacent = kind.ends_with("_adjacent");
      if (cue.adjacent) kind.resize(kind.size() - 9);
      cue.tense = kind == "past" ? Tense::past : kind == "future" ? Tense::future : Tense::unknown;
      cue.words = reference_words(row.fields[0], 0, row.fields[0].size(), row.fields[0].size());
      cues_[cue.words[0]].push_back(cue);
    }
    for (auto& [first, list] : cues_) {
      std::stable_sort(list.begin(), list.end(), [](const Cue& a, const Cue& b) { return a.words.size() > b.words.size(); });
    }
  }

  Tense tense_at(std::string_view text, std::size_t start, std::size_t end, bool adjacent) const {
    std::size_t begin = start;  // the sentence, at most 400 bytes either way
    while (begin > 0 && start - begin < 400 && !reference_ends_sentence(text, begin - 1)) --begin;
    std::size_t finish = end;
    while (finish < text.size() && finish - end < 400 && !reference_ends_sentence(text, finish)) ++finish;
    if (finish < text.size() && finish - end < 400) ++finish;
    // Whitespace-separated runs back from the mention, nineteen at a time,
    // until they hold eighteen words or the sentence begins.
    std::size_t from = start;
    std::vector<std::string> before;
    do {
      from = reference_runs_back(text, begin, from, 19);
      before = reference_words(text, from, start, start - from);
    } while (from > begin && before.size() < 18);
    const std::vector<std::string> after = reference_words(text, end, finish, 10);

    Tense best = Tense::unknown;
    std::size_t best_distance = 16;
    for (std::size_t i = before.size() > 18 ? before.size() - 18 : 0; i < before.size();) {
      bool past_form = false;
      const Cue* cue = cue_at(before, i, past_form);
      const std::size_t length = cue != nullptr ? cue->words.size() : 1;
      const Tense tense = cue != nullptr ? cue->tense : past_form ? Tense::past : Tense::unknown;
      const std::size_t distance = before.size() - (i + length);
      const bool adjacent_only = cue != nullptr && cue->adjacent && (distance != 0 || !adjacent);
      if (tense != Tense::unknown && !adjacent_only && !(tense == Tense::past && participle(before, i, length)) &&
          distance <= 15) {
        best = tense;
        best_distance = distance;
      }
      i += length;
    }
    for (std::size_t i = 0; i < after.size() && i <= 8 && i < best_distance; ++i) {
      if (after[i] == "," && best != Tense::unknown) break;
      bool past_form = false;
      const Cue* cue = cue_at(after, i, past_form);
      if (cue != nullptr && cue->tense != Tense::unknown && !cue->adjacent &&
          !(cue->tense == Tense::past && participle(after, i, cue->words.size()))) {
        return cue->tense;
      }
      if (past_form && !participle(after, i, 1)) return Tense::past;
    }
    return best;
  }

 private:
  struct Cue {
    std::vector<std::string> words;
    Tense tense = Tense::unknown;
    bool adjacent = false;
  };

  const Cue* cue_at(const std::vector<std::string>& words, std::size_t i, bool& past_form) const {
    past_form = false;
    if (auto found = cues_.find(words[i]); found != cues_.end()) {
      for (const Cue& cue : found->second) {
        if (i + cue.words.size() <= words.size() &&
            std::equal(cue.words.begin(), cue.words.end(), words.begin() + static_cast<std::ptrdiff_t>(i))) {
          return &cue;
        }
      }
    }
    const std::string& word = words[i];
    past_form = word.size() >= 5 && word.ends_with("ed") && !word.ends_with("eed");
    return nullptr;
  }

  static bool participle(const std::vector<std::string>& words, std::size_t i, std::size_t length) {
    return (i > 0 && words[i - 1] == "be") || (i + length < words.size() && words[i + length] == "by");
  }

  std::map<std::string, std::vector<Cue>> cues_;
};

// Random text of the pieces that sentence edges and tense cues turn on:
// cue words, past forms, abbreviations, numbers, apostrophes, marks, runs of
// white space, long words.
std::string random_text(std::mt19937& random, std::size_t words) {
  static const char* const kPieces[] = {
      "will", "said", "announced", "be", "by", "plans to", "is to", "to be held", "expected", "hundred",
      "payable", "since", "speed", "proceeded", "Mr.", "U.S.", "Jan.", "St.", "It", "the", "on", "Friday",
      "don't", "'ll", "we'll", "rock'n'roll", "it'", "'", "''", "1,000.5", "3.5", "2020", ",", ";", ":", ".",
      "!", "?", "-", "—", "\"", "(", ")", "...", "\n", "\t", "  ", "\r", "a", "ANNOUNCED", "Said",
      "internationalization", "uncharacteristically", "extraordinarily'd", "5G", "G20", "é", "naïve"};
  std::string text;
  std::uniform_int_distribution<std::size_t> piece(0, std::size(kPieces) - 1);
  std::uniform_int_distribution<int> glue(0, 5);
  for (std::size_t i = 0; i < words; ++i) {
    text += kPieces[piece(random)];
    if (glue(random) != 0) text += ' ';  // sometimes glued to the next piece
  }
  return text;
}

struct Case {
  const char* document_date;
  const char* text;
  const char* span;
  const char* value;
  DateKind kind;
};

void check(const Case& c) {
  INFO("text: " << c.text << " | document date: " << c.document_date);
  const DateMention m = find(c.text, c.document_date, c.span);
  CHECK(m.value == c.value);
  CHECK(to_string(m.kind) == to_string(c.kind));
}

std::string embedded(const std::string& name) {
  std::string bytes;
  REQUIRE(ModelData::embedded().read(name, bytes).ok());
  return bytes;
}

}  // namespace

TEST_CASE("civil date arithmetic", "[dates][calendar]") {
  CHECK(is_leap_year(2020));
  CHECK(is_leap_year(2000));
  CHECK_FALSE(is_leap_year(1900));
  CHECK_FALSE(is_leap_year(2021));
  CHECK(days_in_month(2020, 2) == 29);
  CHECK(days_in_month(2021, 2) == 28);
  CHECK(days_in_month(2021, 4) == 30);
  CHECK(days_in_month(2021, 12) == 31);

  CHECK(weekday({2020, 5, 30}) == 6);  // a Saturday
  CHECK(weekday({1970, 1, 1}) == 4);   // a Thursday
  CHECK(weekday({2024, 4, 23}) == 2);  // a Tuesday
  CHECK(weekday({1969, 12, 28}) == 7);

  CHECK(add_days({2020, 2, 28}, 1) == CivilDate{2020, 2, 29});
  CHECK(add_days({2021, 2, 28}, 1) == CivilDate{2021, 3, 1});
  CHECK(add_days({2021, 1, 1}, -1) == CivilDate{2020, 12, 31});
  CHECK(add_months({2020, 1, 31}, 1) == CivilDate{2020, 2, 29});
  CHECK(add_months({2021, 1, 31}, 1) == CivilDate{2021, 2, 28});
  CHECK(add_months({2020, 1, 15}, -1) == CivilDate{2019, 12, 15});
  CHECK(add_months({2020, 12, 15}, 13) == CivilDate{2022, 1, 15});

  CHECK(iso_week({2021, 1, 1}).year == 2020);
  CHECK(iso_week({2021, 1, 1}).week == 53);
  CHECK(iso_week({2018, 12, 31}).year == 2019);
  CHECK(iso_week({2018, 12, 31}).week == 1);
  CHECK(format_week(iso_week({1998, 3, 12})) == "1998-W11");

  for (std::int64_t day = -800000; day <= 800000; day += 997) {
    const CivilDate date = from_days(day);
    REQUIRE(is_valid(date));
    REQUIRE(to_days(date) == day);
  }

  // Dates are written whole when their parts fit, piece by piece when not
  // (years past 9999 or before 0): both as printf writes them.
  for (const int year : {-12, 0, 7, 987, 1998, 2020, 9999, 10000, 123456}) {
    for (const int month : {1, 9, 12}) {
      char expected[64];
      std::snprintf(expected, sizeof expected, "%04d-%02d-%02d", year, month, 5);
      CHECK(format_date({year, month, 5}) == expected);
      std::snprintf(expected, sizeof expected, "%04d-%02d", year, month);
      CHECK(format_month(year, month) == expected);
      std::snprintf(expected, sizeof expected, "%04d", year);
      CHECK(format_year(year) == expected);
    }
  }

  CivilDate parsed;
  CHECK(parse_iso_date("2020-02-29", parsed));
  CHECK(parsed == CivilDate{2020, 2, 29});
  CHECK_FALSE(parse_iso_date("2021-02-29", parsed));
  CHECK_FALSE(parse_iso_date("2021-5-20", parsed));
  CHECK_FALSE(parse_iso_date("", parsed));
}

TEST_CASE("absolute dates", "[dates]") {
  const Case cases[] = {
      {"", "The deal signed on November 10, 2020, ended the conflict.", "November 10, 2020", "2020-11-10", DateKind::date},
      {"", "It was signed on 20 May 2021 in Baku.", "20 May 2021", "2021-05-20", DateKind::date},
      {"", "Published 2021-05-20 by Trend.", "2021-05-20", "2021-05-20", DateKind::date},
      {"", "Filed on 05/20/2021 in court.", "05/20/2021", "2021-05-20", DateKind::date},
      {"", "Relations were established on April 4, 1992, with embassies.", "April 4, 1992", "1992-04-04", DateKind::date},
      {"", "On Feb. 2, 2023, a concert was held.", "Feb. 2, 2023", "2023-02-02", DateKind::date},
      {"", "It happened on Friday, May 20, 2022.", "Friday, May 20, 2022", "2022-05-20", DateKind::date},
      {"", "Trade rose in May 2021 again.", "May 2021", "2021-05", DateKind::month},
      {"", "Trade rose in 2020 again.", "2020", "2020", DateKind::year},
      {"", "The 2020 budget was approved.", "2020", "2020", DateKind::year},
      {"", "The plan runs until 2024 continues.", "2024", "2024", DateKind::year},
      {"", "The consulate opened in Yekaterinburg in 2010.", "2010", "2010", DateKind::year},
      {"", "Troops came in the war in the 1990s.", "1990s", "199X", DateKind::decade},
      {"", "For the 2023/2024 school year, there are 324 schools.", "2023/2024", "2023/2024", DateKind::range},
      {"", "with 16,153 students during the 2022/2023 academic year.", "2022/2023", "2022/2023", DateKind::range},
      {"", "The 2019-20 season was short.", "2019-20", "2019/2020", DateKind::range},
      // Two whole dates joined by words are two mentions, as in TimeML.
      {"", "It grew from 2010 to 2015 steadily.", "2010", "2010", DateKind::year},
      {"", "It grew from 2010 to 2015 steadily.", "2015", "2015", DateKind::year},
      {"", "It grew from January through March 2021 by 3.5 percent.", "January through March 2021", "2021-01/2021-03", DateKind::range},
      {"", "Forum held on April 11–12, 2023 in Baku.", "April 11–12, 2023", "2023-04-11/2023-04-12", DateKind::range},
      {"", "Profit for Q3 2021 rose.", "Q3 2021", "2021-Q3", DateKind::quarter},
      {"", "Growth in the first half of 2021 slowed.", "the first half of 2021", "2021-H1", DateKind::quarter},
  };
  for (const Case& c : cases) check(c);
}

TEST_CASE("dates without a year take it from the document date", "[dates][relative]") {
  const Case cases[] = {
      {"2021-05-20", "BAKU, Azerbaijan, May 20", "May 20", "2021-05-20", DateKind::date},
      {"2021-05-20", "The meeting is scheduled for June.", "June", "2021-06", DateKind::month},
      {"2021-05-20", "The forum will be held in November.", "November", "2021-11", DateKind::month},
      {"2020-05-30", "the next, sixth meeting, scheduled for October this year.", "October this year", "2020-10", DateKind::month},
      {"2023-05-01", "Baku hosted the forum on April 11–12.", "April 11–12", "2023-04-11/2023-04-12", DateKind::range},
      {"2023-05-01", "Baku hosted the forum on April 11-12.", "April 11-12", "2023-04-11/2023-04-12", DateKind::range},
      {"2023-05-01", "Talks ran April 11 to 12.", "April 11 to 12", "2023-04-11/2023-04-12", DateKind::range},
      {"2023-05-01", "Talks ran April 11 through 12.", "April 11 through 12", "2023-04-11/2023-04-12", DateKind::range},
      {"2023-05-01", "Talks ran April 28–May 3.", "April 28–May 3", "2023-04-28/2023-05-03", DateKind::range},
      {"2023-05-01", "Talks ran from April 28 to May 3.", "April 28", "2023-04-28", DateKind::date},
      {"2023-05-01", "Talks ran from April 28 to May 3.", "May 3", "2023-05-03", DateKind::date},
      {"2020-05-30", "The meeting will be held in the fourth quarter of this year.", "the fourth quarter of this year", "2020-Q4", DateKind::quarter},
      {"2020-05-30", "Results for the fourth quarter were weak.", "the fourth quarter", "2020-Q4", DateKind::quarter},
      {"2020-05-30", "The forum will be held in the second half of this year in Azerbaijan.", "the second half of this year", "2020-H2", DateKind::quarter},
      {"2020-05-30", "Sales fell last quarter.", "last quarter", "2020-Q1", DateKind::quarter},
  };
  for (const Case& c : cases) check(c);
}

TEST_CASE("a year-less date takes the nearest year, leaning to the past", "[dates][relative]") {
  const Case cases[] = {
      // Past by default: news reports what happened.
      {"2021-01-10", "Sales fell in December.", "December", "2020-12", DateKind::month},
      {"2020-03-04", "Sales fell in December.", "December", "2019-12", DateKind::month},
      {"1999-05-06", "The deal was signed on Nov. 3 in Paris.", "Nov. 3", "1998-11-03", DateKind::date},
      {"2020-12-28", "The talks ended on December 20.", "December 20", "2020-12-20", DateKind::date},
      // A future cue in the sentence lets the date lie ahead.
      {"2020-12-28", "The plant will open on January 3.", "January 3", "2021-01-03", DateKind::date},
      {"2020-03-04", "The plant will open in December.", "December", "2020-12", DateKind::month},
      {"2020-03-04", "The plant is scheduled to open on March 1.", "March 1", "2021-03-01", DateKind::date},
      {"2020-05-30", "We are expecting a delegation this fall, tentatively in November.", "November", "2020-11", DateKind::month},
      {"2020-05-30", "We are expecting a delegation at the 9th St. Petersburg Forum this fall, tentatively in November.", "November", "2020-11", DateKind::month},
      {"2020-05-30", "Talks will resume. Sales fell in November.", "November", "2019-11", DateKind::month},
      // Leap day: only a leap year has February 29.
      {"2021-03-10", "It was announced on February 29.", "February 29", "", DateKind::date},
      {"2020-03-10", "It was announced on February 29.", "February 29", "2020-02-29", DateKind::date},
  };
  for (const Case& c : cases) check(c);

  DateExtractorOptions options;
  options.nearest_year = false;
  std::unique_ptr<const DateExtractor> document_year;
  REQUIRE(DateExtractor::load(ModelData::embedded(), options, document_year).ok());
  const std::string text = "Sales fell in December.";
  const std::vector<DateMention> mentions = document_year->extract(text, "2020-03-04");
  REQUIRE(mentions.size() == 1);
  CHECK(mentions[0].value == "2020-12");
}

TEST_CASE("bare four-digit years", "[dates]") {
  const Case cases[] = {
      {"", "Exports in calendar 1986 fell 5.4 pct.", "1986", "1986", DateKind::year},
      {"", "Henderson said 1987 results would top 1986 income.", "1987", "1987", DateKind::year},
      {"", "Henderson said 1987 results would top 1986 income.", "1986", "1986", DateKind::year},
      {"", "bonds due 1995 were sold", "1995", "1995", DateKind::year},
      {"", "In 2019, the Days of Russian Culture were held.", "2019", "2019", DateKind::year},
      {"", "capital spending for the period 1987 to 1991 rose", "1991", "1991", DateKind::year},
      {"", "between 1994 and 1997 output doubled", "1994", "1994", DateKind::year},
      {"", "capital spending for the period 1987-1991 rose", "1987-1991", "1987/1991", DateKind::range},
      {"", "the 4th qtr 1986 gain of 632,000 dlrs", "the 4th qtr 1986", "1986-Q4", DateKind::quarter},
      {"1989-10-26", "This year's third quarter beat the 1988 third quarter.", "This year's third quarter", "1989-Q3", DateKind::quarter},
      {"1989-10-26", "This year's third quarter beat the 1988 third quarter.", "the 1988 third quarter", "1988-Q3", DateKind::quarter},
      {"", "the war in the early 1990s ended", "early 1990s", "199X", DateKind::decade},
  };
  for (const Case& c : cases) check(c);
  // Counts and clock times are not years.
  for (const char* text : {"More than 2000 people came.", "The council met at 1930 GMT.", "It hired 1999 workers."}) {
    INFO(text);
    CHECK(extractor().extract(text, "2020-05-30").empty());
  }
}

TEST_CASE("a year named earlier in the sentence is used for year-less dates", "[dates][relative]") {
  const Case cases[] = {
      {"2024-04-23", "Last year, on April 11–12, Baku hosted the Theater Forum.", "April 11–12", "2023-04-11/2023-04-12", DateKind::range},
      {"2024-04-23", "In 2019, on May 5, the days of culture began.", "May 5", "2019-05-05", DateKind::date},
      {"", "In 2019, on May 5, the days of culture began.", "May 5", "2019-05-05", DateKind::date},
      // A new sentence, or a long stretch of text, forgets the year.
      {"2024-04-23", "That was in 2019. On May 5 the days began.", "May 5", "2024-05-05", DateKind::date},
      {"2024-04-23", "In 2019 the ministry of culture and the national theatre of the republic met on May 5.", "May 5", "2024-05-05", DateKind::date},
      {"2024-04-23", "That was in 2019. On March 5 the days began.", "March 5", "2024-03-05", DateKind::date},
  };
  for (const Case& c : cases) check(c);
}

TEST_CASE("relative expressions resolve against the document date", "[dates][relative]") {
  const Case cases[] = {
      {"2020-05-30", "This year trade fell.", "This year", "2020", DateKind::relative},
      {"2020-05-30", "Last year, turnover grew.", "Last year", "2019", DateKind::relative},
      {"2020-05-30", "Talks resume next year.", "next year", "2021", DateKind::relative},
      {"2020-05-30", "Earlier this year Azerbaijan took part.", "Earlier this year", "2020", DateKind::relative},
      {"2020-05-30", "Prices rose this month.", "this month", "2020-05", DateKind::relative},
      {"2020-01-15", "Prices rose last month.", "last month", "2019-12", DateKind::relative},
      {"2020-12-15", "Prices will rise next month.", "next month", "2021-01", DateKind::relative},
      {"2020-05-30", "Yesterday, TASS held a conference.", "Yesterday", "2020-05-29", DateKind::relative},
      {"2021-01-01", "Yesterday was the last day.", "Yesterday", "2020-12-31", DateKind::relative},
      {"2020-03-01", "It rained yesterday.", "yesterday", "2020-02-29", DateKind::relative},
      {"2021-03-01", "It rained yesterday.", "yesterday", "2021-02-28", DateKind::relative},
      {"2020-12-31", "We meet tomorrow.", "tomorrow", "2021-01-01", DateKind::relative},
      {"2020-05-30", "We meet today.", "today", "2020-05-30", DateKind::relative},
      {"2020-05-30", "They met two weeks ago.", "two weeks ago", "2020-05-16", DateKind::relative},
      {"2020-05-30", "They met three days ago.", "three days ago", "2020-05-27", DateKind::relative},
      {"2020-03-02", "They met 3 days ago.", "3 days ago", "2020-02-28", DateKind::relative},
      {"2020-05-30", "They met a year ago.", "a year ago", "2019", DateKind::relative},
      {"2020-03-15", "They met five months ago.", "five months ago", "2019-10", DateKind::relative},
      {"2020-05-30", "a forum this fall, tentatively in November.", "this fall", "2020-FA", DateKind::relative},
      {"2020-05-30", "a forum this summer.", "this summer", "2020-SU", DateKind::relative},
      {"2020-05-30", "snow last winter.", "last winter", "2019-WI", DateKind::relative},
      {"2020-05-30", "rain last summer.", "last summer", "2019-SU", DateKind::relative},
      {"2020-10-30", "rain last summer.", "last summer", "2020-SU", DateKind::relative},
      {"1998-03-12", "Talks began this week.", "this week", "1998-W11", DateKind::relative},
      {"2021-01-01", "Talks began this week.", "this week", "2020-W53", DateKind::relative},
      {"2021-01-07", "Talks began last week.", "last week", "2020-W53", DateKind::relative},
  };
  for (const Case& c : cases) check(c);
}

TEST_CASE("weekdays resolve to the right date", "[dates][relative]") {
  // 2020-05-30 is a Saturday.
  const Case cases[] = {
      {"2020-05-30", "The minister said on Friday that", "Friday", "2020-05-29", DateKind::relative},
      {"2020-05-30", "The minister said Monday that", "Monday", "2020-05-25", DateKind::relative},
      {"2020-05-30", "The minister said on Saturday that", "Saturday", "2020-05-30", DateKind::relative},
      {"2020-05-30", "He arrived last Friday.", "last Friday", "2020-05-29", DateKind::relative},
      {"2020-05-30", "He arrived last Saturday.", "last Saturday", "2020-05-23", DateKind::relative},
      {"2020-05-30", "He leaves next Friday.", "next Friday", "2020-06-05", DateKind::relative},
      {"2020-05-30", "He leaves next Saturday.", "next Saturday", "2020-06-06", DateKind::relative},
      {"2020-05-30", "He leaves this Sunday.", "this Sunday", "2020-05-31", DateKind::relative},
      {"2021-01-02", "He left on Thursday.", "Thursday", "2020-12-31", DateKind::relative},
      {"2020-03-02", "He left on Saturday.", "Saturday", "2020-02-29", DateKind::relative},
  };
  for (const Case& c : cases) check(c);
}

TEST_CASE("without a document date relative values are null", "[dates][relative]") {
  const Case cases[] = {
      {"", "BAKU, Azerbaijan, May 20", "May 20", "", DateKind::date},
      {"", "The forum will be held in November.", "November", "", DateKind::month},
      {"", "Last year, turnover grew.", "Last year", "", DateKind::relative},
      {"", "Yesterday, TASS held a conference.", "Yesterday", "", DateKind::relative},
      {"", "The minister said on Friday that", "Friday", "", DateKind::relative},
      {"", "They met two weeks ago.", "two weeks ago", "", DateKind::relative},
      {"", "in the fourth quarter of this year", "the fourth quarter of this year", "", DateKind::quarter},
      {"not a date", "Last year, turnover grew.", "Last year", "", DateKind::relative},
  };
  for (const Case& c : cases) check(c);
  // A timestamp is cut to its date.
  check({"2020-05-30T10:00:00Z", "Last year, turnover grew.", "Last year", "2019", DateKind::relative});
}

TEST_CASE("numbers that are not dates", "[dates][negative]") {
  const char* texts[] = {
      "Sales reached 2,600 units.",
      "The car costs $2,020 today.",
      "The car costs $2020 now.",
      "Prices rose 2020% in a decade.",
      "The index was at 2020.5 points.",
      "The COVID-19 pandemic hit in spring.",
      "There are 1,000 companies.",
      "They may be late.",
  };
  for (const char* text : texts) {
    INFO(text);
    for (const DateMention& m : extractor().extract(text, "2020-05-30")) {
      const std::string s = surface(text, m);
      CHECK_FALSE(s.find_first_of("0123456789") != std::string::npos);
    }
  }
  // "may" the verb is not a month.
  CHECK(extractor().extract("They may be late in may.", "2020-05-30").empty());
}

TEST_CASE("a day range does not take the start of an amount as its second day", "[dates][negative]") {
  check({"1987-04-10", "Reserves fell on April 2 to 3.775 billion dlrs.", "April 2", "1987-04-02", DateKind::date});
  check({"1987-04-10", "Output rose on March 3 to 5 pct.", "March 3", "1987-03-03", DateKind::date});
  check({"1987-04-10", "Sales fell on March 3 to 5 billion.", "March 3", "1987-03-03", DateKind::date});
  check({"1987-04-10", "Talks run April 11 to 12 in Paris.", "April 11 to 12", "1987-04-11/1987-04-12",
         DateKind::range});
}

TEST_CASE("PRESENT_REF, PAST_REF and FUTURE_REF", "[dates][reference]") {
  const Case cases[] = {
      {"2020-05-30", "Prices are now 5% higher than in March.", "now", "PRESENT_REF", DateKind::relative},
      {"2020-05-30", "\"We need the money right now,\" he said.", "right now", "PRESENT_REF", DateKind::relative},
      {"2020-05-30", "The company currently employs 300 people.", "currently", "PRESENT_REF", DateKind::relative},
      {"", "The company currently employs 300 people.", "currently", "PRESENT_REF", DateKind::relative},
      {"2020-05-30", "The ministry recently approved the plan.", "recently", "PAST_REF", DateKind::relative},
      {"2020-05-30", "Kidnappings have grown in recent years.", "recent years", "PAST_REF", DateKind::relative},
      {"2020-05-30", "In the past, Russia often objected.", "the past", "PAST_REF", DateKind::relative},
      {"2020-05-30", "Talks may resume in the near future.", "the near future", "FUTURE_REF", DateKind::relative},
      {"2020-05-30", "It will cut tax payments in future quarters.", "future quarters", "FUTURE_REF", DateKind::relative},
  };
  for (const Case& c : cases) check(c);
  // "the past two months" is a span of time, not the past.
  for (const DateMention& m : extractor().extract("Stocks fell in the past two months.", "2020-05-30")) {
    CHECK(m.value != "PAST_REF");
  }
}

TEST_CASE("modifiers belong to the span, the value stays", "[dates][modifiers]") {
  const Case cases[] = {
      {"2020-05-30", "The plant will open early next year.", "early next year", "2021", DateKind::relative},
      {"2020-01-10", "The boy was rescued in late November.", "late November", "2019-11", DateKind::month},
      {"2020-01-10", "The offer expires in mid-November.", "mid-November", "2019-11", DateKind::month},
      {"1989-10-30", "It plans to cut costs in half by the end of 1990.", "the end of 1990", "1990", DateKind::year},
      {"1998-03-01", "The talks resumed in the middle of October.", "the middle of October", "1997-10", DateKind::month},
      {"1989-11-02", "Fiscal 1989 sales were $155 million.", "Fiscal 1989", "1989", DateKind::year},
      {"1989-10-27", "Officials weren't available late yesterday.", "late yesterday", "1989-10-26", DateKind::relative},
      {"1999-05-01", "The war ended in the mid-1990s.", "mid-1990s", "199X", DateKind::decade},
      {"1999-05-01", "The plan was drafted in mid-1996.", "mid-1996", "1996", DateKind::year},
  };
  for (const Case& c : cases) check(c);
}

TEST_CASE("the tense of the sentence places bare weekdays and days", "[dates][tense]") {
  // 2020-05-30 is a Saturday; 1989-10-27 a Friday.
  const Case cases[] = {
      {"2020-05-30", "The minister said on Friday that talks had failed.", "Friday", "2020-05-29", DateKind::relative},
      {"2020-05-30", "The talks will resume on Friday in Geneva.", "Friday", "2020-06-05", DateKind::relative},
      {"2020-05-30", "A news conference is scheduled for Tuesday.", "Tuesday", "2020-06-02", DateKind::relative},
      {"2020-05-30", "The company said Tuesday it will close the plant.", "Tuesday", "2020-05-26", DateKind::relative},
      {"2020-05-30", "He will arrive on Monday, officials said.", "Monday", "2020-06-01", DateKind::relative},
      {"2020-05-30", "Protesters were killed Thursday in the capital.", "Thursday", "2020-05-28", DateKind::relative},
      {"1989-10-27", "The dividend is payable Dec. 7 to holders of record Nov. 22.", "Dec. 7", "1989-12-07", DateKind::date},
      {"1989-10-27", "The dividend is payable Dec. 7 to holders of record Nov. 22.", "Nov. 22", "1989-11-22", DateKind::date},
      {"1989-10-27", "The increased dividend will be paid Dec. 14.", "Dec. 14", "1989-12-14", DateKind::date},
      {"1989-10-27", "In January, the company brought in a new chief executive.", "January", "1989-01", DateKind::month},
      {"1998-03-04", "Collins will be named commander for a mission in December.", "December", "1998-12", DateKind::month},
      {"1989-10-27", "The offer was extended to Nov. 20.", "Nov. 20", "1989-11-20", DateKind::date},
      // A future sentence does not take a past year named before it.
      {"1999-02-27", "Invited in July 1997, they will join NATO on March 12.", "March 12", "1999-03-12", DateKind::date},
      // The weekday of a year-less date picks its year.
      {"1998-04-24", "The Times said in an editorial on Saturday, April 25:", "Saturday, April 25", "1998-04-25", DateKind::date},
      // "this fall, in November": the year of the season.
      {"2020-05-30", "We are expecting a delegation led by the minister this fall, in November.", "November", "2020-11", DateKind::month},
  };
  for (const Case& c : cases) check(c);
}

TEST_CASE("sentence edges agree with a byte-by-byte reading", "[dates][sentences]") {
  std::mt19937 random(7);
  for (int round = 0; round < 300; ++round) {
    const std::string text = random_text(random, 1 + round % 120);
    std::uniform_int_distribution<std::size_t> position(0, text.size());
    for (int probe = 0; probe < 20; ++probe) {
      const std::size_t a = position(random), b = position(random);
      const std::size_t from = std::min(a, b), to = std::max(a, b);
      INFO("text: \"" << text << "\" from " << from << " to " << to);
      bool any = false;
      for (std::size_t i = from; i < to; ++i) any = any || reference_ends_sentence(text, i);
      CHECK(sentence_break(text, from, to) == any);
      for (std::size_t reach : {std::size_t{0}, std::size_t{5}, std::size_t{40}, std::size_t{400}}) {
        const std::size_t limit = a > reach ? a - reach : 0;
        std::size_t begin = a;
        while (begin > limit && !reference_ends_sentence(text, begin - 1)) --begin;
        CHECK(sentence_begin(text, a, reach) == begin);
        const std::size_t end_limit = std::min(a + reach, text.size());
        std::size_t end = a;
        while (end < end_limit && !reference_ends_sentence(text, end)) ++end;
        CHECK(sentence_end(text, a, reach) == (end < end_limit ? end + 1 : end_limit));
      }
    }
  }
}

TEST_CASE("cue words are read as a byte-by-byte reading reads them", "[dates][tense]") {
  // A word read, spelled out from its packed key.
  const auto as_string = [](std::string_view text, const CueWord& word) {
    if (word.kind == CueWord::Kind::number) return std::string("#");
    if (word.kind == CueWord::Kind::clause) return std::string(",");
    std::uint64_t low = 0, high = 0;
    pack_cue_word(text, word, low, high);
    std::string letters;
    for (std::size_t k = 0; k < kCueWordBytes; ++k) {
      const char c = static_cast<char>((k < 8 ? low >> (8 * k) : high >> (8 * (k - 8))) & 0xFF);
      if (c != 0) letters += c;
    }
    return letters;
  };
  std::mt19937 random(5);
  for (int round = 0; round < 2000; ++round) {
    const std::string text = random_text(random, 1 + round % 150);
    std::uniform_int_distribution<std::size_t> position(0, text.size());
    for (int probe = 0; probe < 5; ++probe) {
      const std::size_t a = position(random), b = position(random);
      const std::size_t from = std::min(a, b), to = std::max(a, b);
      INFO("text: \"" << text << "\" from " << from << " to " << to);
      for (std::size_t runs : {std::size_t{0}, std::size_t{1}, std::size_t{7}, std::size_t{19}}) {
        CHECK(runs_back(text, from, to, runs) == reference_runs_back(text, from, to, runs));
      }
      const std::size_t limit = probe == 0 ? 10 : to - from;
      const std::vector<std::string> expected = reference_words(text, from, to, limit);
      CueWord words[40];
      const std::size_t keep = 19;
      const std::size_t count = read_cue_words(text, from, to, limit, words, std::size(words), keep);
      REQUIRE(count >= std::min(expected.size(), keep));
      REQUIRE(count <= expected.size());
      for (std::size_t k = 0; k < count; ++k) {
        const std::string& want = expected[expected.size() - count + k];
        const CueWord& word = words[k];
        if (word.kind != CueWord::Kind::letters || word.size <= kCueWordBytes) CHECK(as_string(text, word) == want);
        if (word.kind == CueWord::Kind::letters) {
          CHECK(word.size == want.size());
          std::string spelled = text.substr(word.start, word.size);
          for (char& c : spelled) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
          CHECK(spelled == want);
          CHECK(is_past_form(text, word) == (want.size() >= 5 && want.ends_with("ed") && !want.ends_with("eed")));
        }
      }
    }
  }
}

TEST_CASE("tense cues agree with a reading of the words as strings", "[dates][tense]") {
  TenseCues cues;
  REQUIRE(TenseCues::load(ModelData::embedded(), cues).ok());
  const ReferenceTense reference;
  std::mt19937 random(11);
  int cued = 0;
  for (int round = 0; round < 2000; ++round) {
    const std::string text = random_text(random, 1 + round % 150);
    std::uniform_int_distribution<std::size_t> position(0, text.size());
    for (int probe = 0; probe < 5; ++probe) {
      const std::size_t a = position(random), b = position(random);
      const std::size_t start = std::min(a, b), end = std::min(std::max(a, b), start + 12);
      const bool adjacent = probe % 2 == 0;
      INFO("text: \"" << text << "\" mention " << start << "-" << end);
      const Tense expected = reference.tense_at(text, start, end, adjacent);
      CHECK(cues.tense_at(text, start, end, adjacent) == expected);
      cued += expected != Tense::unknown;
    }
  }
  CHECK(cued > 1000);  // the texts do have cues
}

TEST_CASE("anaphors and comparisons follow the period in focus", "[dates][discourse]") {
  const std::string earnings =
      "Third-quarter profit rose 5% to $10 million from $9.5 million a year earlier. "
      "In the year-ago quarter, the company had a tax credit. Sales in the latest quarter rose 8%. "
      "For the nine months, net rose 10% from a year earlier. "
      "The company said the quarter ended Sept. 30 was its best.";
  const std::string dct = "1989-10-26";
  const std::vector<DateMention> mentions = extractor().extract(earnings, dct);
  auto value_at = [&](std::size_t occurrence, std::string_view span) {
    std::size_t seen = 0;
    for (const DateMention& m : mentions) {
      if (surface(earnings, m) == span && seen++ == occurrence) return m.value;
    }
    return std::string("(none)");
  };
  CHECK(value_at(0, "Third-quarter") == "1989-Q3");
  CHECK(value_at(0, "a year earlier") == "1988-Q3");
  CHECK(value_at(0, "the year-ago quarter") == "1988-Q3");
  CHECK(value_at(0, "the latest quarter") == "1989-Q3");
  CHECK(value_at(1, "a year earlier") == "1988");  // the nine months put the year in focus
  CHECK(value_at(0, "the quarter") == "1989-Q3");
  CHECK(newsmine::find(earnings, dct, "the year-ago quarter").kind == DateKind::quarter);

  const Case cases[] = {
      // No period in focus: a year before the document date.
      {"2020-05-30", "He was elected a year ago.", "a year ago", "2019", DateKind::relative},
      {"1989-10-26", "Sales fell 3% from a year earlier.", "a year earlier", "1988", DateKind::relative},
      // A quarter still to come is not the one the article reports on.
      {"1989-11-02", "It expects a fourth-quarter charge. Earnings fell in the latest quarter.", "the latest quarter", "1989-Q3", DateKind::quarter},
      {"2000-01-28", "His mother fled in June 1998 and returned later that year.", "later that year", "1998", DateKind::relative},
      {"1989-11-02", "For the year, pet food volume was flat.", "the year", "1989", DateKind::relative},
      {"", "In the year-ago quarter, it earned $2 million.", "the year-ago quarter", "", DateKind::quarter},
  };
  for (const Case& c : cases) check(c);
  // "the year ended Sept. 30" is a span of time, not a date.
  for (const DateMention& m : extractor().extract("Net for the year ended Sept. 30 rose.", "1989-11-02")) {
    CHECK(surface("Net for the year ended Sept. 30 rose.", m) == "Sept. 30");
  }
}

TEST_CASE("numeric dates read month first unless configured day first", "[dates][options]") {
  check({"", "Filed on 05/06/2021 in court.", "05/06/2021", "2021-05-06", DateKind::date});
  CHECK(extractor().extract("Filed on 20/05/2021 in court.", "").empty());  // no month 20

  DateExtractorOptions options;
  options.day_first = true;
  std::unique_ptr<const DateExtractor> day_first;
  REQUIRE(DateExtractor::load(ModelData::embedded(), options, day_first).ok());
  for (const auto& [text, value] : {std::pair{"Filed on 05/06/2021 in court.", "2021-06-05"},
                                    std::pair{"Filed on 20/05/2021 in court.", "2021-05-20"}}) {
    INFO(text);
    const std::vector<DateMention> mentions = day_first->extract(text, "2021-07-01");
    REQUIRE(mentions.size() == 1);
    CHECK(mentions[0].value == value);
    CHECK(mentions[0].kind == DateKind::date);
  }
}

TEST_CASE("spelled-out years, decades, centuries, holidays", "[dates][words]") {
  const Case cases[] = {
      {"1998-03-01", "Prices fell in nineteen ninety-six.", "nineteen ninety-six", "1996", DateKind::year},
      {"1998-02-05", "He promised to halve unemployment by the year two thousand.", "the year two thousand", "2000", DateKind::year},
      {"1998-03-03", "Their numbers dropped through the nineties.", "the nineties", "199X", DateKind::decade},
      {"1998-03-03", "It was built in the '80s.", "the '80s", "198X", DateKind::decade},
      {"1999-03-12", "It was the bloodiest war of the 20th century.", "the 20th century", "19XX", DateKind::decade},
      {"1999-03-12", "A decade ago, Poland was a Soviet ally.", "A decade ago", "1989", DateKind::relative},
      {"1999-11-27", "Stores were crowded on Thanksgiving Day.", "Thanksgiving Day", "1999-11-25", DateKind::date},
      {"2020-05-30", "Sales were weak last Christmas.", "last Christmas", "2019-12-25", DateKind::date},
      {"2024-04-10", "Pilgrims gathered at Easter.", "Easter", "2024-03-31", DateKind::date},
      {"2024-03-01", "Pilgrims will gather at Easter.", "Easter", "2024-03-31", DateKind::date},
      {"1989-11-02", "It expects to close the deal by year-end.", "year-end", "1989-12-31", DateKind::date},
      {"2000-04-05", "Castro declared Wednesday night that the boy would return.", "Wednesday night", "2000-04-05", DateKind::relative},
      {"1998-01-28", "He fought for independence from Spain in 1898.", "1898", "1898", DateKind::year},
  };
  for (const Case& c : cases) check(c);
}

TEST_CASE("words that are not dates stay out", "[dates][negative]") {
  // "may" and "march" the verbs, counts, clock times, repeated days.
  for (const char* text : {"Prices may march higher.", "Sales reached 2,600 units.", "It cost $2,020.",
                           "More than 2000 people came.", "Talks broke off at noon Thursday.",
                           "A third flight departs each Thursday.", "It costs 1850 dollars."}) {
    INFO(text);
    for (const DateMention& m : extractor().extract(text, "2020-05-30")) {
      const std::string s = surface(text, m);
      CHECK(s.find_first_of("0123456789") == std::string::npos);
      CHECK(s.find("Thursday") == std::string::npos);
      CHECK(s.find("ay") == std::string::npos);
    }
  }
  check({"", "The 2020 budget was approved.", "2020", "2020", DateKind::year});
}

TEST_CASE("date mentions are sorted, non-overlapping and inside the text", "[dates]") {
  const std::string text =
      "On November 10, 2020, last year and this year, from January through March 2021, in the fourth quarter "
      "of this year, Q3 2021, 2023/2024, the 1990s, two weeks ago on Friday, April 11–12.";
  const std::vector<DateMention> mentions = extractor().extract(text, "2021-05-20");
  REQUIRE(mentions.size() >= 10);
  for (std::size_t i = 0; i < mentions.size(); ++i) {
    CHECK(mentions[i].start < mentions[i].end);
    CHECK(mentions[i].end <= text.size());
    if (i > 0) CHECK(mentions[i - 1].end <= mentions[i].start);
  }
  CHECK(find(text, "2021-05-20", "January through March 2021").value == "2021-01/2021-03");
}

TEST_CASE("extract is safe to call from several threads", "[dates][threads]") {
  const std::string text = testing::have_shared("seeds/002_05352d0e9c5baae8.txt")
                               ? testing::read_file(testing::shared_dir() / "seeds/002_05352d0e9c5baae8.txt")
                               : std::string("Yesterday, last year, on Friday, November 10, 2020.");
  const std::vector<DateMention> expected = extractor().extract(text, "2020-05-30");
  std::vector<bool> same(2, false);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < same.size(); ++t) {
    threads.emplace_back([&, t] {
      bool ok = true;
      for (int i = 0; i < 20; ++i) {
        const std::vector<DateMention> got = extractor().extract(text, "2020-05-30");
        ok = ok && got.size() == expected.size();
        for (std::size_t k = 0; ok && k < got.size(); ++k) {
          ok = got[k].start == expected[k].start && got[k].end == expected[k].end && got[k].value == expected[k].value;
        }
      }
      same[t] = ok;
    });
  }
  for (std::thread& thread : threads) thread.join();
  CHECK(same[0]);
  CHECK(same[1]);
}

TEST_CASE("a broken data file fails the load with file:line", "[dates][load]") {
  SECTION("bad pattern") {
    const testing::ScratchDir dir("dates_bad_pattern");
    std::string rules = embedded("dates.rules");
    const int line = testing::line_count(rules) + 1;
    rules += "year\t(?P<year>(19|20\\d\\d\n";
    testing::write_file(dir / "dates.rules", rules);
    std::unique_ptr<const DateExtractor> out;
    const Status status = DateExtractor::load(ModelData::with_override(dir.string()), out);
    CHECK_FALSE(status.ok());
    CHECK_THAT(status.message(), Catch::Contains("dates.rules:" + std::to_string(line)));
    CHECK(out == nullptr);
  }
  SECTION("unknown rule name") {
    const testing::ScratchDir dir("dates_unknown_rule");
    std::string rules = embedded("dates.rules");
    const int line = testing::line_count(rules) + 1;
    rules += "fortnight\t\\bfortnight\\b\n";
    testing::write_file(dir / "dates.rules", rules);
    std::unique_ptr<const DateExtractor> out;
    const Status status = DateExtractor::load(ModelData::with_override(dir.string()), out);
    CHECK_FALSE(status.ok());
    CHECK_THAT(status.message(), Catch::Contains("dates.rules:" + std::to_string(line)));
    CHECK_THAT(status.message(), Catch::Contains("fortnight"));
  }
  SECTION("missing group") {
    const testing::ScratchDir dir("dates_missing_group");
    std::string rules = embedded("dates.rules");
    const int line = testing::line_count(rules) + 1;
    rules += "date\t\\b(?P<month>\\d\\d)/\\d\\d\\b\n";
    testing::write_file(dir / "dates.rules", rules);
    std::unique_ptr<const DateExtractor> out;
    const Status status = DateExtractor::load(ModelData::with_override(dir.string()), out);
    CHECK_FALSE(status.ok());
    CHECK_THAT(status.message(), Catch::Contains("dates.rules:" + std::to_string(line)));
    CHECK_THAT(status.message(), Catch::Contains("day"));
  }
  SECTION("unknown placeholder") {
    const testing::ScratchDir dir("dates_placeholder");
    testing::write_file(dir / "dates.rules", "# dates.rules for a test\n# version: 1\nyear\t{CENTURY}\\d\\d\n");
    std::unique_ptr<const DateExtractor> out;
    const Status status = DateExtractor::load(ModelData::with_override(dir.string()), out);
    CHECK_FALSE(status.ok());
    CHECK_THAT(status.message(), Catch::Contains("dates.rules:3"));
    CHECK_THAT(status.message(), Catch::Contains("CENTURY"));
  }
  SECTION("missing version header") {
    const testing::ScratchDir dir("dates_header");
    testing::write_file(dir / "months.txt", "1\tJanuary\n");
    std::unique_ptr<const DateExtractor> out;
    const Status status = DateExtractor::load(ModelData::with_override(dir.string()), out);
    CHECK_FALSE(status.ok());
    CHECK_THAT(status.message(), Catch::Contains("months.txt:1"));
  }
  SECTION("failing self-test") {
    const testing::ScratchDir dir("dates_selftest");
    std::string tests = embedded("dates.selftest.tsv");
    const int line = testing::line_count(tests) + 1;
    tests += "2020-05-30\tYesterday, it rained\tYesterday\t2020-05-28\n";
    testing::write_file(dir / "dates.selftest.tsv", tests);
    std::unique_ptr<const DateExtractor> out;
    const Status status = DateExtractor::load(ModelData::with_override(dir.string()), out);
    CHECK_FALSE(status.ok());
    CHECK_THAT(status.message(), Catch::Contains("dates.selftest.tsv:" + std::to_string(line)));
    CHECK_THAT(status.message(), Catch::Contains("2020-05-29"));
  }
  SECTION("an override directory with good files loads") {
    const testing::ScratchDir dir("dates_good");
    testing::write_file(dir / "dates.rules", embedded("dates.rules"));
    std::unique_ptr<const DateExtractor> out;
    CHECK(DateExtractor::load(ModelData::with_override(dir.string()), out).ok());
    CHECK(out != nullptr);
  }
}

TEST_CASE("seed articles", "[dates][seeds]") {
  if (!testing::have_shared("seeds")) {
    WARN("shared seeds not found; skipping");
    return;
  }
  struct Expected {
    const char* file;
    const char* document_date;
    const char* span;
    const char* value;
    DateKind kind;
  };
  const Expected expected[] = {
      {"000_472165fa652a4c97.txt", "", "November 10, 2020", "2020-11-10", DateKind::date},
      {"000_472165fa652a4c97.txt", "", "1990s", "199X", DateKind::decade},
      {"000_472165fa652a4c97.txt", "", "2020", "2020", DateKind::year},
      {"000_472165fa652a4c97.txt", "", "Earlier this year", "", DateKind::relative},
      {"001_126efb9153f012d4.txt", "2021-11-25", "November 24", "2021-11-24", DateKind::date},
      {"001_126efb9153f012d4.txt", "2021-11-25", "Earlier this year", "2021", DateKind::relative},
      {"002_05352d0e9c5baae8.txt", "2020-05-30", "Yesterday", "2020-05-29", DateKind::relative},
      {"002_05352d0e9c5baae8.txt", "2020-05-30", "Last year", "2019", DateKind::relative},
      {"002_05352d0e9c5baae8.txt", "2020-05-30", "the fourth quarter of this year", "2020-Q4", DateKind::quarter},
      {"002_05352d0e9c5baae8.txt", "2020-05-30", "the second half of this year", "2020-H2", DateKind::quarter},
      {"002_05352d0e9c5baae8.txt", "2020-05-30", "this fall", "2020-FA", DateKind::relative},
      {"002_05352d0e9c5baae8.txt", "2020-05-30", "November", "2020-11", DateKind::month},
      {"002_05352d0e9c5baae8.txt", "2020-05-30", "June", "2020-06", DateKind::month},
      {"002_05352d0e9c5baae8.txt", "2020-05-30", "October this year", "2020-10", DateKind::month},
      {"002_05352d0e9c5baae8.txt", "2020-05-30", "May 9", "2020-05-09", DateKind::date},
      {"003_053d4edee1c29480.txt", "2021-05-20", "May 20", "2021-05-20", DateKind::date},
      {"003_053d4edee1c29480.txt", "2021-05-20", "January through March 2021", "2021-01/2021-03", DateKind::range},
      {"004_6ad591048b102f96.txt", "2024-04-23", "April 11–12", "2023-04-11/2023-04-12", DateKind::range},
      {"004_6ad591048b102f96.txt", "2024-04-23", "2023/2024", "2023/2024", DateKind::range},
      {"004_6ad591048b102f96.txt", "2024-04-23", "2022/2023", "2022/2023", DateKind::range},
      {"004_6ad591048b102f96.txt", "2024-04-23", "April 4, 1992", "1992-04-04", DateKind::date},
      {"004_6ad591048b102f96.txt", "2024-04-23", "January through August 2023", "2023-01/2023-08", DateKind::range},
  };
  for (const Expected& e : expected) {
    const std::string text = testing::read_file(testing::shared_dir() / "seeds" / e.file);
    INFO(e.file << ": " << e.span);
    const DateMention m = find(text, e.document_date, e.span);
    CHECK(m.value == e.value);
    CHECK(to_string(m.kind) == to_string(e.kind));
  }
  for (const auto& entry : std::filesystem::directory_iterator(testing::shared_dir() / "seeds")) {
    const std::string text = testing::read_file(entry.path());
    for (const char* document_date : {"", "2020-05-30"}) {
      const std::vector<DateMention> mentions = extractor().extract(text, document_date);
      CHECK_FALSE(mentions.empty());
      for (std::size_t i = 0; i < mentions.size(); ++i) {
        INFO(entry.path().filename().string() << " mention " << i);
        CHECK(mentions[i].start < mentions[i].end);
        CHECK(mentions[i].end <= text.size());
        if (i > 0) CHECK(mentions[i - 1].end <= mentions[i].start);
      }
    }
  }
}

}  // namespace newsmine
