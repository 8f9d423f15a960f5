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
// An edge sentence more than this many times (plus 2 terms) as long as its
// partner holds text that was not copied: it is cut to the aligned terms.
constexpr double kUnbalancedEdge = 1.25;

// The aligner's own shingle hash: b's shingles are hashed once per candidate
// pair, so this is a few multiplies rather than XXH3 (terms are hashes
// already).
std::uint64_t local_shingle_hash(const std::uint32_t* terms, std::size_t k) {
  std::uint64_t h = 0x9E3779B97F4A7C15ull;
  for (std::size_t i = 0; i < k; ++i) h = (h ^ terms[i]) * 0xBF58476D1CE4E5B9ull;
  return h ^ (h >> 31);
}

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
                             unsigned frequent_shift, const PassageOptions& options) {
  options_ = options;
  k_ = std::max<std::size_t>(1, options.shingle_size);
  a_index_ = a_index;
  a_ = &a;
  a_shingles_.clear();
  for (std::size_t p = 0; p + k_ <= a.terms.size(); ++p) {
    const std::uint64_t hash = shingle_hash(&a.terms[p], k_);
    if (!std::binary_search(frequent.begin(), frequent.end(), hash >> frequent_shift)) {
      a_shingles_.emplace_back(local_shingle_hash(&a.terms[p], k_), static_cast<std::uint32_t>(p));
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
  index_a_shingles();
  map_terms_to_sentences(a, a_sentence_of_);
  chain_steps(options.max_sentence_gap, steps_);
}

void PassageAligner::align(std::uint32_t b_index, const PassageFeatures& b, bool rare, std::vector<Passage>& out) {
  if (a_ == nullptr) return;
  candidate_sentence_pairs(b);
  score_sentence_pairs(b);
  chain_matches(b);
  emit(b_index, b, rare, out);
}

void PassageAligner::index_a_shingles() {
  a_shingle_first_.reset(a_shingles_.size());
  for (std::size_t e = 0; e < a_shingles_.size(); ++e) {
    if (e == 0 || a_shingles_[e - 1].first != a_shingles_[e].first) {
      a_shingle_first_.try_emplace(a_shingles_[e].first, static_cast<std::uint32_t>(e));
    }
  }
}

// Sentence pairs (i, j) whose terms are aligned by at least one shared shingle.
void PassageAligner::candidate_sentence_pairs(const PassageFeatures& b) {
  map_terms_to_sentences(b, b_sentence_of_);
  sentence_pairs_.clear();
  for (std::size_t q = 0; q + k_ <= b.terms.size(); ++q) {
    const std::uint64_t hash = local_shingle_hash(&b.terms[q], k_);
    const std::uint32_t* first = a_shingle_first_.find(hash);
    if (first == nullptr) continue;
    for (std::size_t e = *first; e < a_shingles_.size() && a_shingles_[e].first == hash; ++e) {
      for (std::size_t d = 0; d < k_; ++d) {
        const std::uint32_t i = a_sentence_of_[a_shingles_[e].second + d];
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
    const double similarity = dice(common, terms_a.size(), terms_b.size());
    const bool contained = is_containment(common, terms_a.size(), terms_b.size());
    if (similarity >= options_.min_sentence_similarity || contained) {
      // An edge sentence pair must also agree on its numbers ("Article 7" / "Article 8").
      const bool strong = (similarity >= options_.min_edge_similarity || contained) &&
                          numbers_agree(b, {a_->sentences[i].first_term, a_->sentences[i].end_term},
                                        {b.sentences[j].first_term, b.sentences[j].end_term});
      matches_.push_back({i, j, static_cast<std::uint32_t>(common), strong});
    }
  }
}

bool PassageAligner::is_containment(std::size_t common, std::size_t length_a, std::size_t length_b) const {
  const std::size_t shorter = std::min(length_a, length_b);
  return shorter >= options_.min_containment_terms &&
         static_cast<double>(common) >= options_.min_sentence_containment * static_cast<double>(shorter);
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
    const auto block_a = sentence_range_terms(*a_, start.i, match.i);
    const auto block_b = sentence_range_terms(b, start.j, match.j);
    block_lcs = lcs_length(block_a, block_b, lcs_);
    // A sentence split in two on one side is the same text; one sentence
    // repeated in two places of a side is not a split.
    if (dice(block_lcs, block_a.size(), block_b.size()) < options_.min_passage_similarity) return false;
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

// The shortest prefix (or suffix) of `longer` whose LCS with `other` is `full`.
std::size_t PassageAligner::shortest_cover(std::span<const std::uint32_t> longer, std::span<const std::uint32_t> other,
                                           std::size_t full, bool suffix) {
  std::size_t low = 0, high = longer.size();
  while (low < high) {
    const std::size_t mid = (low + high) / 2;
    const auto part = suffix ? longer.subspan(longer.size() - mid) : longer.first(mid);
    if (lcs_length(part, other, lcs_) >= full) {
      high = mid;
    } else {
      low = mid + 1;
    }
  }
  return low;
}

// Cuts the edge sentence of the side that is much longer than its partner at
// the terms the alignment needs; `a_range` and `b_range` are term ranges.
void PassageAligner::cut_edge(const PassageFeatures& b, const Match& edge, bool at_start, TermRange& a_range,
                              TermRange& b_range) {
  const auto terms_a = sentence_terms(*a_, edge.i);
  const auto terms_b = sentence_terms(b, edge.j);
  const bool a_longer = terms_a.size() > terms_b.size();
  const std::size_t longer = std::max(terms_a.size(), terms_b.size());
  const std::size_t shorter = std::min(terms_a.size(), terms_b.size());
  if (static_cast<double>(longer) <= kUnbalancedEdge * static_cast<double>(shorter) + 2) return;
  const auto x = a_longer ? terms_a : terms_b;
  const auto y = a_longer ? terms_b : terms_a;
  const std::size_t keep = shortest_cover(x, y, edge.lcs, at_start);  // edge.lcs: LCS of the two whole sentences
  TermRange& range = a_longer ? a_range : b_range;
  const PassageSentence& sentence = (a_longer ? *a_ : b).sentences[a_longer ? edge.i : edge.j];
  if (at_start) {
    range.first = std::max(range.first, sentence.end_term - static_cast<std::uint32_t>(keep));
  } else {
    range.end = std::min(range.end, sentence.first_term + static_cast<std::uint32_t>(keep));
  }
}

// Whether the numbers of two passages (terms [first, end) of each side)
// agree; see PassageOptions::min_number_agreement.
bool PassageAligner::numbers_agree(const PassageFeatures& b, TermRange a_range, TermRange b_range) {
  auto pick = [](const PassageFeatures& doc, TermRange range, std::vector<std::uint32_t>& out) {
    out.clear();
    for (std::uint32_t t = range.first; t < range.end; ++t)
      if (doc.terms[t] & kNumberTermBit) out.push_back(doc.terms[t]);
  };
  pick(*a_, a_range, numbers_a_);
  pick(b, b_range, numbers_b_);
  if (numbers_a_.size() + numbers_b_.size() < 2) return true;
  return dice(lcs_length(numbers_a_, numbers_b_, lcs_), numbers_a_.size(), numbers_b_.size()) >=
         options_.min_number_agreement;
}

// Reports each chain, without the weak sentence pairs at its two ends.
void PassageAligner::emit(std::uint32_t b_index, const PassageFeatures& b, bool rare, std::vector<Passage>& out) {
  const double min_score = rare ? options_.min_passage_similarity
                                : std::max(options_.min_passage_similarity, options_.min_formula_similarity);
  // Matches of each chain, in chain order (matches_ is sorted by (i, j)).
  chain_members_.assign(chains_.size(), {});
  for (std::size_t m = 0; m < matches_.size(); ++m) chain_members_[chain_of_[m]].push_back(m);
  for (const std::vector<std::size_t>& members : chain_members_) {
    std::size_t begin = 0, end = members.size();
    while (begin < end && !matches_[members[begin]].strong) ++begin;
    while (end > begin && !matches_[members[end - 1]].strong) --end;
    if (begin == end) continue;
    const Match& first = matches_[members[begin]];
    const Match& last = matches_[members[end - 1]];
    TermRange a_range{a_->sentences[first.i].first_term, a_->sentences[last.i].end_term};
    TermRange b_range{b.sentences[first.j].first_term, b.sentences[last.j].end_term};
    cut_edge(b, first, true, a_range, b_range);
    cut_edge(b, last, false, a_range, b_range);
    if (a_range.first >= a_range.end || b_range.first >= b_range.end) continue;
    const auto terms_a = std::span<const std::uint32_t>(a_->terms).subspan(a_range.first, a_range.end - a_range.first);
    const auto terms_b = std::span<const std::uint32_t>(b.terms).subspan(b_range.first, b_range.end - b_range.first);
    const bool exact = std::equal(terms_a.begin(), terms_a.end(), terms_b.begin(), terms_b.end());
    const std::size_t common = exact ? terms_a.size() : lcs_length(terms_a, terms_b, lcs_);
    const double score = exact ? 1.0 : dice(common, terms_a.size(), terms_b.size());
    if (common < options_.min_passage_tokens || score < min_score) continue;
    if (!numbers_agree(b, a_range, b_range)) continue;
    // Whole sentences keep their trimmed bytes; a cut side ends at its terms.
    auto start_byte = [](const PassageFeatures& doc, std::uint32_t sentence, std::uint32_t term) {
      return doc.sentences[sentence].first_term == term ? doc.sentences[sentence].start : doc.term_starts[term];
    };
    auto end_byte = [](const PassageFeatures& doc, std::uint32_t sentence, std::uint32_t term_end) {
      return doc.sentences[sentence].end_term == term_end ? doc.sentences[sentence].end : doc.phrase_ends[term_end - 1];
    };
    Passage passage;
    passage.a = a_index_;
    passage.a_start = start_byte(*a_, first.i, a_range.first);
    passage.a_end = end_byte(*a_, last.i, a_range.end);
    passage.b = b_index;
    passage.b_start = start_byte(b, first.j, b_range.first);
    passage.b_end = end_byte(b, last.j, b_range.end);
    passage.score = score;
    passage.exact = exact;
    out.push_back(passage);
  }
}

}  // namespace newsmine
