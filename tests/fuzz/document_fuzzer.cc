// libFuzzer target: arbitrary bytes as an article, through every per-article
// stage and the documents.jsonl writer.
//
// Input is prepared as the reader prepares it (invalid UTF-8 read as spaces);
// what the reader would reject (NUL bytes, empty, mostly invalid) is skipped,
// as the reader never passes it on. For the rest, the fuzzer checks what
// users rely on: every token, sentence and mention lies inside the text on
// UTF-8 boundaries, mentions of a kind are sorted and do not overlap, and the
// document line is valid JSON whose span texts equal the article bytes.
//
//   build and run: tests/sanitize.sh --fuzz-only SECONDS (all targets), or
//   build-sanitize/tests/fuzz/document_fuzzer -max_total_time=60 corpus/sample
#include <simdjson.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

#include "corpus/text_checks.h"
#include "pipeline/analyzer.h"
#include "pipeline/output_records.h"

namespace {

using namespace newsmine;

// A finding: says which check failed, and libFuzzer saves the input.
#define require(condition) \
  ((condition) ? void() : fail(#condition, __LINE__))

[[noreturn]] void fail(const char* check, int line) {
  std::fprintf(stderr, "document_fuzzer.cc:%d: check failed: %s\n", line, check);
  std::abort();
}

bool on_boundary(std::string_view text, std::uint32_t offset) {
  return offset == text.size() || (static_cast<unsigned char>(text[offset]) & 0xC0) != 0x80;
}

template <typename Mentions>
void check_spans(std::string_view text, const Mentions& mentions) {
  std::uint32_t previous_end = 0;
  for (const auto& m : mentions) {
    require(m.start < m.end && m.end <= text.size());
    require(on_boundary(text, m.start) && on_boundary(text, m.end));
    require(m.start >= previous_end);
    previous_end = m.end;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::unique_ptr<const Analyzer> analyzer = [] {
    std::unique_ptr<const Analyzer> loaded;
    require(Analyzer::load(ModelData::embedded(), loaded).ok());
    return loaded;
  }();
  static Tokenizer tokenizer;

  Document document{"fuzz", "fuzz", "2021-05-20", std::string(reinterpret_cast<const char*>(data), size)};
  if (corpus_internal::prepare_text(document.text, 1 << 20, document.invalid_utf8_bytes)) return 0;
  const std::string text = document.text;
  const DocumentAnalysis analysis = analyzer->analyze(std::move(document), tokenizer);

  check_spans(text, analysis.tokens.tokens);
  check_spans(text, analysis.tokens.sentences);
  check_spans(text, analysis.dates);
  check_spans(text, analysis.numbers);
  check_spans(text, analysis.entities);

  std::string line;
  append_document_line(analysis, line);
  static simdjson::dom::parser parser;
  simdjson::dom::element parsed;
  require(parser.parse(line).get(parsed) == simdjson::SUCCESS);
  for (const char* field : {"dates", "numbers", "entities"})
    for (simdjson::dom::element span : parsed[field].get_array()) {
      const std::uint64_t start = span["start"], end = span["end"];
      require(std::string_view(span["text"]) == std::string_view(text).substr(start, end - start));
    }
  return 0;
}
