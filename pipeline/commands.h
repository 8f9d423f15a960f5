// The commands besides `run`: tokenize and extract, as library functions so
// tests can call them without a process.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "corpus/status.h"
#include "pipeline/document_stream.h"
#include "pipeline/run.h"

namespace newsmine {

// Writes one line per token of every article in `file`:
// start<TAB>end<TAB>kind<TAB>text<TAB>key. With several articles (JSONL),
// each one's tokens follow a line "#<TAB>id", offsets relative to that article.
Status tokenize_command(const std::string& file, std::ostream& out);

struct ExtractOptions {
  std::vector<std::string> paths;
  std::string models_dir;  // override for models/data; empty = built in
  StreamOptions stream;
};

// Writes documents.jsonl lines for the articles on `out`, in input order;
// each rejected record becomes a line "newsmine: rejected SOURCE: REASON" on `errors`.
Status extract_command(const ExtractOptions& options, std::ostream& out, std::ostream& errors);

}  // namespace newsmine
