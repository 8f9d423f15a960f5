// Helpers shared by the tests: where the sources and the shared data are.
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace newsmine::testing {

inline std::filesystem::path source_dir() { return NEWSMINE_SOURCE_DIR; }
inline std::filesystem::path shared_dir() { return NEWSMINE_SHARED_DIR; }

// True when ../shared/<relative> exists; tests needing it skip otherwise.
inline bool have_shared(const std::string& relative) {
  return std::filesystem::exists(shared_dir() / relative);
}

inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return std::move(bytes).str();
}

}  // namespace newsmine::testing
