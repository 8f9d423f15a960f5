// Helpers for the rule and word-list files under models/data.
//
// Every data file starts with a comment header that says what it is and
// carries a "# version: N" line; check_header() enforces that. Tables are
// tab-separated; read_table() returns their rows with line numbers so errors
// can name "file:line". word_alternation() turns a word list into one RE2
// alternation, longest entries first, so a list in a data file becomes part of
// a pattern ("{MONTH}" -> "(?:\bJanuary\b|\bJan\.|...)").
//
// All functions are pure and thread-safe.
//
//   std::vector<TableRow> rows;
//   if (Status s = read_table(data, "scales.tsv", 2, rows); !s.ok()) return s;
//   for (const TableRow& row : rows) use(row.fields[0], row.fields[1]);
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "corpus/status.h"
#include "models/model_data.h"

namespace newsmine {

struct TableRow {
  int line = 0;                     // 1-based line number in the file
  std::vector<std::string> fields;  // tab-separated fields, trimmed
};

// Fails unless the file opens with "#" comment lines including "# version: N".
Status check_header(std::string_view file_name, std::string_view bytes);

// Reads a data file, checks its header and splits each content line on tabs.
// Rows with fewer than `min_fields` fields are an error naming file:line.
Status read_table(const ModelData& data, std::string_view file_name, std::size_t min_fields,
                  std::vector<TableRow>& rows);

struct AlternationOptions {
  bool leading_boundary = true;   // put \b before entries that start with a word character
  bool trailing_boundary = true;  // put \b after entries that end with a word character
  bool fold_lowercase = true;     // entries written in lower case match in any case
};

// One non-capturing RE2 alternation of `words`, longest first. Spaces inside an
// entry match any run of white space; everything else is matched literally.
std::string word_alternation(std::vector<std::string> words, const AlternationOptions& options = {});

// Lower-cases ASCII letters and collapses white space runs to one space, so a
// matched surface ("Swiss  Francs") can be looked up in a table ("swiss francs").
std::string normalize_key(std::string_view text);

// "file:line: message", the shape of every data error.
Status data_error(std::string_view file_name, int line, std::string_view message);

}  // namespace newsmine
