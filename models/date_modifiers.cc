#include "models/date_modifiers.h"

#include <algorithm>

#include "models/rule_files.h"

namespace newsmine {
namespace {

constexpr const char* kModifiersFile = "date_modifiers.txt";

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// True when text[.., end) ends with `words` (case-insensitively, any white
// space run matching one space) starting at a word boundary; sets `begin`.
bool ends_with_words(std::string_view text, std::size_t end, std::string_view words, std::size_t& begin) {
  std::size_t i = end;
  for (std::size_t k = words.size(); k > 0; --k) {
    const char w = words[k - 1];
    if (w == ' ') {
      if (i == 0 || (text[i - 1] != ' ' && text[i - 1] != '\t' && text[i - 1] != '\n')) return false;
      while (i > 0 && (text[i - 1] == ' ' || text[i - 1] == '\t' || text[i - 1] == '\n')) --i;
      continue;
    }
    if (i == 0 || lower(text[i - 1]) != w) return false;
    --i;
  }
  if (i > 0 && is_word_char(text[i - 1])) return false;
  begin = i;
  return true;
}

}  // namespace

Status DateModifiers::load(const ModelData& data, DateModifiers& out) {
  std::vector<TableRow> rows;
  if (Status s = read_table(data, kModifiersFile, 1, rows); !s.ok()) return s;
  DateModifiers modifiers;
  for (const TableRow& row : rows) {
    std::string words = normalize_key(row.fields[0]);
    if (words.empty() || words.find_first_not_of("abcdefghijklmnopqrstuvwxyz ") != std::string::npos) {
      return data_error(kModifiersFile, row.line, "a modifier is lower-case words");
    }
    const std::size_t space = words.rfind(' ');
    const std::size_t last_word = space == std::string::npos ? words.size() : words.size() - space - 1;
    if (last_word >= 64) return data_error(kModifiersFile, row.line, "a modifier word has at most 63 letters");
    modifiers.endings_[static_cast<std::size_t>(words.back() - 'a')] |= 1ull << last_word;
    modifiers.modifiers_.push_back({std::move(words), last_word});
  }
  std::stable_sort(modifiers.modifiers_.begin(), modifiers.modifiers_.end(),
                   [](const Modifier& a, const Modifier& b) { return a.words.size() > b.words.size(); });
  out = std::move(modifiers);
  return {};
}

std::uint32_t DateModifiers::extend_start(std::string_view text, std::uint32_t start, std::uint32_t floor) const {
  for (int round = 0; round < 3; ++round) {
    // The joiner: white space or one hyphen.
    std::size_t joint = start;
    if (joint > 0 && text[joint - 1] == '-') {
      --joint;
    } else {
      while (joint > 0 && (text[joint - 1] == ' ' || text[joint - 1] == '\t')) --joint;
      if (joint == start) return start;
    }
    // Only a modifier whose last word ends in the letter before the joint
    // and is as long as the letters there can end there: most dates have
    // none ("in 2020", "on May 5").
    if (joint == 0 || !is_letter(text[joint - 1])) return start;
    const std::uint64_t lengths = endings_[static_cast<std::size_t>((text[joint - 1] | 0x20) - 'a')];
    if (lengths == 0) return start;
    std::size_t letters = 1;
    while (letters < joint && letters < 64 && is_letter(text[joint - letters - 1])) ++letters;
    if (letters == 64 || ((lengths >> letters) & 1) == 0) return start;
    bool extended = false;
    for (const Modifier& modifier : modifiers_) {
      std::size_t begin = 0;
      if (modifier.last_word == letters && ends_with_words(text, joint, modifier.words, begin) && begin >= floor) {
        start = static_cast<std::uint32_t>(begin);
        extended = true;
        break;
      }
    }
    if (!extended) return start;
  }
  return start;
}

}  // namespace newsmine
