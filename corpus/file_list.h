// Recursive, sorted listing of the files under a directory.
//
// The order is the byte-wise order of the full paths, independent of the file
// system's own order, so a run over the same tree is reproducible. Symbolic
// links to files are listed; links to directories are not followed (no
// cycles). A subdirectory that cannot be read is listed as an entry with an
// error, in its sorted place, so the caller can report it.
// Stateless; safe to call from any thread. Cost: O(n log n) for n files.
//
//   for (const ListedFile& f : list_directory("corpus/sample")) open(f.path);
#pragma once

#include <string>
#include <vector>

namespace newsmine::corpus_internal {

struct ListedFile {
  std::string path;   // the directory as given joined with the relative path
  std::string error;  // non-empty: this directory could not be read, and why
};

std::vector<ListedFile> list_directory(const std::string& directory);

}  // namespace newsmine::corpus_internal
