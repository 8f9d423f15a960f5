#include "models/number_cues.h"

#include <algorithm>
#include <iterator>
#include <utility>

#include "models/rule_files.h"

namespace newsmine {

Status NumberCues::load(const ModelData& data, NumberCues& out) {
  NumberCues cues;
  std::vector<TableRow> rows;
  if (Status s = read_table(data, "number_cues.tsv", 2, rows); !s.ok()) return s;
  for (const TableRow& row : rows) {
    const std::string& name = row.fields[1];
    static const std::pair<std::string_view, Cue> kNames[] = {
        {"pronoun", Cue::pronoun},       {"after_pronoun", Cue::after_pronoun}, {"period", Cue::period},
        {"period_before", Cue::period_before}, {"length", Cue::length},     {"after_cents", Cue::after_cents},
        {"before_sign", Cue::before_sign}};
    const auto found = std::find_if(std::begin(kNames), std::end(kNames), [&](const auto& entry) { return entry.first == name; });
    if (found == std::end(kNames)) {
      return data_error("number_cues.tsv", row.line,
                        "cue must be pronoun, after_pronoun, period, period_before, length, after_cents or before_sign");
    }
    const Cue cue = found->second;
    cues.cues_[normalize_key(row.fields[0])] |= static_cast<unsigned>(cue);
  }
  out = std::move(cues);
  return {};
}

bool NumberCues::is(Cue cue, std::string_view word) const {
  if (word.empty()) return false;
  const unsigned* found = find_word(cues_, word);
  return found != nullptr && (*found & static_cast<unsigned>(cue)) != 0;
}

}  // namespace newsmine
