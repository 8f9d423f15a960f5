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

double TfidfBuilder::smoothed_idf(std::uint64_t documents, std::uint64_t df) {
  return std::log((1.0 + static_cast<double>(documents)) / (1.0 + static_cast<double>(df))) + 1.0;
}

double TfidfBuilder::idf(std::uint32_t id) const { return smoothed_idf(documents(), document_frequency_[id]); }

Eigen::SparseMatrix<float, Eigen::RowMajor> TfidfBuilder::build() const {
  std::vector<std::uint32_t> column_of(terms());
  std::vector<double> idf_of(terms());
  for (std::uint32_t id = 0; id < terms(); ++id) {
    column_of[id] = id;
    idf_of[id] = idf(id);
  }
  return build(column_of, idf_of, terms());
}

Eigen::SparseMatrix<float, Eigen::RowMajor> TfidfBuilder::build(std::span<const std::uint32_t> column_of,
                                                                 std::span<const double> idf_of,
                                                                 std::size_t columns) const {
  using Index = Eigen::SparseMatrix<float, Eigen::RowMajor>::StorageIndex;
  const std::size_t rows = documents();
  const std::size_t nnz = term_ids_.size();
  Eigen::SparseMatrix<float, Eigen::RowMajor> matrix(static_cast<Eigen::Index>(rows),
                                                      static_cast<Eigen::Index>(columns));
  if (nnz > static_cast<std::size_t>(std::numeric_limits<Index>::max())) {
    throw std::length_error("TfidfBuilder: too many (document, term) entries for int indices");
  }
  matrix.resizeNonZeros(static_cast<Eigen::Index>(nnz));
  Index* outer = matrix.outerIndexPtr();
  Index* inner = matrix.innerIndexPtr();
  float* values = matrix.valuePtr();
  for (std::size_t d = 0; d <= rows; ++d) outer[d] = static_cast<Index>(doc_offsets_[d]);

  // Rows are stored in hash order; the matrix wants ascending columns.
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, rows), [&](const tbb::blocked_range<std::size_t>& range) {
    std::vector<std::pair<std::uint32_t, std::size_t>> row;  // (column, entry)
    for (std::size_t d = range.begin(); d != range.end(); ++d) {
      row.clear();
      for (std::size_t i = doc_offsets_[d]; i < doc_offsets_[d + 1]; ++i) row.emplace_back(column_of[term_ids_[i]], i);
      std::sort(row.begin(), row.end());
      auto weight = [&](const std::pair<std::uint32_t, std::size_t>& entry) {
        return (1.0 + std::log(static_cast<double>(counts_[entry.second]))) * idf_of[term_ids_[entry.second]];
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
