// File name extension dispatch.
#include "corpus/input_format.h"

namespace newsmine::corpus_internal {

namespace {

bool ends_with_ignoring_case(std::string_view name, std::string_view suffix) {
  if (name.size() < suffix.size()) return false;
  const std::string_view tail = name.substr(name.size() - suffix.size());
  for (std::size_t i = 0; i < suffix.size(); ++i) {
    char c = tail[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != suffix[i]) return false;
  }
  return true;
}

}  // namespace

InputFormat classify_path(std::string_view path) {
  const std::size_t slash = path.find_last_of('/');
  const std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  struct Rule {
    std::string_view suffix;
    InputFormat::Kind kind;
    bool gzip;
  };
  static constexpr Rule kRules[] = {
      {".txt.gz", InputFormat::kText, true},
      {".txt", InputFormat::kText, false},
      {".jsonl.gz", InputFormat::kJsonl, true},
      {".jsonl", InputFormat::kJsonl, false},
  };
  InputFormat format;
  for (const Rule& rule : kRules) {
    if (!ends_with_ignoring_case(name, rule.suffix)) continue;
    format.kind = rule.kind;
    format.gzip = rule.gzip;
    const std::string_view stem = name.substr(0, name.size() - rule.suffix.size());
    format.id = std::string(stem.empty() ? name : stem);
    break;
  }
  return format;
}

std::string unknown_format_reason() {
  return "unknown format (expected .txt, .txt.gz, .jsonl or .jsonl.gz)";
}

}  // namespace newsmine::corpus_internal
