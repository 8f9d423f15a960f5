#include "models/date_tense.h"

#include <algorithm>
#include <iterator>

#include "models/date_sentences.h"
#include "models/date_tense_words.h"
#include "models/rule_files.h"

namespace newsmine {
namespace {

constexpr const char* kCuesFile = "tense_cues.tsv";
constexpr std::size_t kWordsBefore = 15;  // cues farther from the mention are not read
constexpr std::size_t kWordsAfter = 8;
constexpr std::size_t kSentenceReach = 400;  // bytes
constexpr std::size_t kRead = kWordsBefore + 3;  // words read before the mention

// Word ids besides those of the cue words.
constexpr std::uint16_t kNumber = 1;     // a run of digits ("#")
constexpr std::uint16_t kComma = 2;      // ",", also for ";" and ":"
constexpr std::uint16_t kFirstWord = 3;  // the first id of a cue word

// The words of a cue as written in the table.
std::vector<CueWord> words_of(std::string_view phrase) {
  std::vector<CueWord> words(phrase.size() + 1);
  words.resize(read_cue_words(phrase, 0, phrase.size(), phrase.size(), words.data(), words.size(), phrase.size()));
  return words;
}

}  // namespace

Status TenseCues::load(const ModelData& data, TenseCues& out) {
  std::vector<TableRow> rows;
  if (Status s = read_table(data, kCuesFile, 2, rows); !s.ok()) return s;
  TenseCues cues;
  cues.slots_.assign(64, Slot{});
  cues.words_ = kFirstWord;
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
    bool too_long = false;
    for (const CueWord& word : words_of(row.fields[0])) {
      if (word.kind != CueWord::Kind::letters) {
        cue.words.push_back(word.kind == CueWord::Kind::number ? kNumber : kComma);
      } else if (word.size > kCueWordBytes) {
        too_long = true;
      } else {
        std::uint64_t low = 0, high = 0;
        pack_cue_word(row.fields[0], word, low, high);
        cue.words.push_back(cues.intern(low, high));
        cues.shapes_[static_cast<unsigned char>(row.fields[0][word.start] | 0x20) - 'a'] |= 1u << word.size;
      }
    }
    if (too_long) return data_error(kCuesFile, row.line, "a cue word has at most 16 letters");
    if (cue.words.empty() || cue.words[0] == kNumber) return data_error(kCuesFile, row.line, "a cue must start with a word");
    if (cues.words_ > 60000) return data_error(kCuesFile, row.line, "too many cue words");
    cues.longest_ = std::max(cues.longest_, cue.words.size());
    cues.cues_.push_back(std::move(cue));
  }
  const auto word_id = [&](std::string_view word) {
    std::uint64_t low = 0, high = 0;
    pack_cue_word(word, words_of(word).front(), low, high);
    cues.shapes_[static_cast<unsigned char>(word[0]) - 'a'] |= 1u << word.size();
    return cues.intern(low, high);
  };
  cues.be_ = word_id("be");
  cues.by_ = word_id("by");
  std::stable_sort(cues.cues_.begin(), cues.cues_.end(), [](const Cue& a, const Cue& b) {
    return a.words[0] != b.words[0] ? a.words[0] < b.words[0] : a.words.size() > b.words.size();
  });
  cues.first_cue_.assign(cues.words_ + 1u, 0);
  for (const Cue& cue : cues.cues_) ++cues.first_cue_[cue.words[0] + 1u];
  for (std::size_t id = 1; id < cues.first_cue_.size(); ++id) cues.first_cue_[id] += cues.first_cue_[id - 1];
  out = std::move(cues);
  return {};
}

std::size_t TenseCues::slot_of(std::uint64_t low, std::uint64_t high) const {
  const std::uint64_t hash = (low ^ (high * 0x9E3779B97F4A7C15ull)) * 0xC2B2AE3D27D4EB4Full;
  return static_cast<std::size_t>(hash >> 32) & (slots_.size() - 1);
}

std::uint16_t TenseCues::find(std::uint64_t low, std::uint64_t high) const {
  if (slots_.empty()) return 0;
  for (std::size_t i = slot_of(low, high);; i = (i + 1) & (slots_.size() - 1)) {
    const Slot& slot = slots_[i];
    if (slot.low == low && slot.high == high) return slot.id;
    if (slot.low == 0) return 0;
  }
}

std::uint16_t TenseCues::intern(std::uint64_t low, std::uint64_t high) {
  if (const std::uint16_t id = find(low, high); id != 0) return id;
  const auto place = [this](const Slot& slot) {
    std::size_t i = slot_of(slot.low, slot.high);
    while (slots_[i].low != 0) i = (i + 1) & (slots_.size() - 1);
    slots_[i] = slot;
  };
  if ((words_ + 1u) * 4u > slots_.size()) {  // at most a quarter full: short probes
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.size() * 2, Slot{});
    for (const Slot& slot : old) {
      if (slot.low != 0) place(slot);
    }
  }
  place({low, high, words_});
  return words_++;
}

TenseCues::Token TenseCues::token(std::string_view text, const CueWord& word) const {
  Token token;
  switch (word.kind) {
    case CueWord::Kind::number:
      token.id = kNumber;
      break;
    case CueWord::Kind::clause:
      token.id = kComma;
      break;
    case CueWord::Kind::letters:
      if (word.size <= kCueWordBytes && ((shapes_[static_cast<unsigned char>(text[word.start] | 0x20) - 'a'] >> word.size) & 1)) {
        std::uint64_t low = 0, high = 0;
        pack_cue_word(text, word, low, high);
        token.id = find(low, high);
      }
      token.past_form = is_past_form(text, word);
      break;
  }
  return token;
}

const TenseCues::Cue* TenseCues::cue_at(const Token* words, std::size_t count, std::size_t i) const {
  const std::uint16_t id = words[i].id;
  for (std::uint32_t c = first_cue_[id]; c < first_cue_[id + 1u]; ++c) {
    const Cue& cue = cues_[c];
    if (i + cue.words.size() > count) continue;
    std::size_t k = 1;
    while (k < cue.words.size() && words[i + k].id == cue.words[k]) ++k;
    if (k == cue.words.size()) return &cue;
  }
  return nullptr;
}

// True when the past form words[i, i + length) is a participle that says
// nothing of the sentence's tense: after "be" ("will be paid") or before
// "by" ("a delegation led by the vice president").
bool TenseCues::participle(const Token* words, std::size_t count, std::size_t i, std::size_t length) const {
  return (i > 0 && words[i - 1].id == be_) || (i + length < count && words[i + length].id == by_);
}

Tense TenseCues::tense_at(std::string_view text, std::size_t start, std::size_t end, bool adjacent) const {
  if (first_cue_.empty()) return Tense::unknown;  // not loaded: no cues
  const std::size_t begin = sentence_begin(text, start, kSentenceReach);
  // The last kRead words before the mention, and the one before them (a
  // "be" there makes the first a participle): the words of kRead + 1 runs,
  // and of more when some hold no word ("--").
  CueWord read[2 * (kRead + 1)];
  std::size_t from = runs_back(text, begin, start, kRead + 1);
  std::size_t read_count = read_cue_words(text, from, start, start - from, read, std::size(read), kRead + 1);
  while (from > begin && read_count < kRead) {
    from = runs_back(text, begin, from, kRead + 1);
    read_count = read_cue_words(text, from, start, start - from, read, std::size(read), kRead + 1);
  }
  const std::size_t skipped = read_count > kRead + 1 ? read_count - (kRead + 1) : 0;
  Token before[kRead + 1];
  const std::size_t count = read_count - skipped;
  for (std::size_t i = 0; i < count; ++i) before[i] = token(text, read[skipped + i]);

  Tense best = Tense::unknown;
  std::size_t best_distance = kWordsBefore + 1;
  // Before the mention: the cue whose last word is nearest.
  const std::size_t first = count > kRead ? count - kRead : 0;
  for (std::size_t i = first; i < count;) {
    const Cue* cue = cue_at(before, count, i);
    const std::size_t length = cue != nullptr ? cue->words.size() : 1;
    const Tense tense = cue != nullptr ? cue->tense : before[i].past_form ? Tense::past : Tense::unknown;
    const std::size_t distance = count - (i + length);
    const bool counts = tense != Tense::unknown && !(cue != nullptr && cue->adjacent && (distance != 0 || !adjacent)) &&
                        !(tense == Tense::past && participle(before, count, i, length));
    if (counts && distance <= kWordsBefore) {
      best = tense;
      best_distance = distance;
    }
    i += length;
  }
  // The words after it that can hold a nearer cue (and the word after that
  // cue, which may make it a participle); none after a cue right before it.
  if (best_distance == 0) return best;
  CueWord read_after[kWordsAfter + 2];
  const std::size_t after_limit = std::min(std::size(read_after), best_distance + longest_);
  const std::size_t after_count = read_cue_words(text, end, sentence_end(text, end, kSentenceReach), after_limit,
                                                 read_after, std::size(read_after), std::size(read_after) - 1);
  Token after[kWordsAfter + 2];
  for (std::size_t i = 0; i < after_count; ++i) after[i] = token(text, read_after[i]);
  // After it: a nearer cue wins (ties stay with the cue before).
  for (std::size_t i = 0; i < after_count && i <= kWordsAfter && i < best_distance; ++i) {
    // With a cue before it, the mention's clause ends at a comma: "will arrive
    // on Monday, officials said".
    if (after[i].id == kComma && best != Tense::unknown) break;
    const Cue* cue = cue_at(after, after_count, i);
    if (cue != nullptr && cue->tense != Tense::unknown && !cue->adjacent &&
        !(cue->tense == Tense::past && participle(after, after_count, i, cue->words.size()))) {
      return cue->tense;
    }
    if (cue == nullptr && after[i].past_form && !participle(after, after_count, i, 1)) return Tense::past;
  }
  return best;
}

}  // namespace newsmine
