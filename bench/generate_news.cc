// generate_news: writes a news-like JSONL corpus of any size, for benchmarks.
//
// It learns a word trigram chain from real articles (any input `newsmine run`
// reads, e.g. the Reuters-21578 JSONL from reuters_to_jsonl.py) and walks it:
// the words, numbers, dates and punctuation of the output, and how often
// each occurs, are those of the training text, while articles are new
// sequences, so a benchmark does not time the same article many times
// (--articles and --max-words set the count and the length). One
// step in three backs off to the word pair (bigram) chain, which keeps long
// verbatim copies of the training text rare. The output is deterministic
// for a seed. Each article gets an id, a document date and a text of 40 to
// 600 words in paragraphs.
//
//   generate_news /tmp/reuters.jsonl --out /tmp/news-120mb.jsonl --megabytes 120 --seed 1
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <random>
#include <string>
#include <string_view>
#include <unordered_map>
#include <variant>
#include <vector>

#include <CLI/CLI.hpp>

#include "corpus/corpus_reader.h"
#include "pipeline/json_writer.h"

namespace newsmine {
namespace {

constexpr std::uint32_t kBoundary = 0;  // the start and the end of an article

// Next-word counts for one context, as a cumulative table for sampling.
struct Followers {
  std::vector<std::uint32_t> words;
  std::vector<std::uint32_t> cumulative;
  void add(std::uint32_t word) {
    words.push_back(word);  // occurrences are kept; turned into a table by finish()
  }
  void finish() {
    std::sort(words.begin(), words.end());
    std::vector<std::uint32_t> unique;
    cumulative.clear();
    for (std::size_t i = 0; i < words.size(); ++i) {
      if (i == 0 || words[i] != words[i - 1]) {
        unique.push_back(words[i]);
        cumulative.push_back(cumulative.empty() ? 0 : cumulative.back());
      }
      ++cumulative.back();
    }
    words = std::move(unique);
  }
  std::uint32_t sample(std::mt19937_64& random) const {
    const std::uint32_t pick = static_cast<std::uint32_t>(random() % cumulative.back());
    return words[static_cast<std::size_t>(std::upper_bound(cumulative.begin(), cumulative.end(), pick) -
                                          cumulative.begin())];
  }
};

class Chain {
 public:
  Chain() { vocabulary_.emplace_back(); }  // id 0: kBoundary

  void learn(std::string_view text) {
    std::uint32_t first = kBoundary, second = kBoundary;
    std::size_t i = 0;
    while (true) {
      while (i < text.size() && is_space(text[i])) ++i;
      const std::size_t begin = i;
      while (i < text.size() && !is_space(text[i])) ++i;
      const std::uint32_t word = begin == i ? kBoundary : id(text.substr(begin, i - begin));
      trigrams_[key(first, second)].add(word);
      bigrams_[second].add(word);
      if (word == kBoundary) break;
      first = second;
      second = word;
    }
  }

  void finish() {
    for (auto& [context, followers] : trigrams_) followers.finish();
    for (auto& [context, followers] : bigrams_) followers.finish();
  }

  // One article of at most `max_words` words, in paragraphs of a few sentences.
  std::string article(std::mt19937_64& random, std::size_t max_words) const {
    std::string text;
    std::uint32_t first = kBoundary, second = kBoundary;
    for (std::size_t n = 0; n < max_words; ++n) {
      const bool back_off = second != kBoundary && random() % 3 == 0;
      const Followers& next = back_off ? bigrams_.at(second) : trigrams_.at(key(first, second));
      const std::uint32_t word = next.sample(random);
      if (word == kBoundary) break;
      if (!text.empty() && text.back() != '\n') text += ' ';
      const std::string& spelled = vocabulary_[word];
      text += spelled;
      // A sentence ends ("said." but not "U.S."); one in four ends a paragraph.
      if (spelled.size() > 3 && spelled.back() == '.' && random() % 4 == 0) text += "\n\n";
      first = second;
      second = word;
    }
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
    return text;
  }

 private:
  static bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }
  static std::uint64_t key(std::uint32_t first, std::uint32_t second) {
    return (static_cast<std::uint64_t>(first) << 32) | second;
  }
  std::uint32_t id(std::string_view word) {
    auto [it, fresh] = ids_.try_emplace(std::string(word), static_cast<std::uint32_t>(vocabulary_.size()));
    if (fresh) vocabulary_.emplace_back(word);
    return it->second;
  }

  std::vector<std::string> vocabulary_;
  std::unordered_map<std::string, std::uint32_t> ids_;
  std::unordered_map<std::uint64_t, Followers> trigrams_;
  std::unordered_map<std::uint32_t, Followers> bigrams_;
};

std::string random_date(std::mt19937_64& random) {
  char date[16];
  std::snprintf(date, sizeof date, "%04d-%02d-%02d", 1987 + static_cast<int>(random() % 35),
                1 + static_cast<int>(random() % 12), 1 + static_cast<int>(random() % 28));
  return date;
}

}  // namespace
}  // namespace newsmine

int main(int argc, char** argv) {
  using namespace newsmine;
  CLI::App app{"Writes a news-like JSONL corpus learned from real articles."};
  std::vector<std::string> inputs;
  std::string out_path;
  double megabytes = 100;
  std::uint64_t seed = 1;
  app.add_option("inputs", inputs, "training articles (files or directories newsmine reads)")->required();
  app.add_option("--out", out_path, "the JSONL file to write")->required();
  app.add_option("--megabytes", megabytes, "article text to write, in MB (10^6 bytes)");
  app.add_option("--seed", seed, "random seed");
  std::size_t max_articles = 0;
  std::size_t max_words = 600;
  app.add_option("--articles", max_articles, "stop after this many articles (0: no limit)");
  app.add_option("--max-words", max_words, "longest article, in words (at least 41; lengths are uniform from 40)")
      ->check(CLI::Range(41, 100000));
  CLI11_PARSE(app, argc, argv);

  Chain chain;
  std::size_t learned = 0;
  CorpusReader reader(inputs, {});
  while (auto record = reader.next()) {
    if (const Document* doc = std::get_if<Document>(&*record)) {
      chain.learn(doc->text);
      ++learned;
    }
  }
  if (learned == 0) {
    std::fprintf(stderr, "generate_news: error: no articles to learn from\n");
    return 1;
  }
  chain.finish();

  std::ofstream out(out_path, std::ios::binary);
  if (!out) {
    std::fprintf(stderr, "generate_news: error: cannot write %s\n", out_path.c_str());
    return 1;
  }
  std::mt19937_64 random(seed);
  const std::uint64_t target = static_cast<std::uint64_t>(megabytes * 1e6);
  std::uint64_t written = 0;
  std::size_t articles = 0;
  std::string line;
  while (written < target && (max_articles == 0 || articles < max_articles)) {
    const std::string text = chain.article(random, 40 + random() % (max_words - 40));
    if (text.empty()) continue;
    char id[32];
    std::snprintf(id, sizeof id, "gen-%07zu", articles++);
    line.clear();
    JsonWriter json(line);
    json.begin_object();
    json.string_field("id", id);
    json.string_field("date", random_date(random));
    json.string_field("text", text);
    json.end_object();
    line += '\n';
    out << line;
    written += text.size();
  }
  std::fprintf(stderr, "generate_news: learned %zu articles; wrote %zu articles, %.1f MB of text to %s\n", learned,
               articles, written / 1e6, out_path.c_str());
  return out ? 0 : 1;
}
