#include "pipeline/mpi_texts.h"

#include <utility>

#include "models/byte_pack.h"

namespace newsmine {
namespace {

// Requests and answers between rank 0 and the others (mpi_run.cc uses 1-3).
constexpr int kTextRequestTag = 11;
constexpr int kTextReplyTag = 12;

}  // namespace

Status RankTexts::read(std::span<const TextSpan> spans, std::vector<std::string>& out) {
  const auto ranks = static_cast<std::size_t>(comm_.size());
  // Each rank's spans, numbered in its share, and where their texts go.
  std::vector<std::vector<TextSpan>> asked(ranks);
  std::vector<std::vector<std::size_t>> into(ranks);
  for (std::size_t i = 0; i < spans.size(); ++i) {
    const std::size_t holder = shares_.holder(spans[i].doc);
    asked[holder].push_back({static_cast<std::uint32_t>(spans[i].doc - shares_.first(holder)), spans[i].start, spans[i].end});
    into[holder].push_back(i);
  }
  std::string bytes;
  for (std::size_t r = 1; r < ranks; ++r) {
    if (asked[r].empty()) continue;
    bytes.clear();
    BytePacker(bytes).vector(asked[r]);
    comm_.send(static_cast<int>(r), kTextRequestTag, bytes);
  }
  out.assign(spans.size(), std::string());
  std::vector<std::string> texts;
  Status status = asked[0].empty() ? Status() : own_.read(asked[0], texts);
  for (std::size_t k = 0; status.ok() && k < into[0].size(); ++k) out[into[0][k]] = std::move(texts[k]);
  for (std::size_t r = 1; r < ranks; ++r) {
    if (asked[r].empty()) continue;
    comm_.receive(static_cast<int>(r), kTextReplyTag, bytes);
    ByteUnpacker unpack(bytes);
    const std::string failure = unpack.string();
    if (!failure.empty() && status.ok()) status = Status::error("rank " + std::to_string(r) + ": " + failure);
    if (!failure.empty()) continue;
    for (std::size_t i : into[r]) out[i] = unpack.string();
    if (!unpack.ok() || !unpack.done()) status = Status::error("unreadable texts from rank " + std::to_string(r));
  }
  return status;
}

void RankTexts::finish() {
  for (int r = 1; r < comm_.size(); ++r) comm_.send(r, kTextRequestTag, std::string());
}

void serve_texts(TextStore& own, const MpiComm& comm) {
  std::string request, reply;
  std::vector<TextSpan> spans;
  std::vector<std::string> texts;
  for (comm.receive(0, kTextRequestTag, request); !request.empty(); comm.receive(0, kTextRequestTag, request)) {
    ByteUnpacker unpack(request);
    unpack.vector(spans);
    Status status = unpack.ok() && unpack.done() ? Status() : Status::error("unreadable text request from rank 0");
    for (const TextSpan& span : spans)
      if (status.ok() && span.doc >= own.size()) status = Status::error("rank 0 asked for an article this rank does not hold");
    if (status.ok()) status = own.read(spans, texts);
    reply.clear();
    BytePacker pack(reply);
    pack.string(status.ok() ? std::string() : status.message());
    if (status.ok())
      for (const std::string& text : texts) pack.string(text);
    comm.send(0, kTextReplyTag, reply);
  }
}

}  // namespace newsmine
