// TextStore: keeps article texts on disk until the cross-document stages
// need pieces of them (the two sides of a reused passage).
//
// Holding every article in memory would make memory grow with the corpus;
// instead texts are appended to one temporary file during the streaming pass
// and read back by (document, byte range). The file is removed when the store
// is destroyed. Not thread-safe.
//
//   TextStore store;
//   store.open(out_dir / ".texts.tmp");
//   std::uint32_t doc = store.append(text);
//   std::string passage;
//   store.read(doc, 120, 480, passage);
#pragma once

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/status.h"

namespace newsmine {

class TextStore {
 public:
  TextStore() = default;
  ~TextStore();
  TextStore(const TextStore&) = delete;
  TextStore& operator=(const TextStore&) = delete;

  Status open(const std::filesystem::path& path);
  Status append(std::string_view text);  // the text becomes document number size()
  std::size_t size() const { return offsets_.size(); }

  // Reads bytes [start, end) of document `doc` into `out`.
  Status read(std::uint32_t doc, std::uint32_t start, std::uint32_t end, std::string& out);

 private:
  std::FILE* file_ = nullptr;
  std::filesystem::path path_;
  std::uint64_t written_ = 0;
  std::vector<std::uint64_t> offsets_;  // where each document starts in the file
};

}  // namespace newsmine
