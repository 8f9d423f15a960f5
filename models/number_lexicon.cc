#include "models/number_lexicon.h"

#include <algorithm>
#include <charconv>
#include <cmath>

#include <re2/re2.h>

#include "models/rule_files.h"
#include "models/text_context.h"

namespace newsmine {
namespace {

bool parse_double(std::string_view text, double& value) {
  const char* end = text.data() + text.size();
  auto [ptr, error] = std::from_chars(text.data(), end, value);
  return error == std::errc() && ptr == end;
}

// "12", "1e6" or a ratio "2/3".
bool parse_value(std::string_view text, double& value) {
  const std::size_t slash = text.find('/');
  if (slash == std::string_view::npos) return parse_double(text, value);
  double numerator = 0, denominator = 0;
  if (!parse_double(text.substr(0, slash), numerator) || !parse_double(text.substr(slash + 1), denominator)) return false;
  if (denominator == 0) return false;
  value = numerator / denominator;
  return true;
}

// The exponent n when `value` is exactly 10^n for 0 <= n <= 15, else -1.
int power_of_ten(double value) {
  double power = 1;
  for (int n = 0; n <= 15; ++n, power *= 10) {
    if (value == power) return n;
  }
  return -1;
}

bool is_lower_case(std::string_view word) {
  for (char c : word) {
    if (c >= 'A' && c <= 'Z') return false;
  }
  return true;
}

std::vector<std::string_view> split_words(std::string_view text) {
  std::vector<std::string_view> words;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '-' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r')) ++i;
    std::size_t j = i;
    while (j < text.size() && !(text[j] == ' ' || text[j] == '-' || text[j] == '\t' || text[j] == '\n' || text[j] == '\r')) ++j;
    if (j > i) words.push_back(text.substr(i, j - i));
    i = j;
  }
  return words;
}

}  // namespace

Status NumberLexicon::load(const ModelData& data, NumberLexicon& out) {
  NumberLexicon lexicon;
  std::vector<TableRow> rows;
  if (Status s = read_table(data, "number_words.tsv", 3, rows); !s.ok()) return s;
  for (const TableRow& row : rows) {
    Word word;
    if (!parse_value(row.fields[1], word.value)) return data_error("number_words.tsv", row.line, "bad value '" + row.fields[1] + "'");
    const std::string& kind = row.fields[2];
    if (kind == "cardinal") word.kind = WordKind::cardinal;
    else if (kind == "ordinal") word.kind = WordKind::ordinal;
    else if (kind == "multiplier") word.kind = WordKind::multiplier;
    else if (kind == "fraction") word.kind = WordKind::fraction;
    else if (kind == "counted") word.kind = WordKind::counted;
    else if (kind == "vulgar") word.kind = WordKind::vulgar;
    else return data_error("number_words.tsv", row.line, "kind must be cardinal, ordinal, multiplier, fraction, counted or vulgar");
    lexicon.words_[normalize_key(row.fields[0])] = word;
  }
  if (Status s = read_table(data, "scales.tsv", 3, rows); !s.ok()) return s;
  for (const TableRow& row : rows) {
    Scale scale;
    if (!parse_double(row.fields[1], scale.multiplier) || scale.multiplier <= 0) {
      return data_error("scales.tsv", row.line, "bad multiplier '" + row.fields[1] + "'");
    }
    scale.exponent = power_of_ten(scale.multiplier);
    const std::string& use = row.fields[2];
    if (use == "word") scale.use = ScaleUse::word;
    else if (use == "abbrev") scale.use = ScaleUse::abbrev;
    else if (use == "attached") scale.use = ScaleUse::attached;
    else if (use == "spaced") scale.use = ScaleUse::spaced;
    else return data_error("scales.tsv", row.line, "use must be word, abbrev, attached or spaced");
    const std::string& form = row.fields[0];
    if (is_lower_case(form)) lexicon.folded_scales_[normalize_key(form)] = scale;
    else lexicon.exact_scales_[form] = scale;
  }
  lexicon.index_known();
  out = std::move(lexicon);
  return {};
}

void NumberLexicon::index_known() {
  known_.clear();
  for (const auto& [key, word] : words_) {
    Known& known = known_[key];
    known.has_word = true;
    known.word = word;
  }
  // "fifths": a plural ordinal is its singular's entry, unless it is a word itself.
  for (const auto& [key, word] : words_) {
    if (word.kind != WordKind::ordinal || words_.count(key + "s") != 0) continue;
    Known& known = known_[key + "s"];
    known.has_word = true;
    known.word = word;
    known.plural = true;
  }
  for (const auto& [key, scale] : folded_scales_) {
    Known& known = known_[key];
    known.has_scale = true;
    known.scale = scale;
  }
  std::vector<std::pair<std::size_t, PackedWord>> packed;
  for (const auto& [key, known] : known_) {
    if (packable(key)) packed.push_back({bucket_of(key), {pack(key), known}});
  }
  std::sort(packed.begin(), packed.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  packed_.clear();
  packed_buckets_.assign(kMaxPacked * 26 + 1, 0);
  for (const auto& [bucket, word] : packed) {
    packed_.push_back(word);
    ++packed_buckets_[bucket + 1];
  }
  for (std::size_t b = 1; b < packed_buckets_.size(); ++b) packed_buckets_[b] += packed_buckets_[b - 1];
}

bool NumberLexicon::packable(std::string_view folded) {
  return !folded.empty() && folded.size() <= kMaxPacked && folded.front() >= 'a' && folded.front() <= 'z';
}

NumberLexicon::Packed NumberLexicon::pack(std::string_view folded) {
  Packed packed{};
  for (std::size_t i = 0; i < folded.size(); ++i) {
    packed[i / 8] |= static_cast<std::uint64_t>(static_cast<unsigned char>(folded[i])) << (8 * (i % 8));
  }
  return packed;
}

std::size_t NumberLexicon::bucket_of(std::string_view folded) {
  return (folded.size() - 1) * 26 + static_cast<std::size_t>(folded.front() - 'a');
}

const NumberLexicon::Known* NumberLexicon::find_known(std::string_view folded) const {
  if (!packable(folded)) return find_folded(known_, folded);
  const std::size_t bucket = bucket_of(folded);
  const Packed form = pack(folded);
  for (std::uint32_t k = packed_buckets_[bucket]; k < packed_buckets_[bucket + 1]; ++k) {
    const Packed& candidate = packed_[k].form;
    if (candidate[0] == form[0] && candidate[1] == form[1] && candidate[2] == form[2]) return &packed_[k].known;
  }
  return nullptr;
}

const NumberLexicon::Word* NumberLexicon::find_word(std::string_view word, bool& plural) const {
  const FoldedKey folded(word);
  const Known* known = find_known(folded.view());
  plural = known != nullptr && known->has_word && known->plural;
  return known != nullptr && known->has_word ? &known->word : nullptr;
}

NumberLexicon::Entry NumberLexicon::find_word_or_scale(std::string_view word, std::string_view folded) const {
  Entry entry;
  const Known* known = find_known(folded);
  if (known != nullptr && known->has_word) {
    entry.word = &known->word;
    entry.plural = known->plural;
    return entry;
  }
  entry.scale = find_exact_scale(word);
  if (entry.scale == nullptr && known != nullptr && known->has_scale) entry.scale = &known->scale;
  return entry;
}

// Only a word with an upper-case letter can be an exact scale ("MM").
const NumberLexicon::Scale* NumberLexicon::find_exact_scale(std::string_view word) const {
  if (exact_scales_.empty() || std::none_of(word.begin(), word.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) {
    return nullptr;
  }
  return find_folded(exact_scales_, word);
}

const NumberLexicon::Scale* NumberLexicon::find_scale(std::string_view word) const {
  if (const Scale* exact = find_exact_scale(word)) return exact;
  const FoldedKey folded(word);
  const Known* known = find_known(folded.view());
  return known != nullptr && known->has_scale ? &known->scale : nullptr;
}

const NumberLexicon::Scale* NumberLexicon::find_scale(std::string_view word, std::initializer_list<ScaleUse> uses) const {
  const auto usable = [&](const Scale* scale) {
    if (scale == nullptr) return false;
    for (ScaleUse use : uses) {
      if (scale->use == use) return true;
    }
    return false;
  };
  if (const Scale* exact = find_exact_scale(word); usable(exact)) return exact;
  const FoldedKey folded(word);
  const Known* known = find_known(folded.view());
  return known != nullptr && known->has_scale && usable(&known->scale) ? &known->scale : nullptr;
}

bool NumberLexicon::scaled_value(std::string_view digits, const Scale* scale, double& value) {
  if (scale == nullptr) return parse_double(digits, value);
  if (scale->exponent >= 0) {
    std::string exact(digits);
    exact += 'e';
    exact += std::to_string(scale->exponent);
    return parse_double(exact, value);
  }
  if (!parse_double(digits, value)) return false;
  value *= scale->multiplier;
  return true;
}

bool NumberLexicon::parse_words(std::string_view text, double& value, bool& ordinal) const {
  const std::vector<std::string_view> tokens = split_words(text);
  if (tokens.empty()) return false;
  double total = 0;
  double current = 0;
  bool any = false;
  ordinal = false;
  std::size_t first = 0;
  bool implicit_one = false;
  if (equals_ignoring_case(tokens[0], "a") || equals_ignoring_case(tokens[0], "an")) {
    if (tokens.size() < 2) return false;
    implicit_one = true;
    first = 1;
  }
  for (std::size_t i = first; i < tokens.size(); ++i) {
    if (ordinal) return false;  // an ordinal word ends the number
    const FoldedKey folded(tokens[i]);
    const std::string_view key = folded.view();
    if (key == "and" && i > first && i + 1 < tokens.size()) continue;  // "one hundred and six"
    if (const Word* found = find_folded(words_, key)) {
      const Word& word = *found;
      if (word.kind != WordKind::cardinal && word.kind != WordKind::ordinal && word.kind != WordKind::multiplier) {
        return false;  // fractions and counted words are read by NumberPhrase
      }
      if (word.kind == WordKind::ordinal) ordinal = true;
      const bool multiplies = word.kind == WordKind::multiplier || (word.kind == WordKind::ordinal && word.value >= 100);
      if (multiplies) {
        current = (current == 0 ? 1 : current) * word.value;
      } else {
        if (implicit_one && i == first) return false;  // "a six"
        const double below_hundred = std::fmod(current, 100);
        const bool tens_then_unit = below_hundred >= 20 && std::fmod(below_hundred, 10) == 0 && word.value < 10;
        if (below_hundred != 0 && !tens_then_unit) return false;  // "six seven", "twenty thirty"
        current += word.value;
      }
      any = true;
      continue;
    }
    const Scale* scale = find_folded(folded_scales_, key);
    if (scale == nullptr || scale->use != ScaleUse::word) return false;
    total += (current == 0 ? 1 : current) * scale->multiplier;
    current = 0;
    any = true;
  }
  if (!any) return false;
  value = total + current;
  return true;
}

std::string NumberLexicon::cardinal_words_pattern() const {
  std::vector<std::string> words;
  for (const auto& [word, info] : words_) {
    if (info.kind == WordKind::cardinal || info.kind == WordKind::multiplier) words.push_back(word);
  }
  for (const auto& [word, scale] : folded_scales_) {
    if (scale.use == ScaleUse::word) words.push_back(word);
  }
  const std::string one = word_alternation(words);
  const std::string run = "(?:" + one + "(?:[\\s-]+" + one + ")*)";
  // "and" only after a multiplier: "one hundred and six", not "six and seven".
  const std::string to_multiplier = "(?:(?:" + one + "[\\s-]+)*" + multiplier_words_pattern() + ")";
  return "(?:(?:" + to_multiplier + "\\s+(?i:and)\\s+)*" + run + ")";
}

std::string NumberLexicon::ordinal_words_pattern() const {
  std::vector<std::string> cardinals, ordinals;
  for (const auto& [word, info] : words_) {
    if (info.kind == WordKind::ordinal) ordinals.push_back(word);
    if (info.kind == WordKind::cardinal || info.kind == WordKind::multiplier) cardinals.push_back(word);
  }
  for (const auto& [word, scale] : folded_scales_) {
    if (scale.use == ScaleUse::word) cardinals.push_back(word);
  }
  return "(?:(?:" + word_alternation(cardinals) + "[\\s-]+)*" + word_alternation(ordinals) + ")";
}

std::string NumberLexicon::multiplier_words_pattern() const {
  std::vector<std::string> words;
  for (const auto& [word, info] : words_) {
    if (info.kind == WordKind::multiplier) words.push_back(word);
  }
  for (const auto& [word, scale] : folded_scales_) {
    if (scale.use == ScaleUse::word) words.push_back(word);
  }
  return word_alternation(words);
}

std::string NumberLexicon::scale_pattern(bool attached) const {
  if (attached) return scale_pattern(ScaleUse::attached);
  std::vector<std::string> words;
  for (const auto* table : {&folded_scales_, &exact_scales_}) {
    for (const auto& [word, scale] : *table) {
      if (scale.use == ScaleUse::word || scale.use == ScaleUse::abbrev) words.push_back(word);
    }
  }
  AlternationOptions options;
  options.leading_boundary = false;
  return word_alternation(words, options);
}

std::string NumberLexicon::scale_pattern(ScaleUse use) const {
  std::vector<std::string> words;
  for (const auto* table : {&folded_scales_, &exact_scales_}) {
    for (const auto& [word, scale] : *table) {
      if (scale.use == use) words.push_back(word);
    }
  }
  AlternationOptions options;
  options.leading_boundary = false;
  return word_alternation(words, options);
}

std::string NumberLexicon::phrase_words_pattern() const {
  // Sorted alphabetically (not longest first, as word_alternation does), so
  // that RE2 factors shared prefixes into a trie: about half the program.
  // Every rule is leftmost-longest, so the order of the entries is free.
  std::vector<std::string> words, ordinals;
  for (const auto& [word, info] : words_) {
    if (info.kind == WordKind::vulgar) continue;
    (info.kind == WordKind::ordinal ? ordinals : words).push_back(RE2::QuoteMeta(word));
  }
  for (const auto& [word, scale] : folded_scales_) {
    // Abbreviations of two letters or more also follow words: "five mln", "half bn".
    if (scale.use == ScaleUse::word || (scale.use == ScaleUse::abbrev && word.size() >= 2)) words.push_back(RE2::QuoteMeta(word));
  }
  const auto join = [](std::vector<std::string> list) {
    std::sort(list.begin(), list.end());
    list.erase(std::unique(list.begin(), list.end()), list.end());
    std::string out;
    for (const std::string& word : list) out += (out.empty() ? "" : "|") + word;
    return out;
  };
  // An ordinal or its plural, a denominator: "fifth", "fifths".
  return "\\b(?i:" + join(words) + "|(?:" + join(ordinals) + ")s?)\\b";
}

std::string NumberLexicon::vulgar_pattern() const {
  std::vector<std::string> characters;
  for (const auto& [word, info] : words_) {
    if (info.kind == WordKind::vulgar) characters.push_back(word);
  }
  return word_alternation(characters);
}

}  // namespace newsmine
