// Tests of the number extractor: cardinals, ordinals, percentages and money.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "models/dates.h"
#include "models/model_data.h"
#include "models/number_lexicon.h"
#include "models/numbers.h"
#include "models/rule_files.h"
#include "tests/test_support.h"

#include <re2/re2.h>
#include <random>

namespace newsmine {
namespace {

const NumberExtractor& numbers() {
  static const std::unique_ptr<const NumberExtractor> extractor = [] {
    std::unique_ptr<const NumberExtractor> loaded;
    const Status status = NumberExtractor::load(ModelData::embedded(), loaded);
    if (!status.ok()) FAIL(status.message());
    return loaded;
  }();
  return *extractor;
}

const DateExtractor& dates() {
  static const std::unique_ptr<const DateExtractor> extractor = [] {
    std::unique_ptr<const DateExtractor> loaded;
    const Status status = DateExtractor::load(ModelData::embedded(), loaded);
    if (!status.ok()) FAIL(status.message());
    return loaded;
  }();
  return *extractor;
}

std::vector<NumberMention> extract(std::string_view text, std::string_view document_date = "") {
  return numbers().extract(text, dates().extract(text, document_date));
}

std::string surface(std::string_view text, const NumberMention& m) {
  return std::string(text.substr(m.start, m.end - m.start));
}

std::string describe(std::string_view text, const std::vector<NumberMention>& mentions) {
  std::string out;
  for (const NumberMention& m : mentions) {
    out.append(surface(text, m)).append("=").append(std::to_string(m.value)).append(" ").append(m.unit).append("; ");
  }
  return out;
}

NumberMention find(std::string_view text, std::string_view expected, std::string_view document_date = "") {
  const std::vector<NumberMention> mentions = extract(text, document_date);
  for (const NumberMention& m : mentions) {
    if (surface(text, m) == expected) return m;
  }
  FAIL("no number mention '" << expected << "' in \"" << text << "\"; found: " << describe(text, mentions));
  return {};
}

struct Case {
  const char* text;
  const char* span;
  double value;
  const char* unit;
  NumberKind kind;
};

void check(const Case& c) {
  INFO("text: " << c.text);
  const NumberMention m = find(c.text, c.span);
  CHECK(m.value == c.value);  // values are parsed exactly
  CHECK(m.unit == c.unit);
  CHECK(to_string(m.kind) == to_string(c.kind));
}

std::string embedded(const std::string& name) {
  std::string bytes;
  REQUIRE(ModelData::embedded().read(name, bytes).ok());
  return bytes;
}

}  // namespace

TEST_CASE("cardinals", "[numbers]") {
  const Case cases[] = {
      {"Russia provided 12,000 test systems.", "12,000", 12000, "", NumberKind::cardinal},
      {"There are about 1,000 companies.", "1,000", 1000, "", NumberKind::cardinal},
      {"Azerbaijan has more than 340 schools.", "340", 340, "", NumberKind::cardinal},
      {"Additionally, 801,227 students learned Russian.", "801,227", 801227, "", NumberKind::cardinal},
      {"Output grew 3.5 times.", "3.5", 3.5, "", NumberKind::cardinal},
      {"More than 230 million people.", "230 million", 230000000, "", NumberKind::cardinal},
      {"The fund holds 5m shares.", "5m", 5000000, "", NumberKind::cardinal},
      {"the 30-year conflict", "30", 30, "", NumberKind::cardinal},
      {"six \"road maps\" are being implemented", "six", 6, "", NumberKind::cardinal},
      {"There were twenty-one votes.", "twenty-one", 21, "", NumberKind::cardinal},
      {"A dozen ships left.", "A dozen", 12, "", NumberKind::cardinal},
      {"Two hundred thousand people marched.", "Two hundred thousand", 200000, "", NumberKind::cardinal},
      {"The index rose 7-3/4 points.", "7-3/4", 7.75, "", NumberKind::cardinal},
      {"The index rose 7 3/4 points.", "7 3/4", 7.75, "", NumberKind::cardinal},
      {"One hundred and sixteen people came.", "One hundred and sixteen", 116, "", NumberKind::cardinal},
      {"two thousand and two hundred tonnes", "two thousand and two hundred", 2200, "", NumberKind::cardinal},
      {"More than 2000 people came.", "2000", 2000, "", NumberKind::cardinal},
  };
  for (const Case& c : cases) check(c);
}

TEST_CASE("ordinals", "[numbers]") {
  const Case cases[] = {
      {"A new, sixth roadmap is designed.", "sixth", 6, "", NumberKind::ordinal},
      {"at the 11th meeting of the forum", "11th", 11, "", NumberKind::ordinal},
      {"amounted to 7.85 percent (3rd place)", "3rd", 3, "", NumberKind::ordinal},
      {"the 105th anniversary of the composer", "105th", 105, "", NumberKind::ordinal},
      {"the twenty-first century", "twenty-first", 21, "", NumberKind::ordinal},
      {"the 1st place", "1st", 1, "", NumberKind::ordinal},
  };
  for (const Case& c : cases) check(c);
}

TEST_CASE("percentages", "[numbers]") {
  const Case cases[] = {
      {"turnover grew by more than 27% and", "27%", 27, "percent", NumberKind::percent},
      {"increased by about 3.5 percent and", "3.5 percent", 3.5, "percent", NumberKind::percent},
      {"a share of 7.85 pct in trade", "7.85 pct", 7.85, "percent", NumberKind::percent},
      {"including 17.87 percent in imports", "17.87 percent", 17.87, "percent", NumberKind::percent},
      {"a rise of five per cent", "five per cent", 5, "percent", NumberKind::percent},
  };
  for (const Case& c : cases) check(c);

  // A range gives one mention per number, both percentages.
  const std::string text = "Prices rose 10 to 12 percent last year.";
  const std::vector<NumberMention> mentions = extract(text);
  REQUIRE(mentions.size() == 2);
  CHECK(surface(text, mentions[0]) == "10");
  CHECK(mentions[0].value == 10);
  CHECK(mentions[0].unit == "percent");
  CHECK(surface(text, mentions[1]) == "12 percent");
  CHECK(mentions[1].value == 12);
  CHECK(mentions[1].unit == "percent");
}

TEST_CASE("money", "[numbers]") {
  const Case cases[] = {
      {"amounted to $2.6 billion in 2020", "$2.6 billion", 2600000000, "USD", NumberKind::money},
      {"amounted to $ 3.2 bln.", "$ 3.2 bln", 3200000000, "USD", NumberKind::money},
      {"reached $680 million from January", "$680 million", 680000000, "USD", NumberKind::money},
      {"reached 680 million manat in", "680 million manat", 680000000, "AZN", NumberKind::money},
      {"a loan of RUB 12 mln was", "RUB 12 mln", 12000000, "RUB", NumberKind::money},
      {"imports of 1.99 mln dlrs", "1.99 mln dlrs", 1990000, "USD", NumberKind::money},
      {"a €5bn fund", "€5bn", 5000000000, "EUR", NumberKind::money},
      {"exports of $794.47 million.", "$794.47 million", 794470000, "USD", NumberKind::money},
      {"a US$5m grant", "US$5m", 5000000, "USD", NumberKind::money},
      {"cost 20 Swiss francs", "20 Swiss francs", 20, "CHF", NumberKind::money},
      {"paid 100 roubles", "100 roubles", 100, "RUB", NumberKind::money},
      {"paid ₽500 for it", "₽500", 500, "RUB", NumberKind::money},
      {"paid 5,000 tenge", "5,000 tenge", 5000, "KZT", NumberKind::money},
      {"paid 10 lari", "10 lari", 10, "GEL", NumberKind::money},
      {"paid 300 lira", "300 lira", 300, "TRY", NumberKind::money},
      {"paid ¥100 each", "¥100", 100, "JPY", NumberKind::money},
      {"paid 50 yuan each", "50 yuan", 50, "CNY", NumberKind::money},
      {"paid £3 each", "£3", 3, "GBP", NumberKind::money},
      {"paid 20 euros each", "20 euros", 20, "EUR", NumberKind::money},
      {"a budget of five million dollars", "five million dollars", 5000000, "USD", NumberKind::money},
      {"The car costs $2,020 today.", "$2,020", 2020, "USD", NumberKind::money},
      {"a loss of 361 million pounds", "361 million pounds", 361e6, "GBP", NumberKind::money},
      {"paid 10,000 swiss francs", "10,000 swiss francs", 10000, "CHF", NumberKind::money},
      {"raised 125 million Australian dollars", "125 million Australian dollars", 125e6, "AUD", NumberKind::money},
      {"sent 10 US dollars", "10 US dollars", 10, "USD", NumberKind::money},
  };
  for (const Case& c : cases) check(c);

  const std::string text = "The deal is worth $5-6 billion.";
  const std::vector<NumberMention> mentions = extract(text);
  REQUIRE(mentions.size() == 2);
  CHECK(surface(text, mentions[0]) == "$5");
  CHECK(mentions[0].value == 5e9);
  CHECK(surface(text, mentions[1]) == "6 billion");
  CHECK(mentions[1].value == 6e9);
  CHECK(mentions[1].unit == "USD");
}

TEST_CASE("qualifiers stay outside the span", "[numbers]") {
  check({"grew by more than 27% and", "27%", 27, "percent", NumberKind::percent});
  check({"amounted to about $8.5 billion ($6.4 billion in the non-oil sector)", "$8.5 billion", 8.5e9, "USD", NumberKind::money});
  check({"Over 230 intergovernmental documents", "230", 230, "", NumberKind::cardinal});
}

TEST_CASE("numbers that are not numbers", "[numbers][negative]") {
  // Glued to a word.
  for (const char* text : {"the COVID-19 pandemic", "an F-16 jet", "the G20 summit", "5G networks"}) {
    INFO(text);
    const std::vector<NumberMention> mentions = extract(text);
    CHECK(mentions.empty());
    CHECK(describe(text, mentions) == "");
  }
  // Inside a date.
  {
    const std::string text = "The deal signed on November 10, 2020, ended the war.";
    CHECK(extract(text).empty());
  }
  {
    const std::string text = "Relations were established on April 4, 1992, and in 2004 and on 2021-05-20.";
    CHECK(extract(text).empty());
  }
  {
    const std::string text = "For the 2023/2024 school year, there are 324 schools.";
    const std::vector<NumberMention> mentions = extract(text);
    REQUIRE(mentions.size() == 1);
    CHECK(surface(text, mentions[0]) == "324");
  }
  // Without dates passed in, the same digits are numbers.
  {
    const std::string text = "on November 10, 2020, it ended";
    CHECK(numbers().extract(text, {}).size() == 2);
  }
  // "six and seven" are two numbers; "5 pounds" is a weight, not money.
  {
    const std::string text = "between six and seven, a parcel of 5 pounds";
    const std::vector<NumberMention> mentions = extract(text);
    REQUIRE(mentions.size() == 3);
    CHECK(surface(text, mentions[0]) == "six");
    CHECK(surface(text, mentions[1]) == "seven");
    CHECK(surface(text, mentions[2]) == "5");
    CHECK(mentions[2].kind == NumberKind::cardinal);
  }
  // A leading decimal point is not dropped into a wrong value.
  {
    const std::string text = "a yield of .08 at most";
    for (const NumberMention& m : extract(text)) CHECK(m.value != 8);
  }
  // Decimal points and thousands commas belong to one number.
  {
    const std::string text = "Sales reached 2,600 units.";
    const std::vector<NumberMention> mentions = extract(text);
    REQUIRE(mentions.size() == 1);
    CHECK(mentions[0].value == 2600);
  }
}

TEST_CASE("number words parse compounds", "[numbers][lexicon]") {
  NumberLexicon lexicon;
  REQUIRE(NumberLexicon::load(ModelData::embedded(), lexicon).ok());
  double value = 0;
  bool ordinal = false;
  CHECK(lexicon.parse_words("twenty-one", value, ordinal));
  CHECK(value == 21);
  CHECK_FALSE(ordinal);
  CHECK(lexicon.parse_words("one hundred five", value, ordinal));
  CHECK(value == 105);
  CHECK(lexicon.parse_words("two million three hundred thousand", value, ordinal));
  CHECK(value == 2300000);
  CHECK(lexicon.parse_words("twenty-first", value, ordinal));
  CHECK(value == 21);
  CHECK(ordinal);
  CHECK(lexicon.parse_words("a dozen", value, ordinal));
  CHECK(value == 12);
  CHECK_FALSE(lexicon.parse_words("six seven", value, ordinal));
  CHECK_FALSE(lexicon.parse_words("a six", value, ordinal));
  CHECK_FALSE(lexicon.parse_words("first second", value, ordinal));

  const NumberLexicon::Scale* billion = lexicon.find_scale("Billion");
  REQUIRE(billion != nullptr);
  CHECK(NumberLexicon::scaled_value("794.47", lexicon.find_scale("million"), value));
  CHECK(value == 794470000.0);
  CHECK(NumberLexicon::scaled_value("2.6", billion, value));
  CHECK(value == 2600000000.0);
}

TEST_CASE("an empty word list becomes a pattern that matches nothing", "[numbers][lexicon]") {
  const RE2 empty(word_alternation({}));
  REQUIRE(empty.ok());
  CHECK_FALSE(RE2::PartialMatch("anything at all 123 $", empty));
  const RE2 words(word_alternation({"bn", "billion", "US$"}));
  REQUIRE(words.ok());
  CHECK(RE2::FullMatch("billion", words));
  CHECK(RE2::FullMatch("BILLION", words));  // lower-case entries fold case
  CHECK(RE2::FullMatch("US$", words));
  CHECK_FALSE(RE2::FullMatch("us$", words));  // others match as written
}

TEST_CASE("random token soup never breaks the extractors", "[numbers][dates][robustness]") {
  const std::vector<std::string> pieces = {
      "May", "20", ",", " ", "2021", "$", "€", "₼", "2.6", "billion", "bln", "%", "percent", "–", "-", "/",
      "last", "year", "Friday", "the", "fourth", "quarter", "of", "this", "1990s", "twenty", "one", "and",
      "hundred", "3rd", "\xff", "\xe2\x80", "\n", ".", "ago", "two", "weeks", "12,000", "7-3/4", "Q3", "in"};
  std::mt19937 random(12345);
  for (int round = 0; round < 300; ++round) {
    std::string text;
    const int length = static_cast<int>(random() % 40);
    for (int i = 0; i < length; ++i) {
      text += pieces[random() % pieces.size()];
      if (random() % 2) text += ' ';
    }
    INFO("text: " << text);
    const std::vector<DateMention> date_mentions = dates().extract(text, round % 2 ? "2020-02-29" : "");
    for (std::size_t i = 0; i < date_mentions.size(); ++i) {
      REQUIRE(date_mentions[i].start < date_mentions[i].end);
      REQUIRE(date_mentions[i].end <= text.size());
      if (i > 0) REQUIRE(date_mentions[i - 1].end <= date_mentions[i].start);
    }
    const std::vector<NumberMention> number_mentions = numbers().extract(text, date_mentions);
    for (std::size_t i = 0; i < number_mentions.size(); ++i) {
      REQUIRE(number_mentions[i].start < number_mentions[i].end);
      REQUIRE(number_mentions[i].end <= text.size());
      if (i > 0) REQUIRE(number_mentions[i - 1].end <= number_mentions[i].start);
      for (const DateMention& date : date_mentions) {
        REQUIRE((number_mentions[i].end <= date.start || date.end <= number_mentions[i].start));
      }
    }
  }
}

TEST_CASE("a broken number data file fails the load with file:line", "[numbers][load]") {
  SECTION("bad pattern") {
    const testing::ScratchDir dir("numbers_bad_pattern");
    std::string rules = embedded("numbers.rules");
    const int line = testing::line_count(rules) + 1;
    rules += "cardinal\t(?P<num>\\d+\n";
    testing::write_file(dir / "numbers.rules", rules);
    std::unique_ptr<const NumberExtractor> out;
    const Status status = NumberExtractor::load(ModelData::with_override(dir.string()), out);
    CHECK_FALSE(status.ok());
    CHECK_THAT(status.message(), Catch::Contains("numbers.rules:" + std::to_string(line)));
    CHECK(out == nullptr);
  }
  SECTION("bad currency code") {
    const testing::ScratchDir dir("numbers_bad_currency");
    std::string table = embedded("currencies.tsv");
    const int line = testing::line_count(table) + 1;
    table += "doubloons\tdoubloon\tsuffix\n";
    testing::write_file(dir / "currencies.tsv", table);
    std::unique_ptr<const NumberExtractor> out;
    const Status status = NumberExtractor::load(ModelData::with_override(dir.string()), out);
    CHECK_FALSE(status.ok());
    CHECK_THAT(status.message(), Catch::Contains("currencies.tsv:" + std::to_string(line)));
  }
  SECTION("bad scale") {
    const testing::ScratchDir dir("numbers_bad_scale");
    std::string table = embedded("scales.tsv");
    const int line = testing::line_count(table) + 1;
    table += "gazillion\tlots\tword\n";
    testing::write_file(dir / "scales.tsv", table);
    std::unique_ptr<const NumberExtractor> out;
    const Status status = NumberExtractor::load(ModelData::with_override(dir.string()), out);
    CHECK_FALSE(status.ok());
    CHECK_THAT(status.message(), Catch::Contains("scales.tsv:" + std::to_string(line)));
  }
  SECTION("failing self-test") {
    const testing::ScratchDir dir("numbers_selftest");
    std::string tests = embedded("numbers.selftest.tsv");
    const int line = testing::line_count(tests) + 1;
    tests += "it cost $5 million\t$5 million\t5000\tUSD\tmoney\n";
    testing::write_file(dir / "numbers.selftest.tsv", tests);
    std::unique_ptr<const NumberExtractor> out;
    const Status status = NumberExtractor::load(ModelData::with_override(dir.string()), out);
    CHECK_FALSE(status.ok());
    CHECK_THAT(status.message(), Catch::Contains("numbers.selftest.tsv:" + std::to_string(line)));
  }
}

TEST_CASE("seed articles", "[numbers][seeds]") {
  if (!testing::have_shared("seeds")) {
    WARN("shared seeds not found; skipping");
    return;
  }
  struct Expected {
    const char* file;
    const char* document_date;
    const char* span;
    double value;
    const char* unit;
    NumberKind kind;
  };
  const Expected expected[] = {
      {"000_472165fa652a4c97.txt", "", "$2.6 billion", 2.6e9, "USD", NumberKind::money},
      {"000_472165fa652a4c97.txt", "", "340", 340, "", NumberKind::cardinal},
      {"002_05352d0e9c5baae8.txt", "2020-05-30", "$ 3.2 bln", 3.2e9, "USD", NumberKind::money},
      {"002_05352d0e9c5baae8.txt", "2020-05-30", "27%", 27, "percent", NumberKind::percent},
      {"002_05352d0e9c5baae8.txt", "2020-05-30", "12,000", 12000, "", NumberKind::cardinal},
      {"002_05352d0e9c5baae8.txt", "2020-05-30", "11th", 11, "", NumberKind::ordinal},
      {"003_053d4edee1c29480.txt", "2021-05-20", "3.5 percent", 3.5, "percent", NumberKind::percent},
      {"003_053d4edee1c29480.txt", "2021-05-20", "$680 million", 6.8e8, "USD", NumberKind::money},
      {"004_6ad591048b102f96.txt", "2024-04-23", "7.85 percent", 7.85, "percent", NumberKind::percent},
      {"004_6ad591048b102f96.txt", "2024-04-23", "3rd", 3, "", NumberKind::ordinal},
      {"004_6ad591048b102f96.txt", "2024-04-23", "$794.47 million", 794470000, "USD", NumberKind::money},
      {"004_6ad591048b102f96.txt", "2024-04-23", "801,227", 801227, "", NumberKind::cardinal},
      {"004_6ad591048b102f96.txt", "2024-04-23", "105th", 105, "", NumberKind::ordinal},
  };
  for (const Expected& e : expected) {
    const std::string text = testing::read_file(testing::shared_dir() / "seeds" / e.file);
    INFO(e.file << ": " << e.span);
    const NumberMention m = find(text, e.span, e.document_date);
    CHECK(m.value == e.value);
    CHECK(m.unit == e.unit);
    CHECK(to_string(m.kind) == to_string(e.kind));
  }
  for (const auto& entry : std::filesystem::directory_iterator(testing::shared_dir() / "seeds")) {
    const std::string text = testing::read_file(entry.path());
    const std::vector<DateMention> date_mentions = dates().extract(text, "");
    const std::vector<NumberMention> mentions = numbers().extract(text, date_mentions);
    CHECK_FALSE(mentions.empty());
    for (std::size_t i = 0; i < mentions.size(); ++i) {
      INFO(entry.path().filename().string() << " mention " << i << ": " << surface(text, mentions[i]));
      CHECK(mentions[i].start < mentions[i].end);
      CHECK(mentions[i].end <= text.size());
      if (i > 0) CHECK(mentions[i - 1].end <= mentions[i].start);
      CHECK(surface(text, mentions[i]) != "19");  // COVID-19
      for (const DateMention& date : date_mentions) {
        CHECK((mentions[i].end <= date.start || date.end <= mentions[i].start));
      }
    }
  }
}

}  // namespace newsmine
