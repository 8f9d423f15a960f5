#include "models/ner_model.h"

#include <algorithm>
#include <array>
#include <bit>
#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>

#include "models/model_data.h"

namespace newsmine {
namespace {

constexpr float kForbidden = -1e30f;
constexpr std::uint32_t kSlotSalt = 0x85ebca6bU;

std::uint32_t slot_of(std::uint32_t id, std::size_t mask) { return ((id * kSlotSalt) >> 7 ^ id) & mask; }

template <typename T>
void put(std::string& out, T value) {
  char bytes[sizeof(T)];
  std::memcpy(bytes, &value, sizeof(T));
  if constexpr (std::endian::native == std::endian::big) std::reverse(bytes, bytes + sizeof(T));
  out.append(bytes, sizeof(T));
}

// Reads little-endian values from a byte range; `ok` turns false past the end.
struct Reader {
  std::string_view bytes;
  bool ok = true;
  template <typename T>
  T get() {
    T value{};
    if (bytes.size() < sizeof(T)) {
      ok = false;
      return value;
    }
    char raw[sizeof(T)];
    std::memcpy(raw, bytes.data(), sizeof(T));
    if constexpr (std::endian::native == std::endian::big) std::reverse(raw, raw + sizeof(T));
    std::memcpy(&value, raw, sizeof(T));
    bytes.remove_prefix(sizeof(T));
    return value;
  }
};

Status format_error(std::string_view file_name, std::string_view reason) {
  return Status::error("bad NER model file " + std::string(file_name) + ": " + std::string(reason));
}

}  // namespace

namespace {

// For every tag, the tags that may precede it (kNerTagCount: the start).
struct Predecessors {
  std::array<std::array<std::uint8_t, kNerTagCount + 1>, kNerTagCount> tags{};
  std::array<std::uint8_t, kNerTagCount> count{};
  std::array<bool, kNerTagCount> may_start{};
  std::array<bool, kNerTagCount> may_end{};
};

const Predecessors& predecessors() {
  static const Predecessors table = [] {
    Predecessors p;
    for (int t = 0; t < kNerTagCount; ++t) {
      for (int q = 0; q < kNerTagCount; ++q)
        if (ner_transition_allowed(static_cast<NerTag>(q), static_cast<NerTag>(t)))
          p.tags[t][p.count[t]++] = static_cast<std::uint8_t>(q);
      p.may_start[t] = ner_start_allowed(static_cast<NerTag>(t));
      p.may_end[t] = ner_end_allowed(static_cast<NerTag>(t));
    }
    return p;
  }();
  return table;
}

}  // namespace

void ner_force_outside(NerScores& scores, Eigen::Index i) {
  scores.row(i).setConstant(kForbidden);
  scores(i, kOutside) = 0.0f;
}

void ner_viterbi(const NerScores& scores, const NerTransitions& transitions, NerScratch& scratch,
                 std::span<NerTag> out, const std::uint8_t* outside) {
  const Eigen::Index n = scores.rows();
  if (n == 0) return;
  // Only allowed transitions are tried (97 of the 289 pairs).
  const Predecessors& allowed = predecessors();
  scratch.back.resize(static_cast<std::size_t>(n) * kNerTagCount);
  std::array<float, kNerTagCount> best, next;
  for (int t = 0; t < kNerTagCount; ++t)
    best[t] = allowed.may_start[t] && (!outside || !outside[0] || t == kOutside)
                  ? scores(0, t) + transitions(kNerTagCount, t)
                  : kForbidden;
  for (Eigen::Index i = 1; i < n; ++i) {
    std::uint8_t* back = &scratch.back[static_cast<std::size_t>(i) * kNerTagCount];
    const bool only_outside = outside && outside[i];
    for (int t = 0; t < kNerTagCount; ++t) {
      if (only_outside && t != kOutside) {
        next[t] = kForbidden;
        back[t] = 0;
        continue;
      }
      float top = std::numeric_limits<float>::lowest();
      std::uint8_t arg = allowed.tags[t][0];  // well formed even if every score were NaN
      for (int k = 0; k < allowed.count[t]; ++k) {
        const std::uint8_t p = allowed.tags[t][k];
        const float v = best[p] + transitions(p, t);
        if (v > top) top = v, arg = p;
      }
      next[t] = top + scores(i, t);
      back[t] = arg;
    }
    best = next;
  }
  int tag = 0;
  float top = std::numeric_limits<float>::lowest();
  for (int t = 0; t < kNerTagCount; ++t) {
    const float v = best[t] + (allowed.may_end[t] ? 0.0f : kForbidden);
    if (v > top) top = v, tag = t;
  }
  for (Eigen::Index i = n - 1; i >= 0; --i) {
    out[static_cast<std::size_t>(i)] = static_cast<NerTag>(tag);
    if (i > 0) tag = scratch.back[static_cast<std::size_t>(i) * kNerTagCount + tag];
  }
}

NerModel::NerModel(std::vector<std::uint32_t> ids, const NerWeights& weights, NerTransitions transitions)
    : ids_(std::move(ids)), transitions_(transitions) {
  const float largest = weights.size() ? weights.cwiseAbs().maxCoeff() : 0.0f;
  scale_ = largest > 0 ? largest / 32767.0f : 1.0f;
  weights_ = (weights / scale_).array().round().cast<std::int16_t>().matrix();
  build_index();
}

NerModel::NerModel(std::vector<std::uint32_t> ids, NerQuantizedWeights weights, float scale,
                   NerTransitions transitions)
    : ids_(std::move(ids)), weights_(std::move(weights)), scale_(scale), transitions_(transitions) {
  build_index();
}

void NerModel::build_index() {
  std::size_t capacity = 16;
  while (capacity * 2 < ids_.size() * 3) capacity *= 2;  // load at most 2/3
  slots_.assign(capacity, Slot());
  const std::size_t mask = capacity - 1;
  for (std::size_t r = 0; r < ids_.size(); ++r) {
    std::size_t slot = slot_of(ids_[r], mask);
    while (slots_[slot].row >= 0 && slots_[slot].id != ids_[r]) slot = (slot + 1) & mask;
    slots_[slot] = {ids_[r], static_cast<std::int32_t>(r)};
  }
}

std::int32_t NerModel::row(std::uint32_t id) const {
  if (slots_.empty()) return -1;
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t slot = slot_of(id, mask);; slot = (slot + 1) & mask) {
    if (slots_[slot].row < 0) return -1;
    if (slots_[slot].id == id) return slots_[slot].row;
  }
}

void NerModel::decode(const NerFeatures& features, std::uint32_t first, std::uint32_t end, NerScratch& scratch,
                      std::vector<NerTag>& tags) const {
  const std::uint32_t n = end - first;
  tags.resize(n);
  if (n == 0 || slots_.empty()) return;
  // Find every row first, prefetching the index a few features ahead and each
  // row as it is found; then add the rows, by then mostly in cache.
  constexpr std::size_t kAhead = 24;
  const std::size_t mask = slots_.size() - 1;
  const std::uint32_t* ids = features.ids.data();
  const std::size_t begin_id = features.offsets[first], end_id = features.offsets[end];
  scratch.rows.clear();
  std::uint32_t token = first;
  for (std::size_t k = begin_id; k < end_id; ++k) {
    if (k + kAhead < end_id) {
      __builtin_prefetch(&slots_[slot_of(ids[k + kAhead], mask)]);
    }
    while (k == features.offsets[token + 1]) scratch.rows.push_back(-1), ++token;
    if (features.outside[token]) continue;
    const std::int32_t r = row(ids[k]);
    if (r >= 0) {
      __builtin_prefetch(weights_.row(r).data());
      scratch.rows.push_back(r);
    }
  }
  while (token < end) scratch.rows.push_back(-1), ++token;

  scratch.scores.resize(n, kNerTagCount);
  Eigen::Matrix<std::int32_t, 1, kNerTagCount> sum = Eigen::Matrix<std::int32_t, 1, kNerTagCount>::Zero();
  std::uint32_t i = 0;
  for (const std::int32_t r : scratch.rows) {
    if (r >= 0) {
      sum += weights_.row(r).cast<std::int32_t>();
      continue;
    }
    scratch.scores.row(i) = sum.cast<float>() * scale_;  // outside tokens: ner_viterbi reads only their O
    ++i;
    sum.setZero();
  }
  ner_viterbi(scratch.scores, transitions_, scratch, tags, features.outside.data() + first);
}

NerModel NerModel::pruned(const NerPruneOptions& options) const {
  std::vector<std::uint32_t> ids;
  std::vector<std::int32_t> rows;
  NerQuantizedWeights kept = weights_;
  for (std::uint32_t r = 0; r < ids_.size(); ++r) {
    bool any = false;
    for (int t = 0; t < kNerTagCount; ++t) {
      if (std::abs(kept(r, t) * scale_) < options.below) kept(r, t) = 0;
      any |= kept(r, t) != 0;
    }
    if (any || std::binary_search(options.keep.begin(), options.keep.end(), ids_[r])) {
      ids.push_back(ids_[r]);
      rows.push_back(static_cast<std::int32_t>(r));
    }
  }
  NerQuantizedWeights weights(static_cast<Eigen::Index>(rows.size()), kNerTagCount);
  for (std::size_t i = 0; i < rows.size(); ++i) weights.row(static_cast<Eigen::Index>(i)) = kept.row(rows[i]);
  return NerModel(std::move(ids), std::move(weights), scale_, transitions_);
}

std::string NerModel::serialize(std::string_view comment) const {
  // Rows in id order, so equal models give equal files.
  std::vector<std::uint32_t> order(ids_.size());
  for (std::uint32_t r = 0; r < order.size(); ++r) order[r] = r;
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) { return ids_[a] < ids_[b]; });
  std::string body;
  for (std::uint32_t r : order) {
    std::uint32_t mask = 0;
    for (int t = 0; t < kNerTagCount; ++t)
      if (weights_(r, t) != 0) mask |= 1u << t;
    put(body, ids_[r]);
    put(body, mask);
    for (int t = 0; t < kNerTagCount; ++t)
      if (mask & (1u << t)) put(body, weights_(r, t));
  }
  const float scale = scale_;
  const std::size_t kept = ids_.size();

  std::string out =
      "# newsmine NER model: an averaged perceptron over BILOU tags; see models/ner_model.h for the format.\n"
      "# Retrain with `newsmine train-ner` (README.md).\n"
      "# version: 1\n";
  if (!comment.empty()) out += "# " + std::string(comment) + "\n";
  out += "feature_version " + std::to_string(kNerFeatureVersion) + "\n";
  out += "tags " + std::to_string(kNerTagCount) + "\n";
  out += "features " + std::to_string(kept) + "\n";
  char number[64];
  const auto printed = std::to_chars(number, number + sizeof number, scale);
  out += "scale " + std::string(number, printed.ptr) + "\n";
  out += "data\n";
  for (int p = 0; p <= kNerTagCount; ++p)
    for (int t = 0; t < kNerTagCount; ++t) put(out, transitions_(p, t));
  out += body;
  return out;
}

Status NerModel::parse(std::string_view file_name, std::string_view bytes, NerModel& out) {
  // Header: comment lines, then key value lines up to "data".
  bool have_version = false;
  long long feature_version = -1, tags = -1, features = -1;
  float scale = 0;
  for (;;) {
    const std::size_t newline = bytes.find('\n');
    if (newline == std::string_view::npos) return format_error(file_name, "no \"data\" line");
    const std::string_view line = bytes.substr(0, newline);
    bytes.remove_prefix(newline + 1);
    if (line == "data") break;
    if (line.starts_with("#")) {
      if (line == "# version: 1") have_version = true;
      else if (line.starts_with("# version:")) return format_error(file_name, "unsupported " + std::string(line.substr(2)));
      continue;
    }
    const std::size_t space = line.find(' ');
    const std::string_view key = line.substr(0, space);
    const std::string_view value = space == std::string_view::npos ? std::string_view() : line.substr(space + 1);
    if (key == "scale") {
      const auto r = std::from_chars(value.data(), value.data() + value.size(), scale);
      // Bounded, so sums of weights stay finite.
      if (r.ec != std::errc() || !(scale > 0) || !(scale < 1e3f))
        return format_error(file_name, "bad scale \"" + std::string(value) + "\"");
      continue;
    }
    long long number = -1;
    const auto r = std::from_chars(value.data(), value.data() + value.size(), number);
    if (r.ec != std::errc() || r.ptr != value.data() + value.size())
      return format_error(file_name, "bad header line \"" + std::string(line) + "\"");
    if (key == "feature_version") feature_version = number;
    else if (key == "tags") tags = number;
    else if (key == "features") features = number;
    else return format_error(file_name, "unknown header key \"" + std::string(key) + "\"");
  }
  if (!have_version) return format_error(file_name, "no \"# version: 1\" line");
  if (feature_version != kNerFeatureVersion)
    return format_error(file_name, "made for feature version " + std::to_string(feature_version) + ", this build computes " +
                                       std::to_string(kNerFeatureVersion) + "; retrain with newsmine train-ner");
  if (tags != kNerTagCount) return format_error(file_name, "expected " + std::to_string(kNerTagCount) + " tags");
  if (features < 0 || scale <= 0) return format_error(file_name, "missing features or scale line");

  Reader reader{bytes};
  NerTransitions transitions;
  for (int p = 0; p <= kNerTagCount; ++p)
    for (int t = 0; t < kNerTagCount; ++t) {
      transitions(p, t) = reader.get<float>();
      if (!(std::abs(transitions(p, t)) < 1e6f)) return format_error(file_name, "transition weight out of range");
    }
  std::vector<std::uint32_t> ids;
  ids.reserve(static_cast<std::size_t>(features));
  NerQuantizedWeights weights = NerQuantizedWeights::Zero(features, kNerTagCount);
  for (long long r = 0; r < features && reader.ok; ++r) {
    ids.push_back(reader.get<std::uint32_t>());
    const auto mask = reader.get<std::uint32_t>();
    if (mask >> kNerTagCount) return format_error(file_name, "tag mask out of range at feature " + std::to_string(r));
    for (int t = 0; t < kNerTagCount; ++t)
      if (mask & (1u << t)) weights(r, t) = reader.get<std::int16_t>();
  }
  if (!reader.ok) return format_error(file_name, "truncated data");
  if (!reader.bytes.empty()) return format_error(file_name, "trailing bytes after the last feature");
  for (std::size_t r = 1; r < ids.size(); ++r)
    if (ids[r] <= ids[r - 1]) return format_error(file_name, "feature ids not strictly increasing");
  out = NerModel(std::move(ids), std::move(weights), scale, transitions);
  return {};
}

}  // namespace newsmine
