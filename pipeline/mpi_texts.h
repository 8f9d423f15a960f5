// The article texts of a distributed run stay on the ranks that analyzed
// them; rank 0 reads the pieces it quotes (passages, families, the report,
// cleaned articles) from them.
//
// Every rank keeps its share's texts in a TextStore. Rank 0 reads through
// RankTexts: each batch of spans is split by the rank holding the article,
// sent to those ranks, answered from their stores, and put back in order.
// The other ranks answer in serve_texts until rank 0 calls finish().
//
//   rank 0:  RankTexts texts(own, shares, comm);  ... texts.read(spans, out) ...;  texts.finish();
//   others:  serve_texts(own, comm);
#pragma once

#include <span>
#include <string>
#include <vector>

#include "pipeline/mpi_comm.h"
#include "pipeline/mpi_exchange.h"
#include "pipeline/text_store.h"

namespace newsmine {

class RankTexts : public ArticleTexts {
 public:
  // `own`: rank 0's share, its first article numbered shares.first(0).
  RankTexts(TextStore& own, const ArticleShares& shares, const MpiComm& comm) : own_(own), shares_(shares), comm_(comm) {}

  using ArticleTexts::read;
  // Spans of corpus-wide article numbers.
  Status read(std::span<const TextSpan> spans, std::vector<std::string>& out) override;
  // Lets the serving ranks go on.
  void finish();

 private:
  TextStore& own_;
  const ArticleShares& shares_;
  const MpiComm& comm_;
};

// Answers rank 0's reads from this rank's share until it finishes.
void serve_texts(TextStore& own, const MpiComm& comm);

}  // namespace newsmine
