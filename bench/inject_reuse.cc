// inject_reuse: a reuse benchmark made from real articles, with its truth.
//
// Reads a corpus (e.g. the Reuters-21578 JSONL of reuters_to_jsonl.py) and
// copies passages of 2 to 5 consecutive sentences from some articles (the
// sources) into others (the targets), at a sentence boundary of the target,
// at three edit levels:
//   verbatim  the source bytes unchanged;
//   light     about 3% of the words substituted, deleted or inserted, and the
//             lines re-wrapped;
//   heavy     about 15% of the words changed, re-wrapped, and the case of a
//             few words changed.
// Every article is written out (targets with their insertion) in input order,
// to --out, and one truth line per injection to --truth:
//   {"level", "source", "source_start", "source_end", "target", "target_start", "target_end"}
// with UTF-8 byte offsets: the source range is the copied sentences in the
// source article (its first sentence's first byte to its last sentence's
// final punctuation), the target range the inserted text. Sources and targets
// are disjoint and each receives at most one injection, so offsets never
// shift. Sentence ends are never edited, so an edited copy keeps its
// sentence count. The output is deterministic for a seed.
//
//   inject_reuse /tmp/reuters.jsonl --out /tmp/reuse.jsonl --truth /tmp/reuse-truth.jsonl --per-level 1000 --seed 1
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <numeric>
#include <random>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <CLI/CLI.hpp>

#include "corpus/corpus_reader.h"
#include "models/passages.h"
#include "pipeline/json_writer.h"
#include "tokenizers/tokenizer.h"

namespace newsmine {
namespace {

struct InjectOptions {
  std::size_t per_level = 1000;      // injections per edit level
  std::size_t min_sentences = 2;     // sentences per copied passage, at least
  std::size_t max_sentences = 5;     // and at most
  std::size_t min_sentence_terms = 6;   // shorter sentences (headers, tables) are not copied
  std::size_t max_sentence_terms = 80;  // nor longer ones (run-on tables)
  double light_rate = 0.03;          // share of words edited at the light level
  double heavy_rate = 0.15;          // and at the heavy level
  std::size_t wrap_columns = 68;     // line width of re-wrapped copies
  std::uint64_t seed = 1;
};

enum class Level { verbatim, light, heavy };
const char* level_name(Level level) {
  return level == Level::verbatim ? "verbatim" : level == Level::light ? "light" : "heavy";
}

struct Article {
  Document doc;
  std::vector<Sentence> sentences;      // sentences with enough terms, in text order
  std::vector<bool> fits;               // per sentence: short and long enough to copy
  std::vector<std::uint32_t> eligible;  // indices of sentences a copy may start at
};

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }
bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Words of the corpus that substitutions and insertions draw from: plain
// lower-case letter words, with repeats, so they come at corpus frequency.
class WordPool {
 public:
  void learn(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size() && words_.size() < kMaxWords) {
      while (i < text.size() && !is_letter(text[i])) ++i;
      const std::size_t begin = i;
      while (i < text.size() && is_letter(text[i])) ++i;
      if (i - begin >= 3 && (i == text.size() || !is_letter(text[i]))) {
        std::string word(text.substr(begin, i - begin));
        std::transform(word.begin(), word.end(), word.begin(), [](char c) { return static_cast<char>(c | 0x20); });
        words_.push_back(std::move(word));
      }
    }
  }
  const std::string& pick(std::mt19937_64& random) const { return words_[random() % words_.size()]; }
  bool empty() const { return words_.empty(); }

 private:
  static constexpr std::size_t kMaxWords = 2'000'000;
  std::vector<std::string> words_;
};

// One whitespace-separated chunk split into leading punctuation, letters and
// trailing punctuation ("(Reuters)," -> "(", "Reuters", "),").
struct Chunk {
  std::string lead, core, tail;
};

Chunk split_chunk(std::string_view chunk) {
  std::size_t b = 0, e = chunk.size();
  while (b < e && !is_letter(chunk[b]) && !(chunk[b] >= '0' && chunk[b] <= '9')) ++b;
  while (e > b && !is_letter(chunk[e - 1]) && !(chunk[e - 1] >= '0' && chunk[e - 1] <= '9')) --e;
  return {std::string(chunk.substr(0, b)), std::string(chunk.substr(b, e - b)), std::string(chunk.substr(e))};
}

// The edited copy of `text`: `rate` of its words changed (substituted 60%,
// deleted 20%, a word inserted after 20%), words that start or end a
// sentence kept in place (a substitute keeps the capital), so that the copy
// has the same sentences; then re-wrapped at `columns` (0: joined with the original spacing).
std::string edit(std::string_view text, double rate, bool change_case, std::size_t columns, const WordPool& pool,
                 std::mt19937_64& random) {
  std::vector<std::string> chunks;
  for (std::size_t i = 0; i < text.size();) {
    while (i < text.size() && is_space(text[i])) ++i;
    const std::size_t begin = i;
    while (i < text.size() && !is_space(text[i])) ++i;
    if (i > begin) chunks.emplace_back(text.substr(begin, i - begin));
  }
  const auto edits = std::max<std::size_t>(1, static_cast<std::size_t>(rate * static_cast<double>(chunks.size()) + 0.5));
  std::vector<std::size_t> order(chunks.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::shuffle(order.begin(), order.end(), random);
  order.resize(std::min(edits, order.size()));
  std::vector<int> op(chunks.size(), -1);  // -1 keep, 0 substitute, 1 delete, 2 insert after
  for (std::size_t c : order) {
    const int roll = static_cast<int>(random() % 10);
    op[c] = roll < 6 ? 0 : roll < 8 ? 1 : 2;
  }
  std::vector<std::string> out;
  bool starts_sentence = true;  // the chunk begins a sentence: it keeps its capital and is never dropped
  for (std::size_t c = 0; c < chunks.size(); ++c) {
    Chunk parts = split_chunk(chunks[c]);
    const bool ends_sentence = !parts.tail.empty() && parts.tail.find_first_of(".!?") != std::string::npos;
    auto substitute = [&] {
      if (parts.core.empty()) return;
      const bool capital = parts.core[0] >= 'A' && parts.core[0] <= 'Z';
      parts.core = pool.pick(random);
      if (capital) parts.core[0] = static_cast<char>(parts.core[0] & ~0x20);
    };
    switch (op[c]) {
      case 0:
        substitute();
        out.push_back(parts.lead + parts.core + parts.tail);
        break;
      case 1:
        if (ends_sentence || starts_sentence || c + 1 == chunks.size()) {
          substitute();
          out.push_back(parts.lead + parts.core + parts.tail);
        }
        break;
      case 2:
        if (!ends_sentence) {
          out.push_back(chunks[c]);
          out.push_back(pool.pick(random));
        } else {
          out.push_back(parts.lead + parts.core + " " + pool.pick(random) + parts.tail);
        }
        break;
      default:
        out.push_back(chunks[c]);
    }
    if (change_case && !starts_sentence && op[c] != 1 && random() % 40 == 0) {
      std::string& w = out.back();
      for (char& ch : w) ch = static_cast<char>(is_letter(ch) ? (random() % 2 ? ch | 0x20 : ch & ~0x20) : ch);
    }
    starts_sentence = ends_sentence;
  }
  std::string joined;
  std::size_t line = 0;
  for (const std::string& w : out) {
    if (!joined.empty()) {
      if (columns > 0 && line + 1 + w.size() > columns) {
        joined += '\n';
        line = 0;
      } else {
        joined += ' ';
        ++line;
      }
    }
    joined += w;
    line += w.size();
  }
  return joined;
}

std::vector<Article> read_articles(const std::vector<std::string>& inputs, const InjectOptions& options,
                                   WordPool& pool) {
  std::vector<Article> articles;
  CorpusReader reader(inputs, {});
  Tokenizer tokenizer;
  TokenizedText tokens;
  while (auto record = reader.next()) {
    Document* doc = std::get_if<Document>(&*record);
    if (doc == nullptr) continue;
    Article article;
    article.doc = std::move(*doc);
    pool.learn(article.doc.text);
    tokenizer.tokenize(article.doc.text, tokens);
    const PassageFeatures features = make_passage_features(tokens);
    std::vector<bool>& fit = article.fits;
    for (const PassageSentence& s : features.sentences) {
      article.sentences.push_back({s.start, s.end, 0, 0});
      const std::size_t terms = s.end_term - s.first_term;
      fit.push_back(terms >= options.min_sentence_terms && terms <= options.max_sentence_terms);
    }
    for (std::size_t s = 0; s + options.min_sentences <= fit.size(); ++s) {
      bool ok = true;
      for (std::size_t k = 0; k < options.min_sentences; ++k) ok = ok && fit[s + k];
      if (ok) article.eligible.push_back(static_cast<std::uint32_t>(s));
    }
    articles.push_back(std::move(article));
  }
  return articles;
}

// Sentence indices a copy may be inserted before (size() = after the last):
// the previous sentence ends with . ! ? or a closing quote, and the next one
// starts with a capital, a digit or a quote.
// Slots whose neighbour sentences repeat the source's own neighbours (a
// trailing "Reuter") are left out: the shared text would be longer than the
// copy.
std::vector<std::size_t> insertion_slots(const Article& article, const Article& source, std::size_t first,
                                         std::size_t last) {
  const std::string& text = article.doc.text;
  auto ends_sentence = [&](const Sentence& s) {
    const char last = text[s.end - 1];
    return last == '.' || last == '!' || last == '?' || last == '"' || last == '\'';
  };
  std::vector<std::size_t> slots;
  for (std::size_t k = 0; k <= article.sentences.size(); ++k) {
    const bool after_ok = k == 0 || ends_sentence(article.sentences[k - 1]);
    bool before_ok = true;
    if (k < article.sentences.size()) {
      const char first = text[article.sentences[k].start];
      before_ok = (first >= 'A' && first <= 'Z') || (first >= '0' && first <= '9') || first == '"';
    }
    auto text_of = [](const Article& a, std::size_t i) {
      return std::string_view(a.doc.text).substr(a.sentences[i].start, a.sentences[i].end - a.sentences[i].start);
    };
    const bool same_after = k < article.sentences.size() && last + 1 < source.sentences.size() &&
                            text_of(article, k) == text_of(source, last + 1);
    const bool same_before = k > 0 && first > 0 && text_of(article, k - 1) == text_of(source, first - 1);
    if (after_ok && before_ok && !same_after && !same_before) slots.push_back(k);
  }
  return slots;
}

struct Truth {
  Level level;
  std::size_t source, target;
  std::uint32_t source_start, source_end, target_start, target_end;
};

}  // namespace
}  // namespace newsmine

int main(int argc, char** argv) {
  using namespace newsmine;
  CLI::App app{"Copies passages between real articles, verbatim and edited, and writes the truth."};
  std::vector<std::string> inputs;
  std::string out_path, truth_path;
  InjectOptions options;
  app.add_option("inputs", inputs, "articles (files or directories newsmine reads)")->required();
  app.add_option("--out", out_path, "the JSONL corpus to write")->required();
  app.add_option("--truth", truth_path, "the JSONL truth to write")->required();
  app.add_option("--per-level", options.per_level, "injections per edit level")->capture_default_str();
  app.add_option("--light-rate", options.light_rate, "share of words edited, light level")->capture_default_str();
  app.add_option("--heavy-rate", options.heavy_rate, "share of words edited, heavy level")->capture_default_str();
  app.add_option("--seed", options.seed, "random seed")->capture_default_str();
  CLI11_PARSE(app, argc, argv);

  WordPool pool;
  std::vector<Article> articles = read_articles(inputs, options, pool);
  if (articles.size() < 2 || pool.empty()) {
    std::fprintf(stderr, "inject_reuse: error: too few articles to inject into\n");
    return 1;
  }
  std::mt19937_64 random(options.seed);
  std::vector<std::size_t> order(articles.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::shuffle(order.begin(), order.end(), random);

  // Sources from the front of the shuffled order (those that have a passage
  // to copy), targets from the back; the two never meet.
  std::vector<Truth> truths;
  std::vector<std::string> inserted(articles.size());
  std::vector<std::uint32_t> insert_at(articles.size(), 0);
  std::size_t front = 0, back = order.size();
  const std::size_t total = options.per_level * 3;
  while (truths.size() < total) {
    while (front < back && articles[order[front]].eligible.empty()) ++front;
    if (front + 1 >= back) break;
    const std::size_t source = order[front++];
    const std::size_t target = order[--back];
    const Article& s = articles[source];
    const std::uint32_t first = s.eligible[random() % s.eligible.size()];
    const std::size_t want = options.min_sentences + random() % (options.max_sentences - options.min_sentences + 1);
    std::size_t last = first + options.min_sentences - 1;  // eligible guarantees the minimum fits
    while (last + 1 < first + want && last + 1 < s.sentences.size() && s.fits[last + 1]) ++last;
    const std::uint32_t start = s.sentences[first].start;
    const std::uint32_t end = s.sentences[last].end;
    const std::string_view passage = std::string_view(s.doc.text).substr(start, end - start);
    const auto level = static_cast<Level>(truths.size() % 3);
    std::string copy = level == Level::verbatim ? std::string(passage)
                       : level == Level::light  ? edit(passage, options.light_rate, false, options.wrap_columns, pool, random)
                                                : edit(passage, options.heavy_rate, true, options.wrap_columns, pool, random);

    // Insert before a sentence of the target, or after its last one, where
    // the sentence before ends a sentence for real (not a wrapped table row).
    const Article& t = articles[target];
    const std::vector<std::size_t> slots = insertion_slots(t, s, first, last);
    if (slots.empty()) continue;
    const std::size_t slot = slots[random() % slots.size()];
    static const char* const kSeparators[] = {" ", "\n", "\n\n"};
    const std::string separator = kSeparators[random() % 3];
    std::uint32_t at = static_cast<std::uint32_t>(t.doc.text.size());
    std::string text;
    if (slot < t.sentences.size()) {
      at = t.sentences[slot].start;
      text = copy + separator;
    } else {
      text = separator + copy;
    }
    const std::uint32_t target_start = at + (slot < t.sentences.size() ? 0 : static_cast<std::uint32_t>(separator.size()));
    truths.push_back({level, source, target, start, end, target_start,
                      target_start + static_cast<std::uint32_t>(copy.size())});
    inserted[target] = std::move(text);
    insert_at[target] = at;
  }

  std::ofstream out(out_path, std::ios::binary);
  std::ofstream truth_out(truth_path, std::ios::binary);
  if (!out || !truth_out) {
    std::fprintf(stderr, "inject_reuse: error: cannot write %s or %s\n", out_path.c_str(), truth_path.c_str());
    return 1;
  }
  std::string line;
  for (std::size_t a = 0; a < articles.size(); ++a) {
    std::string text = articles[a].doc.text;
    if (!inserted[a].empty()) text.insert(insert_at[a], inserted[a]);
    line.clear();
    JsonWriter json(line);
    json.begin_object();
    json.string_field("id", articles[a].doc.id);
    if (!articles[a].doc.date.empty()) json.string_field("date", articles[a].doc.date);
    json.string_field("text", text);
    json.end_object();
    line += '\n';
    out << line;
  }
  std::sort(truths.begin(), truths.end(), [](const Truth& l, const Truth& r) { return l.target < r.target; });
  for (const Truth& truth : truths) {
    line.clear();
    JsonWriter json(line);
    json.begin_object();
    json.string_field("level", level_name(truth.level));
    json.string_field("source", articles[truth.source].doc.id);
    json.integer_field("source_start", truth.source_start);
    json.integer_field("source_end", truth.source_end);
    json.string_field("target", articles[truth.target].doc.id);
    json.integer_field("target_start", truth.target_start);
    json.integer_field("target_end", truth.target_end);
    json.end_object();
    line += '\n';
    truth_out << line;
  }
  std::fprintf(stderr, "inject_reuse: %zu articles, %zu injections (%zu per level) -> %s, truth -> %s\n",
               articles.size(), truths.size(), truths.size() / 3, out_path.c_str(), truth_path.c_str());
  return out && truth_out ? 0 : 1;
}
