#include "models/rule_files.h"

#include <algorithm>
#include <map>

#include <re2/re2.h>

#include "models/word_map.h"

namespace newsmine {
namespace {

bool is_word_byte(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

bool is_lowercase_word(std::string_view word) {
  bool has_letter = false;
  for (char c : word) {
    if (c >= 'A' && c <= 'Z') return false;
    if (c >= 'a' && c <= 'z') has_letter = true;
  }
  return has_letter;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) text.remove_suffix(1);
  return text;
}

}  // namespace

Status data_error(std::string_view file_name, int line, std::string_view message) {
  return Status::error(std::string(file_name) + ":" + std::to_string(line) + ": " + std::string(message));
}

Status check_header(std::string_view file_name, std::string_view bytes) {
  int number = 0;
  bool described = false;
  while (!bytes.empty()) {
    ++number;
    const std::size_t newline = bytes.find('\n');
    const std::string_view line = trim(bytes.substr(0, newline));
    bytes = newline == std::string_view::npos ? std::string_view() : bytes.substr(newline + 1);
    if (line.empty() || line.front() != '#') break;
    std::string_view comment = trim(line.substr(1));
    if (comment.starts_with("version:")) {
      if (!described) return data_error(file_name, number, "the header must say what the file is before its version");
      std::string_view version = trim(comment.substr(8));
      if (version.empty() || !std::all_of(version.begin(), version.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        return data_error(file_name, number, "version must be a number");
      }
      return {};
    }
    if (!comment.empty()) described = true;
  }
  return data_error(file_name, 1, "missing header comment with a '# version: N' line");
}

Status read_table(const ModelData& data, std::string_view file_name, std::size_t min_fields,
                  std::vector<TableRow>& rows) {
  std::string bytes;
  if (Status s = data.read(file_name, bytes); !s.ok()) return s;
  if (Status s = check_header(file_name, bytes); !s.ok()) return s;
  rows.clear();
  for (const ModelData::Line& line : ModelData::content_lines(bytes)) {
    TableRow row;
    row.line = line.number;
    std::string_view rest = line.text;
    while (true) {
      const std::size_t tab = rest.find('\t');
      row.fields.emplace_back(trim(rest.substr(0, tab)));
      if (tab == std::string_view::npos) break;
      rest.remove_prefix(tab + 1);
    }
    if (row.fields.size() < min_fields) {
      return data_error(file_name, line.number,
                        "expected at least " + std::to_string(min_fields) + " tab-separated fields");
    }
    for (std::size_t i = 0; i < min_fields; ++i) {
      if (row.fields[i].empty()) return data_error(file_name, line.number, "empty field " + std::to_string(i + 1));
    }
    rows.push_back(std::move(row));
  }
  return {};
}

std::string word_alternation(std::vector<std::string> words, const AlternationOptions& options) {
  std::sort(words.begin(), words.end(), [](const std::string& a, const std::string& b) {
    return a.size() != b.size() ? a.size() > b.size() : a < b;
  });
  words.erase(std::unique(words.begin(), words.end()), words.end());
  // Entries that need the same boundaries and case rule share one group,
  // "\b(?i:billion|bln|bn)\b", which RE2 factors into a trie: a much smaller
  // program than one group per entry, and so a faster submatch.
  std::map<int, std::string> buckets;  // bit 0: leading \b, bit 1: trailing \b, bit 2: any case
  for (const std::string& word : words) {
    if (word.empty()) continue;
    std::string body;
    std::string_view rest = word;
    while (!rest.empty()) {
      const std::size_t space = rest.find(' ');
      body += RE2::QuoteMeta(rest.substr(0, space));
      if (space == std::string_view::npos) break;
      body += "\\s+";
      rest.remove_prefix(space + 1);
      while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
    }
    const int key = (options.leading_boundary && is_word_byte(word.front()) ? 1 : 0) |
                    (options.trailing_boundary && is_word_byte(word.back()) ? 2 : 0) |
                    (options.fold_lowercase && is_lowercase_word(word) ? 4 : 0);
    std::string& bucket = buckets[key];
    if (!bucket.empty()) bucket += '|';
    bucket += body;
  }
  if (buckets.empty()) return "(?:[^\\x00-\\x{10FFFF}])";  // an empty list matches nothing
  std::string pattern = "(?:";
  for (const auto& [key, bucket] : buckets) {
    if (pattern.size() > 3) pattern += '|';
    if (key & 1) pattern += "\\b";
    pattern += (key & 4) ? "(?i:" : "(?:";
    pattern += bucket + ")";
    if (key & 2) pattern += "\\b";
  }
  pattern += ')';
  return pattern;
}

std::string normalize_key(std::string_view text) {
  std::string key(text.size(), '\0');
  key.resize(fold_key(text, key.data()));
  return key;
}

}  // namespace newsmine
