// Tests of the number extractor: cardinals, ordinals, percentages and money.
#include <catch2/catch.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "models/dates.h"
#include "models/model_data.h"
#include "models/number_digits.h"
#include "models/number_cues.h"
#include "models/number_lexicon.h"
#include "models/number_phrase.h"
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
      {"the twenty-first meeting", "twenty-first", 21, "", NumberKind::ordinal},
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

TEST_CASE("fractions in words", "[numbers][fractions]") {
  const Case cases[] = {
      {"Brazil cut its output by two thirds last year.", "two thirds", 2.0 / 3, "", NumberKind::cardinal},
      {"It sold a one-third stake in the unit.", "one-third", 1.0 / 3, "", NumberKind::cardinal},
      {"almost a third of the nation's total acreage", "a third", 1.0 / 3, "", NumberKind::cardinal},
      {"during a one and a half hour meeting", "one and a half", 1.5, "", NumberKind::cardinal},
      {"he was sentenced to four and a half years", "four and a half", 4.5, "", NumberKind::cardinal},
      {"It won three quarters of the vote.", "three quarters", 0.75, "", NumberKind::cardinal},
      {"one hundred and three quarters", "one hundred and three quarters", 100.75, "", NumberKind::cardinal},
      {"the spec reads one hundred thirty fifths", "one hundred thirty fifths", 100.0 / 35, "", NumberKind::cardinal},
      {"Half a million people marched.", "Half a million", 500000, "", NumberKind::cardinal},
      {"The population is 3 million and a half", "3 million and a half", 3500000, "", NumberKind::cardinal},
      {"There are five and a half million fishes in this lake", "five and a half million", 5500000, "", NumberKind::cardinal},
      {"production dropped some half mln barrels a day", "half mln", 500000, "", NumberKind::cardinal},
      {"In addition to a half dozen ships", "a half dozen", 6, "", NumberKind::cardinal},
      {"rates fell a half point", "a half", 0.5, "", NumberKind::cardinal},
      {"the index rose ½ point", "½", 0.5, "", NumberKind::cardinal},
      {"a 7½ point lead", "7½", 7.5, "", NumberKind::cardinal},
  };
  for (const Case& c : cases) check(c);

  // Ordinals and periods of time are no fractions.
  check({"He will serve a third term.", "third", 3, "", NumberKind::ordinal});
  check({"the two millionth visitor", "two millionth", 2e6, "", NumberKind::ordinal});
  {
    const std::string text = "Profit rose in the first three quarters of 1986.";
    for (const NumberMention& m : extract(text)) CHECK(m.value != 0.75);
  }
  {
    const std::string text = "Declines led advances three-one and dozens of people left.";
    const std::vector<NumberMention> mentions = extract(text);
    REQUIRE(mentions.size() == 2);
    CHECK(surface(text, mentions[0]) == "three");
    CHECK(surface(text, mentions[1]) == "one");
  }
}

// Speed depends on it: the match cache shares "5,139 mln" with "2,417 mln"
// only while no number rule tells the digits 1-9 apart (match_cache.h).
TEST_CASE("the number rules treat the digits 1-9 alike", "[numbers][rules]") {
  CHECK(numbers().rules().folds_digits());
}

TEST_CASE("ratios, points, powers and other forms", "[numbers][forms]") {
  const Case cases[] = {
      {"He said about one in five will have a problem.", "one in five", 0.2, "", NumberKind::cardinal},
      {"two out of five hundred tvs", "two out of five hundred", 0.004, "", NumberKind::cardinal},
      {"the answer is one over three", "one over three", 1.0 / 3, "", NumberKind::cardinal},
      {"the rate was nine point nought four", "nine point nought four", 9.04, "", NumberKind::cardinal},
      {"about two hundred point zero three", "two hundred point zero three", 200.03, "", NumberKind::cardinal},
      {"a dose of 1.3e6 units", "1.3e6", 1.3e6, "", NumberKind::cardinal},
      {"it grows as 1.1^23", "1.1^23", std::pow(1.1, 23), "", NumberKind::cardinal},
      {"a dose of 1.3x10^6 units", "1.3x10^6", 1.3e6, "", NumberKind::cardinal},
      {"a dose of 1.3 × 10^-2 units", "1.3 × 10^-2", 1.3e-2, "", NumberKind::cardinal},
      {"a yield of .08 at most", ".08", 0.08, "", NumberKind::cardinal},
      {"The census counted 1 234 567 people.", "1 234 567", 1234567, "", NumberKind::cardinal},
      {"Some 40\u202F000 troops took part.", "40\u202F000", 40000, "", NumberKind::cardinal},
      {"The result is 12,34,567.89 in all.", "12,34,567.89", 1234567.89, "", NumberKind::cardinal},
      {"aimed to resettle 1,4 mln families", "1,4 mln", 1.4e6, "", NumberKind::cardinal},
      {"It costs 1.111,11 there.", "1.111,11", 1111.11, "", NumberKind::cardinal},
      {"I count 6 crore and two hundred", "6 crore and two hundred", 60000200, "", NumberKind::cardinal},
      {"The total is three lakh crore", "three lakh crore", 3e12, "", NumberKind::cardinal},
      {"4 thousand 3 hundred and 21 is a valid number.", "4 thousand 3 hundred and 21", 4321, "", NumberKind::cardinal},
      {"They bought 3 dozens eggs.", "3 dozens", 36, "", NumberKind::cardinal},
      {"a target of 10k users", "10k", 10000, "", NumberKind::cardinal},
      {"a gain of 2.33 k", "2.33 k", 2330, "", NumberKind::cardinal},
      {"the revenue target is 1MM", "1MM", 1e6, "", NumberKind::cardinal},
      {"either 10 bln or 10 tln", "10 tln", 1e13, "", NumberKind::cardinal},
      {"sales should exceed 1.4\nbillion dlrs, up from", "1.4\nbillion dlrs", 1.4e9, "USD", NumberKind::money},
  };
  for (const Case& c : cases) check(c);

  // Only 10 is a base written out: "2 x 20^3" is 2 and 20 cubed.
  {
    const std::string text = "a grid of 2 x 20^3 cells";
    const std::vector<NumberMention> mentions = extract(text);
    REQUIRE(mentions.size() == 2);
    CHECK(surface(text, mentions[0]) == "2");
    CHECK(surface(text, mentions[1]) == "20^3");
    CHECK(mentions[1].value == 8000);
  }

  // "108 109 pct" (a bid and an offer) is two numbers; so are cells of a table.
  {
    const std::string text = "quoted at 108 109 pct";
    const std::vector<NumberMention> mentions = extract(text);
    REQUIRE(mentions.size() == 2);
    CHECK(surface(text, mentions[0]) == "108");
    CHECK(surface(text, mentions[1]) == "109 pct");
  }
  {
    const std::string text = "Revs 72.9 mln vs 67.4 mln\n     Nine mths";
    const std::vector<NumberMention> mentions = extract(text);
    REQUIRE(mentions.size() == 3);
    CHECK(mentions[1].value == 67.4e6);
    CHECK(surface(text, mentions[2]) == "Nine");
  }
  // "3 hundred and 2 hundred" is two numbers; "15 in 16 months" is no ratio.
  {
    const std::string text = "3 hundred and 2 hundred; to about 15 in 16 months";
    const std::vector<NumberMention> mentions = extract(text);
    REQUIRE(mentions.size() == 4);
    CHECK(mentions[0].value == 300);
    CHECK(mentions[1].value == 200);
    CHECK(mentions[2].value == 15);
    CHECK(mentions[3].value == 16);
  }
  // Metres and engine names are no numbers; "5m shares" is.
  for (const char* text : {"1m isn't a number.", "the 100m sprint", "Rolls-Royce RB211-535E4 engines"}) {
    INFO(text);
    CHECK(describe(text, extract(text)) == "");
  }
}

TEST_CASE("signs", "[numbers][signs]") {
  const Case cases[] = {
      {"temperatures of -5 degrees", "-5", -5, "", NumberKind::cardinal},
      {"The answer is minus one", "minus one", -1, "", NumberKind::cardinal},
      {"growth of negative 1.4 pct in 1986", "negative 1.4 pct", -1.4, "percent", NumberKind::percent},
      {"which was quoted at -0.90 to -1.10 pct", "-1.10 pct", -1.1, "percent", NumberKind::percent},
      {"assets fell to minus 876 mln dlrs.", "minus 876 mln dlrs", -876e6, "USD", NumberKind::money},
      {"a result of -4/5", "-4/5", -0.8, "", NumberKind::cardinal},
      {"a margin of minus 0.10 pct", "minus 0.10 pct", -0.1, "percent", NumberKind::percent},
  };
  for (const Case& c : cases) check(c);
  // A hyphen inside "1986-87" or "7-3/4" is no sign, nor is a subtraction or a tolerance.
  for (const char* text : {"the 1986-87 season", "The index rose 7-3/4 points.", "LIBOR minus 0.5 pct",
                           "plus or minus 10 pct of the price", "a 2-1 win"}) {
    INFO(text);
    for (const NumberMention& m : extract(text)) CHECK(m.value > 0);
  }
}

TEST_CASE("one as a pronoun", "[numbers][negative]") {
  for (const char* text : {"Which one do you prefer?", "The one you mentioned is invalid", "No one was hurt.",
                           "That one is really good", "a fund like the one at the World Bank"}) {
    INFO(text);
    CHECK(describe(text, extract(text)) == "");
  }
  check({"that one pumping station was hit", "one", 1, "", NumberKind::cardinal});
  check({"Under the one-year contract", "one", 1, "", NumberKind::cardinal});
  check({"Let's try one last time", "one", 1, "", NumberKind::cardinal});
}

TEST_CASE("more percentages", "[numbers][percent]") {
  const Case cases[] = {
      {"a coupon of 8-1/4 pct", "8-1/4 pct", 8.25, "percent", NumberKind::percent},
      {"a spread of 5/8 pct", "5/8 pct", 0.625, "percent", NumberKind::percent},
      {"it rose 100 percentage in a year", "100 percentage", 100, "percent", NumberKind::percent},
      {"one hundred percents", "one hundred percents", 100, "percent", NumberKind::percent},
      {"just need minus five percent", "minus five percent", -5, "percent", NumberKind::percent},
      {"per cent of twenty-two", "per cent of twenty-two", 22, "percent", NumberKind::percent},
      {"raised the ratio by a half pct to 37.5 pct", "a half pct", 0.5, "percent", NumberKind::percent},
  };
  for (const Case& c : cases) check(c);
  // "percentage points" measure a difference: plain numbers.
  check({"rates rose 2 percentage points", "2", 2, "", NumberKind::cardinal});
  {
    const std::string text = "the Fed funds rate between six and 6-1/8 pct";
    const std::vector<NumberMention> mentions = extract(text);
    REQUIRE(mentions.size() == 2);
    CHECK(surface(text, mentions[0]) == "six");
    CHECK(surface(text, mentions[1]) == "6-1/8 pct");
    CHECK(mentions[1].value == 6.125);
  }
  // Not inside a URL, and not "a small percent of 10,000 respondents".
  CHECK(extract("You can go to https://www.test.com/search?q=30%25%2020%").empty());
  for (const NumberMention& m : extract("a small percent of 10,000 respondents")) CHECK(m.kind == NumberKind::cardinal);
}

TEST_CASE("more money", "[numbers][money]") {
  const Case cases[] = {
      {"a value of 528 million francs", "528 million francs", 528e6, "CHF", NumberKind::money},
      {"valued at 6.65 billion pesetas", "6.65 billion pesetas", 6.65e9, "ESP", NumberKind::money},
      {"250 million dutch guilders of bonds", "250 million dutch guilders", 250e6, "NLG", NumberKind::money},
      {"for 420 million finnish markka", "420 million finnish markka", 420e6, "FIM", NumberKind::money},
      {"to nearly five billion marks", "five billion marks", 5e9, "DEM", NumberKind::money},
      {"a budget of 5 billion won", "5 billion won", 5e9, "KRW", NumberKind::money},
      {"Supply limit: ₿21,000,000", "₿21,000,000", 21e6, "BTC", NumberKind::money},
      {"the cost is 100元!", "100元", 100, "CNY", NumberKind::money},
      {"to pay 50 cents more per barrel", "50 cents", 0.5, "USD", NumberKind::money},
      {"a bid of 470 pence a share", "470 pence", 4.7, "GBP", NumberKind::money},
      {"a 12-cent-a-share dividend", "12-cent", 0.12, "USD", NumberKind::money},
      {"Shr loss 22 cts vs loss 18 cts", "18 cts", 0.18, "USD", NumberKind::money},
      {"its controversial one-yen bid", "one-yen", 1, "JPY", NumberKind::money},
      {"it only cost 3 dollars 50 cents.", "3 dollars 50 cents", 3.5, "USD", NumberKind::money},
      {"it only cost thirteen dollars and forty-five cents", "thirteen dollars and forty-five cents", 13.45, "USD",
       NumberKind::money},
      {"The subscription will increase to 17 USD 25.", "17 USD 25", 17.25, "USD", NumberKind::money},
      {"the simulator costs c $ 16.4 million", "c $ 16.4 million", 16.4e6, "CAD", NumberKind::money},
      {"fell to hk $ 10.05 billion .", "hk $ 10.05 billion", 10.05e9, "HKD", NumberKind::money},
      {"accepted a us $ 150 million loan", "us $ 150 million", 150e6, "USD", NumberKind::money},
      {"Sell Mex$ 10 million forward", "Mex$ 10 million", 10e6, "MXN", NumberKind::money},
      {"in excess of 30 MUSD were reported", "30 MUSD", 30e6, "USD", NumberKind::money},
      {"revenues of about MAUD 60", "MAUD 60", 60e6, "AUD", NumberKind::money},
      {"They lost 75 USD million in three years.", "75 USD million", 75e6, "USD", NumberKind::money},
      {"the price is USD115.5 today", "USD115.5", 115.5, "USD", NumberKind::money},
      {"the price is 115USD today", "115USD", 115, "USD", NumberKind::money},
      {"It costs half million usd.", "half million usd", 500000, "USD", NumberKind::money},
      {"a 1.3-billion-dlr stand-by loan", "1.3-billion-dlr", 1.3e9, "USD", NumberKind::money},
      {"projected to fall half a billion dlrs", "half a billion dlrs", 5e8, "USD", NumberKind::money},
      {"a loan of 12,34,567.89 rupees", "12,34,567.89 rupees", 1234567.89, "INR", NumberKind::money},
  };
  for (const Case& c : cases) check(c);

  // Two amounts, not one: another currency or a per-share figure follows.
  {
    const std::string text = "10 rmb 20 usd; 50 dollar 40 rmb; 10 $ 30 $";
    const std::vector<NumberMention> mentions = extract(text);
    REQUIRE(mentions.size() == 6);
    for (const NumberMention& m : mentions) CHECK(m.kind == NumberKind::money);
    CHECK(surface(text, mentions[4]) == "10 $");
    CHECK(mentions[5].value == 30);
  }
  {
    const std::string text = "earned 918,000 dlrs 38 cts a share, paid $100 and 50 shares";
    const std::vector<NumberMention> mentions = extract(text);
    REQUIRE(mentions.size() == 4);
    CHECK(mentions[0].value == 918000);
    CHECK(mentions[1].value == 0.38);
    CHECK(mentions[2].value == 100);
    CHECK(mentions[3].kind == NumberKind::cardinal);
  }
  check({"One is required to pay three thousand dollars two hundred times.", "three thousand dollars", 3000, "USD",
         NumberKind::money});
  // "ALL", "GEL" and "MAD" are words here, not currency codes.
  for (const char* text : {"All 70 of us.", "Silica gel is used to absorb 5 grams.", "ALL 5 solutions", "an AMD64 chip"}) {
    INFO(text);
    for (const NumberMention& m : extract(text)) CHECK(m.kind == NumberKind::cardinal);
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

// The reading of a digit number the obvious way: keep the digits and
// separators, decide which separator is the decimal one, build the C form
// and parse it.
bool parse_digit_number_reference(std::string_view text, double& value, bool& has_fraction) {
  std::string kept;
  for (std::size_t i = 0; i < text.size();) {
    const char c = text[i];
    if ((c >= '0' && c <= '9') || c == ',' || c == '.') {
      kept += c;
      ++i;
      continue;
    }
    bool space = false;
    for (std::string_view group_space : {" ", "\xC2\xA0", "\xE2\x80\xAF", "\xE2\x80\x89"}) {
      if (!space && text.substr(i, group_space.size()) == group_space) {
        i += group_space.size();
        space = true;
      }
    }
    if (!space) return has_fraction = false;
  }
  const std::size_t commas = static_cast<std::size_t>(std::count(kept.begin(), kept.end(), ','));
  const std::size_t last = kept.find_last_of(",.");
  const bool decimal_comma = commas > 0 && kept[last] == ',' &&
                             (kept.find('.') != std::string::npos || (commas == 1 && kept.size() - kept.find(',') == 2));
  std::string plain;
  for (char c : kept) {
    if (c == (decimal_comma ? ',' : '.')) plain += '.';
    else if (c != ',' && c != '.') plain += c;
  }
  if (!plain.empty() && plain.front() == '.') plain.insert(plain.begin(), '0');
  has_fraction = plain.find('.') != std::string::npos;
  if (plain.empty()) return has_fraction = false;
  const auto [end, error] = std::from_chars(plain.data(), plain.data() + plain.size(), value);
  return error == std::errc() && end == plain.data() + plain.size();
}

bool same_double(double a, double b) { return a == b && std::signbit(a) == std::signbit(b); }

// The scanner against RE2 running digit_number_pattern() on text[0, end),
// and the parser against the reference on what they match.
void check_digit_scan(const RE2& pattern, const std::string& text, std::size_t end) {
  re2::StringPiece match;
  const std::size_t expected = pattern.Match(text, 0, end, RE2::ANCHOR_START, &match, 1) ? match.size() : 0;
  const std::size_t got = match_digit_number(text, 0, end);
  if (got != expected) {
    FAIL_CHECK("match_digit_number(\"" << text << "\", 0, " << end << ") = " << got << ", RE2: " << expected);
    return;
  }
  if (got == 0) return;
  const std::string_view number = std::string_view(text).substr(0, got);
  double value = 0, reference = 0;
  bool fraction = false, reference_fraction = false;
  const bool ok = parse_digit_number(number, value, fraction);
  const bool reference_ok = parse_digit_number_reference(number, reference, reference_fraction);
  if (ok != reference_ok || (ok && !same_double(value, reference)) || fraction != reference_fraction ||
      fraction != digit_number_has_fraction(number)) {
    FAIL_CHECK("parse_digit_number(\"" << number << "\") = " << ok << " " << value << " " << fraction
                                       << ", reference: " << reference_ok << " " << reference << " " << reference_fraction);
  }
}

RE2 digit_number_regex() {
  RE2::Options options;
  options.set_longest_match(true);
  options.set_log_errors(false);
  return RE2(digit_number_pattern(), options);
}

// Every string of up to `length` symbols that begins with a digit, scanned to
// its end and to the end of every shorter prefix (the rest is the context).
void check_every_digit_string(const std::vector<std::string>& symbols, std::size_t digits, int length) {
  const RE2 pattern = digit_number_regex();
  REQUIRE(pattern.ok());
  std::vector<std::size_t> at(static_cast<std::size_t>(length), 0);
  for (int size = 1; size <= length; ++size) {
    std::fill(at.begin(), at.end(), 0);
    while (true) {
      std::string text;
      std::vector<std::size_t> ends;
      for (int k = 0; k < size; ++k) {
        text += symbols[at[static_cast<std::size_t>(k)]];
        ends.push_back(text.size());
      }
      for (std::size_t end : ends) check_digit_scan(pattern, text, end);
      int k = size - 1;
      while (k >= 0 && ++at[static_cast<std::size_t>(k)] == (k == 0 ? digits : symbols.size())) at[static_cast<std::size_t>(k--)] = 0;
      if (k < 0) break;
    }
  }
}

TEST_CASE("the digit scanner finds what digit_number_pattern() finds", "[numbers][digits]") {
  // Symbols that begin with a digit come first.
  check_every_digit_string({"0", "1", ",", ".", " ", "\xC2\xA0"}, 2, 8);
  check_every_digit_string({"7", ",", ".", "\xE2\x80\xAF", "\xE2\x80\x89", "a", "_", " "}, 1, 7);
  const RE2 pattern = digit_number_regex();
  CHECK(match_digit_number("x12", 0, 3) == 0);
  CHECK(match_digit_number(" 12", 0, 3) == 0);
  const std::vector<std::string> pieces = {"1",  "23", "456", "0", "000", ",", ",", " ", " ", ".", ".", "\xC2\xA0",
                                           "\xE2\x80\xAF", "\xE2\x80\x89", "x", "-", "7890"};
  std::mt19937 random(2024);
  for (int round = 0; round < 200000; ++round) {
    std::string text = std::to_string(random() % 1000);
    const int length = static_cast<int>(random() % 16);
    for (int i = 0; i < length; ++i) text += pieces[random() % pieces.size()];
    check_digit_scan(pattern, text, 1 + random() % text.size());
    check_digit_scan(pattern, text, text.size());
  }
}

TEST_CASE("digit numbers are read and scaled exactly", "[numbers][digits]") {
  double value = 0;
  bool fraction = false;
  CHECK(parse_digit_number("12,34,567.89", value, fraction));
  CHECK(value == 1234567.89);
  CHECK(fraction);
  CHECK(parse_digit_number("1.111,11", value));
  CHECK(value == 1111.11);
  CHECK(parse_digit_number(".08", value));
  CHECK(value == 0.08);
  CHECK(parse_digit_number("40\xE2\x80\xAF" "000", value, fraction));
  CHECK(value == 40000);
  CHECK_FALSE(fraction);
  CHECK_FALSE(parse_digit_number("12a", value));
  CHECK_FALSE(parse_digit_number("1.2.3", value));
  CHECK(scale_by_power_of_ten(2.6, 9) == 2600000000.0);
  CHECK(scale_by_power_of_ten(3.2, 6) == 3200000.0);
  CHECK(scale_by_power_of_ten(1999, -2) == 19.99);

  // Against the text round trip and the reference reading, on numbers of
  // every length and exponents of either sign.
  std::mt19937_64 random(7);
  for (int round = 0; round < 100000; ++round) {
    std::string digits = std::to_string(random() % 1000000000000000000ull);
    digits.resize(1 + random() % digits.size());
    if (random() % 2) {
      const std::size_t point = 1 + random() % digits.size();
      digits = digits.substr(0, point) + "." + digits.substr(point) + "5";
    }
    const int exponent = static_cast<int>(random() % 41) - 20;
    INFO(digits << " e " << exponent);
    double plain = 0, reference = 0;
    bool has_fraction = false;
    REQUIRE(parse_digit_number_reference(digits, reference, has_fraction));
    REQUIRE(parse_digit_number(digits, plain));
    CHECK(same_double(plain, reference));
    const double expected = scale_by_power_of_ten_in_text(reference, exponent);
    CHECK(same_double(scale_by_power_of_ten(reference, exponent), expected));
    CHECK(same_double(scale_by_power_of_ten(-reference, exponent), -expected));
    double scaled = 0;
    REQUIRE(parse_scaled_digit_number(digits, exponent, scaled));
    CHECK(same_double(scaled, expected));
    const double any = std::ldexp(static_cast<double>(random() % (1ull << 53)), static_cast<int>(random() % 120) - 80);
    CHECK(same_double(scale_by_power_of_ten(any, exponent), scale_by_power_of_ten_in_text(any, exponent)));
  }
  for (int n = -15; n <= 15; ++n) CHECK(power_of_ten_exponent(scale_by_power_of_ten(1, n)) == n);
  CHECK(power_of_ten_exponent(0.5) == 99);
  CHECK(power_of_ten_exponent(-10) == 99);
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
      "hundred", "3rd", "\xff", "\xe2\x80", "\n", ".", "ago", "two", "weeks", "12,000", "7-3/4", "Q3", "in",
      "half", "thirds", "a", "of", "over", "point", "nought", "minus", "negative", "cents", "c $", "MUSD", "USD",
      "1 234", "\xe2\x85\x94", "1.3e6", "^", "dozens", "out", "mln", "dlrs", "pct", "percentage", "one", "which",
      "\xe2\x80\xaf" "000", "12,34,567", "5m", "k", "-", "1,3", ".08", "fifths", "quarter", "and", "\n    "};
  std::mt19937 random(12345);
  for (int round = 0; round < 1500; ++round) {
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


TEST_CASE("a phrase read again from the per-thread memory reads as it did the first time", "[numbers][phrase]") {
  NumberLexicon lexicon;
  REQUIRE(NumberLexicon::load(ModelData::embedded(), lexicon).ok());
  NumberCues cues;
  REQUIRE(NumberCues::load(ModelData::embedded(), cues).ok());
  // Pairs that differ only in their ninth or seventeenth byte, phrases of
  // the longest size remembered and one byte longer, words and digits.
  const std::vector<std::string> phrases = {
      "5",          "5,139 mln",  "12345678 mln", "12345678 bln", "1234567890123456 mln", "1234567890123456 bln",
      "two thirds", "twenty-one", "7-3/4",        "3 million and a half", "123456789012345678901234",
      "1234567890123456789012345"};
  // What each phrase gives, relative to its start, and where its unit begins.
  const auto reading = [](const NumberPhrase& reader, const std::string& text, std::uint32_t start, std::uint32_t end) {
    std::vector<PhraseNumber> numbers;
    const std::uint32_t unit = reader.split(text, start, end, numbers);
    std::vector<std::string> out = {std::to_string(unit - start)};
    for (const PhraseNumber& n : numbers) {
      out.push_back(std::to_string(n.start - start) + "-" + std::to_string(n.end - start) + " " + std::to_string(n.value) +
                    (n.ordinal ? " ordinal" : "") + (n.ends_with_scale ? " scaled" : "") + (n.whole ? " whole" : "") +
                    (n.lone_one ? " one" : "") + (n.lowercase_m ? " m" : ""));
    }
    return out;
  };
  const NumberPhrase remembering(lexicon, cues);
  for (int round = 0; round < 2; ++round) {
    for (const std::string& phrase : phrases) {
      INFO(phrase << " (round " << round << ")");
      const NumberPhrase fresh(lexicon, cues);  // its own memory: a first reading
      const std::string middle = "In all, " + phrase + " were sold in the first half of the year.";
      const auto at = static_cast<std::uint32_t>(std::string_view("In all, ").size());
      const auto expected = reading(fresh, middle, at, at + static_cast<std::uint32_t>(phrase.size()));
      CHECK(reading(remembering, middle, at, at + static_cast<std::uint32_t>(phrase.size())) == expected);
      // At the very end of a text, where fewer than 24 bytes follow its start.
      const std::string last = "Sold: " + phrase;
      const auto from = static_cast<std::uint32_t>(std::string_view("Sold: ").size());
      CHECK(reading(remembering, last, from, static_cast<std::uint32_t>(last.size())) ==
            reading(fresh, last, from, static_cast<std::uint32_t>(last.size())));
    }
  }
}

}  // namespace newsmine
