// bench_stages: throughput of each newsmine stage next to the raw limit it is
// built on, with Google Benchmark.
//
// The corpus is read once into memory with CorpusReader before any benchmark
// runs: the path in the environment variable NEWSMINE_BENCH_CORPUS (a JSONL
// file, a .txt file or a directory, anything `newsmine run` accepts), or the
// sample corpus corpus/sample when it is unset. Data a stage needs from an
// earlier one (tokens, dates, term counts, the TF-IDF matrix, passage
// features) is computed once, outside the timed loop, the first time a
// benchmark asks for it.
//
// One iteration is one pass over the whole corpus, so every benchmark reports
// bytes/s (the article text bytes, counted the same way for all of them) and
// items/s (documents/s), and the bytes/s of a stage can be read directly
// against those of its raw limit:
//
//   raw limits (what no stage built on them can beat)
//     BM_RawMemcpy        copying every text byte once: memory bandwidth.
//     BM_RawReadFile      reading the corpus written as one JSONL file (fread):
//                         the floor under reading JSONL.
//     BM_RawGunzip        inflating the same file gzip-compressed (zlib's
//                         gzread): the floor under reading .jsonl.gz.
//     BM_RawIcuWords      ICU word BreakIterator over UTF-8 (utext_openUTF8),
//                         boundaries only, no token objects: the floor under
//                         Tokenizer::tokenize.
//     BM_RawIcuSentences  ICU sentence BreakIterator, same locale as the
//                         Tokenizer: the other half of tokenize.
//     BM_RawRe2Scan       one RE2::FindAndConsume scan for \d+ over every
//                         text: the cost of one regex pass, against which the
//                         RE2-based date and number extractors (many
//                         patterns) are measured.
//   reading (CorpusReader, one thread; the corpus is written once to a
//   scratch directory, removed at exit)
//     BM_ReadJsonl        the JSONL file: lines, JSON, UTF-8 checks, Documents.
//     BM_ReadJsonlGz      the same, gzip-compressed.
//     BM_ReadTextFiles    one .txt file per article.
//   per-document stages (one thread; the pipeline runs them on every core)
//     BM_Tokenize         Tokenizer::tokenize: words, sentences, term keys.
//     BM_TermKeys         TermNormalizer::append_key for every word of the
//                         tokenized corpus: normalization alone (ASCII fast
//                         path, cached ICU NFKC_Casefold for the rest).
//     BM_TermKeysIcu      normalize_term, ICU for every word, nothing cached:
//                         what the fast path and the cache save.
//     BM_ExtractDates     DateExtractor::extract with the document date.
//     BM_ExtractNumbers   NumberExtractor::extract, given the dates.
//     BM_ExtractFacts     FactExtractor::extract: dates and numbers in one
//                         shared scan, as the pipeline runs them.
//     BM_ExtractEntities  EntityExtractor::extract, given the tokens (and tokens/s).
//     BM_Analyze          Analyzer::analyze: everything per document, the
//                         parallel stage of `newsmine run`; with 1 and 2
//                         benchmark threads, each taking its share of the
//                         documents, so bytes/s is the aggregate.
//   cross-document stages (TBB inside; /threads:N caps TBB at N threads)
//     BM_TfidfBuild       TfidfBuilder::add for every document, then build().
//     BM_SimilarPairs     similar_pairs at min_cosine 0.3 on that matrix.
//     BM_FindPassages     find_passages with the default PassageOptions.
//
// Usage:
//   NEWSMINE_BENCH_CORPUS=reuters.jsonl build/bench/bench_stages
//   build/bench/bench_stages --benchmark_filter='Raw|Tokenize' --benchmark_repetitions=3
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <benchmark/benchmark.h>
#include <re2/re2.h>
#include <zlib.h>
#include <tbb/global_control.h>
#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/utext.h>

#include "corpus/corpus_reader.h"
#include "models/dates.h"
#include "models/entities.h"
#include "models/facts.h"
#include "models/model_data.h"
#include "models/numbers.h"
#include "models/passages.h"
#include "models/similarity.h"
#include "models/term_counts.h"
#include "models/tfidf.h"
#include "pipeline/analyzer.h"
#include "pipeline/json_writer.h"
#include "tokenizers/term_key.h"
#include "tokenizers/tokenizer.h"

namespace newsmine {
namespace {

// ---------------------------------------------------------------------------
// The corpus and what earlier stages computed from it.

struct BenchCorpus {
  std::string path;
  std::vector<Document> documents;
  std::int64_t bytes = 0;  // sum of the text sizes
  std::size_t longest = 0;  // largest text size
};

BenchCorpus& corpus() {
  static BenchCorpus instance;
  return instance;
}

// Reads every document of `path` into memory; rejected records are counted
// and reported on stderr.
Status load_corpus(const std::string& path, BenchCorpus& out) {
  out.path = path;
  CorpusReader reader({path}, {});
  while (auto record = reader.next()) {
    if (auto* doc = std::get_if<Document>(&*record)) {
      out.bytes += static_cast<std::int64_t>(doc->text.size());
      out.longest = std::max(out.longest, doc->text.size());
      out.documents.push_back(std::move(*doc));
    }
  }
  if (reader.stats().rejected > 0)
    std::fprintf(stderr, "bench_stages: %llu records of %s rejected\n",
                 static_cast<unsigned long long>(reader.stats().rejected), path.c_str());
  if (out.documents.empty()) return Status::error("no documents in " + path);
  return {};
}

// Every benchmark processes the whole corpus once per iteration.
void count_corpus(benchmark::State& state) {
  state.SetBytesProcessed(state.iterations() * corpus().bytes);
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(corpus().documents.size()));
}

// Loads a model or throws: models are built in, so a failure is a broken build.
template <typename Model>
std::unique_ptr<const Model> load_model() {
  std::unique_ptr<const Model> model;
  if (Status s = Model::load(ModelData::embedded(), model); !s.ok()) throw std::runtime_error(s.message());
  return model;
}

const DateExtractor& date_extractor() {
  static const std::unique_ptr<const DateExtractor> model = load_model<DateExtractor>();
  return *model;
}
const NumberExtractor& number_extractor() {
  static const std::unique_ptr<const NumberExtractor> model = load_model<NumberExtractor>();
  return *model;
}
const FactExtractor& fact_extractor() {
  static const std::unique_ptr<const FactExtractor> model = load_model<FactExtractor>();
  return *model;
}
const EntityExtractor& entity_extractor() {
  static const std::unique_ptr<const EntityExtractor> model = load_model<EntityExtractor>();
  return *model;
}
const Analyzer& analyzer() {
  static const std::unique_ptr<const Analyzer> model = load_model<Analyzer>();
  return *model;
}

const std::vector<TokenizedText>& corpus_tokens() {
  static const std::vector<TokenizedText> tokens = [] {
    Tokenizer tokenizer;
    std::vector<TokenizedText> out(corpus().documents.size());
    for (std::size_t d = 0; d < out.size(); ++d) tokenizer.tokenize(corpus().documents[d].text, out[d]);
    return out;
  }();
  return tokens;
}

const std::vector<std::vector<DateMention>>& corpus_dates() {
  static const std::vector<std::vector<DateMention>> dates = [] {
    std::vector<std::vector<DateMention>> out;
    for (const Document& doc : corpus().documents) out.push_back(date_extractor().extract(doc.text, doc.date));
    return out;
  }();
  return dates;
}

const std::vector<TermCounts>& corpus_term_counts() {
  static const std::vector<TermCounts> counts = [] {
    std::vector<TermCounts> out;
    for (const TokenizedText& tokens : corpus_tokens()) out.push_back(count_terms(tokens));
    return out;
  }();
  return counts;
}

const Eigen::SparseMatrix<float, Eigen::RowMajor>& corpus_tfidf() {
  static const Eigen::SparseMatrix<float, Eigen::RowMajor> matrix = [] {
    TfidfBuilder builder;
    for (const TermCounts& counts : corpus_term_counts()) builder.add(counts);
    return builder.build();
  }();
  return matrix;
}

const std::vector<PassageFeatures>& corpus_passage_features() {
  static const std::vector<PassageFeatures> features = [] {
    std::vector<PassageFeatures> out;
    for (const TokenizedText& tokens : corpus_tokens()) out.push_back(make_passage_features(tokens));
    return out;
  }();
  return features;
}

// The corpus written out for the reading benchmarks, once: as one JSONL
// file, gzip-compressed (level 6, zlib's default), and as one .txt file per
// article. The scratch directory goes when the program ends.
struct CorpusFiles {
  std::filesystem::path directory, jsonl, gzip, texts;
  ~CorpusFiles() {
    std::error_code ignored;  // a leftover scratch directory is no reason to fail
    if (!directory.empty()) std::filesystem::remove_all(directory, ignored);
  }
};

void write_corpus_files(CorpusFiles& files) {
  char pattern[] = "/tmp/newsmine-bench-XXXXXX";
  if (mkdtemp(pattern) == nullptr) throw std::runtime_error("cannot make a scratch directory in /tmp");
  files.directory = pattern;
  files.jsonl = files.directory / "corpus.jsonl";
  files.gzip = files.directory / "corpus.jsonl.gz";
  files.texts = files.directory / "texts";
  std::filesystem::create_directory(files.texts);
  std::FILE* jsonl = std::fopen(files.jsonl.c_str(), "wb");
  gzFile gzip = gzopen(files.gzip.c_str(), "wb6");
  if (jsonl == nullptr || gzip == nullptr) throw std::runtime_error("cannot write in " + files.directory.string());
  std::string line;
  for (std::size_t d = 0; d < corpus().documents.size(); ++d) {
    const Document& doc = corpus().documents[d];
    line.clear();
    JsonWriter json(line);
    json.begin_object();
    json.string_field("id", doc.id);
    json.string_field("date", doc.date);
    json.string_field("text", doc.text);
    json.end_object();
    line += '\n';
    bool written = std::fwrite(line.data(), 1, line.size(), jsonl) == line.size() &&
                   gzwrite(gzip, line.data(), static_cast<unsigned>(line.size())) == static_cast<int>(line.size());
    char name[32];
    std::snprintf(name, sizeof name, "%07zu.txt", d);
    std::FILE* text = std::fopen((files.texts / name).c_str(), "wb");
    written = written && text != nullptr && std::fwrite(doc.text.data(), 1, doc.text.size(), text) == doc.text.size();
    if (text != nullptr) written = std::fclose(text) == 0 && written;
    if (!written) throw std::runtime_error("cannot write in " + files.directory.string());
  }
  if (std::fclose(jsonl) != 0 || gzclose(gzip) != Z_OK) throw std::runtime_error("cannot write in " + files.directory.string());
}

const CorpusFiles& corpus_files() {
  static CorpusFiles files;  // the reading benchmarks run on one thread
  if (files.directory.empty()) write_corpus_files(files);
  return files;
}

// ---------------------------------------------------------------------------
// Raw limits.

void BM_RawMemcpy(benchmark::State& state) {
  std::string buffer(corpus().longest, '\0');
  for (auto _ : state) {
    for (const Document& doc : corpus().documents) {
      std::memcpy(buffer.data(), doc.text.data(), doc.text.size());
      benchmark::ClobberMemory();
    }
    benchmark::DoNotOptimize(buffer.data());
  }
  count_corpus(state);
}

void BM_RawReadFile(benchmark::State& state) {
  const CorpusFiles& files = corpus_files();
  std::string buffer(1 << 20, '\0');
  for (auto _ : state) {
    std::FILE* in = std::fopen(files.jsonl.c_str(), "rb");
    if (in == nullptr) {
      state.SkipWithError("cannot open the JSONL file");
      return;
    }
    while (std::fread(buffer.data(), 1, buffer.size(), in) == buffer.size()) benchmark::DoNotOptimize(buffer.data());
    std::fclose(in);
  }
  count_corpus(state);
}

void BM_RawGunzip(benchmark::State& state) {
  const CorpusFiles& files = corpus_files();
  std::string buffer(1 << 20, '\0');
  for (auto _ : state) {
    gzFile in = gzopen(files.gzip.c_str(), "rb");
    if (in == nullptr) {
      state.SkipWithError("cannot open the gzip file");
      return;
    }
    while (gzread(in, buffer.data(), static_cast<unsigned>(buffer.size())) > 0) benchmark::DoNotOptimize(buffer.data());
    gzclose(in);
  }
  count_corpus(state);
}

// Counts the boundaries of `iterator` over every text, read as UTF-8 in place.
std::int64_t count_boundaries(icu::BreakIterator& iterator) {
  std::int64_t boundaries = 0;
  UText text = UTEXT_INITIALIZER;
  for (const Document& doc : corpus().documents) {
    UErrorCode status = U_ZERO_ERROR;
    utext_openUTF8(&text, doc.text.data(), static_cast<int64_t>(doc.text.size()), &status);
    iterator.setText(&text, status);
    if (U_FAILURE(status)) throw std::runtime_error(u_errorName(status));
    while (iterator.next() != icu::BreakIterator::DONE) ++boundaries;
  }
  utext_close(&text);
  return boundaries;
}

void raw_icu_pass(benchmark::State& state, bool words) {
  const icu::Locale locale(TokenizerOptions{}.locale.c_str());
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> iterator(words ? icu::BreakIterator::createWordInstance(locale, status)
                                                     : icu::BreakIterator::createSentenceInstance(locale, status));
  if (U_FAILURE(status) || !iterator) {
    state.SkipWithError("ICU cannot create the break iterator");
    return;
  }
  std::int64_t boundaries = 0;
  for (auto _ : state) boundaries = count_boundaries(*iterator);
  state.counters["boundaries"] = static_cast<double>(boundaries);
  count_corpus(state);
}

void BM_RawIcuWords(benchmark::State& state) { raw_icu_pass(state, true); }
void BM_RawIcuSentences(benchmark::State& state) { raw_icu_pass(state, false); }

void BM_RawRe2Scan(benchmark::State& state) {
  const RE2 digits(R"(\d+)");
  std::int64_t matches = 0;
  for (auto _ : state) {
    matches = 0;
    for (const Document& doc : corpus().documents) {
      re2::StringPiece input(doc.text);
      while (RE2::FindAndConsume(&input, digits)) ++matches;
    }
  }
  state.counters["matches"] = static_cast<double>(matches);
  count_corpus(state);
}

// ---------------------------------------------------------------------------
// Reading.

void read_with_corpus_reader(benchmark::State& state, const std::filesystem::path& path) {
  std::int64_t documents = 0;
  for (auto _ : state) {
    documents = 0;
    CorpusReader reader({path.string()}, {});
    while (auto record = reader.next()) documents += std::holds_alternative<Document>(*record);
  }
  if (documents != static_cast<std::int64_t>(corpus().documents.size())) {
    state.SkipWithError("the written corpus did not read back whole");
    return;
  }
  count_corpus(state);
}

void BM_ReadJsonl(benchmark::State& state) { read_with_corpus_reader(state, corpus_files().jsonl); }
void BM_ReadJsonlGz(benchmark::State& state) { read_with_corpus_reader(state, corpus_files().gzip); }
void BM_ReadTextFiles(benchmark::State& state) { read_with_corpus_reader(state, corpus_files().texts); }

// ---------------------------------------------------------------------------
// Per-document stages.

void BM_Tokenize(benchmark::State& state) {
  Tokenizer tokenizer;
  TokenizedText out;
  std::int64_t tokens = 0;
  for (auto _ : state) {
    tokens = 0;
    for (const Document& doc : corpus().documents) {
      tokenizer.tokenize(doc.text, out);
      tokens += static_cast<std::int64_t>(out.tokens.size());
    }
  }
  state.counters["tokens"] = static_cast<double>(tokens);
  count_corpus(state);
}

// Calls `key_of(surface, key)` for every word token of the corpus.
template <typename KeyOf>
void term_keys(benchmark::State& state, KeyOf&& key_of) {
  const auto& tokens = corpus_tokens();
  const auto& documents = corpus().documents;
  std::int64_t words = 0;
  std::string key;
  for (auto _ : state) {
    words = 0;
    for (std::size_t d = 0; d < documents.size(); ++d) {
      for (const Token& token : tokens[d].tokens) {
        if (token.kind != TokenKind::word) continue;
        key.clear();
        key_of(span_text(documents[d].text, token.start, token.end), key);
        benchmark::DoNotOptimize(key.data());
        ++words;
      }
    }
  }
  state.counters["words"] = static_cast<double>(words);
  count_corpus(state);
}

void BM_TermKeys(benchmark::State& state) {
  TermNormalizer normalizer;
  term_keys(state, [&](std::string_view word, std::string& key) { normalizer.append_key(word, key); });
}

void BM_TermKeysIcu(benchmark::State& state) {
  term_keys(state, [](std::string_view word, std::string& key) { key = normalize_term(word); });
}

void BM_ExtractDates(benchmark::State& state) {
  const DateExtractor& dates = date_extractor();
  std::int64_t mentions = 0;
  for (auto _ : state) {
    mentions = 0;
    for (const Document& doc : corpus().documents)
      mentions += static_cast<std::int64_t>(dates.extract(doc.text, doc.date).size());
  }
  state.counters["mentions"] = static_cast<double>(mentions);
  count_corpus(state);
}

void BM_ExtractFacts(benchmark::State& state) {
  const FactExtractor& facts = fact_extractor();
  std::int64_t mentions = 0;
  for (auto _ : state) {
    mentions = 0;
    for (const Document& doc : corpus().documents) {
      const Facts found = facts.extract(doc.text, doc.date);
      mentions += static_cast<std::int64_t>(found.dates.size() + found.numbers.size());
    }
  }
  state.counters["mentions"] = static_cast<double>(mentions);
  count_corpus(state);
}

void BM_ExtractNumbers(benchmark::State& state) {
  const NumberExtractor& numbers = number_extractor();
  const auto& dates = corpus_dates();
  const auto& documents = corpus().documents;
  std::int64_t mentions = 0;
  for (auto _ : state) {
    mentions = 0;
    for (std::size_t d = 0; d < documents.size(); ++d)
      mentions += static_cast<std::int64_t>(numbers.extract(documents[d].text, dates[d]).size());
  }
  state.counters["mentions"] = static_cast<double>(mentions);
  count_corpus(state);
}

void BM_ExtractEntities(benchmark::State& state) {
  const EntityExtractor& entities = entity_extractor();
  const auto& tokens = corpus_tokens();
  const auto& documents = corpus().documents;
  std::int64_t mentions = 0;
  for (auto _ : state) {
    mentions = 0;
    for (std::size_t d = 0; d < documents.size(); ++d)
      mentions += static_cast<std::int64_t>(entities.extract(documents[d].text, tokens[d]).size());
  }
  state.counters["mentions"] = static_cast<double>(mentions);
  std::int64_t token_count = 0;
  for (const auto& t : tokens) token_count += static_cast<std::int64_t>(t.tokens.size());
  state.counters["tokens"] = benchmark::Counter(static_cast<double>(token_count * state.iterations()),
                                                benchmark::Counter::kIsRate);
  count_corpus(state);
}

// Each benchmark thread analyzes every threads()-th document with its own
// Tokenizer, so together the threads cover the corpus once per iteration.
void BM_Analyze(benchmark::State& state) {
  const Analyzer& models = analyzer();
  Tokenizer tokenizer;
  const auto& documents = corpus().documents;
  const auto first = static_cast<std::size_t>(state.thread_index());
  const auto step = static_cast<std::size_t>(state.threads());
  std::int64_t bytes = 0;
  std::int64_t items = 0;
  for (auto _ : state) {
    for (std::size_t d = first; d < documents.size(); d += step) {
      DocumentAnalysis result = models.analyze(documents[d], tokenizer);
      benchmark::DoNotOptimize(result.entities.data());
      bytes += static_cast<std::int64_t>(documents[d].text.size());
      ++items;
    }
  }
  state.SetBytesProcessed(bytes);
  state.SetItemsProcessed(items);
}

// ---------------------------------------------------------------------------
// Cross-document stages.

// Caps TBB at the benchmark's `threads` argument for the lifetime of the object.
tbb::global_control tbb_threads(const benchmark::State& state) {
  return tbb::global_control(tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(state.range(0)));
}

void BM_TfidfBuild(benchmark::State& state) {
  const auto& counts = corpus_term_counts();
  const auto limit = tbb_threads(state);
  std::int64_t nonzeros = 0;
  for (auto _ : state) {
    TfidfBuilder builder;
    for (const TermCounts& doc : counts) builder.add(doc);
    const Eigen::SparseMatrix<float, Eigen::RowMajor> matrix = builder.build();
    nonzeros = matrix.nonZeros();
  }
  state.counters["nonzeros"] = static_cast<double>(nonzeros);
  count_corpus(state);
}

void BM_SimilarPairs(benchmark::State& state) {
  const auto& matrix = corpus_tfidf();
  const auto limit = tbb_threads(state);
  std::int64_t pairs = 0;
  for (auto _ : state) pairs = static_cast<std::int64_t>(similar_pairs(matrix, SimilarityOptions{.min_cosine = 0.3}).size());
  state.counters["pairs"] = static_cast<double>(pairs);
  count_corpus(state);
}

void BM_FindPassages(benchmark::State& state) {
  const auto& features = corpus_passage_features();
  const auto limit = tbb_threads(state);
  PassageStats stats;
  for (auto _ : state) {
    stats = {};
    benchmark::DoNotOptimize(find_passages(features, PassageOptions{}, &stats).data());
  }
  state.counters["candidate_pairs"] = static_cast<double>(stats.candidate_pairs);
  state.counters["passages"] = static_cast<double>(stats.passages);
  count_corpus(state);
}

BENCHMARK(BM_RawMemcpy)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_RawReadFile)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_RawGunzip)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_RawIcuWords)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_RawIcuSentences)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_RawRe2Scan)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ReadJsonl)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ReadJsonlGz)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ReadTextFiles)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Tokenize)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_TermKeys)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_TermKeysIcu)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ExtractDates)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ExtractNumbers)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ExtractFacts)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ExtractEntities)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Analyze)->Unit(benchmark::kMillisecond)->UseRealTime()->Threads(1)->Threads(2);
BENCHMARK(BM_TfidfBuild)->Unit(benchmark::kMillisecond)->UseRealTime()->ArgName("threads")->Arg(1)->Arg(2);
BENCHMARK(BM_SimilarPairs)->Unit(benchmark::kMillisecond)->UseRealTime()->ArgName("threads")->Arg(1)->Arg(2);
BENCHMARK(BM_FindPassages)->Unit(benchmark::kMillisecond)->UseRealTime()->ArgName("threads")->Arg(1)->Arg(2);

}  // namespace
}  // namespace newsmine

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 2;

  const char* path = std::getenv("NEWSMINE_BENCH_CORPUS");
  const std::string corpus_path = path != nullptr && *path != '\0' ? path : NEWSMINE_SOURCE_DIR "/corpus/sample";
  newsmine::BenchCorpus& corpus = newsmine::corpus();
  if (newsmine::Status s = newsmine::load_corpus(corpus_path, corpus); !s.ok()) {
    std::fprintf(stderr, "bench_stages: %s (set NEWSMINE_BENCH_CORPUS to a JSONL file or directory)\n",
                 s.message().c_str());
    return 1;
  }
  benchmark::AddCustomContext("corpus", corpus.path);
  benchmark::AddCustomContext("corpus_documents", std::to_string(corpus.documents.size()));
  benchmark::AddCustomContext("corpus_bytes", std::to_string(corpus.bytes));

  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
