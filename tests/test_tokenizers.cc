// Tokenizer tests on real text: byte offsets, scripts, term keys, sentences.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <vector>

#include "tests/test_support.h"
#include "tokenizers/tokenizer.h"

using namespace newsmine;

namespace {

struct Seen {
  std::string text;
  std::string kind;
  std::string key;
};

std::vector<Seen> tokens_of(std::string_view text) {
  Tokenizer tokenizer;
  TokenizedText out;
  tokenizer.tokenize(text, out);
  std::vector<Seen> seen;
  for (const Token& t : out.tokens)
    seen.push_back({std::string(span_text(text, t.start, t.end)), std::string(to_string(t.kind)), std::string(out.key(t))});
  return seen;
}

std::vector<std::string> sentences_of(std::string_view text) {
  Tokenizer tokenizer;
  TokenizedText out;
  tokenizer.tokenize(text, out);
  std::vector<std::string> sentences;
  for (const Sentence& s : out.sentences) sentences.emplace_back(span_text(text, s.start, s.end));
  return sentences;
}

}  // namespace

TEST_CASE("English news text splits into words, numbers and punctuation with byte offsets") {
  const std::string text = "The trade turnover amounted to $2.6 billion in 2020, making Russia Azerbaijan’s third-largest partner.";
  auto tokens = tokens_of(text);
  std::vector<std::string> surfaces;
  for (auto& t : tokens) surfaces.push_back(t.text);
  CHECK(surfaces == std::vector<std::string>{"The", "trade", "turnover", "amounted", "to", "$", "2.6", "billion", "in",
                                             "2020", ",", "making", "Russia", "Azerbaijan’s", "third", "-", "largest",
                                             "partner", "."});
  CHECK(tokens[5].kind == "symbol");
  CHECK(tokens[6].kind == "number");
  CHECK(tokens[10].kind == "punct");
  CHECK(tokens[13].kind == "word");
  CHECK(tokens[13].key == "azerbaijan's");  // curly apostrophe unified
  CHECK(tokens[0].key == "the");
}

TEST_CASE("Cyrillic text tokenizes with byte offsets and case-folded keys") {
  const std::string text = "Владимир Путин провёл встречу в Москве 12 мая.";
  Tokenizer tokenizer;
  TokenizedText out;
  tokenizer.tokenize(text, out);
  REQUIRE(out.tokens.size() == 9);
  CHECK(span_text(text, out.tokens[0].start, out.tokens[0].end) == "Владимир");
  CHECK(out.tokens[0].start == 0);
  CHECK(out.tokens[0].end == 16);  // 8 letters, 2 bytes each
  CHECK(out.key(out.tokens[1]) == "путин");
  CHECK(out.tokens[6].kind == TokenKind::number);
  CHECK(out.key(out.tokens[5]) == "москве");
  REQUIRE(out.sentences.size() == 1);
}

TEST_CASE("Azerbaijani Latin letters stay inside words and fold correctly") {
  const std::string text = "İlham Əliyev Şuşa şəhərində çıxış etdi. Ağdam, Gəncə!";
  auto tokens = tokens_of(text);
  std::vector<std::string> keys;
  for (auto& t : tokens) keys.push_back(t.key);
  CHECK(tokens[0].text == "İlham");
  CHECK(keys == std::vector<std::string>{"ilham", "əliyev", "şuşa", "şəhərində", "çıxış", "etdi", ".", "ağdam", ",",
                                         "gəncə", "!"});
  CHECK(sentences_of(text) == std::vector<std::string>{"İlham Əliyev Şuşa şəhərində çıxış etdi.", "Ağdam, Gəncə!"});
}

TEST_CASE("Term keys apply NFKC and unify quotes and dashes") {
  CHECK(normalize_term("ﬁnance") == "finance");       // ligature
  CHECK(normalize_term("ＢＡＫＵ") == "baku");          // full width
  CHECK(normalize_term("“road”") == "\"road\"");
  CHECK(normalize_term("11–12") == "11-12");
  CHECK(normalize_term("Straße") == "strasse");
  TermNormalizer cached;
  for (std::string word : {"Azərbaycan", "İSTANBUL", "Ölkə", "МОСКВА", "naïve", "plain"}) {
    std::string key;
    cached.append_key(word, key);
    CHECK(key == normalize_term(word));  // the fast path agrees with the ICU reference
  }
}

TEST_CASE("Every token and sentence offset round-trips to the original bytes") {
  const std::string text = " date 2021-05-20 BAKU, Azerbaijan, May 20\n\nTrend:\n\n“Despite the COVID-19 pandemic, turnover rose.”\r\nЦены выросли на 3,5%.";
  Tokenizer tokenizer;
  TokenizedText out;
  tokenizer.tokenize(text, out);
  std::size_t previous_end = 0;
  for (const Token& t : out.tokens) {
    REQUIRE(t.start >= previous_end);
    REQUIRE(t.end > t.start);
    REQUIRE(t.end <= text.size());
    previous_end = t.end;
  }
  for (const Sentence& s : out.sentences) {
    REQUIRE(s.end <= text.size());
    REQUIRE(s.first_token < s.end_token);
    CHECK(out.tokens[s.first_token].start == s.start);
    CHECK(out.tokens[s.end_token - 1].end == s.end);
  }
}

TEST_CASE("Sentences: abbreviations kept, paragraphs separate, wrapped lines joined") {
  CHECK(sentences_of("Mr. Smith met U.S. officials in St. Petersburg. They agreed.") ==
        std::vector<std::string>{"Mr. Smith met U.S. officials in St. Petersburg.", "They agreed."});
  CHECK(sentences_of("President George W. Bush met U.S. Army officers. Д. Медведев ответил.") ==
        std::vector<std::string>{"President George W. Bush met U.S. Army officers.", "Д. Медведев ответил."});
  CHECK(sentences_of("Trend:\n\nAzerbaijan and Russia signed the documents.") ==
        std::vector<std::string>{"Trend:", "Azerbaijan and Russia signed the documents."});
  const std::string wrapped = "The trade turnover between Azerbaijan and\nRussia amounted to $2.6 billion in 2020.\nIt grew.";
  CHECK(sentences_of(wrapped) == std::vector<std::string>{
                                     "The trade turnover between Azerbaijan and\nRussia amounted to $2.6 billion in 2020.",
                                     "It grew."});
  Tokenizer tokenizer;
  TokenizedText out;
  tokenizer.tokenize("One.\n\nTwo. Three.\n\nFour", out);
  REQUIRE(out.paragraphs.size() == 3);
  CHECK(out.paragraphs[1].first_sentence == 1);
  CHECK(out.paragraphs[1].end_sentence == 3);
}

TEST_CASE("Seed articles tokenize with exact offsets", "[seeds]") {
  if (!testing::have_shared("seeds")) {
    SUCCEED("../shared/seeds not present; skipped");
    return;
  }
  Tokenizer tokenizer;
  TokenizedText out;
  for (const auto& entry : std::filesystem::directory_iterator(testing::shared_dir() / "seeds")) {
    const std::string text = testing::read_file(entry.path());
    tokenizer.tokenize(text, out);
    CHECK(out.tokens.size() > 100);
    CHECK(out.sentences.size() > 5);
    for (const Token& t : out.tokens) REQUIRE(t.end <= text.size());
    // Sentences cover every token exactly once, in order.
    std::uint32_t expected_first = 0;
    for (const Sentence& s : out.sentences) {
      CHECK(s.first_token == expected_first);
      expected_first = s.end_token;
    }
    CHECK(expected_first == out.tokens.size());
  }
}
