#include "models/ner_model.h"

#include <algorithm>
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

void ner_viterbi(const NerScores& scores, const NerTransitions& transitions, NerScratch& scratch,
                 std::span<NerTag> out) {
  const Eigen::Index n = scores.rows();
  if (n == 0) return;
  // The structural constraints, folded into the transitions once.
  static const NerTransitions allowed = [] {
    NerTransitions mask;
    for (int p = 0; p <= kNerTagCount; ++p)
      for (int t = 0; t < kNerTagCount; ++t) {
        const bool ok = p == kNerTagCount ? ner_start_allowed(static_cast<NerTag>(t))
                                          : ner_transition_allowed(static_cast<NerTag>(p), static_cast<NerTag>(t));
        mask(p, t) = ok ? 0.0f : kForbidden;
      }
    return mask;
  }();
  scratch.back.resize(static_cast<std::size_t>(n) * kNerTagCount);
  Eigen::Matrix<float, 1, kNerTagCount> best = scores.row(0) + transitions.row(kNerTagCount) + allowed.row(kNerTagCount);
  Eigen::Matrix<float, 1, kNerTagCount> next;
  for (Eigen::Index i = 1; i < n; ++i) {
    for (int t = 0; t < kNerTagCount; ++t) {
      float top = std::numeric_limits<float>::lowest();
      int arg = 0;
      for (int p = 0; p < kNerTagCount; ++p) {
        const float v = best[p] + transitions(p, t) + allowed(p, t);
        if (v > top) top = v, arg = p;
      }
      next[t] = top + scores(i, t);
      scratch.back[static_cast<std::size_t>(i) * kNerTagCount + t] = static_cast<std::uint8_t>(arg);
    }
    best = next;
  }
  int tag = 0;
  float top = std::numeric_limits<float>::lowest();
  for (int t = 0; t < kNerTagCount; ++t) {
    const float v = best[t] + (ner_end_allowed(static_cast<NerTag>(t)) ? 0.0f : kForbidden);
    if (v > top) top = v, tag = t;
  }
  for (Eigen::Index i = n - 1; i >= 0; --i) {
    out[static_cast<std::size_t>(i)] = static_cast<NerTag>(tag);
    if (i > 0) tag = scratch.back[static_cast<std::size_t>(i) * kNerTagCount + tag];
  }
}

NerModel::NerModel(std::vector<std::uint32_t> ids, NerWeights weights, NerTransitions transitions)
    : ids_(std::move(ids)), weights_(std::move(weights)), transitions_(transitions) {
  build_index();
}

void NerModel::build_index() {
  std::size_t capacity = 16;
  while (capacity < ids_.size() * 2) capacity *= 2;
  slot_ids_.assign(capacity, 0);
  slot_rows_.assign(capacity, -1);
  const std::size_t mask = capacity - 1;
  for (std::size_t r = 0; r < ids_.size(); ++r) {
    std::size_t slot = slot_of(ids_[r], mask);
    while (slot_rows_[slot] >= 0 && slot_ids_[slot] != ids_[r]) slot = (slot + 1) & mask;
    slot_ids_[slot] = ids_[r];
    slot_rows_[slot] = static_cast<std::int32_t>(r);
  }
}

std::int32_t NerModel::row(std::uint32_t id) const {
  if (slot_rows_.empty()) return -1;
  const std::size_t mask = slot_rows_.size() - 1;
  for (std::size_t slot = slot_of(id, mask);; slot = (slot + 1) & mask) {
    if (slot_rows_[slot] < 0) return -1;
    if (slot_ids_[slot] == id) return slot_rows_[slot];
  }
}

void NerModel::decode(const NerFeatures& features, std::uint32_t first, std::uint32_t end, NerScratch& scratch,
                      std::vector<NerTag>& tags) const {
  const std::uint32_t n = end - first;
  tags.resize(n);
  if (n == 0) return;
  scratch.scores.setZero(n, kNerTagCount);
  for (std::uint32_t i = 0; i < n; ++i) {
    for (std::uint32_t id : features.of(first + i)) {
      const std::int32_t r = row(id);
      if (r >= 0) scratch.scores.row(i) += weights_.row(r);
    }
  }
  ner_viterbi(scratch.scores, transitions_, scratch, tags);
}

std::string NerModel::serialize(const NerWriteOptions& options) const {
  // Rows in id order, so equal models give equal files.
  std::vector<std::uint32_t> order(ids_.size());
  for (std::uint32_t r = 0; r < order.size(); ++r) order[r] = r;
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) { return ids_[a] < ids_[b]; });
  const float largest = weights_.size() ? weights_.cwiseAbs().maxCoeff() : 0.0f;
  const float scale = largest > 0 ? largest / 32767.0f : 1.0f;

  std::string body;
  std::size_t kept = 0;
  for (std::uint32_t r : order) {
    std::uint32_t mask = 0;
    for (int t = 0; t < kNerTagCount; ++t) {
      const float w = weights_(r, t);
      if (std::abs(w) >= options.prune_below && std::lround(w / scale) != 0) mask |= 1u << t;
    }
    if (mask == 0 && !std::binary_search(options.keep.begin(), options.keep.end(), ids_[r])) continue;
    ++kept;
    put(body, ids_[r]);
    put(body, mask);
    for (int t = 0; t < kNerTagCount; ++t)
      if (mask & (1u << t)) put(body, static_cast<std::int16_t>(std::lround(weights_(r, t) / scale)));
  }

  std::string out =
      "# newsmine NER model: an averaged perceptron over BILOU tags; see models/ner_model.h for the format.\n"
      "# Retrain with `newsmine train-ner` (README.md).\n"
      "# version: 1\n";
  if (!options.comment.empty()) out += "# " + options.comment + "\n";
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
      if (r.ec != std::errc() || !(scale > 0)) return format_error(file_name, "bad scale \"" + std::string(value) + "\"");
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
    for (int t = 0; t < kNerTagCount; ++t) transitions(p, t) = reader.get<float>();
  std::vector<std::uint32_t> ids;
  ids.reserve(static_cast<std::size_t>(features));
  NerWeights weights = NerWeights::Zero(features, kNerTagCount);
  for (long long r = 0; r < features && reader.ok; ++r) {
    ids.push_back(reader.get<std::uint32_t>());
    const auto mask = reader.get<std::uint32_t>();
    if (mask >> kNerTagCount) return format_error(file_name, "tag mask out of range at feature " + std::to_string(r));
    for (int t = 0; t < kNerTagCount; ++t)
      if (mask & (1u << t)) weights(r, t) = static_cast<float>(reader.get<std::int16_t>()) * scale;
  }
  if (!reader.ok) return format_error(file_name, "truncated data");
  if (!reader.bytes.empty()) return format_error(file_name, "trailing bytes after the last feature");
  for (std::size_t r = 1; r < ids.size(); ++r)
    if (ids[r] <= ids[r - 1]) return format_error(file_name, "feature ids not strictly increasing");
  out = NerModel(std::move(ids), std::move(weights), transitions);
  return {};
}

}  // namespace newsmine
