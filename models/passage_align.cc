#include "models/passage_align.h"

#include <algorithm>
#include <limits>

#include "models/passage_index.h"

namespace newsmine {
namespace {

constexpr std::uint32_t kNoSentence = std::numeric_limits<std::uint32_t>::max();
constexpr std::size_t kNoChain = std::numeric_limits<std::size_t>::max();
// A shingle repeated more often than this within one document (tables, lists
// of numbers) says nothing about where its copies align; it is not used.
constexpr std::size_t kMaxShingleRepeats = 16;

// out[t] = index of the sentence holding term t, or kNoSentence.
void map_terms_to_sentences(const PassageFeatures& doc, std::vector<std::uint32_t>& out) {
  out.assign(doc.terms.size(), kNoSentence);
  for (std::size_t s = 0; s < doc.sentences.size(); ++s) {
    for (std::uint32_t t = doc.sentences[s].first_term; t < doc.sentences[s].end_term && t < out.size(); ++t) {
      out[t] = static_cast<std::uint32_t>(s);
    }
  }
}

std::span<const std::uint32_t> sentence_terms(const PassageFeatures& doc, std::uint32_t s) {
  const PassageSentence& sentence = doc.sentences[s];
  return std::span<const std::uint32_t>(doc.terms).subspan(sentence.first_term, sentence.end_term - sentence.first_term);
}

std::span<const std::uint32_t> sentence_range_terms(const PassageFeatures& doc, std::uint32_t first, std::uint32_t last) {
  const std::uint32_t begin = doc.sentences[first].first_term;
  return std::span<const std::uint32_t>(doc.terms).subspan(begin, doc.sentences[last].end_term - begin);
}

// The predecessor offsets (di, dj) tried when chaining a match, best first:
// the diagonal, then a sentence split on one side, then gaps of unmatched
// sentences, nearest and most diagonal first.
void chain_steps(std::size_t max_gap, std::vector<std::pair<std::uint32_t, std::uint32_t>>& steps) {
  const std::uint32_t reach = static_cast<std::uint32_t>(std::min<std::size_t>(max_gap, 1000)) + 1;
  steps = {{1, 1}, {0, 1}, {1, 0}};
  std::vector<std::pair<std::uint32_t, std::uint32_t>> gaps;
  for (std::uint32_t di = 1; di <= reach; ++di) {
    for (std::uint32_t dj = 1; dj <= reach; ++dj) {
      if (di + dj > 2) gaps.emplace_back(di, dj);
    }
  }
  std::stable_sort(gaps.begin(), gaps.end(), [](const auto& l, const auto& r) {
    const auto skew = [](const auto& s) { return s.first > s.second ? s.first - s.second : s.second - s.first; };
    if (l.first + l.second != r.first + r.second) return l.first + l.second < r.first + r.second;
    return skew(l) < skew(r);
  });
  steps.insert(steps.end(), gaps.begin(), gaps.end());
}

}  // namespace

void PassageAligner::prepare(std::uint32_t a_index, const PassageFeatures& a, std::span<const std::uint64_t> frequent,
                             const PassageOptions& options) {
  options_ = options;
  k_ = std::max<std::size_t>(1, options.shingle_size);
  a_index_ = a_index;
  a_ = &a;
  a_shingles_.clear();
  for (std::size_t p = 0; p + k_ <= a.terms.size(); ++p) {
    const std::uint64_t hash = shingle_hash(&a.terms[p], k_);
    if (!std::binary_search(frequent.begin(), frequent.end(), hash)) {
      a_shingles_.emplace_back(hash, static_cast<std::uint32_t>(p));
    }
  }
  std::sort(a_shingles_.begin(), a_shingles_.end());
  std::size_t kept = 0;
  for (std::size_t i = 0; i < a_shingles_.size();) {
    std::size_t j = i + 1;
    while (j < a_shingles_.size() && a_shingles_[j].first == a_shingles_[i].first) ++j;
    if (j - i <= kMaxShingleRepeats) {
      for (std::size_t e = i; e < j; ++e) a_shingles_[kept++] = a_shingles_[e];
    }
    i = j;
  }
  a_shingles_.resize(kept);
  map_terms_to_sentences(a, a_sentence_of_);
  chain_steps(options.max_sentence_gap, steps_);
}

void PassageAligner::align(std::uint32_t b_index, const PassageFeatures& b, std::vector<Passage>& out) {
  if (a_ == nullptr) return;
  candidate_sentence_pairs(b);
  score_sentence_pairs(b);
  chain_matches(b);
  emit(b_index, b, out);
}

// Sentence pairs (i, j) whose terms are aligned by at least one shared shingle.
void PassageAligner::candidate_sentence_pairs(const PassageFeatures& b) {
  map_terms_to_sentences(b, b_sentence_of_);
  sentence_pairs_.clear();
  for (std::size_t q = 0; q + k_ <= b.terms.size(); ++q) {
    const std::uint64_t hash = shingle_hash(&b.terms[q], k_);
    auto it = std::lower_bound(a_shingles_.begin(), a_shingles_.end(), std::make_pair(hash, std::uint32_t{0}));
    for (; it != a_shingles_.end() && it->first == hash; ++it) {
      for (std::size_t d = 0; d < k_; ++d) {
        const std::uint32_t i = a_sentence_of_[it->second + d];
        const std::uint32_t j = b_sentence_of_[q + d];
        if (i == kNoSentence || j == kNoSentence) continue;
        const std::uint64_t pair = std::uint64_t{i} << 32 | j;
        if (sentence_pairs_.empty() || sentence_pairs_.back() != pair) sentence_pairs_.push_back(pair);
      }
    }
  }
  std::sort(sentence_pairs_.begin(), sentence_pairs_.end());
  sentence_pairs_.erase(std::unique(sentence_pairs_.begin(), sentence_pairs_.end()), sentence_pairs_.end());
}

void PassageAligner::score_sentence_pairs(const PassageFeatures& b) {
  matches_.clear();
  for (std::uint64_t pair : sentence_pairs_) {
    const auto i = static_cast<std::uint32_t>(pair >> 32);
    const auto j = static_cast<std::uint32_t>(pair);
    const auto terms_a = sentence_terms(*a_, i);
    const auto terms_b = sentence_terms(b, j);
    const std::size_t common = lcs_length(terms_a, terms_b, lcs_);
    const std::size_t shorter = std::min(terms_a.size(), terms_b.size());
    if (dice(common, terms_a.size(), terms_b.size()) >= options_.min_sentence_similarity ||
        static_cast<double>(common) >= options_.min_sentence_containment * static_cast<double>(shorter)) {
      matches_.push_back({i, j, static_cast<std::uint32_t>(common)});
    }
  }
}

std::ptrdiff_t PassageAligner::find_match(std::uint32_t i, std::uint32_t j) const {
  const auto it = std::lower_bound(matches_.begin(), matches_.end(), std::make_pair(i, j),
                                   [](const Match& m, const std::pair<std::uint32_t, std::uint32_t>& key) {
                                     return m.i != key.first ? m.i < key.first : m.j < key.second;
                                   });
  if (it == matches_.end() || it->i != i || it->j != j) return -1;
  return it - matches_.begin();
}

// Extends `chain` (whose last match is the predecessor at (i - di, j - dj))
// with match m when the passage stays similar enough.
bool PassageAligner::try_extend(Chain& chain, std::size_t m, std::uint32_t di, std::uint32_t dj,
                                const PassageFeatures& b) {
  const Match& match = matches_[m];
  const Match& first = matches_[chain.first];
  std::size_t committed = chain.committed_lcs;
  std::size_t block_lcs = match.lcs;
  std::size_t block_first = m;
  if (di == 0 || dj == 0) {
    // Same sentence on one side: the block grows; its LCS is recomputed.
    block_first = chain.block_first;
    const Match& start = matches_[block_first];
    block_lcs = lcs_length(sentence_range_terms(*a_, start.i, match.i), sentence_range_terms(b, start.j, match.j), lcs_);
  } else {
    committed += chain.block_lcs;
  }
  const std::size_t length_a = a_->sentences[match.i].end_term - a_->sentences[first.i].first_term;
  const std::size_t length_b = b.sentences[match.j].end_term - b.sentences[first.j].first_term;
  if (dice(committed + block_lcs, length_a, length_b) < options_.min_sentence_similarity) return false;
  chain.last = m;
  chain.block_first = block_first;
  chain.committed_lcs = committed;
  chain.block_lcs = block_lcs;
  return true;
}

// Links each match, in (i, j) order, to the chain ending at its first
// predecessor in steps_ that it can extend; a match that extends no chain
// starts one.
void PassageAligner::chain_matches(const PassageFeatures& b) {
  chains_.clear();
  chain_of_.assign(matches_.size(), kNoChain);
  for (std::size_t m = 0; m < matches_.size(); ++m) {
    const Match& match = matches_[m];
    for (const auto& [di, dj] : steps_) {
      if (match.i < di || match.j < dj) continue;
      const std::ptrdiff_t p = find_match(match.i - di, match.j - dj);
      if (p < 0) continue;
      const std::size_t c = chain_of_[static_cast<std::size_t>(p)];
      if (chains_[c].last != static_cast<std::size_t>(p)) continue;  // already extended
      if (try_extend(chains_[c], m, di, dj, b)) {
        chain_of_[m] = c;
        break;
      }
    }
    if (chain_of_[m] == kNoChain) {
      chain_of_[m] = chains_.size();
      chains_.push_back({m, m, m, 0, match.lcs});
    }
  }
}

void PassageAligner::emit(std::uint32_t b_index, const PassageFeatures& b, std::vector<Passage>& out) {
  for (const Chain& chain : chains_) {
    const Match& first = matches_[chain.first];
    const Match& last = matches_[chain.last];
    const auto terms_a = sentence_range_terms(*a_, first.i, last.i);
    const auto terms_b = sentence_range_terms(b, first.j, last.j);
    const bool exact = std::equal(terms_a.begin(), terms_a.end(), terms_b.begin(), terms_b.end());
    const std::size_t common = exact ? terms_a.size() : lcs_length(terms_a, terms_b, lcs_);
    const double score = exact ? 1.0 : dice(common, terms_a.size(), terms_b.size());
    if (common < options_.min_passage_tokens || score < options_.min_sentence_similarity) continue;
    Passage passage;
    passage.a = a_index_;
    passage.a_start = a_->sentences[first.i].start;
    passage.a_end = a_->sentences[last.i].end;
    passage.b = b_index;
    passage.b_start = b.sentences[first.j].start;
    passage.b_end = b.sentences[last.j].end;
    passage.score = score;
    passage.exact = exact;
    out.push_back(passage);
  }
}

}  // namespace newsmine
