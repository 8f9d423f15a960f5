// Pipeline pieces: JSON output, document lines, streaming order and rejections.
#include <catch2/catch.hpp>
#include <simdjson.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "pipeline/commands.h"
#include "pipeline/json_writer.h"
#include "pipeline/output_records.h"
#include "pipeline/shard_records.h"
#include "pipeline/train_ner.h"
#include "tests/test_support.h"

using namespace newsmine;

namespace {

simdjson::dom::element parse(simdjson::dom::parser& parser, const std::string& json) {
  return parser.parse(json);
}

}  // namespace

TEST_CASE("JSON numbers too large for an integer are written so every parser reads them") {
  // "666666666666666666666" in an article is a cardinal of 6.7e20: as a
  // plain integer literal it would not fit 64 bits, and simdjson refuses it.
  for (const double value : {666666666666666666666.0, -1.5e300, 1e15, 123456789012345678.0}) {
    std::string out;
    JsonWriter json(out);
    json.begin_object();
    json.key("value");
    json.number(value);
    json.end_object();
    INFO(out);
    simdjson::dom::parser parser;
    simdjson::dom::element doc;
    REQUIRE(parser.parse(out).get(doc) == simdjson::SUCCESS);
    CHECK(double(doc["value"]) == value);
  }
}

TEST_CASE("JSON strings escape quotes, control characters and keep UTF-8") {
  const std::string tricky = "“Quoted” \"plain\" back\\slash\ttab\nnewline \x01 Azərbaycan Москва";
  std::string out;
  JsonWriter json(out);
  json.begin_object();
  json.key("text");
  json.string(tricky);
  json.key("n");
  json.number(2.6e9);
  json.key("x");
  json.number(0.125);
  json.key("none");
  json.string_or_null("");
  json.key("list");
  json.begin_array();
  json.integer(1);
  json.integer(-2);
  json.end_array();
  json.end_object();
  CHECK(out.find("2600000000") != std::string::npos);  // no exponent for integral values
  simdjson::dom::parser parser;
  auto doc = parse(parser, out);
  CHECK(std::string_view(doc["text"]) == tricky);
  CHECK(double(doc["n"]) == 2.6e9);
  CHECK(double(doc["x"]) == 0.125);
  CHECK(doc["none"].is_null());
  CHECK(int64_t(doc["list"].at(1)) == -2);
}

TEST_CASE("Document lines carry spans whose text equals the article bytes") {
  std::unique_ptr<const Analyzer> analyzer;
  REQUIRE(Analyzer::load(ModelData::embedded(), analyzer).ok());
  Tokenizer tokenizer;
  Document document{"d1", "d1.txt", "2021-05-20",
                    "BAKU, Azerbaijan, May 20. Prime Minister Ali Asadov met Mikhail Mishustin.\n\n"
                    "The turnover reached $680 million, up 3.5 percent, Asadov said."};
  const std::string text = document.text;
  DocumentAnalysis analysis = analyzer->analyze(std::move(document), tokenizer);
  std::string line;
  append_document_line(analysis, line);
  REQUIRE(line.back() == '\n');
  simdjson::dom::parser parser;
  auto doc = parse(parser, line);
  CHECK(std::string_view(doc["id"]) == "d1");
  CHECK(std::string_view(doc["date"]) == "2021-05-20");
  CHECK(uint64_t(doc["bytes"]) == text.size());
  std::size_t spans = 0;
  for (const char* field : {"dates", "numbers", "entities"}) {
    for (auto span : doc[field].get_array()) {
      const uint64_t start = span["start"], end = span["end"];
      CHECK(std::string_view(span["text"]) == text.substr(start, end - start));
      ++spans;
    }
  }
  CHECK(spans >= 4);
  bool money = false;
  for (auto number : doc["numbers"].get_array())
    if (std::string_view(number["kind"]) == "money") money = double(number["value"]) == 6.8e8 && std::string_view(number["unit"]) == "USD";
  CHECK(money);
}

TEST_CASE("extract keeps input order and reports bad records without stopping") {
  const testing::ScratchDir dir("pipeline_extract");
  std::ofstream(dir / "a.jsonl") << R"({"id":"first","text":"Moscow, May 20. Trade grew 27%.","date":"2021-05-20"})" "\n"
                                 << "{not json}\n"
                                 << R"({"id":"third","text":"Baku hosted the forum on April 11."})" "\n";
  ExtractOptions options;
  options.paths = {(dir / "a.jsonl").string()};
  options.stream.threads = 2;
  std::ostringstream out, errors;
  REQUIRE(extract_command(options, out, errors).ok());
  const std::string lines = out.str();
  CHECK(lines.find("\"first\"") < lines.find("\"third\""));
  CHECK(errors.str().find("a.jsonl:2") != std::string::npos);
}

TEST_CASE("tokenize prints start, end, kind, text and key per token") {
  const testing::ScratchDir dir("pipeline_tokenize");
  std::ofstream(dir / "t.txt") << "Azərbaycan’s GDP rose 3.5%.";
  std::ostringstream out;
  REQUIRE(tokenize_command((dir / "t.txt").string(), out).ok());
  CHECK(out.str().rfind("0\t15\tword\tAzərbaycan’s\tazərbaycan's\n", 0) == 0);
  CHECK(out.str().find("\tnumber\t3.5\t3.5\n") != std::string::npos);
  CHECK_FALSE(tokenize_command((dir / "missing.txt").string(), out).ok());
}

TEST_CASE("train-ner trains on a CoNLL file, reports every epoch and writes a model that loads", "[pipeline][ner]") {
  const std::filesystem::path dir = std::filesystem::temp_directory_path() / "newsmine_test_train_ner";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const std::string conll =
      "-DOCSTART- -X- O O\n\n"
      "Zorbek NNP I-NP I-PER\nQuillan NNP I-NP I-PER\nvisited VBD I-VP O\nMarvale NNP I-NP I-LOC\n. . O O\n\n"
      "Trelco NNP I-NP I-ORG\nIndustries NNPS I-NP I-ORG\nopened VBD I-VP O\nin IN I-PP O\nDunmoor NNP I-NP I-LOC\n"
      ". . O O\n\n"
      "-DOCSTART- -X- O O\n\n"
      "Officials NNS I-NP O\nin IN I-PP O\nMarvale NNP I-NP I-LOC\nmet VBD I-VP O\nZorbek NNP I-NP I-PER\n"
      "Quillan NNP I-NP I-PER\n. . O O\n";
  std::ofstream(dir / "train.conll") << conll;
  TrainNerOptions options;
  options.train_file = (dir / "train.conll").string();
  options.dev_file = options.train_file;
  options.out_file = (dir / "ner" / "conll2003.model").string();
  options.epochs = 4;
  std::ostringstream log;
  const Status status = train_ner_command(options, log);
  INFO(status.message() << "\n" << log.str());
  REQUIRE(status.ok());
  CHECK(log.str().find("epoch 4:") != std::string::npos);
  CHECK(log.str().find("written model") != std::string::npos);
  const std::string bytes = testing::read_file(options.out_file);
  NerModel model;
  CHECK(NerModel::parse(options.out_file, bytes, model).ok());

  options.train_file = (dir / "missing.conll").string();
  const Status missing = train_ner_command(options, log);
  CHECK_FALSE(missing.ok());
  CHECK(missing.message().find("missing.conll") != std::string::npos);
  std::filesystem::remove_all(dir);
}

TEST_CASE("a shard record comes back from its frame and from a spill file as it went in") {
  std::unique_ptr<const Analyzer> analyzer;
  REQUIRE(Analyzer::load(ModelData::embedded(), analyzer).ok());
  Tokenizer tokenizer;
  Document document{"d7", "wire.jsonl:7", "2021-05-20",
                    "BAKU, May 20. Prime Minister Ali Asadov met Mikhail Mishustin on Thursday.\n"
                    "The turnover reached $680 million, up 3.5 percent, Asadov said."};
  DocumentAnalysis analysis = analyzer->analyze(std::move(document), tokenizer);
  REQUIRE(!analysis.entities.empty());
  REQUIRE(!analysis.dates.empty());
  std::string whole_line;
  append_document_line(analysis, whole_line);

  ShardRecord record;
  append_document_head(analysis, record.line);
  std::string completed = record.line;
  append_document_entities(analysis.document.text, analysis.entities, completed);
  CHECK(completed == whole_line);  // head + entities is the one-process line
  record.tokens = analysis.tokens.tokens.size();
  record.sentences = analysis.tokens.sentences.size();
  record.numbers = analysis.numbers.size();
  record.dates = analysis.dates.size();
  record.entities = analysis.entities.size();
  record.text_bytes = analysis.document.text.size();
  record.analysis = analysis;
  ShardRecord rejection{.rejected = true, .line = "{\"source\":\"x:2\",\"reason\":\"malformed JSON\"}\n"};

  const auto check_same = [&](const ShardRecord& back) {
    CHECK(back.line == record.line);
    CHECK(back.tokens == record.tokens);
    CHECK(back.sentences == record.sentences);
    CHECK(back.numbers == record.numbers);
    CHECK(back.dates == record.dates);
    CHECK(back.entities == record.entities);
    CHECK(back.text_bytes == record.text_bytes);
    const DocumentAnalysis& a = back.analysis;
    CHECK(a.document.id == "d7");
    CHECK(a.document.source == "wire.jsonl:7");
    CHECK(a.document.date == "2021-05-20");
    CHECK(a.document.text == analysis.document.text);
    REQUIRE(a.dates.size() == analysis.dates.size());
    for (std::size_t i = 0; i < a.dates.size(); ++i) {
      CHECK(a.dates[i].start == analysis.dates[i].start);
      CHECK(a.dates[i].value == analysis.dates[i].value);
      CHECK(a.dates[i].kind == analysis.dates[i].kind);
    }
    REQUIRE(a.entities.size() == analysis.entities.size());
    for (std::size_t i = 0; i < a.entities.size(); ++i) {
      CHECK(a.entities[i].end == analysis.entities[i].end);
      CHECK(a.entities[i].label == analysis.entities[i].label);
      CHECK(a.entities[i].canonical == analysis.entities[i].canonical);
    }
    CHECK(a.terms.counts == analysis.terms.counts);
    CHECK(a.passages.terms == analysis.passages.terms);
    CHECK(a.passages.phrase_ends == analysis.passages.phrase_ends);
    REQUIRE(a.passages.sentences.size() == analysis.passages.sentences.size());
    CHECK(a.passages.sentences.back().end == analysis.passages.sentences.back().end);
  };

  std::string frames;
  append_frame(record, frames);
  append_frame(rejection, frames);
  std::vector<std::string_view> split;
  REQUIRE(split_frames(frames, split));
  REQUIRE(split.size() == 2);
  ShardRecord back;
  REQUIRE(unpack_shard_record(split[0], back));
  check_same(back);
  REQUIRE(unpack_shard_record(split[1], back));
  CHECK(back.rejected);
  CHECK(back.line == rejection.line);
  CHECK_FALSE(split_frames(std::string_view(frames).substr(0, frames.size() - 1), split));
  CHECK_FALSE(unpack_shard_record(split.empty() ? std::string_view() : std::string_view(frames).substr(8, 20), back));

  newsmine::testing::ScratchDir dir("shard_spill");
  std::string frame;
  {
    FrameSpill spill;
    REQUIRE(spill.open(dir / "spill.tmp").ok());
    REQUIRE(spill.append(record).ok());
    REQUIRE(spill.append(rejection).ok());
    REQUIRE(spill.rewind().ok());
    REQUIRE(spill.next(frame));
    REQUIRE(unpack_shard_record(frame, back));
    check_same(back);
    REQUIRE(spill.next(frame));
    REQUIRE(unpack_shard_record(frame, back));
    CHECK(back.rejected);
    CHECK_FALSE(spill.next(frame));
    CHECK(spill.status().ok());
  }
  CHECK_FALSE(std::filesystem::exists(dir / "spill.tmp"));  // removed with the spill
}
