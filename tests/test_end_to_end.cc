// End to end: `run` over the sample corpus and the seed articles, checked
// against what a user relies on: exact byte spans, the planted reuse, thread
// invariance, and clear failures.
#include <catch2/catch.hpp>
#include <simdjson.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "pipeline/run.h"
#include "tests/test_support.h"
#include "tokenizers/tokenizer.h"

#include <zlib.h>

using namespace newsmine;
namespace fs = std::filesystem;

namespace {

std::string str(simdjson::dom::element element) { return std::string(std::string_view(element)); }

fs::path fresh_dir(const std::string& name) {
  auto dir = fs::temp_directory_path() / ("newsmine_test_e2e_" + name);
  fs::remove_all(dir);
  return dir;
}

RunSummary run_ok(const std::vector<std::string>& paths, const fs::path& out, int threads) {
  RunOptions options;
  options.paths = paths;
  options.out_dir = out.string();
  options.stream.threads = threads;
  RunSummary summary;
  Status status = run(options, summary);
  INFO(status.message());
  REQUIRE(status.ok());
  return summary;
}

std::vector<std::string> lines_of(const fs::path& file) {
  std::ifstream in(file);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// Article texts by id, read straight from the files of a .txt corpus.
std::map<std::string, std::string> texts_by_id(const fs::path& dir) {
  std::map<std::string, std::string> texts;
  for (const auto& entry : fs::directory_iterator(dir))
    if (entry.path().extension() == ".txt") texts[entry.path().stem().string()] = testing::read_file(entry.path());
  return texts;
}

// Token-level Dice similarity (2·LCS / (|a| + |b|)) over word keys: an
// independent check that two reported copies really are the same text.
double dice(std::string_view a, std::string_view b) {
  Tokenizer tokenizer;
  auto words = [&](std::string_view text) {
    TokenizedText out;
    tokenizer.tokenize(text, out);
    std::vector<std::string> keys;
    for (const Token& t : out.tokens)
      if (t.kind == TokenKind::word || t.kind == TokenKind::number) keys.emplace_back(out.key(t));
    return keys;
  };
  const auto x = words(a), y = words(b);
  std::vector<std::vector<int>> lcs(x.size() + 1, std::vector<int>(y.size() + 1, 0));
  for (std::size_t i = 1; i <= x.size(); ++i)
    for (std::size_t j = 1; j <= y.size(); ++j)
      lcs[i][j] = x[i - 1] == y[j - 1] ? lcs[i - 1][j - 1] + 1 : std::max(lcs[i - 1][j], lcs[i][j - 1]);
  return x.empty() && y.empty() ? 1.0 : 2.0 * lcs[x.size()][y.size()] / static_cast<double>(x.size() + y.size());
}

// Checks every span in documents.jsonl and passages.jsonl against the article bytes.
void check_spans(const fs::path& out, const std::map<std::string, std::string>& texts) {
  simdjson::dom::parser parser;
  for (const std::string& line : lines_of(out / "documents.jsonl")) {
    simdjson::dom::element doc = parser.parse(line);
    const std::string id = str(doc["id"]);
    if (!texts.count(id)) continue;  // JSONL articles are checked by text equality only
    const std::string& text = texts.at(id);
    CHECK(uint64_t(doc["bytes"]) == text.size());
    for (const char* field : {"dates", "numbers", "entities"})
      for (auto span : doc[field].get_array()) {
        const uint64_t start = span["start"], end = span["end"];
        REQUIRE(end <= text.size());
        REQUIRE(std::string_view(span["text"]) == text.substr(start, end - start));
      }
  }
  for (const std::string& line : lines_of(out / "passages.jsonl")) {
    simdjson::dom::element p = parser.parse(line);
    for (const char* side : {"a", "b"}) {
      const std::string id = str(p[side]);
      if (!texts.count(id)) continue;
      const uint64_t start = p[std::string(side) + "_start"], end = p[std::string(side) + "_end"];
      REQUIRE(std::string_view(p[std::string(side) + "_text"]) == texts.at(id).substr(start, end - start));
    }
    const double score = p["score"];
    CHECK(score > 0.0);
    CHECK(score <= 1.0);
    // No reported passage joins unrelated text.
    CHECK(dice(std::string_view(p["a_text"]), std::string_view(p["b_text"])) >= 0.5);
  }
}

int run_binary(const std::string& arguments, const fs::path& stderr_file) {
  const std::string command = std::string(NEWSMINE_BINARY) + " " + arguments + " >/dev/null 2>" + stderr_file.string();
  const int status = std::system(command.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace

TEST_CASE("The sample corpus runs end to end with the planted reuse found") {
  const fs::path sample = testing::source_dir() / "corpus" / "sample";
  const fs::path out = fresh_dir("sample");
  RunSummary summary = run_ok({sample.string()}, out, 2);
  CHECK(summary.stream.reader.documents == 15);
  CHECK(summary.stream.reader.rejected == 0);
  for (const char* file : {"documents.jsonl", "similar.jsonl", "passages.jsonl", "clusters.jsonl", "rejected.jsonl", "summary.json"})
    CHECK(fs::exists(out / file));
  CHECK_FALSE(fs::exists(out / ".texts.tmp"));
  CHECK(lines_of(out / "documents.jsonl").size() == 15);
  check_spans(out, texts_by_id(sample));

  // The "About Absheron Gas Transport" paragraph recurs in three articles: one family.
  simdjson::dom::parser parser;
  bool family_of_three = false;
  for (const std::string& line : lines_of(out / "clusters.jsonl")) {
    simdjson::dom::element cluster = parser.parse(line);
    std::vector<std::string> ids;
    for (auto member : cluster["members"].get_array()) ids.emplace_back(std::string_view(member["id"]));
    family_of_three |= ids == std::vector<std::string>{"01_agt_gas_exports", "04_agt_compressor_maintenance",
                                                       "10_agt_compressor_tender"};
  }
  CHECK(family_of_three);

  // The re-wrapped copy of the central bank paragraph is found as one passage.
  bool rewrapped = false;
  for (const std::string& line : lines_of(out / "passages.jsonl")) {
    simdjson::dom::element p = parser.parse(line);
    rewrapped |= std::string_view(p["a"]) == "03_central_bank_rate" && std::string_view(p["b"]) == "11_manat_outlook" &&
                 std::string_view(p["b_text"]).find('\n') != std::string_view::npos;
  }
  CHECK(rewrapped);
}

TEST_CASE("Reused share per article and --strip-boilerplate keep the earliest copy of a family") {
  const fs::path sample = testing::source_dir() / "corpus" / "sample";
  const fs::path out = fresh_dir("strip");
  RunOptions options;
  options.paths = {sample.string()};
  options.out_dir = out.string();
  options.strip_boilerplate = true;
  RunSummary summary;
  REQUIRE(run(options, summary).ok());

  simdjson::dom::parser parser;
  const auto texts = texts_by_id(sample);
  std::map<std::string, double> share;
  std::uint64_t reused = 0;
  for (const std::string& line : lines_of(out / "reuse.jsonl")) {
    simdjson::dom::element r = parser.parse(line);
    const std::uint64_t bytes = r["bytes"], reused_bytes = r["reused_bytes"];
    CHECK(reused_bytes <= bytes);
    reused += reused_bytes;
    share[str(r["id"])] = double(r["reused_share"]);
  }
  CHECK(share.size() == 15);
  CHECK(reused == summary.reused_bytes);
  for (const char* id : {"01_agt_gas_exports", "04_agt_compressor_maintenance", "10_agt_compressor_tender"}) {
    CHECK(share[id] > 0.0);
    CHECK(share[id] < 1.0);
  }

  // The AGT boilerplate paragraph stays only in the earliest article (2021-11-12).
  const std::string boilerplate = "About Absheron Gas Transport: Absheron Gas Transport (AGT) operates";
  std::vector<std::string> keeping;
  std::uint64_t removed = 0;
  for (const std::string& line : lines_of(out / "cleaned.jsonl")) {
    simdjson::dom::element c = parser.parse(line);
    const std::string id = str(c["id"]), text = str(c["text"]);
    if (text.find(boilerplate) != std::string::npos) keeping.push_back(id);
    const std::uint64_t removed_bytes = c["removed_bytes"];
    removed += removed_bytes;
    if (texts.count(id)) CHECK(text.size() + removed_bytes == texts.at(id).size());
  }
  CHECK(keeping == std::vector<std::string>{"01_agt_gas_exports"});
  CHECK(removed == summary.stripped_bytes);
  CHECK(removed > 0);
  const std::string json = testing::read_file(out / "summary.json");
  CHECK(json.find("\"max_shingle_postings\":1000") != std::string::npos);
}

TEST_CASE("Output files are byte-identical for 1 and 2 threads") {
  const fs::path sample = testing::source_dir() / "corpus" / "sample";
  const fs::path one = fresh_dir("threads1"), two = fresh_dir("threads2");
  run_ok({sample.string()}, one, 1);
  run_ok({sample.string()}, two, 2);
  for (const char* file : {"documents.jsonl", "similar.jsonl", "passages.jsonl", "clusters.jsonl", "reuse.jsonl", "rejected.jsonl"})
    CHECK(testing::read_file(one / file) == testing::read_file(two / file));
}

TEST_CASE("Seed articles: shared paragraphs, the edited sentence and the most similar pair", "[seeds]") {
  if (!testing::have_shared("seeds")) {
    SUCCEED("../shared/seeds not present; skipped");
    return;
  }
  const fs::path seeds = testing::shared_dir() / "seeds";
  const fs::path out = fresh_dir("seeds");
  run_ok({seeds.string()}, out, 2);
  const auto texts = texts_by_id(seeds);
  check_spans(out, texts);

  const std::string a = "000_472165fa652a4c97", b = "001_126efb9153f012d4", c = "003_053d4edee1c29480";
  const std::string first_shared = "Earlier this year Azerbaijan participated";
  const std::string last_shared = "in the war in the 1990s.";
  auto covered = [](const std::string& text, std::size_t start, std::size_t end, const std::string& needle) {
    const std::size_t at = text.find(needle);
    return at != std::string::npos && at >= start && at + needle.size() <= end;
  };

  simdjson::dom::parser parser;
  bool first_found = false, last_found = false, edited_found = false;
  for (const std::string& line : lines_of(out / "passages.jsonl")) {
    simdjson::dom::element p = parser.parse(line);
    const std::string pa = str(p["a"]), pb = str(p["b"]);
    const uint64_t as = p["a_start"], ae = p["a_end"], bs = p["b_start"], be = p["b_end"];
    if (pa == a && pb == b) {
      first_found |= covered(texts.at(a), as, ae, first_shared) && covered(texts.at(b), bs, be, first_shared);
      last_found |= covered(texts.at(a), as, ae, last_shared) && covered(texts.at(b), bs, be, last_shared);
    }
    if (pa == b && pb == c) {
      const bool sentence = covered(texts.at(b), as, ae, "230 intergovernmental and intercompany documents") &&
                            covered(texts.at(c), bs, be, "230 intergovernmental and interministerial documents");
      edited_found |= sentence && std::string_view(p["kind"]) == "near";
    }
  }
  CHECK(first_found);
  CHECK(last_found);
  CHECK(edited_found);

  const auto similar = lines_of(out / "similar.jsonl");
  REQUIRE_FALSE(similar.empty());
  simdjson::dom::element top = parser.parse(similar.front());
  CHECK(std::string_view(top["a"]) == a);
  CHECK(std::string_view(top["b"]) == b);
}

TEST_CASE("Bad input is rejected with a reason and the run goes on") {
  const fs::path in = fresh_dir("bad_input"), out = fresh_dir("bad_output");
  fs::create_directories(in);
  std::ofstream(in / "good.txt") << " date 2021-05-20 Baku hosted the forum on May 20.";
  std::ofstream(in / "empty.txt");
  std::ofstream(in / "binary.txt", std::ios::binary) << std::string("abc\0def", 7);
  std::ofstream(in / "latin1.txt", std::ios::binary) << "caf\xe9";
  std::ofstream(in / "lines.jsonl") << R"({"id":"j1","text":"ok"})" "\n" << "{broken\n";
  std::ofstream(in / "notes.pdf") << "%PDF";
  RunSummary summary = run_ok({in.string()}, out, 2);
  CHECK(summary.stream.reader.documents == 3);
  CHECK(summary.stream.reader.rejected == 3);
  CHECK(summary.stream.reader.skipped == 1);
  CHECK(summary.stream.reader.invalid_utf8_documents == 1);
  const std::string rejected = testing::read_file(out / "rejected.jsonl");
  CHECK(rejected.find("empty.txt") != std::string::npos);
  CHECK(rejected.find("binary.txt") != std::string::npos);
  CHECK(rejected.find("latin1.txt") == std::string::npos);
  CHECK(rejected.find("lines.jsonl:2") != std::string::npos);
  // The Latin-1 article is processed; its stray byte is counted, and read as a space.
  const std::string documents = testing::read_file(out / "documents.jsonl");
  CHECK(documents.find(R"("id":"latin1","source":)") != std::string::npos);
  CHECK(documents.find(R"("invalid_utf8_bytes":1)") != std::string::npos);
}

// Every kind of bad input a real corpus holds, in one directory: the run
// finishes (exit 0), and every record is in documents.jsonl or rejected.jsonl.
TEST_CASE("Every kind of bad input in one directory: exit 0, every record accounted for", "[bad-input]") {
  const fs::path in = fresh_dir("every_bad_input");
  const fs::path out = fresh_dir("every_bad_input_out");
  const fs::path err = fresh_dir("every_bad_input").concat(".stderr");
  fs::create_directories(in);
  const std::string article = " date 2021-05-20 Baku hosted the forum on May 20, where SOCAR said it paid $2.6 billion.";
  auto write = [&](const std::string& name, const std::string& bytes) {
    std::ofstream(in / name, std::ios::binary) << bytes;
  };
  write("good.txt", article);
  write("invalid_utf8.txt", "Caf\xE9 owners in Baku said on Friday sales rose 12%.\xC3");
  write("binary.txt", std::string("\x7F" "ELF\x02\x01\x01\0\0\0", 10));
  write("empty.txt", "");
  std::string long_line;
  const std::string sentence = "Markets in the region closed higher on a day without line breaks; ";
  while (long_line.size() < (20u << 20)) long_line += sentence;
  write("long_line.txt", long_line);
  write("corrupt.txt.gz", std::string("\x1F\x8B\x08\x00\0\0\0\0\0\x03garbage that is not deflate", 36));
  {
    gzFile gz = gzopen((in / "compressed.txt.gz").string().c_str(), "wb");
    REQUIRE(gz != nullptr);
    REQUIRE(gzwrite(gz, article.data(), static_cast<unsigned>(article.size())) == static_cast<int>(article.size()));
    REQUIRE(gzclose(gz) == Z_OK);
  }
  write("lines.jsonl", R"({"id":"j1","text":"On May 20, 2021 the ministry said 27% of exports went east."})" "\n"
                       R"({"id":"j2","text": "unterminated)" "\n"
                       R"({"id":"j3","body":"no text field"})" "\n"
                       R"({"id":"j4","text":42})" "\n");

  REQUIRE(run_binary("run " + in.string() + " --out " + out.string() + " --threads 2 --quiet", err) == 0);
  INFO(testing::read_file(err));

  simdjson::dom::parser parser;
  std::set<std::string> accepted, rejected;
  for (const std::string& line : lines_of(out / "documents.jsonl")) accepted.insert(str(parser.parse(line)["source"]));
  for (const std::string& line : lines_of(out / "rejected.jsonl")) {
    simdjson::dom::element record = parser.parse(line);
    CHECK_FALSE(str(record["reason"]).empty());
    rejected.insert(str(record["source"]));
  }
  auto path = [&](const std::string& name) { return (in / name).string(); };
  CHECK(accepted == std::set<std::string>{path("good.txt"), path("invalid_utf8.txt"), path("long_line.txt"),
                                          path("compressed.txt.gz"), path("lines.jsonl") + ":1"});
  CHECK(rejected == std::set<std::string>{path("binary.txt"), path("empty.txt"), path("corrupt.txt.gz"),
                                          path("lines.jsonl") + ":2", path("lines.jsonl") + ":3",
                                          path("lines.jsonl") + ":4"});
  simdjson::dom::element summary = parser.parse(testing::read_file(out / "summary.json"));
  CHECK(uint64_t(summary["read"]) == 11);
  CHECK(uint64_t(summary["invalid_utf8_documents"]) == 1);
  CHECK(uint64_t(summary["invalid_utf8_bytes"]) == 2);

  // The article with invalid UTF-8 keeps its offsets: spans are the file's bytes.
  const std::string invalid = testing::read_file(in / "invalid_utf8.txt");
  for (const std::string& line : lines_of(out / "documents.jsonl")) {
    simdjson::dom::element doc = parser.parse(line);
    if (str(doc["source"]) != path("invalid_utf8.txt")) continue;
    CHECK(uint64_t(doc["bytes"]) == invalid.size());
    CHECK(uint64_t(doc["invalid_utf8_bytes"]) == 2);
    std::size_t spans = 0;
    for (const char* field : {"dates", "numbers", "entities"})
      for (auto span : doc[field].get_array()) {
        const uint64_t start = span["start"], end = span["end"];
        CHECK(std::string_view(span["text"]) == invalid.substr(start, end - start));
        ++spans;
      }
    CHECK(spans >= 3);  // Baku, Friday, 12%
  }

  // Only a nonexistent path: exit 1 and one error line.
  CHECK(run_binary("run " + (in / "no_such_dir").string() + " --out " + out.string(), err) == 1);
  const std::string message = testing::read_file(err);
  CHECK(message.rfind("newsmine: error: ", 0) == 0);
  CHECK(std::count(message.begin(), message.end(), '\n') == 1);
}

TEST_CASE("The command line exits 0, 1 or 2 with one readable error line") {
  const fs::path err = fresh_dir("cli").concat(".stderr");
  const fs::path sample = testing::source_dir() / "corpus" / "sample";
  const fs::path out = fresh_dir("cli_out");
  CHECK(run_binary("run " + sample.string() + " --out " + out.string() + " --threads 2 --quiet", err) == 0);
  CHECK(testing::read_file(err).empty());
  CHECK(run_binary("--version", err) == 0);

  CHECK(run_binary("run /nonexistent/corpus --out " + out.string(), err) == 1);
  const std::string message = testing::read_file(err);
  CHECK(message.rfind("newsmine: error: ", 0) == 0);
  CHECK(message.find("/nonexistent/corpus") != std::string::npos);
  CHECK(std::count(message.begin(), message.end(), '\n') == 1);

  CHECK(run_binary("run " + sample.string() + " --out /proc/newsmine_cannot_write", err) == 1);
  CHECK(testing::read_file(err).rfind("newsmine: error: ", 0) == 0);

  CHECK(run_binary("run " + sample.string(), err) == 2);  // --out missing
  CHECK(run_binary("frobnicate", err) == 2);
  CHECK(run_binary("run " + sample.string() + " --out " + out.string() + " --quiet --verbose", err) == 2);

  // --verbose names each rejected record and each article with invalid UTF-8.
  const fs::path mixed = fresh_dir("cli_verbose");
  fs::create_directories(mixed);
  std::ofstream(mixed / "latin1.txt", std::ios::binary) << "Caf\xE9 sales rose 12% on Friday.";
  std::ofstream(mixed / "empty.txt");
  CHECK(run_binary("run " + mixed.string() + " --out " + out.string() + " --verbose", err) == 0);
  const std::string notices = testing::read_file(err);
  CHECK(notices.find("newsmine: rejected " + (mixed / "empty.txt").string() + ": empty text\n") != std::string::npos);
  CHECK(notices.find("newsmine: " + (mixed / "latin1.txt").string() + ": 1 bytes of invalid UTF-8 read as spaces\n") !=
        std::string::npos);
}
