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
  const std::size_t begin = term_ids_.size();
  for (const auto& [hash, count] : doc.counts) {
    auto [it, inserted] = ids_.try_emplace(hash, static_cast<std::uint32_t>(term_hashes_.size()));
    if (inserted) {
      term_hashes_.push_back(hash);
      document_frequency_.push_back(0);
    }
    ++document_frequency_[it->second];
    term_ids_.push_back(it->second);
    counts_.push_back(count);
  }
  // Rows are stored with ascending term ids, as the sparse matrix wants them.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> row;
  row.reserve(term_ids_.size() - begin);
  for (std::size_t i = begin; i < term_ids_.size(); ++i) row.emplace_back(term_ids_[i], counts_[i]);
  std::sort(row.begin(), row.end());
  for (std::size_t i = 0; i < row.size(); ++i) {
    term_ids_[begin + i] = row[i].first;
    counts_[begin + i] = row[i].second;
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

  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, rows), [&](const tbb::blocked_range<std::size_t>& range) {
    for (std::size_t d = range.begin(); d != range.end(); ++d) {
      double norm2 = 0;
      for (std::size_t i = doc_offsets_[d]; i < doc_offsets_[d + 1]; ++i) {
        const double w = (1.0 + std::log(static_cast<double>(counts_[i]))) * idf_table[term_ids_[i]];
        norm2 += w * w;
      }
      const double scale = norm2 > 0 ? 1.0 / std::sqrt(norm2) : 0.0;
      for (std::size_t i = doc_offsets_[d]; i < doc_offsets_[d + 1]; ++i) {
        const double w = (1.0 + std::log(static_cast<double>(counts_[i]))) * idf_table[term_ids_[i]];
        inner[i] = static_cast<Index>(term_ids_[i]);
        values[i] = static_cast<float>(w * scale);
      }
    }
  });
  return matrix;
}

}  // namespace newsmine
