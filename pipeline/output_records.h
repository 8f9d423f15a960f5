// The JSON lines newsmine writes, one function per output record type.
//
// Each function appends one complete line (with its final newline) to `out`;
// field names and order follow ../shared/CONTRACT.md. Span texts are taken
// from the article bytes by offset, so text == bytes[start:end] by
// construction.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "corpus/document.h"
#include "models/clusters.h"
#include "models/passages.h"
#include "models/similarity.h"
#include "pipeline/analyzer.h"

namespace newsmine {

// documents.jsonl: id, source, date, bytes, tokens, sentences, dates[], numbers[], entities[].
void append_document_line(const DocumentAnalysis& analysis, std::string& out);
// The same line in two parts, for entities named after the rest was written
// (a distributed run learns the corpus-wide names later): every field up to
// `"entities":`, then the entities array, the closing brace and the newline.
void append_document_head(const DocumentAnalysis& analysis, std::string& out);
void append_document_entities(std::string_view text, const std::vector<EntityMention>& entities, std::string& out);

// rejected.jsonl: source, reason.
void append_rejection_line(const Rejection& rejection, std::string& out);

// The stderr notices of extract and run --verbose, without "newsmine: ":
// "rejected SOURCE: REASON", and "SOURCE: N bytes of invalid UTF-8 read as
// spaces" (empty for a document without any).
std::string rejection_notice(const Rejection& rejection);
std::string invalid_utf8_notice(const Document& document);

// similar.jsonl: a, b, cosine.
void append_similar_line(std::string_view a, std::string_view b, double cosine, std::string& out);

// passages.jsonl: a, a_start, a_end, b, b_start, b_end, score, kind, a_text, b_text.
void append_passage_line(const Passage& passage, std::string_view a_id, std::string_view b_id,
                         std::string_view a_text, std::string_view b_text, std::string& out);

// clusters.jsonl: cluster (1-based number), size, text, members[] of {id, start, end}.
// `ids` maps document indices to ids.
void append_cluster_line(std::size_t number, const Cluster& cluster, const std::vector<std::string>& ids,
                         std::string_view representative_text, std::string& out);

// reuse.jsonl: id, bytes, reused_bytes, reused_share (of the article's bytes).
void append_reuse_line(std::string_view id, std::uint64_t bytes, std::uint64_t reused_bytes, std::string& out);

// cleaned.jsonl: id, date (or null), text, removed_bytes.
void append_cleaned_line(std::string_view id, std::string_view date, std::string_view text,
                         std::uint64_t removed_bytes, std::string& out);

// Scores and cosines are printed to 6 decimals: stable and readable.
double round6(double value);

}  // namespace newsmine
