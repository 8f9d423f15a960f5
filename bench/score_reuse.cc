// score_reuse: scores reported passages against the truth of inject_reuse.
//
// Inputs: the injected corpus (to check byte ranges and judge texts), the
// truth JSONL of inject_reuse, and a passages.jsonl (from `newsmine run` or
// the scikit-learn baseline; same fields).
//
// For each injection, the passages of its (source, target) pair that overlap
// its ranges on both sides are its matches. It is found when its matches
// cover at least --min-cover of both truth ranges; found as one passage when
// a single match does; exact when one match has exactly the truth ranges.
// Recall is reported per edit level with these three readings.
//
// A reported passage is correct when it overlaps an injection of its pair on
// both sides, or when its two texts are near-identical: word-level Dice over
// the LCS of lower-cased letter/digit words ≥ --near-identical (Reuters
// carries such pairs of its own: reprints, corrections, repeated
// boilerplate). Every passage's a_text and b_text must equal the article
// bytes at its offsets; mismatches are counted and listed.
//
//   score_reuse --corpus /tmp/reuse.jsonl --truth /tmp/reuse-truth.jsonl --passages out/passages.jsonl
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <variant>
#include <vector>

#include <CLI/CLI.hpp>
#include <simdjson.h>

#include "corpus/corpus_reader.h"

namespace {

struct Range {
  std::uint32_t start = 0, end = 0;
  std::uint32_t size() const { return end - start; }
};
std::uint32_t overlap(Range x, Range y) {
  const std::uint32_t s = std::max(x.start, y.start), e = std::min(x.end, y.end);
  return e > s ? e - s : 0;
}

struct Truth {
  std::string level;
  std::uint32_t source = 0, target = 0;  // document numbers
  Range source_range, target_range;
};

struct Reported {
  std::uint32_t a = 0, b = 0;
  Range a_range, b_range;
  std::string a_text, b_text;
  std::string kind;
};

std::vector<std::string> words(std::string_view text) {
  std::vector<std::string> out;
  std::string word;
  for (char c : text) {
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (alnum) {
      word += static_cast<char>(c >= 'A' && c <= 'Z' ? c | 0x20 : c);
    } else if (!word.empty()) {
      out.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) out.push_back(std::move(word));
  return out;
}

// Word-level Dice over the LCS (the plain dynamic program: slow and obvious).
double word_dice(std::string_view x, std::string_view y) {
  const std::vector<std::string> a = words(x), b = words(y);
  if (a.empty() && b.empty()) return 0;
  std::vector<std::uint32_t> row(b.size() + 1, 0), next(b.size() + 1, 0);
  for (std::size_t i = 0; i < a.size(); ++i) {
    for (std::size_t j = 0; j < b.size(); ++j) next[j + 1] = a[i] == b[j] ? row[j] + 1 : std::max(row[j + 1], next[j]);
    std::swap(row, next);
  }
  return 2.0 * row[b.size()] / static_cast<double>(a.size() + b.size());
}

}  // namespace

int main(int argc, char** argv) {
  std::string corpus_path, truth_path, passages_path, errors_path;
  double min_cover = 0.5;
  double near_identical = 0.8;
  CLI::App app{"Scores passages.jsonl against injected-reuse truth."};
  app.add_option("--corpus", corpus_path, "the injected corpus (JSONL)")->required();
  app.add_option("--truth", truth_path, "truth JSONL from inject_reuse")->required();
  app.add_option("--passages", passages_path, "passages.jsonl to score")->required();
  app.add_option("--min-cover", min_cover, "share of both truth ranges the matches must cover")->capture_default_str();
  app.add_option("--near-identical", near_identical, "word Dice at which an uninjected pair counts as correct")
      ->capture_default_str();
  app.add_option("--errors", errors_path, "file listing misses and wrong passages");
  CLI11_PARSE(app, argc, argv);

  std::vector<std::string> texts;
  std::unordered_map<std::string, std::uint32_t> doc_of;
  newsmine::CorpusReader reader({corpus_path}, {});
  while (auto record = reader.next()) {
    if (auto* doc = std::get_if<newsmine::Document>(&*record)) {
      doc_of.emplace(doc->id, static_cast<std::uint32_t>(texts.size()));
      texts.push_back(std::move(doc->text));
    }
  }

  simdjson::ondemand::parser parser;
  auto lookup = [&](std::string_view id) -> std::uint32_t {
    auto it = doc_of.find(std::string(id));
    if (it == doc_of.end()) {
      std::fprintf(stderr, "score_reuse: error: unknown article id %.*s\n", static_cast<int>(id.size()), id.data());
      std::exit(1);
    }
    return it->second;
  };
  std::vector<Truth> truths;
  {
    simdjson::padded_string json = simdjson::padded_string::load(truth_path);
    simdjson::ondemand::document_stream stream = parser.iterate_many(json);
    for (auto doc : stream) {
      Truth t;
      t.level = std::string(std::string_view(doc["level"]));
      t.source = lookup(std::string_view(doc["source"]));
      t.source_range.start = static_cast<std::uint32_t>(std::uint64_t(doc["source_start"]));
      t.source_range.end = static_cast<std::uint32_t>(std::uint64_t(doc["source_end"]));
      t.target = lookup(std::string_view(doc["target"]));
      t.target_range.start = static_cast<std::uint32_t>(std::uint64_t(doc["target_start"]));
      t.target_range.end = static_cast<std::uint32_t>(std::uint64_t(doc["target_end"]));
      truths.push_back(std::move(t));
    }
  }
  std::vector<Reported> reported;
  {
    simdjson::padded_string json = simdjson::padded_string::load(passages_path);
    simdjson::ondemand::document_stream stream = parser.iterate_many(json);
    for (auto doc : stream) {
      Reported p;
      p.a = lookup(std::string_view(doc["a"]));
      p.a_range.start = static_cast<std::uint32_t>(std::uint64_t(doc["a_start"]));
      p.a_range.end = static_cast<std::uint32_t>(std::uint64_t(doc["a_end"]));
      p.b = lookup(std::string_view(doc["b"]));
      p.b_range.start = static_cast<std::uint32_t>(std::uint64_t(doc["b_start"]));
      p.b_range.end = static_cast<std::uint32_t>(std::uint64_t(doc["b_end"]));
      p.kind = std::string(std::string_view(doc["kind"]));
      p.a_text = std::string(std::string_view(doc["a_text"]));
      p.b_text = std::string(std::string_view(doc["b_text"]));
      reported.push_back(std::move(p));
    }
  }

  std::FILE* errors = errors_path.empty() ? nullptr : std::fopen(errors_path.c_str(), "w");
  // Byte ranges: every reported text must be the article's bytes there.
  std::size_t bad_offsets = 0;
  for (const Reported& p : reported) {
    auto bytes = [&](std::uint32_t doc, Range r) -> std::string_view {
      const std::string& text = texts[doc];
      if (r.start > r.end || r.end > text.size()) return {};
      return std::string_view(text).substr(r.start, r.size());
    };
    if (bytes(p.a, p.a_range) != p.a_text || bytes(p.b, p.b_range) != p.b_text) {
      ++bad_offsets;
      if (errors) std::fprintf(errors, "OFFSETS %u %u-%u / %u %u-%u\n", p.a, p.a_range.start, p.a_range.end, p.b,
                               p.b_range.start, p.b_range.end);
    }
  }

  // Passages by unordered document pair.
  std::map<std::pair<std::uint32_t, std::uint32_t>, std::vector<std::size_t>> by_pair;
  for (std::size_t i = 0; i < reported.size(); ++i) {
    by_pair[{std::min(reported[i].a, reported[i].b), std::max(reported[i].a, reported[i].b)}].push_back(i);
  }
  std::vector<char> correct(reported.size(), 0);
  struct Tally {
    std::size_t total = 0, found = 0, single = 0, exact_ranges = 0;
  };
  std::map<std::string, Tally> tally;
  for (const Truth& t : truths) {
    Tally& level = tally[t.level];
    ++level.total;
    std::uint32_t covered_source = 0, covered_target = 0;
    bool single = false, exact_ranges = false;
    auto it = by_pair.find({std::min(t.source, t.target), std::max(t.source, t.target)});
    if (it != by_pair.end()) {
      for (std::size_t i : it->second) {
        const Reported& p = reported[i];
        const Range s = p.a == t.source ? p.a_range : p.b_range;
        const Range g = p.a == t.source ? p.b_range : p.a_range;
        const std::uint32_t os = overlap(s, t.source_range), og = overlap(g, t.target_range);
        if (os == 0 || og == 0) continue;
        correct[i] = 1;
        covered_source += os;
        covered_target += og;
        single = single || (os >= min_cover * t.source_range.size() && og >= min_cover * t.target_range.size());
        exact_ranges = exact_ranges || (s.start == t.source_range.start && s.end == t.source_range.end &&
                                        g.start == t.target_range.start && g.end == t.target_range.end);
      }
    }
    const bool found = covered_source >= min_cover * t.source_range.size() &&
                       covered_target >= min_cover * t.target_range.size();
    level.found += found;
    level.single += single;
    level.exact_ranges += exact_ranges;
    if (errors && !exact_ranges) {
      std::fprintf(errors, "%s %s %s\n  SOURCE: %.*s\n  TARGET: %.*s\n", found ? "PARTIAL" : "MISS", t.level.c_str(),
                   found ? "(ranges differ)" : "",
                   static_cast<int>(t.source_range.size()), texts[t.source].data() + t.source_range.start,
                   static_cast<int>(t.target_range.size()), texts[t.target].data() + t.target_range.start);
    }
  }
  std::size_t near_identical_pairs = 0, wrong = 0;
  for (std::size_t i = 0; i < reported.size(); ++i) {
    if (correct[i]) continue;
    if (word_dice(reported[i].a_text, reported[i].b_text) >= near_identical) {
      correct[i] = 1;
      ++near_identical_pairs;
    } else {
      ++wrong;
      if (errors) std::fprintf(errors, "WRONG %s\n  A: %s\n  B: %s\n", reported[i].kind.c_str(),
                               reported[i].a_text.c_str(), reported[i].b_text.c_str());
    }
  }
  if (errors) std::fclose(errors);

  std::printf("%-9s %7s %8s %8s %8s\n", "level", "truth", "recall", "single", "exact");
  for (const char* name : {"verbatim", "light", "heavy"}) {
    const Tally& l = tally[name];
    const double n = l.total ? static_cast<double>(l.total) : 1;
    std::printf("%-9s %7zu %8.4f %8.4f %8.4f\n", name, l.total, l.found / n, l.single / n, l.exact_ranges / n);
  }
  const double precision = reported.empty() ? 1.0 : 1.0 - static_cast<double>(wrong) / static_cast<double>(reported.size());
  std::printf("reported %zu passages: %zu injected, %zu near-identical uninjected (word Dice >= %.2f), %zu wrong\n",
              reported.size(), reported.size() - near_identical_pairs - wrong, near_identical_pairs, near_identical,
              wrong);
  std::printf("precision %.4f\n", precision);
  std::printf("byte ranges whose text differs from the article: %zu\n", bad_offsets);
  return 0;
}
