#include "models/date_tense.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <iterator>

#include "models/date_sentences.h"
#include "models/rule_files.h"

namespace newsmine {
namespace {

constexpr const char* kCuesFile = "tense_cues.tsv";
constexpr std::size_t kWordsBefore = 15;  // cues farther from the mention are not read
constexpr std::size_t kWordsAfter = 8;
constexpr std::size_t kSentenceReach = 400;  // bytes
constexpr std::size_t kRead = kWordsBefore + 3;  // words read before the mention
constexpr std::size_t kLongestWord = 16;        // bytes of a cue word, as keyed in the table

// Word ids besides those of the cue words.
constexpr std::uint16_t kNumber = 1;     // a run of digits ("#")
constexpr std::uint16_t kComma = 2;      // ",", also for ";" and ":"
constexpr std::uint16_t kFirstWord = 3;  // the first id of a cue word

bool is_letter(char c) { return static_cast<unsigned char>((c | 0x20) - 'a') < 26; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

// One word as the cues read it (see read_words).
struct Word {
  std::uint16_t mark = 0;           // kNumber, kComma, or 0 for a run of letters
  std::uint64_t low = 0, high = 0;  // letters: the first 16 bytes in lower case, zero-padded
  std::size_t size = 0;             // letters: how many bytes
  bool past_form = false;           // letters: "announced", not "speed", "proceed"
};

std::uint64_t load64(const char* bytes) {
  std::uint64_t value;
  std::memcpy(&value, bytes, sizeof value);
  if constexpr (std::endian::native == std::endian::big) value = __builtin_bswap64(value);
  return value;  // byte 0 in the low bits
}

// text[from, from + size) (1 <= size <= 16, letters and apostrophes) in
// lower case, packed into two words with zeros after the end.
void pack(std::string_view text, std::size_t from, std::size_t size, std::uint64_t& low, std::uint64_t& high) {
  char bytes[16] = {};
  if (from + sizeof bytes <= text.size()) {
    std::memcpy(bytes, text.data() + from, sizeof bytes);
  } else {
    std::memcpy(bytes, text.data() + from, size);
  }
  // Setting bit 5 lower-cases a letter and leaves an apostrophe as it is.
  constexpr std::uint64_t kFold = 0x2020202020202020ull;
  const auto keep = [](std::size_t bytes_kept) { return bytes_kept >= 8 ? ~0ull : (1ull << (8 * bytes_kept)) - 1; };
  low = (load64(bytes) | kFold) & keep(size);
  high = size > 8 ? (load64(bytes + 8) | kFold) & keep(size - 8) : 0;
}

// Reads the words of text[from, to), at most `limit`, calling emit(word):
// runs of letters (with inner apostrophes) in lower case; runs of digits
// (kNumber) and clause marks (kComma, also for ";" and ":") count for
// distance only. Other bytes are skipped.
template <typename Emit>
void read_words(std::string_view text, std::size_t from, std::size_t to, std::size_t limit, Emit&& emit) {
  std::size_t i = from;
  for (std::size_t count = 0; i < to && count < limit;) {
    const char c = text[i];
    Word word;
    if (is_letter(c)) {
      const std::size_t begin = i++;
      while (i < to && (is_letter(text[i]) || (text[i] == '\'' && i + 1 < to && is_letter(text[i + 1])))) ++i;
      word.size = i - begin;
      if (word.size <= kLongestWord) pack(text, begin, word.size, word.low, word.high);
      const auto lower = [&](std::size_t back) { return static_cast<char>(text[i - back] | 0x20); };
      word.past_form = word.size >= 5 && lower(1) == 'd' && lower(2) == 'e' && lower(3) != 'e';
    } else if (is_digit(c)) {
      while (i < to && (is_digit(text[i]) || text[i] == ',' || text[i] == '.')) ++i;
      word.mark = kNumber;
    } else if (c == ',' || c == ';' || c == ':') {
      ++i;
      word.mark = kComma;
    } else {
      ++i;
      continue;
    }
    emit(word);
    ++count;
  }
}

// A position in [begin, to] from which read_words() reads at least `count`
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
    read_words(row.fields[0], 0, row.fields[0].size(), row.fields[0].size(), [&](const Word& word) {
      if (word.mark != 0) {
        cue.words.push_back(word.mark);
      } else if (word.size > kLongestWord) {
        too_long = true;
      } else {
        cue.words.push_back(cues.intern(word.low, word.high));
      }
    });
    if (too_long) return data_error(kCuesFile, row.line, "a cue word has at most 16 letters");
    if (cue.words.empty() || cue.words[0] == kNumber) return data_error(kCuesFile, row.line, "a cue must start with a word");
    if (cues.words_ > 60000) return data_error(kCuesFile, row.line, "too many cue words");
    cues.cues_.push_back(std::move(cue));
  }
  const auto word_id = [&](std::string_view word) {
    std::uint64_t low = 0, high = 0;
    pack(word, 0, word.size(), low, high);
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

std::size_t TenseCues::read(std::string_view text, std::size_t from, std::size_t to, std::size_t limit, Token* out,
                            std::size_t capacity, std::size_t keep) const {
  std::size_t size = 0;
  read_words(text, from, to, limit, [&](const Word& word) {
    if (size == capacity) {  // only the last `keep` are looked at
      std::copy(out + size - (keep - 1), out + size, out);
      size = keep - 1;
    }
    Token& token = out[size++];
    token.id = word.mark != 0 ? word.mark : word.size <= kLongestWord ? find(word.low, word.high) : 0;
    token.past_form = word.past_form;
  });
  return size;
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
  const std::size_t finish = sentence_end(text, end, kSentenceReach);
  // The last kRead words before the mention, and the one before them (a
  // "be" there makes the first a participle).
  Token before[4 * kRead];
  std::size_t from = back_words(text, begin, start, kRead);
  std::size_t count = read(text, from, start, start - from, before, std::size(before), kRead + 1);
  while (from > begin && count < kRead) {  // runs of marks held fewer words than runs
    from = back_words(text, begin, from, kRead);
    count = read(text, from, start, start - from, before, std::size(before), kRead + 1);
  }
  Token after[kWordsAfter + 2];
  const std::size_t after_count = read(text, end, finish, std::size(after), after, std::size(after), std::size(after));

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
