// NerTrainer: an averaged structured perceptron for the entity labeller.
//
// Each epoch visits the training sequences in an order shuffled with a fixed
// seed, decodes each with the current weights (Viterbi over BILOU tags, see
// ner_model.h) and, where the best sequence differs from the gold one, adds
// the gold features' rows and subtracts the predicted ones (Collins 2002).
// averaged() returns the mean of the weights over all steps so far (kept
// cheaply with the step-weighted sums of Daumé's trick), which generalizes
// far better than the last weights. Same input and seed, same model: training
// is single-threaded and deterministic.
//
// Not thread-safe. Memory: three floats-or-doubles per tag for every feature
// id seen in training.
//
//   NerTrainer trainer(documents, NerTrainerOptions());
//   for (int e = 0; e < 10; ++e) { trainer.run_epoch(); evaluate(trainer.averaged()); }
#pragma once

#include <cstdint>
#include <span>
#include <unordered_map>
#include <utility>
#include <vector>

#include "models/ner_features.h"
#include "models/ner_model.h"
#include "models/ner_tags.h"

namespace newsmine {

// One article of training data: its features, gold tags and the token ranges
// decoded as sequences (ner_sequences()).
struct NerTrainingDocument {
  NerFeatures features;
  std::vector<NerTag> gold;  // one per token
  std::vector<std::pair<std::uint32_t, std::uint32_t>> sequences;
};

struct NerTrainerOptions {
  std::uint64_t seed = 2003;  // shuffles the sequences each epoch
};

class NerTrainer {
 public:
  NerTrainer(std::span<const NerTrainingDocument> documents, const NerTrainerOptions& options);

  // One pass over every sequence; returns how many sequences were mistaken.
  std::size_t run_epoch();

  // The averaged weights so far, as a model.
  NerModel averaged() const;

 private:
  struct Sequence {
    std::uint32_t document, first, end;
  };
  void update(const NerTrainingDocument& doc, const Sequence& seq, std::span<const NerTag> predicted);

  std::span<const NerTrainingDocument> documents_;
  std::vector<std::uint32_t> ids_;                    // feature id of each row, ascending
  std::vector<std::vector<std::uint32_t>> rows_;      // per document: its features' rows, as features.ids
  std::vector<Sequence> sequences_;
  NerWeights weights_;
  Eigen::Matrix<double, Eigen::Dynamic, kNerTagCount, Eigen::RowMajor> weighted_sums_;
  NerTransitions transitions_ = NerTransitions::Zero();
  Eigen::Matrix<double, kNerTagCount + 1, kNerTagCount, Eigen::RowMajor> transition_sums_;
  double step_ = 1;  // steps taken so far, plus one
  std::uint64_t rng_state_;
};

}  // namespace newsmine
