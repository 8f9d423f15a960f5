#include "pipeline/progress.h"

#include <cstdio>
#include <filesystem>
#include <system_error>

namespace newsmine {

Progress::Progress(std::uint64_t total_bytes)
    : total_bytes_(total_bytes), start_(std::chrono::steady_clock::now()), last_draw_(start_) {}

void Progress::update(const ReaderStats& stats) {
  const auto now = std::chrono::steady_clock::now();
  if (now - last_draw_ < std::chrono::milliseconds(250)) return;
  last_draw_ = now;
  draw(stats);
}

void Progress::draw(const ReaderStats& stats) {
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  const double mb = static_cast<double>(stats.bytes_read) / 1e6;
  const double rate = seconds > 0 ? mb / seconds : 0;
  char eta[32] = "";
  if (total_bytes_ > stats.bytes_read && rate > 0) {
    const long left = static_cast<long>((static_cast<double>(total_bytes_ - stats.bytes_read) / 1e6) / rate);
    std::snprintf(eta, sizeof eta, "  ETA %ld:%02ld", left / 60, left % 60);
  }
  std::fprintf(stderr, "\r\033[K%llu articles  %.1f MB  %.1f MB/s%s", static_cast<unsigned long long>(stats.documents),
               mb, rate, eta);
  std::fflush(stderr);
  drawn_ = true;
}

void Progress::finish() {
  if (drawn_) std::fprintf(stderr, "\r\033[K");
}

std::uint64_t input_size(const std::vector<std::string>& paths) {
  namespace fs = std::filesystem;
  std::uint64_t total = 0;
  std::error_code error;
  for (const std::string& path : paths) {
    if (path == "-") return 0;
    if (fs::is_regular_file(path, error)) {
      total += fs::file_size(path, error);
      continue;
    }
    for (fs::recursive_directory_iterator it(path, error), end; !error && it != end; it.increment(error))
      if (it->is_regular_file(error)) total += it->file_size(error);
  }
  return total;
}

}  // namespace newsmine
