// Tests of TF-IDF and the document similarity join: hand-computed weights on a
// toy corpus, and the pruned join against the full sparse product.
#include <catch2/catch.hpp>

#include <cmath>
#include <map>
#include <random>
#include <string>
#include <vector>

#include <tbb/global_control.h>

#include "models/similarity.h"
#include "models/term_counts.h"
#include "models/tfidf.h"
#include "tests/test_support.h"
#include "tokenizers/tokenizer.h"

namespace newsmine {
namespace {

using Matrix = Eigen::SparseMatrix<float, Eigen::RowMajor>;

// Term counts of a list of space-separated words, built by hand.
TermCounts counts_of(const std::vector<std::string>& words) {
  std::vector<std::pair<std::uint64_t, std::uint32_t>> counts;
  for (const std::string& w : words) {
    const std::uint64_t h = term_hash(w);
    auto it = std::find_if(counts.begin(), counts.end(), [h](const auto& c) { return c.first == h; });
    if (it == counts.end()) {
      counts.emplace_back(h, 1);
    } else {
      ++it->second;
    }
  }
  std::sort(counts.begin(), counts.end());
  return TermCounts{counts};
}

Matrix tfidf_of(const std::vector<std::string>& texts) {
  Tokenizer tokenizer;
  TokenizedText tokens;
  TfidfBuilder builder;
  for (const std::string& text : texts) {
    tokenizer.tokenize(text, tokens);
    builder.add(count_terms(tokens));
  }
  return builder.build();
}

std::vector<std::string> seed_texts() {
  std::vector<std::string> texts;
  if (!testing::have_shared("seeds")) return texts;
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(testing::shared_dir() / "seeds")) {
    files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& file : files) texts.push_back(testing::read_file(file));
  return texts;
}

// Small articles written for the tests: overlapping topics, some repeats.
std::vector<std::string> written_texts() {
  const std::vector<std::string> sentences = {
      "The central bank raised interest rates by half a point on Tuesday.",
      "Inflation reached its highest level in two decades last month.",
      "The ministry of energy signed a new gas agreement with its neighbours.",
      "Farmers expect a record wheat harvest after a wet spring.",
      "The football club announced the signing of a young striker.",
      "Exports of fruit and vegetables grew by twelve percent.",
      "The parliament approved the budget for the next year.",
      "Heavy rain caused floods in the northern regions of the country.",
      "The two presidents discussed trade, energy and transport links.",
      "A new railway line will connect the port with the capital.",
  };
  std::vector<std::string> texts;
  for (std::size_t i = 0; i < 24; ++i) {
    std::string text;
    for (std::size_t j = 0; j < 4; ++j) {
      text += sentences[(i * 7 + j * (i % 5 + 1)) % sentences.size()];
      text += ' ';
    }
    texts.push_back(text);
  }
  texts.push_back("");          // no terms at all
  texts.push_back("... !!! ");  // punctuation only
  return texts;
}

// A random corpus with a Zipf-like vocabulary, to exercise the pruning.
Matrix random_tfidf(std::size_t documents, std::uint32_t seed) {
  std::mt19937 rng(seed);
  TfidfBuilder builder;
  for (std::size_t d = 0; d < documents; ++d) {
    std::vector<std::string> words;
    const std::size_t length = 5 + rng() % 60;
    for (std::size_t i = 0; i < length; ++i) {
      const double u = (rng() % 1000000) / 1000000.0;
      std::string word = "w";
      word += std::to_string(static_cast<int>(std::pow(2000.0, u * u)));
      words.push_back(word);
    }
    builder.add(counts_of(words));
  }
  return builder.build();
}

// Fast and reference results agree: same pairs (except ones within rounding of
// the threshold), same cosines within 1e-5.
void require_same_pairs(const std::vector<SimilarPair>& fast, const std::vector<SimilarPair>& reference,
                        double min_cosine) {
  auto key = [](const SimilarPair& p) { return std::pair(p.a, p.b); };
  std::vector<SimilarPair> f = fast, r = reference;
  auto by_key = [&](const SimilarPair& l, const SimilarPair& m) { return key(l) < key(m); };
  std::sort(f.begin(), f.end(), by_key);
  std::sort(r.begin(), r.end(), by_key);
  std::size_t i = 0, j = 0;
  while (i < f.size() || j < r.size()) {
    if (i < f.size() && j < r.size() && key(f[i]) == key(r[j])) {
      REQUIRE(f[i].cosine == Approx(r[j].cosine).margin(1e-5));
      ++i;
      ++j;
    } else if (j == r.size() || (i < f.size() && key(f[i]) < key(r[j]))) {
      INFO("only in fast: " << f[i].a << "," << f[i].b << " " << f[i].cosine);
      REQUIRE(std::abs(f[i].cosine - min_cosine) < 1e-5);
      ++i;
    } else {
      INFO("only in reference: " << r[j].a << "," << r[j].b << " " << r[j].cosine);
      REQUIRE(std::abs(r[j].cosine - min_cosine) < 1e-5);
      ++j;
    }
  }
}

bool sorted_as_contract(const std::vector<SimilarPair>& pairs) {
  for (std::size_t i = 1; i < pairs.size(); ++i) {
    const SimilarPair& p = pairs[i - 1];
    const SimilarPair& q = pairs[i];
    if (p.cosine < q.cosine) return false;
    if (p.cosine == q.cosine && std::pair(p.a, p.b) >= std::pair(q.a, q.b)) return false;
  }
  return true;
}

}  // namespace

TEST_CASE("count_terms keeps words and numbers, hashed and sorted", "[tfidf]") {
  Tokenizer tokenizer;
  TokenizedText tokens;
  tokenizer.tokenize("The Bank, the bank: 2.6 billion $ in 2020; the end.", tokens);
  const TermCounts counts = count_terms(tokens);
  const TermCounts expected = counts_of({"the", "bank", "the", "bank", "2.6", "billion", "in", "2020", "the", "end"});
  REQUIRE(counts.counts == expected.counts);
  REQUIRE(std::is_sorted(counts.counts.begin(), counts.counts.end()));
}

TEST_CASE("tfidf weights match sublinear tf and smoothed idf by hand", "[tfidf]") {
  // doc0: a a b    doc1: a c    doc2: c c c d
  TfidfBuilder builder;
  builder.add(counts_of({"a", "a", "b"}));
  builder.add(counts_of({"a", "c"}));
  builder.add(counts_of({"c", "c", "c", "d"}));
  REQUIRE(builder.documents() == 3);
  REQUIRE(builder.terms() == 4);
  const Matrix x = builder.build();
  REQUIRE(x.rows() == 3);
  REQUIRE(x.cols() == 4);

  auto id_of = [&](const std::string& w) {
    for (std::uint32_t id = 0; id < builder.terms(); ++id) {
      if (builder.term_hash_of(id) == term_hash(w)) return static_cast<int>(id);
    }
    return -1;
  };
  const double idf2 = std::log(4.0 / 3.0) + 1.0;  // df = 2 of N = 3
  const double idf1 = std::log(4.0 / 2.0) + 1.0;  // df = 1
  REQUIRE(builder.idf(static_cast<std::uint32_t>(id_of("a"))) == Approx(idf2));
  REQUIRE(builder.idf(static_cast<std::uint32_t>(id_of("d"))) == Approx(idf1));
  REQUIRE(builder.document_frequency(static_cast<std::uint32_t>(id_of("c"))) == 2);

  const double a0 = (1 + std::log(2.0)) * idf2, b0 = idf1;
  const double n0 = std::sqrt(a0 * a0 + b0 * b0);
  CHECK(x.coeff(0, id_of("a")) == Approx(a0 / n0).epsilon(1e-6));
  CHECK(x.coeff(0, id_of("b")) == Approx(b0 / n0).epsilon(1e-6));
  CHECK(x.coeff(0, id_of("c")) == 0.0f);
  CHECK(x.coeff(1, id_of("a")) == Approx(std::sqrt(0.5)).epsilon(1e-6));  // equal weights
  const double c2 = (1 + std::log(3.0)) * idf2, d2 = idf1;
  const double n2 = std::sqrt(c2 * c2 + d2 * d2);
  CHECK(x.coeff(2, id_of("c")) == Approx(c2 / n2).epsilon(1e-6));
  CHECK(x.coeff(2, id_of("d")) == Approx(d2 / n2).epsilon(1e-6));

  // Cosines by hand: doc0·doc1 share "a"; doc1·doc2 share "c"; doc0·doc2 nothing.
  const auto pairs = similar_pairs(x, {.min_cosine = 0.0});
  REQUIRE(pairs.size() == 2);
  const double cos01 = (a0 / n0) * std::sqrt(0.5);
  const double cos12 = std::sqrt(0.5) * (c2 / n2);
  REQUIRE(pairs[0].a == 1);
  REQUIRE(pairs[0].b == 2);
  REQUIRE(pairs[0].cosine == Approx(cos12).epsilon(1e-6));
  REQUIRE(pairs[1].a == 0);
  REQUIRE(pairs[1].b == 1);
  REQUIRE(pairs[1].cosine == Approx(cos01).epsilon(1e-6));
}

TEST_CASE("term ids are interned in first-seen order", "[tfidf]") {
  TfidfBuilder builder;
  builder.add(counts_of({"x", "y"}));
  builder.add(counts_of({"z", "y"}));
  const auto first = counts_of({"x", "y"}).counts;
  REQUIRE(builder.term_hash_of(0) == first[0].first);
  REQUIRE(builder.term_hash_of(1) == first[1].first);
  REQUIRE(builder.term_hash_of(2) == term_hash("z"));
}

TEST_CASE("a share's rows built with the corpus's columns and idf equal the corpus's rows", "[tfidf]") {
  std::vector<std::string> texts = written_texts();
  for (const std::string& text : seed_texts()) texts.push_back(text);
  Tokenizer tokenizer;
  TokenizedText tokens;
  TfidfBuilder whole;
  std::vector<TermCounts> counts;
  for (const std::string& text : texts) {
    tokenizer.tokenize(text, tokens);
    counts.push_back(count_terms(tokens));
    whole.add(counts.back());
  }
  const Matrix x = whole.build();
  // The whole corpus's id of each hash, to place a share's terms.
  std::map<std::uint64_t, std::uint32_t> corpus_id;
  for (std::uint32_t id = 0; id < whole.terms(); ++id) corpus_id[whole.term_hash_of(id)] = id;
  for (std::size_t first : {std::size_t{0}, std::size_t{3}, texts.size() / 2}) {
    TfidfBuilder share;
    for (std::size_t d = first; d < counts.size(); ++d) share.add(counts[d]);
    std::vector<std::uint32_t> column_of(share.terms());
    std::vector<double> idf_of(share.terms());
    for (std::uint32_t id = 0; id < share.terms(); ++id) {
      column_of[id] = corpus_id.at(share.term_hash_of(id));
      idf_of[id] = whole.idf(column_of[id]);
    }
    const Matrix rows = share.build(column_of, idf_of, whole.terms());
    INFO("share from document " << first);
    REQUIRE(rows.rows() == x.rows() - static_cast<Eigen::Index>(first));
    for (Eigen::Index d = 0; d < rows.rows(); ++d) {
      const Eigen::Index row = d + static_cast<Eigen::Index>(first);
      REQUIRE(rows.row(d).nonZeros() == x.row(row).nonZeros());
      for (int i = rows.outerIndexPtr()[d], j = x.outerIndexPtr()[row]; i < rows.outerIndexPtr()[d + 1]; ++i, ++j) {
        REQUIRE(rows.innerIndexPtr()[i] == x.innerIndexPtr()[j]);
        REQUIRE(rows.valuePtr()[i] == x.valuePtr()[j]);  // bit-identical
      }
    }
  }
}

TEST_CASE("tfidf rows have unit norm, empty documents are zero rows", "[tfidf]") {
  std::vector<std::string> texts = written_texts();
  for (const std::string& text : seed_texts()) texts.push_back(text);
  const Matrix x = tfidf_of(texts);
  for (Eigen::Index row = 0; row < x.rows(); ++row) {
    const double norm = x.row(row).norm();
    if (x.row(row).nonZeros() == 0) {
      CHECK(norm == 0.0);
    } else {
      CHECK(norm == Approx(1.0).epsilon(1e-5));
    }
  }
  REQUIRE(x.row(24).nonZeros() == 0);  // ""
  REQUIRE(x.row(25).nonZeros() == 0);  // punctuation only
  for (const SimilarPair& p : similar_pairs(x, {.min_cosine = 0.0})) {
    CHECK(p.a != 24);
    CHECK(p.b != 24);
    CHECK(p.a != 25);
    CHECK(p.b != 25);
  }
}

TEST_CASE("similar_pairs equals the full product on real text", "[similarity]") {
  std::vector<std::string> texts = written_texts();
  for (const std::string& text : seed_texts()) texts.push_back(text);
  const Matrix x = tfidf_of(texts);
  for (double min_cosine : {0.0, 0.05, 0.2, 0.3, 0.5, 0.8, 1.0}) {
    for (bool prefix_filter : {true, false}) {
      INFO("min_cosine " << min_cosine << " prefix_filter " << prefix_filter);
      const SimilarityOptions options{.min_cosine = min_cosine, .prefix_filter = prefix_filter};
      const auto fast = similar_pairs(x, options);
      const auto reference = similar_pairs_reference(x, options);
      require_same_pairs(fast, reference, min_cosine);
      REQUIRE(sorted_as_contract(fast));
      REQUIRE(sorted_as_contract(reference));
      for (const SimilarPair& p : fast) {
        REQUIRE(p.a < p.b);
        REQUIRE(p.cosine >= min_cosine);
        REQUIRE(p.cosine <= 1.0f);
      }
    }
  }
}

TEST_CASE("similar_pairs equals the full product on a random corpus", "[similarity]") {
  const Matrix x = random_tfidf(400, 7);
  for (double min_cosine : {0.1, 0.3, 0.5, 0.7}) {
    INFO("min_cosine " << min_cosine);
    const auto fast = similar_pairs(x, {.min_cosine = min_cosine});
    const auto reference = similar_pairs_reference(x, {.min_cosine = min_cosine});
    REQUIRE(!reference.empty());
    require_same_pairs(fast, reference, min_cosine);
  }
}

TEST_CASE("identical documents have cosine 1 and come first", "[similarity]") {
  const Matrix x = tfidf_of({"Oil prices fell sharply on Monday.", "The weather was mild on Monday.",
                             "Oil prices fell sharply on Monday.", "Nothing in common here at all."});
  const auto pairs = similar_pairs(x, {.min_cosine = 0.3});
  REQUIRE(!pairs.empty());
  REQUIRE(pairs[0].a == 0);
  REQUIRE(pairs[0].b == 2);
  REQUIRE(pairs[0].cosine == Approx(1.0).margin(1e-6));
  for (const SimilarPair& p : pairs) REQUIRE(p.b != 3);
}

TEST_CASE("min_cosine filters and the order is cosine desc, a, b", "[similarity]") {
  const Matrix x = random_tfidf(200, 11);
  const auto all = similar_pairs(x, {.min_cosine = 0.0});
  const auto some = similar_pairs(x, {.min_cosine = 0.4});
  REQUIRE(sorted_as_contract(all));
  REQUIRE(sorted_as_contract(some));
  std::vector<SimilarPair> expected;
  for (const SimilarPair& p : all) {
    if (p.cosine >= 0.4f) expected.push_back(p);
  }
  require_same_pairs(some, expected, 0.4);
  REQUIRE(some.size() < all.size());
}

TEST_CASE("similar_pairs is identical for any thread count", "[similarity]") {
  const Matrix x = random_tfidf(300, 3);
  std::vector<SimilarPair> one;
  {
    tbb::global_control limit(tbb::global_control::max_allowed_parallelism, 1);
    one = similar_pairs(x, {.min_cosine = 0.2});
  }
  for (std::size_t threads : {2, 4}) {
    tbb::global_control limit(tbb::global_control::max_allowed_parallelism, threads);
    const auto many = similar_pairs(x, {.min_cosine = 0.2});
    REQUIRE(many.size() == one.size());
    for (std::size_t i = 0; i < one.size(); ++i) {
      REQUIRE(many[i].a == one[i].a);
      REQUIRE(many[i].b == one[i].b);
      REQUIRE(many[i].cosine == one[i].cosine);  // bit-identical
    }
  }
}

TEST_CASE("an empty corpus and a corpus without terms give no pairs", "[similarity]") {
  TfidfBuilder empty;
  const Matrix none = empty.build();
  REQUIRE(none.rows() == 0);
  REQUIRE(similar_pairs(none, {}).empty());
  TfidfBuilder blank;
  blank.add(TermCounts{});
  blank.add(TermCounts{});
  const Matrix zeros = blank.build();
  REQUIRE(zeros.rows() == 2);
  REQUIRE(similar_pairs(zeros, {.min_cosine = 0.0}).empty());
  REQUIRE(similar_pairs_reference(zeros, {.min_cosine = 0.0}).empty());
}


// The join taken apart as a distributed run takes it: postings of the
// indexed entries only, the pairs of each posting list as candidates, each
// verified with joined_cosine.
std::vector<SimilarPair> join_taken_apart(const Matrix& x, const SimilarityOptions& options) {
  const std::vector<char> indexed = join_indexed_entries(x, join_term_stats(x), options);
  std::vector<std::vector<std::uint32_t>> postings(static_cast<std::size_t>(x.cols()));
  std::vector<std::uint32_t> terms(static_cast<std::size_t>(x.nonZeros()));
  for (Eigen::Index row = 0; row < x.rows(); ++row) {
    for (int i = x.outerIndexPtr()[row]; i < x.outerIndexPtr()[row + 1]; ++i) {
      terms[static_cast<std::size_t>(i)] = static_cast<std::uint32_t>(x.innerIndexPtr()[i]);
      if (indexed[static_cast<std::size_t>(i)]) postings[x.innerIndexPtr()[i]].push_back(static_cast<std::uint32_t>(row));
    }
  }
  std::vector<std::pair<std::uint32_t, std::uint32_t>> candidates;
  for (const auto& docs : postings)
    for (std::size_t i = 0; i < docs.size(); ++i)
      for (std::size_t j = i + 1; j < docs.size(); ++j) candidates.emplace_back(docs[i], docs[j]);
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  const auto row_of = [&](std::uint32_t d) {
    const auto begin = static_cast<std::size_t>(x.outerIndexPtr()[d]);
    const auto size = static_cast<std::size_t>(x.outerIndexPtr()[d + 1]) - begin;
    return JoinRow{std::span<const std::uint32_t>(terms).subspan(begin, size),
                   std::span<const float>(x.valuePtr() + begin, size), std::span<const char>(indexed).subspan(begin, size)};
  };
  std::vector<SimilarPair> pairs;
  for (const auto& [a, b] : candidates) {
    const float cosine = joined_cosine(row_of(a), row_of(b));
    if (cosine > 0 && cosine >= options.min_cosine) pairs.push_back({a, b, cosine});
  }
  sort_similar_pairs(pairs);
  return pairs;
}

TEST_CASE("the join taken apart for a distributed run gives exactly similar_pairs", "[similarity]") {
  std::vector<std::string> texts = written_texts();
  for (const std::string& text : seed_texts()) texts.push_back(text);
  const Matrix real = tfidf_of(texts);
  const Matrix random = random_tfidf(300, 5);
  for (const Matrix* x : {&real, &random}) {
    for (double min_cosine : {0.05, 0.2, 0.3, 0.5, 0.9}) {
      for (bool prefix_filter : {true, false}) {
        INFO("min_cosine " << min_cosine << " prefix_filter " << prefix_filter << " rows " << x->rows());
        const SimilarityOptions options{.min_cosine = min_cosine, .prefix_filter = prefix_filter};
        const std::vector<SimilarPair> whole = similar_pairs(*x, options);
        const std::vector<SimilarPair> apart = join_taken_apart(*x, options);
        if (x == &random && min_cosine <= 0.3) REQUIRE(whole.size() > 20);
        REQUIRE(apart.size() == whole.size());
        for (std::size_t i = 0; i < whole.size(); ++i) {
          CHECK(apart[i].a == whole[i].a);
          CHECK(apart[i].b == whole[i].b);
          CHECK(apart[i].cosine == whole[i].cosine);  // bit-identical
        }
      }
    }
  }
}

}  // namespace newsmine
