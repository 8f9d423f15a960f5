#include "pipeline/commands.h"

#include <filesystem>

#include "corpus/corpus_reader.h"
#include "pipeline/output_records.h"
#include "tokenizers/tokenizer.h"

namespace newsmine {

Status tokenize_command(const std::string& file, std::ostream& out) {
  if (!std::filesystem::exists(file)) return Status::error("no such file (" + file + ")");
  CorpusReader reader({file}, ReaderOptions());
  Tokenizer tokenizer;
  TokenizedText tokens;
  std::string line;
  bool several = false;
  while (std::optional<Record> record = reader.next()) {
    if (const auto* rejection = std::get_if<Rejection>(&*record))
      return Status::error(rejection->reason + " (" + rejection->source + ")");
    const Document& document = std::get<Document>(*record);
    several |= reader.stats().records > 1 || document.source != file;
    if (several) out << "#\t" << document.id << '\n';
    tokenizer.tokenize(document.text, tokens);
    for (const Token& token : tokens.tokens) {
      line.clear();
      line += std::to_string(token.start) + '\t' + std::to_string(token.end) + '\t';
      line += to_string(token.kind);
      line += '\t';
      line += span_text(document.text, token.start, token.end);
      line += '\t';
      line += tokens.key(token);
      line += '\n';
      out << line;
    }
  }
  return out ? Status() : Status::error("cannot write to standard output");
}

Status extract_command(const ExtractOptions& options, std::ostream& out, std::ostream& errors) {
  std::unique_ptr<const Analyzer> analyzer;
  const ModelData data = options.models_dir.empty() ? ModelData::embedded() : ModelData::with_override(options.models_dir);
  if (Status s = Analyzer::load(data, analyzer); !s.ok()) return s;
  std::string line;
  StreamStats stats;
  Status status = analyze_corpus(
      options.paths, options.stream, *analyzer,
      [&](DocumentAnalysis& analysis) {
        if (const std::string notice = invalid_utf8_notice(analysis.document); !notice.empty())
          errors << "newsmine: " << notice << '\n';
        line.clear();
        append_document_line(analysis, line);
        out << line;
        return out ? Status() : Status::error("cannot write to standard output");
      },
      [&](const Rejection& rejection) {
        errors << "newsmine: " << rejection_notice(rejection) << '\n';
        return Status();
      },
      stats);
  if (status.ok() && stats.reader.documents == 0 && stats.reader.rejected == 0)
    return Status::error("no input records found");
  return status;
}

}  // namespace newsmine
