#include "pipeline/train_ner.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <optional>
#include <sstream>

#include "models/ner_trainer.h"

namespace newsmine {
namespace {

std::optional<EntityLabel> label_of(std::string_view conll) {
  if (conll == "PER") return EntityLabel::person;
  if (conll == "ORG") return EntityLabel::org;
  if (conll == "LOC") return EntityLabel::loc;
  if (conll == "MISC") return EntityLabel::misc;
  return std::nullopt;
}

// Gold names of a CoNLL document as spans of the tokenizer's tokens: the
// tokens starting inside the bytes of the name's CoNLL tokens (a token may run
// on past the name by a possessive: "Clinton's").
std::vector<NerSpan> gold_spans(const testing::ConllDocument& doc, const TokenizedText& tokens) {
  std::vector<NerSpan> spans;
  for (const testing::ConllEntity& e : doc.gold) {
    const std::optional<EntityLabel> label = label_of(e.type);
    if (!label || e.end_token <= e.first_token) continue;
    const std::uint32_t start = doc.token_bytes[e.first_token].first;
    const std::uint32_t end = doc.token_bytes[e.end_token - 1].second;
    auto first = std::lower_bound(tokens.tokens.begin(), tokens.tokens.end(), start,
                                  [](const Token& t, std::uint32_t s) { return t.start < s; });
    auto last = first;
    while (last != tokens.tokens.end() && last->start < end) ++last;
    if (last == first) continue;
    spans.push_back({static_cast<std::uint32_t>(first - tokens.tokens.begin()),
                     static_cast<std::uint32_t>(last - tokens.tokens.begin()), *label});
  }
  return spans;
}

void print_score(std::ostream& log, const std::string& what, const testing::ConllScore& score) {
  const testing::ConllCounts total = score.total();
  log << what << std::fixed << std::setprecision(4) << " P " << total.precision() << " R " << total.recall() << " F1 "
      << total.f1();
  for (const auto& [type, c] : score.by_type()) log << "  " << type << " " << c.f1();
  log << '\n';
}

}  // namespace

Status read_conll_file(const std::string& path, std::vector<testing::ConllDocument>& out) {
  std::ifstream file(path, std::ios::binary);
  if (!file) return Status::error("cannot open CoNLL file (" + path + ")");
  std::ostringstream bytes;
  bytes << file.rdbuf();
  out = testing::read_conll(bytes.str());
  if (out.empty()) return Status::error("no sentences in CoNLL file (" + path + ")");
  return {};
}

std::string conll_type(EntityLabel label) {
  return label == EntityLabel::person ? std::string("PER") : std::string(to_string(label));
}

testing::ConllScore score_conll(const EntityExtractor& extractor, std::span<const testing::ConllDocument> documents,
                                Tokenizer& tokenizer, std::size_t* token_count) {
  testing::ConllScore score;
  TokenizedText tokens;
  for (const testing::ConllDocument& doc : documents) {
    tokenizer.tokenize(doc.text, tokens);
    if (token_count) *token_count += tokens.tokens.size();
    std::vector<testing::ConllEntity> predicted;
    for (const EntityMention& m : extractor.extract(doc.text, tokens)) {
      testing::ConllEntity entity = testing::conll_tokens_of(doc, m.start, m.end, conll_type(m.label));
      if (entity.end_token > entity.first_token) predicted.push_back(std::move(entity));
    }
    score.add(doc, std::move(predicted));
  }
  return score;
}

Status train_ner_command(const TrainNerOptions& options, std::ostream& log) {
  std::vector<testing::ConllDocument> train, dev;
  if (Status s = read_conll_file(options.train_file, train); !s.ok()) return s;
  if (Status s = read_conll_file(options.dev_file, dev); !s.ok()) return s;

  EntityExtractorOptions rules_only;
  rules_only.use_model = false;
  std::unique_ptr<const EntityExtractor> base;
  const ModelData data = options.models_dir.empty() ? ModelData::embedded() : ModelData::with_override(options.models_dir);
  if (Status s = EntityExtractor::load(data, rules_only, base); !s.ok()) return s;

  Tokenizer tokenizer;
  TokenizedText tokens;
  std::vector<NerTrainingDocument> documents(train.size());
  std::size_t token_count = 0;
  for (std::size_t d = 0; d < train.size(); ++d) {
    tokenizer.tokenize(train[d].text, tokens);
    NerTrainingDocument& doc = documents[d];
    base->ner_features(train[d].text, tokens, doc.features, doc.sequences);
    doc.gold.assign(tokens.tokens.size(), kOutside);
    tags_from_spans(gold_spans(train[d], tokens), 0, doc.gold);
    token_count += tokens.tokens.size();
  }
  log << "train-ner: " << train.size() << " training documents, " << token_count << " tokens; dev "
      << dev.size() << " documents\n";

  NerTrainerOptions trainer_options;
  trainer_options.seed = options.seed;
  NerTrainer trainer(documents, trainer_options);
  std::shared_ptr<const NerModel> best;
  double best_f1 = -1;
  int best_epoch = 0;
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    const std::size_t mistakes = trainer.run_epoch();
    auto model = std::make_shared<const NerModel>(trainer.averaged());
    const testing::ConllScore score = score_conll(*base->with_model(model), dev, tokenizer);
    print_score(log, "epoch " + std::to_string(epoch) + ": " + std::to_string(mistakes) + " sequences mistaken; dev",
                score);
    if (score.total().f1() > best_f1) best_f1 = score.total().f1(), best = model, best_epoch = epoch;
  }
  if (!best) return Status::error("train-ner: no epoch was run");

  std::ostringstream comment;
  comment << "trained by newsmine train-ner on " << std::filesystem::path(options.train_file).filename().string()
          << ", epoch " << best_epoch << " of " << options.epochs << " (best on "
          << std::filesystem::path(options.dev_file).filename().string() << ", seed " << options.seed
          << ", pruned below " << options.prune_below << ")";
  NerPruneOptions prune;
  prune.below = options.prune_below;
  for (const NerTrainingDocument& doc : documents)
    for (std::uint32_t t = 0; t + 1 < doc.features.offsets.size(); ++t) prune.keep.push_back(doc.features.word_id(t));
  std::sort(prune.keep.begin(), prune.keep.end());
  prune.keep.erase(std::unique(prune.keep.begin(), prune.keep.end()), prune.keep.end());
  const std::string bytes = best->pruned(prune).serialize(comment.str());

  // Measure what is written, not what was in memory.
  auto written = std::make_shared<NerModel>();
  if (Status s = NerModel::parse(options.out_file, bytes, *written); !s.ok()) return s;
  print_score(log, "written model (epoch " + std::to_string(best_epoch) + ", " +
                       std::to_string(written->feature_count()) + " features, " + std::to_string(bytes.size()) +
                       " bytes); dev",
              score_conll(*base->with_model(written), dev, tokenizer));

  std::filesystem::create_directories(std::filesystem::path(options.out_file).parent_path());
  std::ofstream out(options.out_file, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) return Status::error("cannot write model file (" + options.out_file + ")");
  log << "train-ner: wrote " << options.out_file << '\n';
  return {};
}

}  // namespace newsmine
