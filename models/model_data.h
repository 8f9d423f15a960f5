// ModelData: where the rules and word lists under models/data come from.
//
// The files in models/data are compiled into the binary (see
// cmake/embed_files.cmake), so newsmine runs from any directory. A directory
// may be given instead (`--models DIR`) to try edited rules without a rebuild;
// a file missing there falls back to the embedded copy.
//
// Thread-safe after construction.
//
//   ModelData data = ModelData::embedded();
//   std::string rules;
//   if (Status s = data.read("dates.rules", rules); !s.ok()) fail(s);
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/status.h"

namespace newsmine::models {

struct EmbeddedFile {
  std::string_view name;   // file name relative to models/data, e.g. "dates.rules"
  std::string_view bytes;  // its contents
};

// Every file of models/data, as embedded at build time.
std::span<const EmbeddedFile> embedded_model_files();

}  // namespace newsmine::models

namespace newsmine {

class ModelData {
 public:
  static ModelData embedded();
  static ModelData with_override(std::string directory);

  // Reads one data file by name into `out`.
  Status read(std::string_view name, std::string& out) const;

  // Splits a data file into its lines, dropping blank lines and "#" comments
  // and trimming surrounding white space. Line numbers (1-based) are kept for
  // error messages.
  struct Line {
    int number;
    std::string_view text;
  };
  static std::vector<Line> content_lines(std::string_view file);

 private:
  std::string directory_;  // empty: embedded only
};

}  // namespace newsmine
