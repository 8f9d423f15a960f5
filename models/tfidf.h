// TF-IDF document vectors for the whole corpus.
//
// TfidfBuilder collects the term counts of every document (in input order) and
// builds a documents × terms sparse matrix of weights
//   w(d, t) = (1 + ln tf(d, t)) · (ln((1 + N) / (1 + df(t))) + 1)
// (sublinear tf, smoothed idf, as in scikit-learn's TfidfVectorizer with
// sublinear_tf=true), each row scaled to unit L2 norm so that a dot product of
// two rows is their cosine. A document without terms is an all-zero row.
//
// Term hashes are interned to dense ids in first-seen order (documents in the
// order added, each document's terms in hash order), so the matrix depends
// only on the input order. Storage is compact: one interning table plus flat
// (term id, count) arrays, 8 bytes per distinct term per document.
//
// Thread safety: add() is serial (call it in input order from one thread);
// build() and the accessors are const and may run concurrently. build()
// computes rows in parallel with TBB; O(nnz) time and memory. The matrix uses
// int indices, so the corpus may hold at most 2^31 - 1 (document, term) entries.
//
//   TfidfBuilder builder;
//   for (const TermCounts& doc : counts) builder.add(doc);
//   Eigen::SparseMatrix<float, Eigen::RowMajor> x = builder.build();
//   float cosine = x.row(0).dot(x.row(1));
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include <Eigen/SparseCore>

#include "models/flat_id_map.h"
#include "models/term_counts.h"

namespace newsmine {

class TfidfBuilder {
 public:
  // Appends one document; its row index is the number of documents added before.
  void add(const TermCounts& doc);

  // The L2-normalized TF-IDF matrix, documents() × terms().
  Eigen::SparseMatrix<float, Eigen::RowMajor> build() const;

  // The rows of a share of a larger corpus (pipeline/mpi_similarity.h): term
  // `id` goes to column column_of[id] of `columns` with weight idf_of[id],
  // both from the whole corpus. With the columns in the whole corpus's term
  // order, each row is bit-identical to its row in the whole corpus's build().
  Eigen::SparseMatrix<float, Eigen::RowMajor> build(std::span<const std::uint32_t> column_of,
                                                    std::span<const double> idf_of, std::size_t columns) const;

  // ln((1 + documents) / (1 + df)) + 1.
  static double smoothed_idf(std::uint64_t documents, std::uint64_t df);

  std::size_t documents() const { return doc_offsets_.size() - 1; }
  std::size_t terms() const { return term_hashes_.size(); }

  // Number of documents containing term `id` (id < terms()).
  std::uint32_t document_frequency(std::uint32_t id) const { return document_frequency_[id]; }
  // The smoothed idf of term `id`: ln((1 + N) / (1 + df)) + 1.
  double idf(std::uint32_t id) const;
  // The term-key hash interned as `id`.
  std::uint64_t term_hash_of(std::uint32_t id) const { return term_hashes_[id]; }

 private:
  FlatIdMap ids_;                                          // term hash -> dense id
  std::vector<std::uint64_t> term_hashes_;                 // dense id -> term hash
  std::vector<std::uint32_t> document_frequency_;          // dense id -> df
  std::vector<std::size_t> doc_offsets_{0};                // row d is [offsets[d], offsets[d+1])
  std::vector<std::uint32_t> term_ids_;                    // per row, in the row's hash order
  std::vector<std::uint32_t> counts_;                      // parallel to term_ids_
};

}  // namespace newsmine
