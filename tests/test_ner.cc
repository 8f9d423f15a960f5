// Tests of the entity sequence labeller's parts: BILOU tags, Viterbi, the
// model file (round trip and every kind of damage reported as a Status), and
// the averaged perceptron learning a small made-up corpus deterministically.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "models/entities.h"
#include "models/model_data.h"
#include "models/ner_model.h"
#include "models/ner_tags.h"
#include "models/ner_trainer.h"
#include "tokenizers/tokenizer.h"

namespace newsmine {
namespace {

const EntityExtractor& rules_extractor() {
  static const std::unique_ptr<const EntityExtractor> entities = [] {
    EntityExtractorOptions options;
    options.use_model = false;
    std::unique_ptr<const EntityExtractor> loaded;
    const Status status = EntityExtractor::load(ModelData::embedded(), options, loaded);
    if (!status.ok()) FAIL(status.message());
    return loaded;
  }();
  return *entities;
}

std::string shipped_model_bytes() {
  std::string bytes;
  REQUIRE(ModelData::embedded().read(kNerModelFile, bytes).ok());
  return bytes;
}

// The tags a model gives the tokens of `text`, as "word/TAG" pairs.
std::string tag_text(const EntityExtractor& extractor, const NerModel& model, const std::string& text) {
  Tokenizer tokenizer;
  TokenizedText tokens;
  tokenizer.tokenize(text, tokens);
  NerFeatures features;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> sequences;
  extractor.ner_features(text, tokens, features, sequences);
  NerScratch scratch;
  std::vector<NerTag> tags;
  std::string out;
  for (const auto& [first, end] : sequences) {
    model.decode(features, first, end, scratch, tags);
    for (std::uint32_t t = first; t < end; ++t) {
      const Token& token = tokens.tokens[t];
      out += std::string(span_text(text, token.start, token.end)) + "/" + ner_tag_name(tags[t - first]) + " ";
    }
  }
  return out;
}

}  // namespace

TEST_CASE("BILOU tags round-trip spans, one-token names as U", "[ner]") {
  const std::vector<NerSpan> spans = {{1, 3, EntityLabel::person}, {4, 5, EntityLabel::loc}, {5, 8, EntityLabel::org}};
  std::vector<NerTag> tags(9);
  tags_from_spans(spans, 0, tags);
  CHECK(std::string(ner_tag_name(tags[0])) == "O");
  CHECK(std::string(ner_tag_name(tags[1])) == "B-PERSON");
  CHECK(std::string(ner_tag_name(tags[2])) == "L-PERSON");
  CHECK(std::string(ner_tag_name(tags[4])) == "U-LOC");
  CHECK(std::string(ner_tag_name(tags[6])) == "I-ORG");
  std::vector<NerSpan> back;
  spans_from_tags(tags, 10, back);
  REQUIRE(back.size() == 3);
  CHECK(back[0].first == 11);
  CHECK(back[0].end == 13);
  CHECK(back[2].first == 15);
  CHECK(back[2].end == 18);
  CHECK(back[2].label == EntityLabel::org);
}

TEST_CASE("Viterbi decodes only well-formed tag sequences, whatever the scores", "[ner]") {
  std::mt19937_64 random(7);
  std::uniform_real_distribution<float> score(-5, 5);
  NerTransitions transitions;
  for (int p = 0; p <= kNerTagCount; ++p)
    for (int t = 0; t < kNerTagCount; ++t) transitions(p, t) = score(random);
  NerScratch scratch;
  for (int trial = 0; trial < 200; ++trial) {
    const int n = 1 + trial % 9;
    NerScores scores(n, kNerTagCount);
    for (int i = 0; i < n; ++i)
      for (int t = 0; t < kNerTagCount; ++t) scores(i, t) = score(random);
    std::vector<NerTag> tags(n);
    ner_viterbi(scores, transitions, scratch, tags);
    CHECK(ner_start_allowed(tags[0]));
    CHECK(ner_end_allowed(tags.back()));
    for (int i = 1; i < n; ++i) CHECK(ner_transition_allowed(tags[i - 1], tags[i]));
    // Tokens ruled outside are O, and the rest stays well formed.
    std::vector<std::uint8_t> outside(n);
    for (int i = 0; i < n; ++i) outside[i] = random() % 3 == 0;
    ner_viterbi(scores, transitions, scratch, tags, outside.data());
    CHECK(ner_start_allowed(tags[0]));
    CHECK(ner_end_allowed(tags.back()));
    for (int i = 0; i < n; ++i) {
      if (outside[i]) CHECK(tags[i] == kOutside);
      if (i > 0) CHECK(ner_transition_allowed(tags[i - 1], tags[i]));
    }
  }
}

TEST_CASE("Viterbi finds the best sequence: brute force on short inputs", "[ner]") {
  std::mt19937_64 random(11);
  std::uniform_real_distribution<float> score(-3, 3);
  NerTransitions transitions;
  for (int p = 0; p <= kNerTagCount; ++p)
    for (int t = 0; t < kNerTagCount; ++t) transitions(p, t) = score(random);
  NerScratch scratch;
  for (int trial = 0; trial < 20; ++trial) {
    const int n = 3;
    NerScores scores(n, kNerTagCount);
    for (int i = 0; i < n; ++i)
      for (int t = 0; t < kNerTagCount; ++t) scores(i, t) = score(random);
    std::vector<NerTag> tags(n);
    ner_viterbi(scores, transitions, scratch, tags);
    auto total = [&](const std::vector<NerTag>& s) {
      float sum = transitions(kNerTagCount, s[0]) + scores(0, s[0]);
      for (int i = 1; i < n; ++i) sum += transitions(s[i - 1], s[i]) + scores(i, s[i]);
      return sum;
    };
    float best = -1e30f;
    for (int a = 0; a < kNerTagCount; ++a)
      for (int b = 0; b < kNerTagCount; ++b)
        for (int c = 0; c < kNerTagCount; ++c) {
          const std::vector<NerTag> s = {NerTag(a), NerTag(b), NerTag(c)};
          if (!ner_start_allowed(s[0]) || !ner_transition_allowed(s[0], s[1]) || !ner_transition_allowed(s[1], s[2]) ||
              !ner_end_allowed(s[2]))
            continue;
          best = std::max(best, total(s));
        }
    CHECK(total(tags) == Approx(best).epsilon(1e-5));
  }
}

TEST_CASE("the shipped model parses, and writing it again gives the same bytes", "[ner]") {
  const std::string bytes = shipped_model_bytes();
  NerModel model;
  const Status status = NerModel::parse(kNerModelFile, bytes, model);
  INFO(status.message());
  REQUIRE(status.ok());
  CHECK(model.feature_count() > 10000);
  CHECK(bytes.size() < 4u << 20);  // compact: a few MB at most
  // The header comment line is the only thing serialize() takes from outside.
  const std::size_t comment = bytes.find("\n# trained by");
  REQUIRE(comment != std::string::npos);
  const std::size_t comment_end = bytes.find('\n', comment + 1);
  const bool same = model.serialize(bytes.substr(comment + 3, comment_end - comment - 3)) == bytes;
  CHECK(same);
}

TEST_CASE("a damaged model file is a Status naming the file and the reason", "[ner]") {
  const std::string bytes = shipped_model_bytes();
  NerModel model;
  auto message = [&](const std::string& damaged) {
    const Status status = NerModel::parse("ner/damaged.model", damaged, model);
    CHECK_FALSE(status.ok());
    CHECK(status.message().find("ner/damaged.model") != std::string::npos);
    return status.message();
  };
  CHECK_THAT(message(bytes.substr(0, bytes.size() - 3)), Catch::Contains("truncated"));
  CHECK_THAT(message(bytes + "xyz"), Catch::Contains("trailing bytes"));
  CHECK_THAT(message(bytes.substr(0, bytes.find("data\n"))), Catch::Contains("no \"data\" line"));
  std::string other_version = bytes;
  other_version.replace(other_version.find("# version: 1"), 12, "# version: 9");
  CHECK_THAT(message(other_version), Catch::Contains("unsupported version: 9"));
  std::string other_features = bytes;
  other_features.replace(other_features.find("feature_version 1"), 17, "feature_version 0");
  CHECK_THAT(message(other_features), Catch::Contains("retrain"));
  std::string other_tags = bytes;
  other_tags.replace(other_tags.find("tags 17"), 7, "tags 09");
  CHECK_THAT(message(other_tags), Catch::Contains("tags"));
}

TEST_CASE("a broken model file in a --models directory fails loading with its name", "[ner]") {
  const std::filesystem::path dir = std::filesystem::temp_directory_path() / "newsmine_test_ner_models";
  std::filesystem::create_directories(dir / "ner");
  {
    std::ofstream out(dir / "ner" / "conll2003.model", std::ios::binary);
    out << "# a model\n# version: 1\nfeature_version 1\ntags 17\nfeatures 5\nscale 1\ndata\n";
  }
  std::unique_ptr<const EntityExtractor> loaded;
  const Status status = EntityExtractor::load(ModelData::with_override(dir.string()), loaded);
  CHECK_FALSE(status.ok());
  CHECK_THAT(status.message(), Catch::Contains("ner/conll2003.model") && Catch::Contains("truncated"));
  std::filesystem::remove_all(dir);
}

TEST_CASE("the perceptron learns a small corpus, the same way every time", "[ner]") {
  struct Example {
    std::string text;
    std::vector<std::pair<std::string, EntityLabel>> names;
  };
  const std::vector<Example> examples = {
      {"Zorbek Quillan visited Marvale on Monday.", {{"Zorbek Quillan", EntityLabel::person}, {"Marvale", EntityLabel::loc}}},
      {"Officials in Marvale met Zorbek Quillan.", {{"Marvale", EntityLabel::loc}, {"Zorbek Quillan", EntityLabel::person}}},
      {"Trelco Industries opened a plant in Dunmoor.", {{"Trelco Industries", EntityLabel::org}, {"Dunmoor", EntityLabel::loc}}},
      {"Analysts said Trelco Industries would grow.", {{"Trelco Industries", EntityLabel::org}}},
      {"The weather was fine and the talks went on.", {}},
  };
  Tokenizer tokenizer;
  TokenizedText tokens;
  std::vector<NerTrainingDocument> documents(examples.size());
  for (std::size_t d = 0; d < examples.size(); ++d) {
    const std::string& text = examples[d].text;
    tokenizer.tokenize(text, tokens);
    rules_extractor().ner_features(text, tokens, documents[d].features, documents[d].sequences);
    std::vector<NerSpan> spans;
    for (const auto& [surface, label] : examples[d].names) {
      const std::size_t start = text.find(surface), end = start + surface.size();
      NerSpan span{0, 0, label};
      for (std::uint32_t t = 0; t < tokens.tokens.size(); ++t) {
        if (tokens.tokens[t].start == start) span.first = t;
        if (tokens.tokens[t].end == end) span.end = t + 1;
      }
      spans.push_back(span);
    }
    documents[d].gold.assign(tokens.tokens.size(), kOutside);
    tags_from_spans(spans, 0, documents[d].gold);
  }
  auto train = [&] {
    NerTrainer trainer(documents, NerTrainerOptions());
    std::size_t mistakes = 0;
    for (int epoch = 0; epoch < 8; ++epoch) mistakes = trainer.run_epoch();
    CHECK(mistakes == 0);
    return trainer.averaged();
  };
  const NerModel first = train();
  const NerModel second = train();
  const bool same = first.serialize("") == second.serialize("");
  CHECK(same);
  CHECK(tag_text(rules_extractor(), first, examples[0].text) ==
        "Zorbek/B-PERSON Quillan/L-PERSON visited/O Marvale/U-LOC on/O Monday/O ./O ");
  CHECK(tag_text(rules_extractor(), first, examples[2].text) ==
        "Trelco/B-ORG Industries/L-ORG opened/O a/O plant/O in/O Dunmoor/U-LOC ./O ");
}

}  // namespace newsmine
