// Passage reuse: text shared by two articles, verbatim or lightly edited.
//
// Each article is first reduced to PassageFeatures (term-key hashes of its
// word and number tokens, their byte ranges and its sentences), in parallel,
// one document per call. find_passages then works on the whole corpus
// without comparing all pairs of documents:
//
//  1. Seeds. Every run of `shingle_size` consecutive terms (a shingle) is
//     hashed; shingle → documents postings are built by one parallel sort.
//     Shingles found in more than `max_shingle_postings` documents are
//     boilerplate-frequent: they are counted and ignored. Two documents are a
//     candidate pair when they share at least `min_shared_shingles` shingles.
//     A shingle in more than `star_shingle_postings` documents links only its
//     first `star_hubs` documents (input order) with the others, a star
//     instead of a clique: a passage recurring in n articles is reported
//     between each of them and those first ones, O(n) pairs instead of
//     O(n²), and its family (clusters.jsonl) still holds all n.
//  2. Sentence alignment. For a candidate pair, every sentence pair touched by
//     a shared shingle is scored with Dice over the LCS of its term keys,
//     2·LCS/(|A|+|B|); pairs reaching `min_sentence_similarity` match. So do
//     pairs where one sentence is almost contained in the other (LCS over the
//     shorter one ≥ `min_sentence_containment`): one sentence copied as two,
//     or two merged into one, when an edit moved a sentence boundary. A
//     shared common phrase ("between the two countries and") inside otherwise
//     different sentences stays below both thresholds and is not reported.
//  3. Passages. Matching sentence pairs (i, j), (i+1, j+1), ... are chained
//     into one maximal passage, allowing up to `max_sentence_gap` unmatched
//     (edited, inserted or deleted) sentences between two links, and links
//     (i, j), (i, j+1) or (i, j), (i+1, j) for split sentences, as long as the
//     chain's matched tokens keep the whole passage at or above
//     `min_sentence_similarity`. The chain's first and last sentence pairs
//     must be strong (Dice ≥ `min_edge_similarity`, or a containment of
//     at least `min_containment_terms` terms): weaker ones at either end are
//     dropped, so that a formula sentence next to a copy ("X said it filed a
//     registration statement...") does not widen it. Passages are found
//     wherever they sit in either article, in any order. A passage is
//     reported when its two texts share at least `min_passage_tokens` terms
//     in order and reach `min_passage_similarity`, and when its numbers
//     agree: with two or more numbers on its two sides together, Dice over
//     the LCS of the number sequences must reach `min_number_agreement`. A
//     copy keeps its facts; the same wire formula with other figures ("Hog
//     prices expected 0.50 dlr higher on estimated receipts of 3,200 head")
//     is another report, not reuse. Two articles that share no rare
//     shingle (in at most `rare_shingle_postings` articles) share only
//     common phrases, as wire formulas do ("The selling concession is 1-1/2
//     pct while management and underwriting combined pays 3/4 pct"): their
//     passages need `min_formula_similarity`. When an edge sentence
//     of one side is much longer than its partner (the copy ran into the
//     next sentence, which the sentence splitter did not separate), that side
//     is cut at the last (first) term the alignment needs, and its end is the
//     punctuation glued to that term. Its score is Dice over the LCS of
//     the two token ranges and `exact` means identical term-key sequences
//     (case, punctuation and line breaks may differ).
//
// Offsets are UTF-8 byte offsets into the article text; a passage spans whole
// sentences, from the first byte of its first sentence to one past the last
// byte of its last sentence, final punctuation included (except where an
// edge sentence was cut, as above).
//
// Thread safety: make_passage_features is a pure function. find_passages runs
// its stages in parallel with TBB (candidate pairs are verified per first
// document) and returns a fully sorted result, identical for any thread count.
// Cost: O(T log T) for the postings of T tokens, plus per candidate pair
// O(n log n) for the shared shingles and O(n·m/64) per scored sentence pair;
// per-thread scratch is O(documents + longest document).
//
//   std::vector<PassageFeatures> features(docs.size());
//   tbb::parallel_for(..., [&](std::size_t d) { features[d] = make_passage_features(tokens[d]); });
//   PassageStats stats;
//   for (const Passage& p : find_passages(features, PassageOptions{}, &stats))
//     print(span_text(text[p.a], p.a_start, p.a_end), span_text(text[p.b], p.b_start, p.b_end));
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "tokenizers/token.h"

namespace newsmine {

// One sentence of PassageFeatures: its word/number tokens and its bytes.
struct PassageSentence {
  std::uint32_t first_term = 0;  // index of its first term in PassageFeatures::terms
  std::uint32_t end_term = 0;    // one past its last term
  std::uint32_t start = 0;       // first byte of the sentence (trimmed)
  std::uint32_t end = 0;         // one past its last byte, final punctuation included
};

// Set in PassageFeatures::terms for number tokens ("6.50", "1,200"), clear for words.
inline constexpr std::uint32_t kNumberTermBit = 0x80000000u;

// What passage detection keeps of one tokenized article: 20 bytes per term.
struct PassageFeatures {
  std::vector<std::uint32_t> terms;        // 31-bit hash of each word/number token's term key (+ kNumberTermBit), in text order
  std::vector<std::uint32_t> term_starts;  // first byte of each of those tokens
  std::vector<std::uint32_t> term_ends;    // one past the last byte of each of those tokens
  std::vector<std::uint32_t> phrase_ends;  // ... and of the punctuation glued to it ("MCI." -> after the '.')
  std::vector<PassageSentence> sentences;  // sentences holding at least one term, in text order
};

PassageFeatures make_passage_features(const TokenizedText& tokens);

struct PassageOptions {
  std::size_t min_passage_tokens = 8;        // passages sharing fewer terms (LCS) are not reported
  std::size_t shingle_size = 5;              // consecutive terms per seed shingle
  double min_sentence_similarity = 0.6;      // Dice over term LCS for two sentences (and a passage) to match
  double min_sentence_containment = 0.9;     // or LCS / shorter sentence, for sentences split or merged on one side
  std::size_t min_containment_terms = 6;     // shorter sentences match by containment only when this long
  double min_passage_similarity = 0.7;       // Dice over the whole passage to report it
  double min_edge_similarity = 0.75;         // Dice of the sentence pairs a passage may start or end with
  double min_number_agreement = 0.5;         // Dice over the LCS of the passage's numbers, when it has two or more
  double min_formula_similarity = 0.82;      // Dice needed when the two articles share no rare shingle
  std::size_t rare_shingle_postings = 3;     // a shingle in at most this many articles is rare
  std::size_t max_shingle_postings = 1000;   // shingles in more documents than this are ignored as boilerplate
  std::size_t min_shared_shingles = 3;       // distinct shingles two documents share to be compared at all
                                             // (a verbatim 8-term passage has 4; 2 let chance phrase pairs
                                             // grow with the square of the corpus)
  std::size_t star_shingle_postings = 50;    // a shingle in more documents pairs only its first star_hubs with the rest
  std::size_t star_hubs = 8;                 // (so a passage in n articles costs O(n) pairs; families still join them all)
  std::size_t max_sentence_gap = 1;          // unmatched sentences allowed between two matches of one passage
};

struct Passage {
  std::uint32_t a = 0;        // document index, a < b
  std::uint32_t a_start = 0;  // byte range of the passage in document a
  std::uint32_t a_end = 0;
  std::uint32_t b = 0;        // document index
  std::uint32_t b_start = 0;  // byte range of the passage in document b
  std::uint32_t b_end = 0;
  double score = 0;           // 2·LCS/(|A|+|B|) over the passage's terms, in (0, 1]
  bool exact = false;         // the two passages have identical term-key sequences
};

// Counters of one find_passages run, for the run summary.
struct PassageStats {
  std::size_t shingle_postings = 0;   // distinct (shingle, document) entries
  std::size_t frequent_shingles = 0;  // distinct shingles ignored for being in too many documents
  std::size_t candidate_pairs = 0;    // document pairs verified by sentence alignment
  std::size_t passages = 0;           // passages reported
};

// All reused passages between pairs of `docs` (indices into the span), sorted
// by (a, b, a_start, a_end, b_start, b_end). `stats` may be null.
std::vector<Passage> find_passages(std::span<const PassageFeatures> docs, const PassageOptions& options,
                                   PassageStats* stats = nullptr);

// Sorts passages in find_passages' order.
void sort_passages(std::vector<Passage>& passages);

}  // namespace newsmine
