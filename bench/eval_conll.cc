// eval_conll: scores EntityExtractor on a CoNLL-2003 file, conlleval-style
// (an entity counts when its first token, last token and type all match),
// overall and per type, and measures its speed in tokens per second.
//
// Quality: each document is rebuilt as text (bench/conll_eval.h), tokenized,
// extracted and scored, as `newsmine train-ner` scores its dev file. Speed:
// the documents are tokenized once, then extract() alone runs over all of
// them `--repeat` times on one thread; the median, fastest and slowest pass
// are printed, next to tokenize + extract together. Tune on eng.train and
// eng.testa only; eng.testb is for the final figure.
//
//   eval_conll ../shared/data/conll2003-en/eng.testa [--rules] [--repeat 5] [--models DIR]
#include <CLI/CLI.hpp>

#include <algorithm>
#include <time.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "bench/conll_eval.h"
#include "pipeline/train_ner.h"
#include "tokenizers/tokenizer.h"

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

// CPU time of this thread: on a shared machine it leaves out the time another
// process held the core, which wall time does not.
double thread_cpu_seconds() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + 1e-9 * static_cast<double>(t.tv_nsec);
}

void print_counts(const char* type, const newsmine::testing::ConllCounts& c) {
  std::printf("%-6s %9.4f %9.4f %9.4f %7zu %9zu %8zu\n", type, c.precision(), c.recall(), c.f1(), c.gold,
              c.predicted, c.correct);
}

}  // namespace

int main(int argc, char** argv) {
  using namespace newsmine;
  CLI::App app("eval_conll: CoNLL-2003 entity precision, recall, F1 and tokens/s of EntityExtractor");
  std::string file;
  std::string models_dir;
  bool rules_only = false;
  int repeat = 5;
  app.add_option("FILE", file, "CoNLL-2003 file (eng.testa, eng.testb)")->required();
  app.add_option("--models", models_dir, "directory overriding the built-in models/data files");
  app.add_flag("--rules", rules_only, "score the rules alone, without the trained model");
  app.add_option("--repeat", repeat, "timed passes over the file")->capture_default_str()->check(CLI::Range(1, 1000));
  CLI11_PARSE(app, argc, argv);

  std::vector<testing::ConllDocument> docs;
  if (Status s = read_conll_file(file, docs); !s.ok()) {
    std::fprintf(stderr, "eval_conll: error: %s\n", s.message().c_str());
    return 1;
  }

  EntityExtractorOptions options;
  options.use_model = !rules_only;
  std::unique_ptr<const EntityExtractor> extractor;
  const ModelData data = models_dir.empty() ? ModelData::embedded() : ModelData::with_override(models_dir);
  if (Status s = EntityExtractor::load(data, options, extractor); !s.ok()) {
    std::fprintf(stderr, "eval_conll: error: %s\n", s.message().c_str());
    return 1;
  }

  Tokenizer tokenizer;
  std::size_t token_count = 0;
  const auto started = Clock::now();
  const testing::ConllScore score = score_conll(*extractor, docs, tokenizer, &token_count);
  const double end_to_end = seconds_since(started);

  std::printf("%s: %zu documents, %zu tokens, %s\n", file.c_str(), docs.size(), token_count,
              rules_only ? "rules alone" : "trained model");
  std::printf("%-6s %9s %9s %9s %7s %9s %8s\n", "type", "precision", "recall", "F1", "gold", "predicted", "correct");
  for (const auto& [type, counts] : score.by_type()) print_counts(type.c_str(), counts);
  print_counts("all", score.total());

  // Speed of extract() alone, tokens given.
  std::vector<TokenizedText> tokenized(docs.size());
  for (std::size_t d = 0; d < docs.size(); ++d) tokenizer.tokenize(docs[d].text, tokenized[d]);
  std::vector<double> passes, cpu_passes;
  std::size_t mentions = 0;
  for (int r = 0; r < repeat; ++r) {
    const auto start = Clock::now();
    const double cpu_start = thread_cpu_seconds();
    for (std::size_t d = 0; d < docs.size(); ++d) mentions += extractor->extract(docs[d].text, tokenized[d]).size();
    cpu_passes.push_back(thread_cpu_seconds() - cpu_start);
    passes.push_back(seconds_since(start));
  }
  std::sort(passes.begin(), passes.end());
  std::sort(cpu_passes.begin(), cpu_passes.end());
  const double median = passes[passes.size() / 2];
  const double tokens = static_cast<double>(token_count);
  std::printf("extract, one thread, %d passes: median %.0f tokens/s (fastest %.0f, slowest %.0f); %zu mentions/pass\n",
              repeat, tokens / median, tokens / passes.front(), tokens / passes.back(), mentions / repeat);
  std::printf("extract, per CPU second of the thread: median %.0f tokens/s (fastest %.0f)\n",
              tokens / cpu_passes[cpu_passes.size() / 2], tokens / cpu_passes.front());
  std::printf("tokenize + extract + score, one pass: %.0f tokens/s\n", tokens / end_to_end);
  return 0;
}
