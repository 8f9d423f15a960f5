// Tests of the corpus reader: .txt and JSONL parsing, gzip, validation,
// directory walking, the sample corpus and the shared seeds.
#include <unistd.h>
#include <zlib.h>

#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "corpus/corpus_reader.h"
#include "corpus/date_header.h"
#include "corpus/utf8.h"
#include "tests/test_support.h"

namespace fs = std::filesystem;
using newsmine::CorpusReader;
using newsmine::Document;
using newsmine::ReaderOptions;
using newsmine::Record;
using newsmine::Rejection;
using newsmine::testing::read_file;

namespace {

// A fresh directory under the system temp dir, removed at scope exit.
class TempDir {
 public:
  TempDir() {
    static std::atomic<int> counter{0};
    path_ = fs::temp_directory_path() /
            ("newsmine_corpus_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  // Writes `bytes` to the relative path `name` (creating folders); returns the full path.
  std::string write(const std::string& name, const std::string& bytes) const {
    const fs::path file = path_ / name;
    fs::create_directories(file.parent_path());
    std::ofstream out(file, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return file.string();
  }

  // Writes `bytes` gzip-compressed to `name`; returns the full path.
  std::string write_gz(const std::string& name, const std::string& bytes) const {
    const fs::path file = path_ / name;
    fs::create_directories(file.parent_path());
    gzFile gz = gzopen(file.string().c_str(), "wb");
    REQUIRE(gz != nullptr);
    REQUIRE(gzwrite(gz, bytes.data(), static_cast<unsigned>(bytes.size())) == static_cast<int>(bytes.size()));
    REQUIRE(gzclose(gz) == Z_OK);
    return file.string();
  }

  std::string str() const { return path_.string(); }

 private:
  fs::path path_;
};

struct ReadResult {
  std::vector<Record> records;
  std::vector<Document> docs;
  std::vector<Rejection> rejections;
  newsmine::ReaderStats stats;
};

ReadResult read_all(std::vector<std::string> paths, ReaderOptions options = {}) {
  CorpusReader reader(std::move(paths), std::move(options));
  ReadResult result;
  while (auto record = reader.next()) {
    if (const auto* doc = std::get_if<Document>(&*record)) {
      result.docs.push_back(*doc);
    } else {
      result.rejections.push_back(std::get<Rejection>(*record));
    }
    result.records.push_back(std::move(*record));
  }
  result.stats = reader.stats();
  return result;
}

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

}  // namespace

TEST_CASE("txt: id from the file name, text is the file bytes, date from the header") {
  TempDir dir;
  const std::string bytes = " date 2021-11-25 By Azernews\n\nBy Someone\n\nBody text here.\n";
  const std::string path = dir.write("000_472165fa652a4c97.txt", bytes);
  const ReadResult r = read_all({path});
  REQUIRE(r.rejections.empty());
  REQUIRE(r.docs.size() == 1);
  const Document& doc = r.docs[0];
  CHECK(doc.id == "000_472165fa652a4c97");
  CHECK(doc.source == path);
  CHECK(doc.date == "2021-11-25");
  CHECK(doc.text == bytes);  // header included, nothing normalized
  CHECK(r.stats.files == 1);
  CHECK(r.stats.records == 1);
  CHECK(r.stats.documents == 1);
  CHECK(r.stats.rejected == 0);
  CHECK(r.stats.bytes_read == bytes.size());
  CHECK(r.stats.text_bytes == bytes.size());
}

TEST_CASE("txt: a byte order mark stays in the text") {
  TempDir dir;
  const std::string bytes = "\xEF\xBB\xBF date 2021-01-02 Text with a BOM.";
  const ReadResult r = read_all({dir.write("bom.txt", bytes)});
  REQUIRE(r.docs.size() == 1);
  CHECK(r.docs[0].text == bytes);
  CHECK(r.docs[0].date == "2021-01-02");
}

TEST_CASE("date header: optional spaces, then date YYYY-MM-DD, then a space or newline") {
  struct Case {
    std::string text;
    std::string date;
  };
  const std::vector<Case> cases = {
      {" date 2021-11-25 By Azernews", "2021-11-25"},
      {"date 2020-02-29\nLeap day.", "2020-02-29"},
      {"    date 2021-05-20\r\nCRLF.", "2021-05-20"},
      {"\tdate 2000-02-29 Century leap year.", "2000-02-29"},
      {" date 2021-11-25", "2021-11-25"},  // header alone
      {"Azerbaijan and Russia have discussed prospects.", ""},
      {" date 2021-02-29 Not a leap year.", ""},
      {" date 1900-02-29 Not a leap year.", ""},
      {" date 2021-13-01 No month 13.", ""},
      {" date 2021-04-31 April has 30 days.", ""},
      {" date 2021-00-10 No month 0.", ""},
      {" date 2021-1-2 Short form.", ""},
      {" date 2021-11-25x Glued.", ""},
      {" date 2021/11/25 Slashes.", ""},
      {"x date 2021-11-25 Not at the start.", ""},
      {"\n date 2021-11-25 Newline before.", ""},
      {" Date 2021-11-25 Capital D.", ""},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    CHECK(newsmine::corpus_internal::date_from_header(c.text) == c.date);
  }

  // Through the reader: the article is accepted either way, the date only when valid.
  TempDir dir;
  const ReadResult r = read_all({dir.write("with.txt", " date 2021-11-25 A.\n"),
                                 dir.write("without.txt", "No header.\n"),
                                 dir.write("invalid.txt", " date 2021-02-30 B.\n")});
  REQUIRE(r.rejections.empty());
  REQUIRE(r.docs.size() == 3);
  CHECK(r.docs[0].date == "2021-11-25");
  CHECK(r.docs[1].date.empty());
  CHECK(r.docs[2].date.empty());
  CHECK(r.docs[2].text == " date 2021-02-30 B.\n");
}

TEST_CASE("JSONL date field: YYYY-MM-DD or ISO 8601 timestamps") {
  using newsmine::corpus_internal::date_from_field;
  CHECK(date_from_field("2021-05-20") == "2021-05-20");
  CHECK(date_from_field("2021-05-20T14:03:00Z") == "2021-05-20");
  CHECK(date_from_field("2021-05-20T14:03:00.123+04:00") == "2021-05-20");
  CHECK(date_from_field("2021-05-20T14:03-0500") == "2021-05-20");
  CHECK(date_from_field("2021-05-20 14:03:00") == "2021-05-20");
  CHECK_FALSE(date_from_field("2021-02-30"));
  CHECK_FALSE(date_from_field("20 May 2021"));
  CHECK_FALSE(date_from_field("2021-05-20T25:00:00Z"));
  CHECK_FALSE(date_from_field("2021-05-20Tnoon"));
  CHECK_FALSE(date_from_field("2021-05"));
  CHECK_FALSE(date_from_field(""));
}

TEST_CASE("JSONL: escapes are decoded to UTF-8, ISO timestamp dates keep the day") {
  TempDir dir;
  const std::string line =
      R"({"id":"e1","text":"line1\nline2 \"q\" caf\u00e9 \ud83d\ude00 \u2014 end","date":"2021-05-20T14:03:00+04:00"})";
  const std::string path = dir.write("wire.jsonl", line + "\n");
  const ReadResult r = read_all({path});
  REQUIRE(r.rejections.empty());
  REQUIRE(r.docs.size() == 1);
  const Document& doc = r.docs[0];
  CHECK(doc.id == "e1");
  CHECK(doc.source == path + ":1");
  CHECK(doc.date == "2021-05-20");
  CHECK(doc.text == "line1\nline2 \"q\" caf\xC3\xA9 \xF0\x9F\x98\x80 \xE2\x80\x94 end");
  CHECK(r.stats.files == 1);
  CHECK(r.stats.bytes_read == line.size() + 1);
  CHECK(r.stats.text_bytes == doc.text.size());
}

TEST_CASE("JSONL: custom field names") {
  TempDir dir;
  const std::string path = dir.write(
      "custom.jsonl",
      R"({"doc_id":"c1","body":"Custom fields.","published":"2020-11-10","id":"ignored","text":"ignored"})"
      "\n");
  ReaderOptions options;
  options.id_field = "doc_id";
  options.text_field = "body";
  options.date_field = "published";
  const ReadResult r = read_all({path}, options);
  REQUIRE(r.rejections.empty());
  REQUIRE(r.docs.size() == 1);
  CHECK(r.docs[0].id == "c1");
  CHECK(r.docs[0].text == "Custom fields.");
  CHECK(r.docs[0].date == "2020-11-10");

  // With the default names the same line gives the default fields.
  const ReadResult defaults = read_all({path});
  REQUIRE(defaults.docs.size() == 1);
  CHECK(defaults.docs[0].id == "ignored");
  CHECK(defaults.docs[0].text == "ignored");
  CHECK(defaults.docs[0].date.empty());
}

TEST_CASE("JSONL: missing id gives FILE:LINE, blank lines are skipped but counted") {
  TempDir dir;
  const std::string path = dir.write("ids.jsonl",
                                     "{\"id\":\"a\",\"text\":\"First.\"}\n"
                                     "\n"
                                     "   \t\r\n"
                                     "{\"text\":\"No id.\"}\n"
                                     "{\"id\":42,\"text\":\"Numeric id.\"}\r\n"
                                     "{\"id\":null,\"text\":\"Null id, no newline at the end.\"}");
  const ReadResult r = read_all({path});
  REQUIRE(r.rejections.empty());
  REQUIRE(r.docs.size() == 4);
  CHECK(r.docs[0].id == "a");
  CHECK(r.docs[0].source == path + ":1");
  CHECK(r.docs[1].id == path + ":4");
  CHECK(r.docs[1].source == path + ":4");
  CHECK(r.docs[1].date.empty());
  CHECK(r.docs[2].id == "42");
  CHECK(r.docs[2].text == "Numeric id.");
  CHECK(r.docs[3].id == path + ":6");
  CHECK(r.docs[3].text == "Null id, no newline at the end.");
  CHECK(r.stats.records == 4);
}

TEST_CASE("JSONL: bad lines are rejected with FILE:LINE and reading goes on") {
  TempDir dir;
  const std::string path = dir.write("bad.jsonl",
                                     "{\"id\":\"ok1\",\"text\":\"Good.\"}\n"           // 1
                                     "{\"id\":\"broken\",\"text\": \n"                 // 2
                                     "[1,2,3]\n"                                       // 3
                                     "{\"id\":\"nt\"}\n"                                // 4
                                     "{\"id\":\"num\",\"text\":12}\n"                  // 5
                                     "{\"text\":\"Bad date.\",\"date\":\"2021-02-30\"}\n"  // 6
                                     "{\"text\":\"\"}\n"                               // 7
                                     "{\"text\":\"a\\u0000b\"}\n"                       // 8
                                     "{\"text\":\"x\",\"date\":20210520}\n"            // 9
                                     "{\"id\":\"ok2\",\"text\":\"Still read.\"}\n");   // 10
  const ReadResult r = read_all({path});
  REQUIRE(r.docs.size() == 2);
  CHECK(r.docs[0].id == "ok1");
  CHECK(r.docs[1].id == "ok2");
  CHECK(r.docs[1].source == path + ":10");
  REQUIRE(r.rejections.size() == 8);
  const std::vector<std::pair<int, std::string>> expected = {
      {2, "malformed JSON"},
      {3, "not a JSON object"},
      {4, "missing text field \"text\""},
      {5, "text field \"text\" is not a string"},
      {6, "invalid date \"2021-02-30\""},
      {7, "empty text"},
      {8, "binary content (NUL byte at 1)"},
      {9, "date field \"date\" is not a string"},
  };
  for (std::size_t i = 0; i < expected.size(); ++i) {
    INFO(r.rejections[i].reason);
    CHECK(r.rejections[i].source == path + ":" + std::to_string(expected[i].first));
    CHECK(contains(r.rejections[i].reason, expected[i].second));
  }
  // Records are in input order.
  REQUIRE(r.records.size() == 10);
  CHECK(std::holds_alternative<Document>(r.records.front()));
  CHECK(std::holds_alternative<Document>(r.records.back()));
  CHECK(r.stats.records == 10);
  CHECK(r.stats.documents == 2);
  CHECK(r.stats.rejected == 8);
}

TEST_CASE("JSONL: invalid UTF-8 in a line becomes spaces, counted, offsets kept") {
  TempDir dir;
  const std::string path = dir.write("utf8.jsonl",
                                     "{\"text\":\"caf\xC3 cr\xE8me\"}\n"
                                     "{\"text\":\"fine\"}\n"
                                     "{\"text\":\"\xFF\xFE\"}\n");
  const ReadResult r = read_all({path});
  REQUIRE(r.docs.size() == 2);
  CHECK(r.docs[0].text == "caf  cr me");
  CHECK(r.docs[0].invalid_utf8_bytes == 2);
  CHECK(r.docs[1].text == "fine");
  CHECK(r.docs[1].invalid_utf8_bytes == 0);
  REQUIRE(r.rejections.size() == 1);
  CHECK(r.rejections[0].source == path + ":3");
  CHECK(r.rejections[0].reason == "empty text");
  CHECK(r.stats.invalid_utf8_documents == 1);
  CHECK(r.stats.invalid_utf8_bytes == 2);
}

TEST_CASE("txt: invalid UTF-8 becomes spaces; NUL bytes, mostly invalid and empty files are rejected") {
  TempDir dir;
  const ReadResult r = read_all({
      dir.write("bad_utf8.txt", "abc\xC3(def"),
      dir.write("nul.txt", std::string("ab\0cd", 5)),
      dir.write("overlong.txt", "ok \xC0\xAF"),
      dir.write("surrogate.txt", "x\xED\xA0\x80y"),
      dir.write("truncated.txt", "end \xE2\x80"),
      dir.write("empty.txt", ""),
      dir.write("blank.txt", " \n\t\n"),
      dir.write("good.txt", "Caf\xC3\xA9 \xF0\x9F\x98\x80 ok"),
      dir.write("noise.txt", std::string(40, '\xFF') + "ab"),
  });
  REQUIRE(r.rejections.size() == 4);
  CHECK(r.rejections[0].reason == "binary content (NUL byte at 2)");
  CHECK(r.rejections[1].reason == "empty text");
  CHECK(r.rejections[2].reason == "empty text");
  CHECK(r.rejections[3].reason == "binary content (40 of 42 bytes are invalid UTF-8, the first at byte 0)");
  CHECK(contains(r.rejections[3].source, "noise.txt"));
  const std::vector<std::pair<std::string, std::uint64_t>> expected = {
      {"abc (def", 1}, {"ok   ", 2}, {"x   y", 3}, {"end   ", 2}, {"Caf\xC3\xA9 \xF0\x9F\x98\x80 ok", 0}};
  REQUIRE(r.docs.size() == expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    CHECK(r.docs[i].text == expected[i].first);
    CHECK(r.docs[i].invalid_utf8_bytes == expected[i].second);
  }
  CHECK(r.stats.files == 9);
  CHECK(r.stats.invalid_utf8_documents == 4);
  CHECK(r.stats.invalid_utf8_bytes == 8);
}

TEST_CASE("UTF-8: blanking keeps every valid byte in place and leaves valid UTF-8") {
  using newsmine::corpus_internal::blank_invalid_utf8;
  using newsmine::corpus_internal::first_invalid_utf8_scalar;
  std::mt19937 rng(777);
  const std::string pieces[] = {"a", " ", "\xC3\xA9", "\xE2\x80\x94", "\xF0\x9F\x98\x80", "\xD0\x91",
                                "\x80", "\xC3", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xC1\xBF", "\xFF"};
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    std::vector<bool> valid;  // per byte: part of a valid piece
    const int length = static_cast<int>(rng() % 60);
    for (int i = 0; i < length; ++i) {
      const std::size_t pick = rng() % 100 < 80 ? rng() % 6 : 6 + rng() % 6;
      text += pieces[pick];
      valid.insert(valid.end(), pieces[pick].size(), pick < 6);
    }
    INFO(text);
    std::string blanked = text;
    const std::size_t replaced = blank_invalid_utf8(blanked);
    REQUIRE(blanked.size() == text.size());
    CHECK_FALSE(first_invalid_utf8_scalar(blanked).has_value());
    std::size_t changed = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (blanked[i] == text[i]) continue;
      ++changed;
      CHECK(blanked[i] == ' ');
      CHECK_FALSE(valid[i]);  // only bytes of bad pieces change
    }
    CHECK(changed == replaced);
  }
}

TEST_CASE("UTF-8: the fast validator agrees with the scalar reference") {
  using newsmine::corpus_internal::first_invalid_utf8;
  using newsmine::corpus_internal::first_invalid_utf8_scalar;
  std::mt19937 rng(12345);
  const std::string pieces[] = {"a", " ", "\xC3\xA9", "\xE2\x80\x94", "\xF0\x9F\x98\x80", "\xD0\x91",
                                "\x80", "\xC3", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xC1\xBF", "\xFF"};
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    const int length = static_cast<int>(rng() % 200);
    for (int i = 0; i < length; ++i) {
      // Mostly valid pieces, so some strings are valid throughout.
      const std::size_t pick = rng() % 100 < 98 ? rng() % 6 : 6 + rng() % 6;
      text += pieces[pick];
    }
    INFO(text);
    CHECK(first_invalid_utf8(text) == first_invalid_utf8_scalar(text));
  }
}

TEST_CASE("max_document_bytes: larger texts and lines are rejected, the rest is read") {
  TempDir dir;
  ReaderOptions options;
  options.max_document_bytes = 1000;
  const std::string big(1500, 'x');
  const std::string jsonl = dir.write("long.jsonl", "{\"text\":\"" + std::string(300000, 'y') + "\"}\n" +
                                                        "{\"id\":\"after\",\"text\":\"short\"}\n");
  const ReadResult r = read_all({dir.write("big.txt", big), dir.write_gz("big_gz.txt.gz", big),
                                 dir.write("fits.txt", std::string(1000, 'z')), jsonl},
                                options);
  REQUIRE(r.rejections.size() == 3);
  CHECK(contains(r.rejections[0].reason, "over max_document_bytes (1000)"));
  CHECK(contains(r.rejections[1].reason, "over max_document_bytes (1000)"));
  CHECK(r.rejections[2].source == jsonl + ":1");
  INFO(r.rejections[2].reason);
  CHECK(contains(r.rejections[2].reason, "line of 300011 bytes"));
  REQUIRE(r.docs.size() == 2);
  CHECK(r.docs[0].id == "fits");
  CHECK(r.docs[1].id == "after");
  CHECK(r.docs[1].source == jsonl + ":2");
}

TEST_CASE("JSONL: long lines spanning many read buffers are read whole") {
  TempDir dir;
  std::string text;
  for (int i = 0; text.size() < 700000; ++i) text += "word" + std::to_string(i) + " ";
  std::string content;
  for (int i = 0; i < 3; ++i) content += "{\"id\":\"long" + std::to_string(i) + "\",\"text\":\"" + text + "\"}\n";
  const ReadResult r = read_all({dir.write("long.jsonl", content)});
  REQUIRE(r.rejections.empty());
  REQUIRE(r.docs.size() == 3);
  for (const Document& doc : r.docs) CHECK(doc.text == text);
  CHECK(r.docs[2].id == "long2");
}

TEST_CASE("unknown formats: rejected when named, skipped and counted in directories") {
  TempDir dir;
  const std::string notes = dir.write("notes.md", "# not an article\n");
  dir.write("a.txt", "An article.");
  dir.write("data.csv", "a,b\n");
  const ReadResult named = read_all({notes});
  REQUIRE(named.rejections.size() == 1);
  CHECK(named.rejections[0].source == notes);
  CHECK(contains(named.rejections[0].reason, "unknown format"));
  CHECK(named.stats.skipped == 0);

  const ReadResult walked = read_all({dir.str()});
  CHECK(walked.rejections.empty());
  REQUIRE(walked.docs.size() == 1);
  CHECK(walked.docs[0].id == "a");
  CHECK(walked.stats.skipped == 2);
  CHECK(walked.stats.files == 1);
}

TEST_CASE("gzip: .txt.gz and .jsonl.gz are read, corrupt gzip is rejected") {
  TempDir dir;
  const std::string article = " date 2020-11-10 Compressed article.\n\nSecond paragraph.\n";
  const std::string txt_gz = dir.write_gz("a.txt.gz", article);
  const std::string jsonl_gz = dir.write_gz("w.jsonl.gz",
                                            "{\"id\":\"g1\",\"text\":\"One.\",\"date\":\"2021-01-01\"}\n"
                                            "{\"text\":\"Two.\"}\n");
  const ReadResult r = read_all({txt_gz, jsonl_gz});
  REQUIRE(r.rejections.empty());
  REQUIRE(r.docs.size() == 3);
  CHECK(r.docs[0].id == "a");
  CHECK(r.docs[0].date == "2020-11-10");
  CHECK(r.docs[0].text == article);
  CHECK(r.docs[0].source == txt_gz);
  CHECK(r.docs[1].id == "g1");
  CHECK(r.docs[1].source == jsonl_gz + ":1");
  CHECK(r.docs[2].id == jsonl_gz + ":2");
  CHECK(r.stats.files == 2);
  CHECK(r.stats.bytes_read == fs::file_size(txt_gz) + fs::file_size(jsonl_gz));

  // A damaged deflate stream and a stream cut in half.
  const std::string good = read_file(txt_gz);
  std::string damaged = good;
  damaged[10] = 0x07;  // first deflate block: final, invalid block type 3
  std::string many_lines;
  for (int i = 0; i < 2000; ++i) many_lines += "{\"text\":\"line " + std::to_string(i) + " of a long file\"}\n";
  const std::string whole = read_file(dir.write_gz("whole.jsonl.gz", many_lines));
  const ReadResult bad = read_all({dir.write("damaged.txt.gz", damaged),
                                   dir.write("cut.txt.gz", good.substr(0, good.size() / 2)),
                                   dir.write("cut.jsonl.gz", whole.substr(0, whole.size() / 2)),
                                   dir.write("plain.txt.gz", "Plain text under a .gz name."),
                                   dir.write("empty.jsonl.gz", "")});
  REQUIRE(bad.rejections.size() == 5);
  INFO(bad.rejections[0].reason);
  CHECK(contains(bad.rejections[0].reason, "corrupt gzip data"));
  CHECK(contains(bad.rejections[1].reason, "truncated gzip data"));
  for (int i : {3, 4}) {
    INFO(bad.rejections[i].source);
    CHECK(bad.rejections[i].reason == "cannot read " + bad.rejections[i].source + ": not gzip data (no gzip header)");
  }
  const Rejection& cut = bad.rejections[2];
  CHECK(contains(cut.source, "cut.jsonl.gz"));
  CHECK(contains(cut.reason, "truncated gzip data"));
  CHECK(bad.docs.size() > 0);  // the lines before the cut are read
  CHECK(bad.docs.size() < 2000);
}

TEST_CASE("a path that does not exist is rejected with a reason naming it") {
  TempDir dir;
  const std::string missing = dir.str() + "/no_such_file.txt";
  const ReadResult r = read_all({missing, dir.write("ok.txt", "Present.")});
  REQUIRE(r.rejections.size() == 1);
  CHECK(r.rejections[0].source == missing);
  CHECK(contains(r.rejections[0].reason, missing));
  CHECK(contains(r.rejections[0].reason, "No such file or directory"));
  REQUIRE(r.docs.size() == 1);
  CHECK(r.stats.files == 1);
}

TEST_CASE("directories are walked recursively in sorted path order") {
  TempDir dir;
  dir.write("b.txt", "b");
  dir.write("a/z.txt", "a/z");
  dir.write("a.txt", "a");
  dir.write("A.txt", "A");
  dir.write("c/d/e.jsonl", "{\"id\":\"e1\",\"text\":\"e1\"}\n{\"id\":\"e2\",\"text\":\"e2\"}\n");
  dir.write("c/a.txt.gz.bak", "skipped");
  dir.write_gz("c/b.txt.gz", "c/b");
  dir.write("a/y/x.txt", "a/y/x");
  const ReadResult r = read_all({dir.str()});
  REQUIRE(r.rejections.empty());
  std::vector<std::string> texts;
  for (const Document& doc : r.docs) texts.push_back(doc.text);
  // Byte order of the full paths: "A.txt" < "a.txt" < "a/y/x.txt" < "a/z.txt" < "b.txt" < "c/..."
  const std::vector<std::string> expected = {"A", "a", "a/y/x", "a/z", "b", "c/b", "e1", "e2"};
  CHECK(texts == expected);
  CHECK(r.docs[0].source == (fs::path(dir.str()) / "A.txt").string());
  CHECK(r.stats.skipped == 1);
  CHECK(r.stats.files == 7);

  // The same tree read twice gives the same records.
  const ReadResult again = read_all({dir.str()});
  REQUIRE(again.docs.size() == r.docs.size());
  for (std::size_t i = 0; i < r.docs.size(); ++i) CHECK(again.docs[i].source == r.docs[i].source);
}

TEST_CASE("stdin: the path - reads JSONL from standard input") {
  TempDir dir;
  const std::string path = dir.write("in.jsonl", "{\"id\":\"s1\",\"text\":\"From stdin.\"}\n{\"text\":\"No id.\"}\n");
  const int saved = ::dup(STDIN_FILENO);
  REQUIRE(saved >= 0);
  FILE* in = std::fopen(path.c_str(), "rb");
  REQUIRE(in != nullptr);
  REQUIRE(::dup2(::fileno(in), STDIN_FILENO) >= 0);
  const ReadResult r = read_all({"-"});
  ::dup2(saved, STDIN_FILENO);
  ::close(saved);
  std::fclose(in);
  REQUIRE(r.rejections.empty());
  REQUIRE(r.docs.size() == 2);
  CHECK(r.docs[0].id == "s1");
  CHECK(r.docs[0].source == "-:1");
  CHECK(r.docs[1].id == "-:2");
}

TEST_CASE("sample corpus: every article reads, the reuse ground truth holds") {
  const fs::path sample = newsmine::testing::source_dir() / "corpus" / "sample";
  const ReadResult r = read_all({sample.string()});
  for (const Rejection& rejection : r.rejections) {
    INFO(rejection.source);
    CHECK(rejection.reason.empty());
  }
  CHECK(r.rejections.empty());
  REQUIRE(r.docs.size() == 15);  // 12 .txt articles and 3 JSONL records
  CHECK(r.stats.skipped == 1);   // README.md
  CHECK(r.stats.files == 13);
  std::map<std::string, Document> by_id;
  for (const Document& doc : r.docs) {
    CHECK_FALSE(doc.date.empty());
    by_id[doc.id] = doc;
  }
  REQUIRE(by_id.count("01_agt_gas_exports"));
  CHECK(by_id["01_agt_gas_exports"].date == "2021-11-12");
  CHECK(by_id["12_middle_corridor_forum"].date == "2022-04-14");
  const Document& wire = by_id["wire-001"];
  CHECK(wire.date == "2021-11-15");
  CHECK(contains(wire.text, "\xE2\x80\x94 Absheron"));  // \u2014
  CHECK(contains(wire.text, "T\xC3\xBCrkiye"));           // \u00fc

  // The passages listed in corpus/sample/README.md.
  auto span = [&](const std::string& id, std::size_t start, std::size_t end) {
    return by_id[id].text.substr(start, end - start);
  };
  const std::string about = span("01_agt_gas_exports", 1637, 2001);
  CHECK(about.rfind("About Absheron Gas Transport:", 0) == 0);
  CHECK(span("04_agt_compressor_maintenance", 1039, 1403) == about);
  CHECK(span("10_agt_compressor_tender", 1170, 1534) == about);
  CHECK(span("01_agt_gas_exports", 1040, 1257) == span("10_agt_compressor_tender", 767, 984));
  CHECK(contains(span("02_alat_terminal_opens", 251, 381), "more than 12,000 containers"));
  CHECK(contains(span("08_alat_first_month", 247, 371), "over 12,000 containers"));
  std::string rewrapped = span("11_manat_outlook", 261, 575);
  CHECK(contains(rewrapped, "\n"));
  std::replace(rewrapped.begin(), rewrapped.end(), '\n', ' ');
  CHECK(rewrapped == span("03_central_bank_rate", 196, 510));
}

TEST_CASE("seeds: five articles with dates from their headers") {
  if (!newsmine::testing::have_shared("seeds")) {
    SUCCEED("shared/seeds is absent; skipped");
    return;
  }
  const fs::path seeds = newsmine::testing::shared_dir() / "seeds";
  const ReadResult r = read_all({seeds.string()});
  CHECK(r.rejections.empty());
  REQUIRE(r.docs.size() == 5);
  CHECK(r.docs[0].id == "000_472165fa652a4c97");
  CHECK(r.docs[0].date.empty());
  CHECK(r.docs[1].id == "001_126efb9153f012d4");
  CHECK(r.docs[1].date == "2021-11-25");
  CHECK(r.docs[2].date == "2020-05-30");
  CHECK(r.docs[3].date == "2021-05-20");
  CHECK(r.docs[4].date == "2024-04-23");
  for (const Document& doc : r.docs) {
    CHECK(doc.text == read_file(doc.source));
  }
  CHECK(r.stats.bytes_read == r.stats.text_bytes);
}

namespace {

// One line per record: its source, id and text, or its source and reason.
std::string record_line(const newsmine::Record& record) {
  if (const auto* doc = std::get_if<newsmine::Document>(&record)) return "D " + doc->source + " " + doc->id + " " + doc->text;
  const auto& rejection = std::get<newsmine::Rejection>(record);
  return "R " + rejection.source + " " + rejection.reason;
}

// What a reader produced, one line per record.
std::vector<std::string> record_lines(newsmine::CorpusReader& reader) {
  std::vector<std::string> lines;
  while (auto record = reader.next()) lines.push_back(record_line(*record));
  return lines;
}

std::vector<std::string> record_lines(const std::vector<std::string>& paths, newsmine::ReaderOptions options) {
  newsmine::CorpusReader reader(paths, options);
  return record_lines(reader);
}

}  // namespace

TEST_CASE("record window: every split of the records gives the whole read, in order") {
  using newsmine::testing::ScratchDir;
  using newsmine::testing::write_file;
  ScratchDir dir("record_window");
  std::filesystem::create_directories(dir / "d");
  write_file(dir / "d/a.txt", "date 2024-01-02 First article.\n");
  write_file(dir / "d/b.jsonl",
             "{\"id\":\"b1\",\"text\":\"One.\"}\n\n   \n{not json\n{\"id\":\"b2\",\"text\":\"Two.\"}\n{\"text\":7}\n");
  write_file(dir / "d/c.bin", "skipped, not a record");
  write_file(dir / "d/e.txt", "");  // rejected: empty
  write_file(dir / "f.jsonl", "{\"id\":\"f1\",\"text\":\"Three.\"}");
  const std::vector<std::string> paths = {(dir / "d").string(), (dir / "missing.jsonl").string(),
                                          (dir / "f.jsonl").string(), (dir / "d/c.bin").string()};
  const std::vector<std::string> whole = record_lines(paths, {});
  REQUIRE(whole.size() == 9);  // a.txt, 4 JSONL records, e.txt, missing, f1, named c.bin
  const newsmine::ReaderStats counted = newsmine::count_records(paths, {});
  CHECK(counted.outside == whole.size());
  CHECK(counted.records == 0);
  CHECK(counted.skipped == 1);
  for (std::uint64_t split = 0; split <= whole.size(); ++split) {
    for (std::uint64_t end = split; end <= whole.size(); ++end) {
      newsmine::ReaderOptions window;
      window.first_record = split;
      window.end_record = end;
      const std::vector<std::string> part = record_lines(paths, window);
      INFO("window [" << split << ", " << end << ")");
      CHECK(part == std::vector<std::string>(whole.begin() + static_cast<std::ptrdiff_t>(split),
                                             whole.begin() + static_cast<std::ptrdiff_t>(end)));
    }
  }
}

namespace {

// The records of the byte shares [0, cuts[0]), [cuts[0], cuts[1]), ... [last, end)
// read one after another, each numbered from its edges as a distributed run does.
std::vector<std::string> share_lines(const std::vector<std::string>& paths, const std::vector<std::uint64_t>& cuts,
                                     newsmine::ReaderStats& stats) {
  std::vector<newsmine::ReaderOptions> shares(cuts.size() + 1);
  std::vector<newsmine::ShareEdges> edges;
  for (std::size_t s = 0; s < shares.size(); ++s) {
    shares[s].first_byte = s == 0 ? 0 : cuts[s - 1];
    shares[s].end_byte = s == cuts.size() ? UINT64_MAX : cuts[s];
    const newsmine::ShareEdges mine = newsmine::count_share_edges(paths, shares[s]);
    shares[s].first_byte_lines = newsmine::lines_before_share(mine, edges);
    edges.push_back(mine);
  }
  std::vector<std::string> lines;
  stats = {};
  for (const newsmine::ReaderOptions& share : shares) {
    newsmine::CorpusReader reader(paths, share);
    for (std::string& line : record_lines(reader)) lines.push_back(std::move(line));
    stats.files += reader.stats().files;
    stats.skipped += reader.stats().skipped;
    stats.bytes_read += reader.stats().bytes_read;
  }
  return lines;
}

}  // namespace

TEST_CASE("byte shares: every cut of the input bytes gives the whole read, in order, with its line numbers") {
  using newsmine::testing::ScratchDir;
  using newsmine::testing::write_file;
  ScratchDir dir("byte_shares");
  std::filesystem::create_directories(dir / "d");
  write_file(dir / "d/a.txt", "date 2024-01-02 First article.\n");
  write_file(dir / "d/b.jsonl",
             "{\"id\":\"b1\",\"text\":\"One.\"}\n\n   \n{not json\n{\"text\":\"No id: its source names the line.\"}\r\n"
             "{\"id\":\"b2\",\"text\":\"Two.\"}\n{\"text\":7}\n");
  write_file(dir / "d/c.bin", "skipped, not a record");
  write_file(dir / "d/e.txt", "");  // rejected: empty
  write_file(dir / "d/g.jsonl", "");
  write_file(dir / "f.jsonl", "{\"id\":\"f1\",\"text\":\"Three.\"}\n\n{\"text\":\"Four, the last line, without a newline.\"}");
  const std::vector<std::string> paths = {(dir / "d").string(), (dir / "missing.jsonl").string(),
                                          (dir / "f.jsonl").string(), (dir / "d/c.bin").string()};
  newsmine::CorpusReader reader(paths, {});
  const std::vector<std::string> whole = record_lines(reader);
  REQUIRE(whole.size() == 11);  // a.txt, 5 in b.jsonl, e.txt, missing, 2 in f.jsonl, named c.bin
  const std::uint64_t bytes = newsmine::input_bytes(paths, {});
  CHECK(bytes == reader.stats().bytes_read + std::filesystem::file_size(dir / "d/c.bin") * 2);  // c.bin listed and named
  newsmine::ReaderStats stats;
  for (std::uint64_t cut = 0; cut <= bytes + 1; ++cut) {
    INFO("shares cut at " << cut);
    CHECK(share_lines(paths, {cut}, stats) == whole);
    CHECK(stats.files == reader.stats().files);
    CHECK(stats.skipped == reader.stats().skipped);
    CHECK(stats.bytes_read == reader.stats().bytes_read);
  }
  for (std::uint64_t first = 0; first <= bytes; first += 3) {
    for (std::uint64_t second = first; second <= bytes; second += 5) {
      INFO("shares cut at " << first << " and " << second);
      CHECK(share_lines(paths, {first, second}, stats) == whole);
    }
  }
}
