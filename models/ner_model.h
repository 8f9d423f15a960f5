// NerModel: the weights of the entity sequence labeller and Viterbi decoding.
//
// A linear model over BILOU tags (ner_tags.h): every feature id
// (ner_features.h) seen in training owns one row of an Eigen matrix holding
// its weight for each tag (int16 times one float scale, as the file stores
// them), found through an open-addressing index; a token's tag scores are the
// sum of the rows of its features. Decoding looks the rows of a whole
// sequence up before adding them, prefetching ahead, since cache misses on
// the index and the rows are most of its cost. An Eigen matrix of
// tag-to-tag transition weights (plus a row for the sequence start) links
// neighbours, and Viterbi finds the best well-formed tag sequence.
//
// Model file (models/data/ner/conll2003.model): a text header of "#" comment
// lines with "# version: 1", then "key value" lines (feature_version, tags,
// features, scale) and a line "data"; then little-endian binary: the
// transition matrix as float32, and per feature its id (uint32), a bit mask of
// the tags with a weight (uint32) and those weights as int16 times `scale`.
// Near-zero weights are pruned before writing (pruned()). parse() reports a malformed file
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

using NerQuantizedWeights = Eigen::Matrix<std::int16_t, Eigen::Dynamic, kNerTagCount, Eigen::RowMajor>;

// Per-call buffers of decoding, reused to avoid allocation.
struct NerScratch {
  NerScores scores;
  std::vector<std::uint8_t> back;  // best previous tag, n * kNerTagCount
  std::vector<std::int32_t> rows;  // weight rows found, per token, -1 closing each token
};

// Sets the scores of token `i` to allow only O (NerFeatures::outside).
void ner_force_outside(NerScores& scores, Eigen::Index i);

// The best well-formed tag sequence for the emission `scores` (one row per
// token). Tokens with `outside[i]` set (when given) are O whatever their
// scores, and cost a ninth of the others.
void ner_viterbi(const NerScores& scores, const NerTransitions& transitions, NerScratch& scratch,
                 std::span<NerTag> out, const std::uint8_t* outside = nullptr);

struct NerPruneOptions {
  float below = 0.0f;  // drop weights with |w| below this
  // Ids kept even when all their weights are dropped, so row() still knows
  // them (the training vocabulary: EntityExtractor tells foreign text by it).
  std::vector<std::uint32_t> keep;  // sorted
};

class NerModel {
 public:
  NerModel() = default;
  // `ids[r]` owns row r of `weights`, quantized to int16 here.
  NerModel(std::vector<std::uint32_t> ids, const NerWeights& weights, NerTransitions transitions);

  static Status parse(std::string_view file_name, std::string_view bytes, NerModel& out);
  // The file's bytes; `comment` is one header line (how the model was trained).
  // parse(serialize(c)) is this model again, and serializes to the same bytes.
  std::string serialize(std::string_view comment) const;

  // This model without near-zero weights, and without the features left with none.
  NerModel pruned(const NerPruneOptions& options) const;

  // Tags of tokens [first, end) of `features` into `tags` (resized).
  void decode(const NerFeatures& features, std::uint32_t first, std::uint32_t end, NerScratch& scratch,
              std::vector<NerTag>& tags) const;

  // Row of a feature id, or -1 when the model has none.
  std::int32_t row(std::uint32_t id) const;

  std::size_t feature_count() const { return ids_.size(); }
  // Weight of feature row `r` for `tag`.

 private:
  NerModel(std::vector<std::uint32_t> ids, NerQuantizedWeights weights, float scale, NerTransitions transitions);
  void build_index();

  std::vector<std::uint32_t> ids_;
  NerQuantizedWeights weights_;
  float scale_ = 1.0f;  // weights_ * scale_ are the weights
  NerTransitions transitions_ = NerTransitions::Zero();
  struct Slot {
    std::uint32_t id = 0;
    std::int32_t row = -1;  // -1 = empty
  };
  std::vector<Slot> slots_;  // open addressing, capacity a power of two
};

}  // namespace newsmine
