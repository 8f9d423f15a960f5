// Helpers shared by the tests: where the sources and the shared data are.
#pragma once

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <system_error>

namespace newsmine::testing {

inline std::filesystem::path source_dir() { return NEWSMINE_SOURCE_DIR; }
inline std::filesystem::path shared_dir() { return NEWSMINE_SHARED_DIR; }

// True when ../shared/<relative> exists; tests needing it skip otherwise.
inline bool have_shared(const std::string& relative) {
  return std::filesystem::exists(shared_dir() / relative);
}

inline void write_file(const std::filesystem::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
}

inline int line_count(const std::string& bytes) {
  return static_cast<int>(std::count(bytes.begin(), bytes.end(), '\n'));
}

// A fresh, empty directory under the system temporary directory, removed
// when the test ends.
struct ScratchDir {
  std::filesystem::path path;
  explicit ScratchDir(const std::string& name)
      : path(std::filesystem::temp_directory_path() / ("newsmine_test_" + name)) {
    std::filesystem::remove_all(path);
    std::filesystem::create_directories(path);
  }
  ~ScratchDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path, ignored);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  std::string string() const { return path.string(); }
  std::filesystem::path operator/(const std::string& file) const { return path / file; }
};

inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return std::move(bytes).str();
}

}  // namespace newsmine::testing
