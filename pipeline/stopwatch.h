// Stopwatch: elapsed seconds on the monotonic clock, for per-stage timings.
//
//   Stopwatch watch;
//   do_stage();
//   double seconds = watch.seconds();
#pragma once

#include <chrono>

namespace newsmine {

class Stopwatch {
 public:
  double seconds() const { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count(); }
  void restart() { start_ = std::chrono::steady_clock::now(); }

 private:
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

}  // namespace newsmine
