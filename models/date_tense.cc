#include "models/date_tense.h"

#include <algorithm>

#include "models/date_sentences.h"
#include "models/rule_files.h"

namespace newsmine {
namespace {

constexpr const char* kCuesFile = "tense_cues.tsv";
constexpr std::size_t kWordsBefore = 15;  // cues farther from the mention are not read
constexpr std::size_t kWordsAfter = 8;
constexpr std::size_t kSentenceReach = 400;  // bytes

bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

// The words of text[from, to): runs of letters (with inner apostrophes) in
// lower case; runs of digits ("#") and clause marks (",", also for ";" and
// ":") count for distance only. At most `limit` words are read.
void words_in(std::string_view text, std::size_t from, std::size_t to, std::size_t limit,
              std::vector<std::string>& words) {
  words.clear();
  std::size_t i = from;
  while (i < to && words.size() < limit) {
    const char c = text[i];
    if (is_letter(c)) {
      std::string& word = words.emplace_back();
      while (i < to && (is_letter(text[i]) || (text[i] == '\'' && i + 1 < to && is_letter(text[i + 1])))) {
        const char w = text[i++];
        word += (w >= 'A' && w <= 'Z') ? static_cast<char>(w - 'A' + 'a') : w;
      }
    } else if (is_digit(c)) {
      while (i < to && (is_digit(text[i]) || text[i] == ',' || text[i] == '.')) ++i;
      words.emplace_back("#");
    } else if (c == ',' || c == ';' || c == ':') {
      words.emplace_back(",");
      ++i;
    } else {
      ++i;
    }
  }
}

// A position in [begin, to] from which words_in() reads at least `count`
// words before `to` (or from `begin`, when fewer are there): it walks back
// over whitespace-separated runs, each holding one word or more, and stops at
// white space, where reading forward gives the same words as from `begin`.
std::size_t back_words(std::string_view text, std::size_t begin, std::size_t to, std::size_t count) {
  std::size_t at = to;
  std::size_t runs = 0;
  while (at > begin && runs <= count) {
    while (at > begin && is_space(text[at - 1])) --at;
    if (at == begin) break;
    while (at > begin && !is_space(text[at - 1])) --at;
    ++runs;
  }
  return at;
}

// True when the past form words[i, i + length) is a participle that says
// nothing of the sentence's tense: after "be" ("will be paid") or before
// "by" ("a delegation led by the vice president").
bool participle(const std::vector<std::string>& words, std::size_t i, std::size_t length) {
  return (i > 0 && words[i - 1] == "be") || (i + length < words.size() && words[i + length] == "by");
}

}  // namespace

Status TenseCues::load(const ModelData& data, TenseCues& out) {
  std::vector<TableRow> rows;
  if (Status s = read_table(data, kCuesFile, 2, rows); !s.ok()) return s;
  TenseCues cues;
  for (const TableRow& row : rows) {
    Cue cue;
    std::string_view kind = row.fields[1];
    if (kind.ends_with("_adjacent")) {
      cue.adjacent = true;
      kind.remove_suffix(9);
    }
    if (kind == "past") {
      cue.tense = Tense::past;
    } else if (kind == "future") {
      cue.tense = Tense::future;
    } else if (kind != "none" || cue.adjacent) {
      return data_error(kCuesFile, row.line, "tense must be past, future, past_adjacent, future_adjacent or none");
    }
    words_in(row.fields[0], 0, row.fields[0].size(), row.fields[0].size(), cue.words);
    if (cue.words.empty() || cue.words[0] == "#") return data_error(kCuesFile, row.line, "a cue must start with a word");
    cues.cues_[cue.words[0]].push_back(std::move(cue));
  }
  for (auto& [first, list] : cues.cues_) {
    std::stable_sort(list.begin(), list.end(), [](const Cue& a, const Cue& b) { return a.words.size() > b.words.size(); });
  }
  out = std::move(cues);
  return {};
}

const TenseCues::Cue* TenseCues::cue_at(const std::vector<std::string>& words, std::size_t i, bool& past_form) const {
  past_form = false;
  const std::string& word = words[i];
  auto found = cues_.find(word);
  if (found != cues_.end()) {
    for (const Cue& cue : found->second) {
      if (i + cue.words.size() > words.size()) continue;
      if (std::equal(cue.words.begin(), cue.words.end(), words.begin() + static_cast<std::ptrdiff_t>(i))) return &cue;
    }
  }
  // "announced", "reported": a past form; not "speed", "proceed", "hundred" (listed as none).
  past_form = word.size() >= 5 && word.ends_with("ed") && !word.ends_with("eed");
  return nullptr;
}

Tense TenseCues::tense_at(std::string_view text, std::size_t start, std::size_t end, bool adjacent) const {
  const std::size_t begin = sentence_begin(text, start, kSentenceReach);
  const std::size_t finish = sentence_end(text, end, kSentenceReach);
  // Only the words near the mention are read: reused buffers, no allocation.
  thread_local std::vector<std::string> before, after;
  std::size_t from = back_words(text, begin, start, kWordsBefore + 3);
  words_in(text, from, start, start - from, before);
  while (from > begin && before.size() < kWordsBefore + 3) {  // runs of marks held fewer words than runs
    from = back_words(text, begin, from, kWordsBefore + 3);
    words_in(text, from, start, start - from, before);
  }
  words_in(text, end, finish, kWordsAfter + 2, after);

  Tense best = Tense::unknown;
  std::size_t best_distance = kWordsBefore + 1;
  // Before the mention: the cue whose last word is nearest.
  const std::size_t first = before.size() > kWordsBefore + 3 ? before.size() - kWordsBefore - 3 : 0;
  for (std::size_t i = first; i < before.size();) {
    bool past_form = false;
    const Cue* cue = cue_at(before, i, past_form);
    const std::size_t length = cue != nullptr ? cue->words.size() : 1;
    const Tense tense = cue != nullptr ? cue->tense : past_form ? Tense::past : Tense::unknown;
    const std::size_t distance = before.size() - (i + length);
    const bool counts = tense != Tense::unknown && !(cue != nullptr && cue->adjacent && (distance != 0 || !adjacent)) &&
                        !(tense == Tense::past && participle(before, i, length));
    if (counts && distance <= kWordsBefore) {
      best = tense;
      best_distance = distance;
    }
    i += length;
  }
  // After it: a nearer cue wins (ties stay with the cue before).
  for (std::size_t i = 0; i < after.size() && i <= kWordsAfter && i < best_distance; ++i) {
    // With a cue before it, the mention's clause ends at a comma: "will arrive
    // on Monday, officials said".
    if (after[i] == "," && best != Tense::unknown) break;
    bool past_form = false;
    const Cue* cue = cue_at(after, i, past_form);
    if (cue != nullptr && cue->tense != Tense::unknown && !cue->adjacent &&
        !(cue->tense == Tense::past && participle(after, i, cue->words.size()))) {
      return cue->tense;
    }
    if (past_form && !participle(after, i, 1)) return Tense::past;
  }
  return best;
}

}  // namespace newsmine
