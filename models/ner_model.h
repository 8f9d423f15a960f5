// NerModel: the weights of the entity sequence labeller and Viterbi decoding.
//
// A linear model over BILOU tags (ner_tags.h): every feature id
// (ner_features.h) seen in training owns one row of an Eigen matrix holding
// its weight for each tag, found through an open-addressing index; a token's
// tag scores are the sum of the rows of its features. An Eigen matrix of
// tag-to-tag transition weights (plus a row for the sequence start) links
// neighbours, and Viterbi finds the best well-formed tag sequence.
//
// Model file (models/data/ner/conll2003.model): a text header of "#" comment
// lines with "# version: 1", then "key value" lines (feature_version, tags,
// features, scale) and a line "data"; then little-endian binary: the
// transition matrix as float32, and per feature its id (uint32), a bit mask of
// the tags with a weight (uint32) and those weights as int16 times `scale`.
// Near-zero weights are pruned when writing. parse() reports a malformed file
// as a Status naming the file and the reason.
//
// Immutable after construction: decode() is const and thread-safe with one
// NerScratch per thread (or per call). Decoding costs O(features + n * tags^2).
//
//   NerModel model;
//   if (Status s = NerModel::parse(name, bytes, model); !s.ok()) return s;
//   NerScratch scratch;
//   std::vector<NerTag> tags;
//   model.decode(features, first, end, scratch, tags);
#pragma once

#include <Eigen/Core>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/status.h"
#include "models/ner_features.h"
#include "models/ner_tags.h"

namespace newsmine {

using NerWeights = Eigen::Matrix<float, Eigen::Dynamic, kNerTagCount, Eigen::RowMajor>;
// Row p: weights of moving from tag p to each tag; row kNerTagCount: of starting with it.
using NerTransitions = Eigen::Matrix<float, kNerTagCount + 1, kNerTagCount, Eigen::RowMajor>;
using NerScores = Eigen::Matrix<float, Eigen::Dynamic, kNerTagCount, Eigen::RowMajor>;

// Per-call buffers of decoding, reused to avoid allocation.
struct NerScratch {
  NerScores scores;
  std::vector<std::uint8_t> back;  // best previous tag, n * kNerTagCount
};

// The best well-formed tag sequence for the emission `scores` (one row per token).
void ner_viterbi(const NerScores& scores, const NerTransitions& transitions, NerScratch& scratch,
                 std::span<NerTag> out);

struct NerWriteOptions {
  float prune_below = 0.0f;  // drop weights with |w| below this
  // Ids written even when all their weights are pruned, so row() still knows
  // them (the training vocabulary: EntityExtractor tells foreign text by it).
  std::vector<std::uint32_t> keep;  // sorted
  std::string comment;       // one line written into the header (how the model was trained)
};

class NerModel {
 public:
  NerModel() = default;
  // `ids[r]` owns row r of `weights`.
  NerModel(std::vector<std::uint32_t> ids, NerWeights weights, NerTransitions transitions);

  static Status parse(std::string_view file_name, std::string_view bytes, NerModel& out);
  std::string serialize(const NerWriteOptions& options) const;

  // Tags of tokens [first, end) of `features` into `tags` (resized).
  void decode(const NerFeatures& features, std::uint32_t first, std::uint32_t end, NerScratch& scratch,
              std::vector<NerTag>& tags) const;

  // Row of a feature id, or -1 when the model has none.
  std::int32_t row(std::uint32_t id) const;

  std::size_t feature_count() const { return ids_.size(); }
  const NerWeights& weights() const { return weights_; }
  const NerTransitions& transitions() const { return transitions_; }

 private:
  void build_index();

  std::vector<std::uint32_t> ids_;
  NerWeights weights_;
  NerTransitions transitions_ = NerTransitions::Zero();
  std::vector<std::uint32_t> slot_ids_;  // open addressing, capacity a power of two
  std::vector<std::int32_t> slot_rows_;  // -1 = empty slot
};

}  // namespace newsmine
