// Which reader a path goes to, and the document id a .txt file name gives.
//
// Formats are recognized by the end of the file name, ignoring letter case:
// .txt, .txt.gz, .jsonl, .jsonl.gz. The id of a .txt article is its file name
// without those extensions ("000_472165fa652a4c97.txt" gives
// "000_472165fa652a4c97", "a.txt.gz" gives "a"). Stateless; thread-safe.
//
//   InputFormat f = classify_path("corpus/sample/01_port.txt");  // kText, id "01_port"
#pragma once

#include <string>
#include <string_view>

namespace newsmine::corpus_internal {

struct InputFormat {
  enum Kind { kUnknown, kText, kJsonl };
  Kind kind = kUnknown;
  bool gzip = false;  // the file is gzip-compressed (.gz)
  std::string id;     // file name without the format's extensions
};

InputFormat classify_path(std::string_view path);

// The message for a file named explicitly whose format is not known.
std::string unknown_format_reason();

}  // namespace newsmine::corpus_internal
