// TextStore: keeps article texts on disk until the cross-document stages
// need pieces of them (the two sides of a reused passage). They read them
// through ArticleTexts, in batches of spans, so that a distributed run can
// leave the texts on the ranks that hold them (pipeline/mpi_texts.h).
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
//   std::vector<std::string> pieces;
//   store.read(std::vector<TextSpan>{{doc, 0, 40}, {doc, 120, 480}}, pieces);
#pragma once

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/status.h"

namespace newsmine {

// Bytes [start, end) of article `doc`'s text.
struct TextSpan {
  std::uint32_t doc = 0;
  std::uint32_t start = 0;
  std::uint32_t end = 0;
};

// Where the cross-document stages read articles' texts from.
class ArticleTexts {
 public:
  virtual ~ArticleTexts() = default;
  // Each span's bytes into out[i]; `out` ends with spans.size() strings.
  virtual Status read(std::span<const TextSpan> spans, std::vector<std::string>& out) = 0;
  // One span's bytes into `out`.
  Status read(std::uint32_t doc, std::uint32_t start, std::uint32_t end, std::string& out);
};

class TextStore : public ArticleTexts {
 public:
  TextStore() = default;
  ~TextStore();
  TextStore(const TextStore&) = delete;
  TextStore& operator=(const TextStore&) = delete;

  Status open(const std::filesystem::path& path);
  Status append(std::string_view text);  // the text becomes document number size()
  std::size_t size() const { return offsets_.size(); }

  using ArticleTexts::read;
  Status read(std::span<const TextSpan> spans, std::vector<std::string>& out) override;

 private:
  Status read_span(const TextSpan& span, std::string& out);

  std::FILE* file_ = nullptr;
  std::filesystem::path path_;
  std::uint64_t written_ = 0;
  std::vector<std::uint64_t> offsets_;  // where each document starts in the file
};

}  // namespace newsmine
