#include "pipeline/run.h"

#include <oneapi/tbb/global_control.h>

#include <cstdio>
#include <optional>

#include "pipeline/output_records.h"
#include "pipeline/progress.h"
#include "pipeline/run_stages.h"
#include "pipeline/stopwatch.h"

namespace newsmine {

Status run(const RunOptions& options, RunSummary& summary) {
  const Stopwatch wall;
  RunOutputs outputs;
  if (Status s = open_run_outputs(options, outputs); !s.ok()) return s;

  std::unique_ptr<const Analyzer> analyzer;
  const ModelData data = options.models_dir.empty() ? ModelData::embedded() : ModelData::with_override(options.models_dir);
  if (Status s = Analyzer::load(data, analyzer); !s.ok()) return s;

  const int threads = resolve_threads(options.stream.threads);
  tbb::global_control parallelism(tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(threads));

  // Pass 1: stream the corpus, writing per-article output in input order.
  std::optional<Progress> progress;
  // --verbose notices replace the progress line (one write, so lines do not
  // interleave); its next update draws it again below them.
  auto notice = [&](const std::string& message) {
    if (options.verbose) std::fprintf(stderr, "%snewsmine: %s\n", progress ? "\r\033[K" : "", message.c_str());
  };
  std::string line;
  auto on_document = [&](DocumentAnalysis& analysis) -> Status {
    if (analysis.document.invalid_utf8_bytes > 0) notice(invalid_utf8_notice(analysis.document));
    line.clear();
    append_document_line(analysis, line);
    count_document(analysis, summary);
    return keep_document(analysis, line, outputs);
  };
  auto on_rejection = [&](const Rejection& rejection) -> Status {
    notice(rejection_notice(rejection));
    line.clear();
    append_rejection_line(rejection, line);
    return outputs.rejected.write(line);
  };
  if (options.progress) progress.emplace(input_size(options.paths));
  ProgressCallback on_progress;
  if (progress) on_progress = [&](const ReaderStats& stats) { progress->update(stats); };

  Status streamed = analyze_corpus(options.paths, options.stream, *analyzer, on_document, on_rejection, summary.stream,
                                   on_progress);
  if (progress) progress->finish();
  if (!streamed.ok()) return streamed;
  if (Status s = close_stream_outputs(outputs, summary); !s.ok()) return s;

  // Pass 2: cross-document stages over the kept features.
  return cross_document_stages(options, in_process_steps(), outputs, summary, wall);
}

}  // namespace newsmine
