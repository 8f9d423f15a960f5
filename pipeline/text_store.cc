#include "pipeline/text_store.h"

#include <cerrno>
#include <cstring>
#include <utility>

namespace newsmine {

TextStore::~TextStore() {
  if (file_) {
    std::fclose(file_);
    std::error_code ignored;  // a leftover temporary file is harmless
    std::filesystem::remove(path_, ignored);
  }
}

Status TextStore::open(const std::filesystem::path& path) {
  path_ = path;
  file_ = std::fopen(path.c_str(), "w+b");
  if (!file_) return Status::error(std::string("cannot create temporary text store: ") + std::strerror(errno) + " (" + path.string() + ")");
  return {};
}

Status TextStore::append(std::string_view text) {
  if (std::fwrite(text.data(), 1, text.size(), file_) != text.size())
    return Status::error(std::string("cannot write temporary text store: ") + std::strerror(errno) + " (" + path_.string() + ")");
  offsets_.push_back(written_);
  written_ += text.size();
  return {};
}

Status ArticleTexts::read(std::uint32_t doc, std::uint32_t start, std::uint32_t end, std::string& out) {
  std::vector<std::string> pieces;
  const TextSpan span{doc, start, end};
  if (Status s = read(std::span<const TextSpan>(&span, 1), pieces); !s.ok()) return s;
  out = std::move(pieces.front());
  return {};
}

Status TextStore::read(std::span<const TextSpan> spans, std::vector<std::string>& out) {
  out.resize(spans.size());
  if (std::fflush(file_) != 0)
    return Status::error(std::string("cannot read back temporary text store: ") + std::strerror(errno) + " (" + path_.string() + ")");
  for (std::size_t i = 0; i < spans.size(); ++i)
    if (Status s = read_span(spans[i], out[i]); !s.ok()) return s;
  return {};
}

Status TextStore::read_span(const TextSpan& span, std::string& out) {
  out.resize(span.end - span.start);
  if (std::fseek(file_, static_cast<long>(offsets_.at(span.doc) + span.start), SEEK_SET) != 0 ||
      std::fread(out.data(), 1, out.size(), file_) != out.size())
    return Status::error(std::string("cannot read back temporary text store: ") + std::strerror(errno) + " (" + path_.string() + ")");
  return {};
}

}  // namespace newsmine
