// Progress: one self-rewriting status line on stderr while a corpus streams.
//
// Shows articles, megabytes read, throughput and, when the input size is
// known, an estimate of the time left. Redraws at most a few times a second.
// Only the reader stage calls update(), so no locking is needed.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "corpus/corpus_reader.h"

namespace newsmine {

class Progress {
 public:
  // `total_bytes` 0 means unknown (stdin), and no ETA is shown.
  explicit Progress(std::uint64_t total_bytes);
  void update(const ReaderStats& stats);
  void finish();  // clears the line

 private:
  void draw(const ReaderStats& stats);

  std::uint64_t total_bytes_;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_;
  bool drawn_ = false;
};

// Size of the regular files under `paths`, for the ETA; 0 when "-" is among them.
std::uint64_t input_size(const std::vector<std::string>& paths);

}  // namespace newsmine
