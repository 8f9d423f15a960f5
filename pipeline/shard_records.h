// ShardRecord: one input record as a rank of a distributed run hands it on.
//
// Each rank analyzes its share of the corpus (mpi_run.h) and keeps each
// record in a ShardRecord: the record's documents.jsonl or rejected.jsonl
// line and, for an article, the analysis the report and the cross-document
// stages read (document, dates, entities, term counts, passage features; not
// the tokens, only their counts). Records travel as frames, a u64 length and
// the packed bytes (byte_pack.h), in a spill file on the rank's disk and
// then, stripped to what rank 0 needs, in chunks of whole frames over MPI.
//
//   ShardRecord record{.line = head, .analysis = std::move(analysis)};
//   std::string frames;
//   append_frame(record, frames);
//   for (std::string_view frame : split_frames(frames)) unpack_shard_record(frame, record);
#pragma once

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/status.h"
#include "models/byte_pack.h"
#include "pipeline/analyzer.h"

namespace newsmine {

struct ShardRecord {
  bool rejected = false;
  std::string line;           // rejected.jsonl line, or documents.jsonl line (or its head, before the names are known)
  DocumentAnalysis analysis;  // articles only; analysis.tokens stays empty
  std::uint64_t tokens = 0;   // the article's counts the summary adds up
  std::uint64_t sentences = 0;
  std::uint64_t numbers = 0;
  std::uint64_t dates = 0;     // (rank 0 needs the mentions themselves only for the report)
  std::uint64_t entities = 0;
  std::uint64_t text_bytes = 0;  // (the text itself stays on the rank)
};

// An article's passage features as packed bytes and back (also the
// features a distributed passage stage fetches, mpi_passages.h).
void pack_passage_features(const PassageFeatures& features, BytePacker& pack);
void unpack_passage_features(ByteUnpacker& unpack, PassageFeatures& features);

// Appends `record` to `out` as one frame.
void append_frame(const ShardRecord& record, std::string& out);
// Reads a frame's packed bytes (without its length) back; false on bytes append_frame did not write.
bool unpack_shard_record(std::string_view frame, ShardRecord& record);
// The packed bytes of each whole frame in `frames`; false when a frame is cut short.
bool split_frames(std::string_view frames, std::vector<std::string_view>& out);

// A temporary file of frames, written once and read back in order, then removed.
class FrameSpill {
 public:
  FrameSpill() = default;
  ~FrameSpill();
  FrameSpill(const FrameSpill&) = delete;
  FrameSpill& operator=(const FrameSpill&) = delete;

  Status open(const std::filesystem::path& path);
  Status append(const ShardRecord& record);
  // Ends writing; next() then reads the frames from the first.
  Status rewind();
  // The next frame's packed bytes into `frame`; false at the end (status() tells an error).
  bool next(std::string& frame);
  const Status& status() const { return status_; }

 private:
  Status fail(const std::string& what);

  std::FILE* file_ = nullptr;
  std::filesystem::path path_;
  std::string scratch_;
  Status status_;
};

}  // namespace newsmine
