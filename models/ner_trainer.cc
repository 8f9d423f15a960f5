#include "models/ner_trainer.h"

#include <algorithm>
#include <random>

namespace newsmine {

NerTrainer::NerTrainer(std::span<const NerTrainingDocument> documents, const NerTrainerOptions& options)
    : documents_(documents), rng_state_(options.seed) {
  for (const NerTrainingDocument& doc : documents) ids_.insert(ids_.end(), doc.features.ids.begin(), doc.features.ids.end());
  std::sort(ids_.begin(), ids_.end());
  ids_.erase(std::unique(ids_.begin(), ids_.end()), ids_.end());
  std::unordered_map<std::uint32_t, std::uint32_t> row_of;
  row_of.reserve(ids_.size());
  for (std::uint32_t r = 0; r < ids_.size(); ++r) row_of.emplace(ids_[r], r);
  rows_.resize(documents.size());
  for (std::uint32_t d = 0; d < documents.size(); ++d) {
    rows_[d].reserve(documents[d].features.ids.size());
    for (std::uint32_t id : documents[d].features.ids) rows_[d].push_back(row_of.at(id));
    for (const auto& [first, end] : documents[d].sequences) {
      // A name on tokens the features rule outside cannot be learned: skip it.
      bool learnable = true;
      for (std::uint32_t t = first; t < end; ++t)
        learnable &= !(documents[d].features.outside[t] && documents[d].gold[t] != kOutside);
      if (learnable) sequences_.push_back({d, first, end});
    }
  }
  weights_ = NerWeights::Zero(static_cast<Eigen::Index>(ids_.size()), kNerTagCount);
  weighted_sums_.setZero(static_cast<Eigen::Index>(ids_.size()), kNerTagCount);
  transition_sums_.setZero();
}

std::size_t NerTrainer::run_epoch() {
  // Fisher-Yates with the standard 64-bit Mersenne twister: the same order
  // with every standard library.
  std::mt19937_64 random(rng_state_);
  for (std::size_t i = sequences_.size(); i > 1; --i) std::swap(sequences_[i - 1], sequences_[random() % i]);
  rng_state_ = random();

  std::size_t mistakes = 0;
  NerScratch scratch;
  std::vector<NerTag> predicted;
  for (const Sequence& seq : sequences_) {
    const NerTrainingDocument& doc = documents_[seq.document];
    const std::vector<std::uint32_t>& rows = rows_[seq.document];
    const std::uint32_t n = seq.end - seq.first;
    scratch.scores.setZero(n, kNerTagCount);
    for (std::uint32_t i = 0; i < n; ++i) {
      const std::uint32_t token = seq.first + i;
      if (doc.features.outside[token]) {
        ner_force_outside(scratch.scores, i);
        continue;
      }
      for (std::uint32_t k = doc.features.offsets[token]; k < doc.features.offsets[token + 1]; ++k)
        scratch.scores.row(i) += weights_.row(rows[k]);
    }
    predicted.resize(n);
    ner_viterbi(scratch.scores, transitions_, scratch, predicted);
    if (!std::equal(predicted.begin(), predicted.end(), doc.gold.begin() + seq.first)) {
      ++mistakes;
      update(doc, seq, predicted);
    }
    ++step_;
  }
  return mistakes;
}

void NerTrainer::update(const NerTrainingDocument& doc, const Sequence& seq, std::span<const NerTag> predicted) {
  const std::vector<std::uint32_t>& rows = rows_[seq.document];
  for (std::uint32_t i = 0; i < predicted.size(); ++i) {
    const std::uint32_t token = seq.first + i;
    const NerTag gold = doc.gold[token], guess = predicted[i];
    const NerTag gold_previous = i == 0 ? kNerTagCount : doc.gold[token - 1];
    const NerTag guess_previous = i == 0 ? kNerTagCount : predicted[i - 1];
    if (gold != guess) {
      for (std::uint32_t k = doc.features.offsets[token]; k < doc.features.offsets[token + 1]; ++k) {
        const std::uint32_t r = rows[k];
        weights_(r, gold) += 1.0f;
        weights_(r, guess) -= 1.0f;
        weighted_sums_(r, gold) += step_;
        weighted_sums_(r, guess) -= step_;
      }
    }
    if (gold != guess || gold_previous != guess_previous) {
      transitions_(gold_previous, gold) += 1.0f;
      transitions_(guess_previous, guess) -= 1.0f;
      transition_sums_(gold_previous, gold) += step_;
      transition_sums_(guess_previous, guess) -= step_;
    }
  }
}

NerModel NerTrainer::averaged() const {
  // Mean over steps of w_t = w - (sum of step * update) / steps.
  NerWeights weights = (weights_.cast<double>() - weighted_sums_ / step_).cast<float>();
  NerTransitions transitions = (transitions_.cast<double>() - transition_sums_ / step_).cast<float>();
  return NerModel(ids_, std::move(weights), transitions);
}

}  // namespace newsmine
