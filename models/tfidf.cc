#include "models/tfidf.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <utility>

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

namespace newsmine {

void TfidfBuilder::add(const TermCounts& doc) {
  for (const auto& [hash, count] : doc.counts) {
    const auto [stored, inserted] = ids_.try_emplace(hash, static_cast<std::uint32_t>(term_hashes_.size()));
    const std::uint32_t id = *stored;
    if (inserted) {
      term_hashes_.push_back(hash);
      document_frequency_.push_back(0);
    }
    ++document_frequency_[id];
    term_ids_.push_back(id);
    counts_.push_back(count);
  }
  doc_offsets_.push_back(term_ids_.size());
}

double TfidfBuilder::idf(std::uint32_t id) const {
  const double n = static_cast<double>(documents());
  return std::log((1.0 + n) / (1.0 + document_frequency_[id])) + 1.0;
}

Eigen::SparseMatrix<float, Eigen::RowMajor> TfidfBuilder::build() const {
  using Index = Eigen::SparseMatrix<float, Eigen::RowMajor>::StorageIndex;
  const std::size_t rows = documents();
  const std::size_t nnz = term_ids_.size();
  Eigen::SparseMatrix<float, Eigen::RowMajor> matrix(static_cast<Eigen::Index>(rows),
                                                      static_cast<Eigen::Index>(terms()));
  if (nnz > static_cast<std::size_t>(std::numeric_limits<Index>::max())) {
    throw std::length_error("TfidfBuilder: too many (document, term) entries for int indices");
  }
  std::vector<double> idf_table(terms());
  for (std::uint32_t id = 0; id < terms(); ++id) idf_table[id] = idf(id);

  matrix.resizeNonZeros(static_cast<Eigen::Index>(nnz));
  Index* outer = matrix.outerIndexPtr();
  Index* inner = matrix.innerIndexPtr();
  float* values = matrix.valuePtr();
  for (std::size_t d = 0; d <= rows; ++d) outer[d] = static_cast<Index>(doc_offsets_[d]);

  // Rows are stored in hash order; the matrix wants ascending term ids.
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, rows), [&](const tbb::blocked_range<std::size_t>& range) {
    std::vector<std::pair<std::uint32_t, std::uint32_t>> row;  // (term id, count)
    for (std::size_t d = range.begin(); d != range.end(); ++d) {
      row.clear();
      for (std::size_t i = doc_offsets_[d]; i < doc_offsets_[d + 1]; ++i) row.emplace_back(term_ids_[i], counts_[i]);
      std::sort(row.begin(), row.end());
      auto weight = [&](const std::pair<std::uint32_t, std::uint32_t>& entry) {
        return (1.0 + std::log(static_cast<double>(entry.second))) * idf_table[entry.first];
      };
      double norm2 = 0;
      for (const auto& entry : row) norm2 += weight(entry) * weight(entry);
      const double scale = norm2 > 0 ? 1.0 / std::sqrt(norm2) : 0.0;
      for (std::size_t k = 0; k < row.size(); ++k) {
        inner[doc_offsets_[d] + k] = static_cast<Index>(row[k].first);
        values[doc_offsets_[d] + k] = static_cast<float>(weight(row[k]) * scale);
      }
    }
  });
  return matrix;
}

}  // namespace newsmine
