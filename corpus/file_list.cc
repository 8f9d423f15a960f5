// Directory walk with an explicit stack and a final sort.
#include "corpus/file_list.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

namespace newsmine::corpus_internal {

namespace fs = std::filesystem;

std::vector<ListedFile> list_directory(const std::string& directory) {
  std::vector<ListedFile> files;
  std::vector<fs::path> pending = {fs::path(directory)};
  while (!pending.empty()) {
    const fs::path dir = std::move(pending.back());
    pending.pop_back();
    std::error_code error;
    fs::directory_iterator it(dir, error);
    const fs::directory_iterator end;
    while (!error && it != end) {
      const fs::directory_entry& entry = *it;
      std::error_code kind_error;
      if (entry.is_symlink(kind_error)) {
        if (entry.is_regular_file(kind_error)) files.push_back({entry.path().string(), ""});
      } else if (entry.is_directory(kind_error)) {
        pending.push_back(entry.path());
      } else if (entry.is_regular_file(kind_error)) {
        files.push_back({entry.path().string(), ""});
      }
      it.increment(error);
    }
    if (error) {
      files.push_back({dir.string(), "cannot read directory " + dir.string() + ": " + error.message()});
    }
  }
  std::sort(files.begin(), files.end(),
            [](const ListedFile& a, const ListedFile& b) { return a.path < b.path; });
  return files;
}

}  // namespace newsmine::corpus_internal
