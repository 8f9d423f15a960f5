#include "pipeline/shard_records.h"

#include <cerrno>
#include <cstring>
#include <system_error>

#include "models/byte_pack.h"

namespace newsmine {
namespace {

void pack_document(const DocumentAnalysis& analysis, BytePacker& pack) {
  const Document& doc = analysis.document;
  pack.string(doc.id);
  pack.string(doc.source);
  pack.string(doc.date);
  pack.string(doc.text);
  pack.value(doc.invalid_utf8_bytes);
  pack.value(static_cast<std::uint64_t>(analysis.dates.size()));
  for (const DateMention& date : analysis.dates) {
    pack.value(date.start);
    pack.value(date.end);
    pack.string(date.value);
    pack.value(date.kind);
  }
  pack.value(static_cast<std::uint64_t>(analysis.entities.size()));
  for (const EntityMention& entity : analysis.entities) {
    pack.value(entity.start);
    pack.value(entity.end);
    pack.value(entity.label);
    pack.string(entity.canonical);
  }
  std::vector<std::uint64_t> hashes;
  std::vector<std::uint32_t> counts;
  for (const auto& [hash, count] : analysis.terms.counts) {
    hashes.push_back(hash);
    counts.push_back(count);
  }
  pack.vector(hashes);
  pack.vector(counts);
  pack_passage_features(analysis.passages, pack);
}

void unpack_document(ByteUnpacker& unpack, DocumentAnalysis& analysis) {
  Document& doc = analysis.document;
  doc.id = unpack.string();
  doc.source = unpack.string();
  doc.date = unpack.string();
  doc.text = unpack.string();
  doc.invalid_utf8_bytes = unpack.value<std::uint64_t>();
  analysis.dates.clear();
  for (auto n = unpack.value<std::uint64_t>(); n > 0 && unpack.ok(); --n) {
    DateMention date;
    date.start = unpack.value<std::uint32_t>();
    date.end = unpack.value<std::uint32_t>();
    date.value = unpack.string();
    date.kind = unpack.value<DateKind>();
    analysis.dates.push_back(std::move(date));
  }
  analysis.entities.clear();
  for (auto n = unpack.value<std::uint64_t>(); n > 0 && unpack.ok(); --n) {
    EntityMention entity;
    entity.start = unpack.value<std::uint32_t>();
    entity.end = unpack.value<std::uint32_t>();
    entity.label = unpack.value<EntityLabel>();
    entity.canonical = unpack.string();
    analysis.entities.push_back(std::move(entity));
  }
  std::vector<std::uint64_t> hashes;
  std::vector<std::uint32_t> counts;
  unpack.vector(hashes);
  unpack.vector(counts);
  analysis.terms.counts.clear();
  for (std::size_t i = 0; i < hashes.size() && i < counts.size(); ++i) analysis.terms.counts.emplace_back(hashes[i], counts[i]);
  unpack_passage_features(unpack, analysis.passages);
}

}  // namespace

void pack_passage_features(const PassageFeatures& features, BytePacker& pack) {
  pack.vector(features.terms);
  pack.vector(features.term_starts);
  pack.vector(features.term_ends);
  pack.vector(features.phrase_ends);
  pack.vector(features.sentences);
}

void unpack_passage_features(ByteUnpacker& unpack, PassageFeatures& features) {
  unpack.vector(features.terms);
  unpack.vector(features.term_starts);
  unpack.vector(features.term_ends);
  unpack.vector(features.phrase_ends);
  unpack.vector(features.sentences);
}

void append_frame(const ShardRecord& record, std::string& out) {
  const std::size_t length_at = out.size();
  out.append(sizeof(std::uint64_t), '\0');
  BytePacker pack(out);
  pack.value(record.rejected);
  pack.string(record.line);
  if (!record.rejected) {
    pack.value(record.tokens);
    pack.value(record.sentences);
    pack.value(record.numbers);
    pack.value(record.dates);
    pack.value(record.entities);
    pack.value(record.text_bytes);
    pack_document(record.analysis, pack);
  }
  const std::uint64_t length = out.size() - length_at - sizeof length;
  std::memcpy(out.data() + length_at, &length, sizeof length);
}

bool unpack_shard_record(std::string_view frame, ShardRecord& record) {
  ByteUnpacker unpack(frame);
  record.rejected = unpack.value<bool>();
  record.line = unpack.string();
  if (!record.rejected) {
    record.tokens = unpack.value<std::uint64_t>();
    record.sentences = unpack.value<std::uint64_t>();
    record.numbers = unpack.value<std::uint64_t>();
    record.dates = unpack.value<std::uint64_t>();
    record.entities = unpack.value<std::uint64_t>();
    record.text_bytes = unpack.value<std::uint64_t>();
    unpack_document(unpack, record.analysis);
  }
  return unpack.ok() && unpack.done();
}

bool split_frames(std::string_view frames, std::vector<std::string_view>& out) {
  out.clear();
  while (!frames.empty()) {
    std::uint64_t length = 0;
    if (frames.size() < sizeof length) return false;
    std::memcpy(&length, frames.data(), sizeof length);
    frames.remove_prefix(sizeof length);
    if (length > frames.size()) return false;
    out.push_back(frames.substr(0, length));
    frames.remove_prefix(length);
  }
  return true;
}

FrameSpill::~FrameSpill() {
  if (file_) std::fclose(file_);
  std::error_code ignored;
  if (!path_.empty()) std::filesystem::remove(path_, ignored);
}

Status FrameSpill::fail(const std::string& what) {
  status_ = Status::error(what + ": " + std::strerror(errno) + " (" + path_.string() + ")");
  return status_;
}

Status FrameSpill::open(const std::filesystem::path& path) {
  path_ = path;
  file_ = std::fopen(path.c_str(), "w+b");
  if (!file_) return fail("cannot create spill file");
  return {};
}

Status FrameSpill::append(const ShardRecord& record) {
  scratch_.clear();
  append_frame(record, scratch_);
  if (std::fwrite(scratch_.data(), 1, scratch_.size(), file_) != scratch_.size()) return fail("cannot write spill file");
  return {};
}

Status FrameSpill::rewind() {
  if (std::fflush(file_) != 0 || std::fseek(file_, 0, SEEK_SET) != 0) return fail("cannot read spill file back");
  return {};
}

bool FrameSpill::next(std::string& frame) {
  std::uint64_t length = 0;
  const std::size_t got = std::fread(&length, 1, sizeof length, file_);
  if (got == 0 && std::feof(file_)) return false;
  frame.resize(length);
  if (got != sizeof length || std::fread(frame.data(), 1, length, file_) != length) {
    fail("spill file cut short");
    return false;
  }
  return true;
}

}  // namespace newsmine
