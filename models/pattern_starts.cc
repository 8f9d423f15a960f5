#include "models/pattern_starts.h"

#include <algorithm>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>

namespace newsmine {
namespace {

bool is_letter(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
unsigned char lower(unsigned char c) { return c >= 'A' && c <= 'Z' ? static_cast<unsigned char>(c - 'A' + 'a') : c; }

// One piece of a parsed pattern. A sequence is a vector of nodes; a group is
// a list of alternative sequences.
struct Node {
  enum class Kind { zero_width, boundary, literal, chars, group };
  Kind kind = Kind::literal;
  std::bitset<256> first;  // literal and chars: the possible first bytes (letters lower-cased)
  std::vector<std::vector<Node>> alternatives;  // group
  int min = 1;             // repetition count lower bound
  bool repeats = false;    // may occur more than once
  bool nullable = false;   // can match the empty string (set by finish())
  bool nonletter = false;  // every non-empty match begins with a non-letter (set by finish())
  unsigned char letter = 0;  // a literal of one letter: that letter, else 0 (set by finish())

  // The walks ask these of every node again and again: answered from
  // `letter`, not by a pass over the 256 bits of `first`.
  bool letter_literal() const { return letter != 0; }
  unsigned char first_byte() const { return letter; }  // of a letter literal
};
using Sequence = std::vector<Node>;

std::bitset<256> all_bytes() { return std::bitset<256>().set(); }

void add_class_byte(std::bitset<256>& set, unsigned char c) { set.set(lower(c)); }

// Marks every byte of a UTF-8 lead (multi-byte characters).
void add_non_ascii(std::bitset<256>& set) {
  for (int b = 0xC2; b <= 0xF4; ++b) set.set(static_cast<std::size_t>(b));
}

void add_digits(std::bitset<256>& set) {
  for (int c = '0'; c <= '9'; ++c) set.set(static_cast<std::size_t>(c));
}

void add_spaces(std::bitset<256>& set) {
  for (char c : {' ', '\t', '\n', '\r', '\f', '\v'}) set.set(static_cast<unsigned char>(c));
}

void add_word_chars(std::bitset<256>& set) {
  add_digits(set);
  for (int c = 'a'; c <= 'z'; ++c) set.set(static_cast<std::size_t>(c));
  set.set('_');
}

// A recursive-descent reader for the RE2 syntax rules use. Anything it does
// not know sets `unsupported`, and the caller then assumes "anywhere".
class Parser {
 public:
  explicit Parser(std::string_view pattern) : p_(pattern) {}

  std::vector<Sequence> parse() {
    std::vector<Sequence> alternatives = parse_alternatives();
    if (i_ != p_.size()) unsupported = true;  // a stray ')'
    return alternatives;
  }

  bool unsupported = false;

 private:
  std::vector<Sequence> parse_alternatives() {
    std::vector<Sequence> alternatives;
    alternatives.push_back(parse_sequence());
    while (i_ < p_.size() && p_[i_] == '|') {
      ++i_;
      alternatives.push_back(parse_sequence());
    }
    return alternatives;
  }

  Sequence parse_sequence() {
    Sequence sequence;
    while (i_ < p_.size() && p_[i_] != '|' && p_[i_] != ')' && !unsupported) {
      Node node = parse_atom();
      parse_repetition(node);
      finish(node);
      sequence.push_back(std::move(node));
    }
    return sequence;
  }

  // Works out node.nullable and node.nonletter from its parts, once.
  static void finish(Node& node) {
    switch (node.kind) {
      case Node::Kind::zero_width:
      case Node::Kind::boundary:
        node.nullable = true;
        node.nonletter = true;
        break;
      case Node::Kind::literal:
      case Node::Kind::chars:
        node.nullable = false;
        node.nonletter = true;
        for (int c = 'a'; c <= 'z'; ++c)
          if (node.first[static_cast<std::size_t>(c)]) node.nonletter = false;
        if (node.kind == Node::Kind::literal && node.first.count() == 1) {
          for (int c = 0; c < 256; ++c) {
            const auto byte = static_cast<unsigned char>(c);
            if (node.first[byte] && is_letter(byte)) node.letter = byte;
          }
        }
        break;
      case Node::Kind::group:
        node.nullable = false;
        node.nonletter = true;
        for (const Sequence& alternative : node.alternatives) {
          bool empty = true;
          for (const Node& part : alternative) {
            if (!part.nonletter) node.nonletter = false;
            if (!part.nullable) {
              empty = false;
              break;
            }
          }
          if (empty) node.nullable = true;
        }
        break;
    }
    if (node.min == 0) node.nullable = true;
  }

  Node chars(std::bitset<256> first) {
    Node node;
    node.kind = Node::Kind::chars;
    node.first = first;
    return node;
  }

  Node parse_atom() {
    const unsigned char c = static_cast<unsigned char>(p_[i_]);
    Node node;
    if (c == '(') return parse_group();
    if (c == '[') return parse_class();
    if (c == '\\') return parse_escape();
    ++i_;
    if (c == '.') return chars(all_bytes());
    if (c == '^' || c == '$') {
      node.kind = Node::Kind::zero_width;
      return node;
    }
    if (c == '*' || c == '+' || c == '?') {
      unsupported = true;
      return node;
    }
    node.kind = Node::Kind::literal;
    node.first.set(lower(c));
    if (c >= 0x80) {  // the rest of a UTF-8 character
      while (i_ < p_.size() && (static_cast<unsigned char>(p_[i_]) & 0xC0) == 0x80) ++i_;
    }
    return node;
  }

  Node parse_group() {
    ++i_;  // '('
    Node node;
    node.kind = Node::Kind::group;
    if (i_ < p_.size() && p_[i_] == '?') {
      ++i_;
      if (i_ < p_.size() && (p_[i_] == 'P' || p_[i_] == '<')) {  // (?P<name>...) or (?<name>...)
        if (p_[i_] == 'P') ++i_;
        if (i_ >= p_.size() || p_[i_] != '<') {
          unsupported = true;
          return node;
        }
        const std::size_t close = p_.find('>', i_);
        if (close == std::string_view::npos || (close == i_ + 1)) {
          unsupported = true;
          return node;
        }
        const char after = p_[i_ + 1];
        if (after == '=' || after == '!') {  // look-behind: not RE2 syntax
          unsupported = true;
          return node;
        }
        i_ = close + 1;
      } else {
        // Flags: (?i:...), (?-i:...), or (?i) for the rest of the group.
        while (i_ < p_.size() && (std::string_view("imsU-").find(p_[i_]) != std::string_view::npos)) ++i_;
        if (i_ >= p_.size()) {
          unsupported = true;
          return node;
        }
        if (p_[i_] == ')') {
          ++i_;
          node.kind = Node::Kind::zero_width;
          return node;
        }
        if (p_[i_] != ':') {  // (?=...), (?!...), (?<=...): not RE2 syntax
          unsupported = true;
          return node;
        }
        ++i_;
      }
    }
    node.alternatives = parse_alternatives();
    if (i_ >= p_.size() || p_[i_] != ')') {
      unsupported = true;
      return node;
    }
    ++i_;
    return node;
  }

  // An escape outside a class: a zero-width assertion, a class or one byte.
  Node parse_escape() {
    ++i_;  // '\'
    Node node;
    if (i_ >= p_.size()) {
      unsupported = true;
      return node;
    }
    const unsigned char c = static_cast<unsigned char>(p_[i_++]);
    std::bitset<256> set;
    switch (c) {
      case 'b':
        node.kind = Node::Kind::boundary;
        return node;
      case 'B': case 'A': case 'z':
        node.kind = Node::Kind::zero_width;
        return node;
      case 'd': add_digits(set); return chars(set);
      case 's': add_spaces(set); return chars(set);
      case 'w': add_word_chars(set); return chars(set);
      case 'D': case 'S': case 'W': case 'p': case 'P': case 'C':
        if (c == 'p' || c == 'P') skip_unicode_class_name();
        return chars(all_bytes());
      default:
        break;
    }
    int byte = escaped_byte(c);
    if (byte < 0) {
      unsupported = true;
      return node;
    }
    node.kind = Node::Kind::literal;
    node.first.set(lower(static_cast<unsigned char>(byte)));
    return node;
  }

  void skip_unicode_class_name() {
    if (i_ < p_.size() && p_[i_] == '{') {
      const std::size_t close = p_.find('}', i_);
      i_ = close == std::string_view::npos ? p_.size() : close + 1;
    } else if (i_ < p_.size()) {
      ++i_;
    }
  }

  // The first byte an escape such as \n, \x41, \x{20AC} or \. stands for, or
  // -1 for escapes this reader does not know (\Q, back references).
  int escaped_byte(unsigned char c) {
    switch (c) {
      case 'n': return '\n';
      case 't': return '\t';
      case 'r': return '\r';
      case 'f': return '\f';
      case 'v': return '\v';
      case 'a': return '\a';
      case 'x': return hex_escape_first_byte();
      default:
        if (is_letter(c) || is_digit(c)) return -1;
        return c;  // \. \$ \- ...
    }
  }

  int hex_escape_first_byte() {
    unsigned long code = 0;
    if (i_ < p_.size() && p_[i_] == '{') {
      const std::size_t close = p_.find('}', i_);
      if (close == std::string_view::npos) return -1;
      code = std::stoul(std::string(p_.substr(i_ + 1, close - i_ - 1)), nullptr, 16);
      i_ = close + 1;
    } else {
      if (i_ + 2 > p_.size()) return -1;
      code = std::stoul(std::string(p_.substr(i_, 2)), nullptr, 16);
      i_ += 2;
    }
    if (code < 0x80) return static_cast<int>(code);
    if (code < 0x800) return static_cast<int>(0xC0 | (code >> 6));
    if (code < 0x10000) return static_cast<int>(0xE0 | (code >> 12));
    return static_cast<int>(0xF0 | (code >> 18));
  }

  Node parse_class() {
    ++i_;  // '['
    std::bitset<256> set;
    bool negated = false;
    if (i_ < p_.size() && p_[i_] == '^') {
      negated = true;
      ++i_;
    }
    bool first = true;
    while (i_ < p_.size() && (p_[i_] != ']' || first)) {
      first = false;
      if (p_[i_] == '[' && i_ + 1 < p_.size() && p_[i_ + 1] == ':') {  // [:alpha:]
        const std::size_t close = p_.find(":]", i_);
        if (close == std::string_view::npos) break;
        i_ = close + 2;
        set = all_bytes();
        continue;
      }
      int low = class_char(set);
      if (low < 0) continue;  // a class escape such as \d, already added
      if (i_ + 1 < p_.size() && p_[i_] == '-' && p_[i_ + 1] != ']') {
        ++i_;
        const int high = class_char(set);
        if (high < 0) {
          unsupported = true;
          break;
        }
        if (low >= 0x80 || high >= 0x80) {
          add_non_ascii(set);
          if (low < 0x80) {
            for (int b = low; b < 0x80; ++b) add_class_byte(set, static_cast<unsigned char>(b));
          }
        } else {
          for (int b = low; b <= high; ++b) add_class_byte(set, static_cast<unsigned char>(b));
        }
      } else {
        add_class_byte(set, static_cast<unsigned char>(low));
      }
    }
    if (i_ >= p_.size()) {
      unsupported = true;
      return Node();
    }
    ++i_;  // ']'
    return chars(negated ? all_bytes() : set);
  }

  // One member of a class: returns its byte (the lead byte for a UTF-8
  // character), or -1 after adding a class escape (\d, \s, \w...) to `set`.
  int class_char(std::bitset<256>& set) {
    const unsigned char c = static_cast<unsigned char>(p_[i_++]);
    if (c >= 0x80) {
      while (i_ < p_.size() && (static_cast<unsigned char>(p_[i_]) & 0xC0) == 0x80) ++i_;
      return c;
    }
    if (c != '\\') return c;
    if (i_ >= p_.size()) {
      unsupported = true;
      return -1;
    }
    const unsigned char e = static_cast<unsigned char>(p_[i_++]);
    switch (e) {
      case 'd': add_digits(set); return -1;
      case 's': add_spaces(set); return -1;
      case 'w': add_word_chars(set); return -1;
      case 'D': case 'S': case 'W': case 'p': case 'P':
        if (e == 'p' || e == 'P') skip_unicode_class_name();
        set = all_bytes();
        return -1;
      default: {
        const int byte = escaped_byte(e);
        if (byte < 0) {
          unsupported = true;
          return -1;
        }
        return byte;
      }
    }
  }

  void parse_repetition(Node& node) {
    if (i_ >= p_.size()) return;
    const char c = p_[i_];
    if (c == '?' || c == '*' || c == '+') {
      ++i_;
      if (c != '+') node.min = 0;
      if (c != '?') node.repeats = true;
    } else if (c == '{') {
      std::size_t j = i_ + 1;
      int low = 0;
      bool digits = false;
      while (j < p_.size() && is_digit(static_cast<unsigned char>(p_[j]))) {
        low = low * 10 + (p_[j] - '0');
        digits = true;
        ++j;
      }
      if (!digits || j >= p_.size()) return;  // a literal '{'
      bool more = false;
      if (p_[j] == ',') {
        ++j;
        std::size_t k = j;
        int high = 0;
        while (k < p_.size() && is_digit(static_cast<unsigned char>(p_[k]))) high = high * 10 + (p_[k++] - '0');
        more = k == j || high > 1;
        j = k;
      } else {
        more = low > 1;
      }
      if (j >= p_.size() || p_[j] != '}') return;
      i_ = j + 1;
      if (low == 0) node.min = 0;
      if (more) node.repeats = true;
    } else {
      return;
    }
    if (i_ < p_.size() && p_[i_] == '?') ++i_;  // non-greedy
  }

  std::string_view p_;
  std::size_t i_ = 0;
};

bool is_space_byte(std::size_t b) { return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f' || b == '\v'; }

// The white space bytes as a set: the walks test every node against them,
// so with four word operations rather than a loop over 256 bits.
const std::bitset<256>& space_bytes() {
  static const std::bitset<256> spaces = [] {
    std::bitset<256> set;
    for (std::size_t b = 0; b < 256; ++b)
      if (is_space_byte(b)) set.set(b);
    return set;
  }();
  return spaces;
}

// True when every first byte of the node is white space (a separator).
bool only_spaces(const Node& node) {
  if (node.kind != Node::Kind::literal && node.kind != Node::Kind::chars) return false;
  return node.first.any() && (node.first & ~space_bytes()).none();
}

bool is_word_byte(std::size_t b) {
  return (b >= '0' && b <= '9') || (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || b == '_';
}

bool has_space(const Node& node) { return (node.first & space_bytes()).any(); }

// A start word's prefix and whether it is whole, as one string: the words
// of a list are told apart by it.
std::string word_key(const StartWord& word) { return word.prefix + (word.whole ? '\1' : '\0'); }

// What comes after the part being analyzed: sequence[from...] (unless the
// group `repeating` runs again first), then what follows that sequence.
struct Continuation {
  const Sequence* sequence = nullptr;
  std::size_t from = 0;
  const Node* repeating = nullptr;
  const Continuation* outer = nullptr;  // null: the pattern ends
};

// The analysis proper. In `first` mode it collects where a match begins; in
// `next` mode, what the first token after a start word can be, separators
// skipped.
class Analysis {
 public:
  // first: where a match begins; next: the token after a start word (white
  // space skipped); next_byte: the byte right after a start byte.
  enum class Mode { first, next, next_byte };
  explicit Analysis(Mode mode) : mode_(mode) {}

  PatternStarts result;

  // Walks seq[from...]. True when the walk falls off the end without a part
  // that must consume a token: what follows the sequence comes next.
  bool sequence(const Sequence& seq, std::size_t from, bool bounded, const Continuation* after) {
    for (std::size_t i = from; i < seq.size(); ++i) {
      const Node& node = seq[i];
      switch (node.kind) {
        case Node::Kind::boundary:
          if (node.min > 0) bounded = true;
          continue;
        case Node::Kind::zero_width:
          continue;
        case Node::Kind::literal:
        case Node::Kind::chars:
          if (mode_ == Mode::next && only_spaces(node)) continue;  // a separator
          if (node.letter_literal() && node.min > 0 && !node.repeats) {
            // A run of plain letters: "the", "jan".
            std::string prefix;
            std::size_t j = i;
            while (j < seq.size() && seq[j].letter_literal() && seq[j].min > 0 && !seq[j].repeats) {
              prefix += static_cast<char>(seq[j].first_byte());
              ++j;
            }
            add_word(std::move(prefix), seq, j, bounded, after);
            return false;
          }
          add_first(node, seq, i, bounded, after);
          if (mode_ == Mode::first) note_byte_next(node, seq, i, after);
          // Optional, or (after a start word) white space or more: the next
          // part may come first.
          if (!node.nullable && !(mode_ == Mode::next && has_space(node))) return false;
          continue;
        case Node::Kind::group: {
          const Continuation here{&seq, i + 1, node.repeats ? &node : nullptr, after};
          bool through = node.min == 0;
          for (const Sequence& alternative : node.alternatives) {
            if (sequence(alternative, 0, bounded, &here)) through = true;
          }
          if (!through) return false;
          continue;
        }
      }
    }
    return true;
  }

 private:
  // One way a start word can end: the letters after its plain run ("s" after
  // "billionth" in "(?:billionth|...)s?\b"), and where the pattern goes on
  // after the last of them (seq[from...], then `after`).
  struct Ending {
    std::string letters;
    const Sequence* seq = nullptr;
    std::size_t from = 0;
    const Continuation* after = nullptr;
  };
  // Few and short, or the word counts as a prefix: a scanner looks each one up.
  static constexpr std::size_t kMaxEndings = 8;
  static constexpr std::size_t kMaxEndingLetters = 8;

  // Adds to `out` every way the word before seq[from] can end, `ending` being
  // the letters so far. False when a letter the walk does not follow (a class,
  // a repetition, a group with letters, the end of the pattern) may come
  // next: then any letters may follow and the word is only a prefix. With
  // `after_optional`, an optional non-letter ("\.?") came since the last
  // letter, so a letter after it need not be adjacent to the word.
  static bool word_endings(const Sequence& seq, std::size_t from, const Continuation* after, Ending ending,
                           std::vector<Ending>& out, bool after_optional = false) {
    const Sequence* at = &seq;
    const Continuation* rest = after;
    for (std::size_t i = from;; i = rest->from, at = rest->sequence, rest = rest->outer) {
      for (; i < at->size(); ++i) {
        const Node& node = (*at)[i];
        const bool ends = (node.kind == Node::Kind::boundary && node.min > 0) ||  // after a letter, \b ends the word
                          (node.nonletter && !node.nullable);
        if (ends) {
          if (out.size() >= kMaxEndings) return false;
          out.push_back(std::move(ending));
          return true;
        }
        if (node.kind == Node::Kind::zero_width) continue;
        if (node.nonletter) {
          after_optional = true;
          continue;
        }
        if (after_optional || !node.letter_literal() || node.repeats || ending.letters.size() >= kMaxEndingLetters) {
          return false;
        }
        Ending longer{ending.letters + static_cast<char>(node.first_byte()), at, i + 1, rest};
        if (node.min > 0) {
          ending = std::move(longer);
          continue;
        }
        if (!word_endings(*at, i + 1, rest, std::move(longer), out)) return false;
        // Without the optional letter: what follows it may follow the word.
        if (ending.seq == at && ending.from == i) ending.from = i + 1;
      }
      if (rest == nullptr) return false;  // the pattern may end here, and anything may follow
      if (rest->repeating != nullptr && !rest->repeating->nonletter) return false;
      // Where the pattern goes on is the same place, said more simply (a
      // group that may run again stays in: the next token may begin it).
      if (rest->repeating == nullptr && ending.seq == at && ending.from == at->size()) {
        ending.seq = rest->sequence;
        ending.from = rest->from;
        ending.after = rest->outer;
      }
    }
  }

  // For the ASCII symbols a match can begin with ("." in ".08", "-" in
  // "-1"): what the byte after them can be.
  void note_byte_next(const Node& node, const Sequence& seq, std::size_t i, const Continuation* after) {
    for (std::size_t b = 0x21; b < 0x80; ++b) {
      if (!node.first[b] || is_word_byte(b)) continue;
      NextToken next = node.repeats ? NextToken() : next_token(seq, i + 1, after, Mode::next_byte);
      auto known = std::find_if(result.byte_next.begin(), result.byte_next.end(),
                                [b](const auto& entry) { return entry.first == b; });
      if (known != result.byte_next.end()) {
        known->second.merge(next);
      } else {
        result.byte_next.emplace_back(static_cast<unsigned char>(b), std::move(next));
      }
    }
  }

  // What the first token after seq[from - 1] can be: after white space
  // (Mode::next) or right after (Mode::next_byte).
 public:
  static NextToken next_token(const Sequence& seq, std::size_t from, const Continuation* after,
                              Mode mode = Mode::next) {
    Analysis sub(mode);
    bool open = sub.sequence(seq, from, true, after);
    for (const Continuation* c = after; open && c != nullptr; c = c->outer) {
      // A group that may run again: the next token may begin it, or what follows it.
      if (c->repeating != nullptr) {
        for (const Sequence& alternative : c->repeating->alternatives) sub.sequence(alternative, 0, true, c);
      }
      open = sub.sequence(*c->sequence, c->from, true, c->outer);
    }
    NextToken next;
    next.any = open || sub.result.any_letter;
    next.words = std::move(sub.result.words);
    next.bytes = sub.result.bytes;
    if (mode == Mode::next) {
      for (std::size_t b = 0; b < 256; ++b)
        if (is_space_byte(b)) next.bytes.reset(b);
    }
    return next;
  }

 private:
  void add_word(std::string prefix, const Sequence& seq, std::size_t end, bool bounded, const Continuation* after) {
    if (!bounded && mode_ == Mode::first) result.letters_inside_words = true;
    // A word that can end in a few ways ("first" or "firsts") is those whole
    // words, each with what follows it: a scanner can then look it up.
    std::vector<Ending> endings;
    if (!word_endings(seq, end, after, Ending{"", &seq, end, after}, endings)) {
      merge_word(StartWord{std::move(prefix), false, {}});
      return;
    }
    for (const Ending& ending : endings) {
      StartWord word{prefix + ending.letters, true, {}};
      if (mode_ == Mode::first) word.next = next_token(*ending.seq, ending.from, ending.after);
      merge_word(std::move(word));
    }
  }

  void merge_word(StartWord word) {
    // Rules list hundreds of words (number words, units): each is found by
    // its key, not by comparing it with every word so far.
    const auto [known, added] = word_index_.try_emplace(word_key(word), result.words.size());
    if (!added) {
      result.words[known->second].next.merge(word.next);
      return;
    }
    result.words.push_back(std::move(word));
  }

  // The first bytes of seq[i]: a letter begins a word ("x" in "[x×]\s?10"),
  // which goes on as add_word() works out unless the node repeats.
  void add_first(const Node& node, const Sequence& seq, std::size_t i, bool bounded, const Continuation* after) {
    std::bitset<256> others = node.first;  // the bytes other than letters
    for (std::size_t b = 'a'; b <= 'z'; ++b) {
      if (!node.first[b]) continue;
      others.reset(b);
      if (node.repeats) {
        merge_word(StartWord{std::string(1, static_cast<char>(b)), false, {}});
        if (!bounded && mode_ == Mode::first) result.letters_inside_words = true;
      } else {
        add_word(std::string(1, static_cast<char>(b)), seq, i + 1, bounded, after);
      }
    }
    result.bytes |= others;
    static const std::bitset<256> digits = [] {
      std::bitset<256> set;
      add_digits(set);
      return set;
    }();
    if ((others & digits).any() && !bounded && mode_ == Mode::first) result.digits_inside_words = true;
  }

  Mode mode_;
  std::unordered_map<std::string, std::size_t> word_index_;  // word_key() -> index in result.words
};

// The first run of digits of the matches that begin with a digit: its
// length range and the byte after it, as a union over the paths through the
// pattern. `unknown` when a path does something the walk does not follow.
struct DigitRun {
  bool any = false;      // some path begins with a digit
  bool unknown = false;
  int min = kManyDigits, max = 0;
  std::bitset<256> after;
  NextToken token{false, {}, {}};  // the token after the run, white space skipped

  // A path whose digits end before seq[from] (then `after`), with `next` the
  // bytes that may come right after them.
  void add(int low, int high, const std::bitset<256>& next, const Sequence* seq = nullptr, std::size_t from = 0,
           const Continuation* rest = nullptr) {
    if (high < 1) return;  // this path does not begin with a digit
    any = true;
    min = std::min(min, std::max(low, 1));
    max = std::max(max, high);
    after |= next;
    if (seq == nullptr) {
      token.any = true;
    } else {
      token.merge(Analysis::next_token(*seq, from, rest));
    }
  }
};

bool digits_only(const std::bitset<256>& first) {
  if (first.none()) return false;
  for (std::size_t b = 0; b < 256; ++b)
    if (first[b] && !is_digit(static_cast<unsigned char>(b))) return false;
  return true;
}

bool has_digit(const std::bitset<256>& first) {
  for (int c = '0'; c <= '9'; ++c)
    if (first[static_cast<std::size_t>(c)]) return true;
  return false;
}

std::bitset<256> non_word_bytes() {
  std::bitset<256> bytes;
  for (std::size_t b = 0; b < 256; ++b)
    if (!is_word_byte(b)) bytes.set(b);
  return bytes;  // byte 0 also stands for the end of the text
}

int add_digits(int count, int more) { return std::min(kManyDigits, count + more); }

// The bytes a node's matches can begin with (letters lower-cased); all of
// them when it can match nothing.
std::bitset<256> first_bytes(const Node& node) {
  if (node.kind == Node::Kind::literal || node.kind == Node::Kind::chars) return node.first;
  std::bitset<256> first;
  if (node.kind != Node::Kind::group) return first.set();
  for (const Sequence& alternative : node.alternatives) {
    bool consumed = false;
    for (const Node& part : alternative) {
      if (part.kind == Node::Kind::zero_width || part.kind == Node::Kind::boundary) continue;
      first |= first_bytes(part);
      if (!part.nullable) {
        consumed = true;
        break;
      }
    }
    if (!consumed) return first.set();  // an alternative that can match nothing
  }
  return first;
}

// The digits a group consumes when each of its alternatives is nothing but
// digits (and zero-width parts); false otherwise.
bool digit_group(const Node& group, int& low, int& high) {
  low = kManyDigits;
  high = 0;
  for (const Sequence& alternative : group.alternatives) {
    int lo = 0, hi = 0;
    for (const Node& part : alternative) {
      if (part.kind == Node::Kind::zero_width) continue;
      int part_lo = 0, part_hi = 0;
      if ((part.kind == Node::Kind::literal || part.kind == Node::Kind::chars) && digits_only(part.first)) {
        part_lo = part_hi = 1;
      } else if (part.kind == Node::Kind::group && digit_group(part, part_lo, part_hi)) {
      } else {
        return false;
      }
      lo = add_digits(lo, part.min == 0 ? 0 : part_lo);
      hi = part.repeats ? kManyDigits : add_digits(hi, part_hi);
    }
    low = std::min(low, lo);
    high = std::max(high, hi);
  }
  return true;
}

// Walks seq[from...] then `after`, having read `low`..`high` digits.
void walk_digits(const Sequence& seq, std::size_t from, int low, int high, const Continuation* after, DigitRun& run,
                 int depth = 0) {
  if (depth > 64) {
    run.unknown = true;
    return;
  }
  for (std::size_t i = from; i < seq.size(); ++i) {
    const Node& node = seq[i];
    switch (node.kind) {
      case Node::Kind::zero_width:
        continue;
      case Node::Kind::boundary:
        if (high >= 1 && node.min > 0) {  // after a digit, \b ends the run: a non-word byte follows
          run.add(low, high, non_word_bytes(), &seq, i + 1, after);
          if (low == 0) continue;  // paths with no digit yet go on
          return;
        }
        continue;
      case Node::Kind::literal:
      case Node::Kind::chars:
        if (digits_only(node.first)) {
          if (node.min == 0) walk_digits(seq, i + 1, low, high, after, run, depth + 1);  // the digit skipped
          low = add_digits(low, 1);
          high = node.repeats ? kManyDigits : add_digits(high, 1);
          continue;
        }
        if (has_digit(node.first)) {  // digits mixed with other bytes: not followed
          if (high >= 1) run.unknown = true;
          else run.any = run.unknown = true;
          return;
        }
        run.add(low, high, node.first, &seq, i, after);
        if (node.min == 0) continue;
        return;
      case Node::Kind::group: {
        int group_low = 0, group_high = 0;
        if (digit_group(node, group_low, group_high)) {
          if (node.min == 0) walk_digits(seq, i + 1, low, high, after, run, depth + 1);
          low = add_digits(low, group_low);
          high = node.repeats ? kManyDigits : add_digits(high, group_high);
          continue;
        }
        if (node.repeats) {
          // A repeated group with more than digits is not followed, unless
          // it cannot begin with a digit: then the run (if any) ends there.
          const std::bitset<256> first = first_bytes(node);
          if (has_digit(first)) {
            run.unknown = true;
            return;
          }
          run.add(low, high, first, &seq, i, after);
          if (node.min == 0) continue;
          return;
        }
        const Continuation here{&seq, i + 1, nullptr, after};
        for (const Sequence& alternative : node.alternatives) walk_digits(alternative, 0, low, high, &here, run, depth + 1);
        if (node.min == 0) continue;
        return;
      }
    }
  }
  if (after == nullptr) {  // the pattern ends: anything may follow
    std::bitset<256> anything;
    anything.set();
    run.add(low, high, anything);
    return;
  }
  if (after->repeating != nullptr) {  // a group that may run again: not followed
    if (high >= 1) run.unknown = true;
    return;
  }
  walk_digits(*after->sequence, after->from, low, high, after->outer, run, depth + 1);
}

// True when the byte a node consumes last is never a word byte: \s+, "-",
// [\s-]+ (a node that consumes at least one byte).
bool ends_with_non_word(const Node& node) {
  if (node.kind != Node::Kind::literal && node.kind != Node::Kind::chars) return false;
  if (node.min == 0 || node.first.none()) return false;
  for (std::size_t b = 0; b < 256; ++b)
    if (node.first[b] && is_word_byte(b)) return false;
  return true;
}

// The words of a group that is an alternation of plain letter words, each
// exactly once ("(?i:ago|earlier)", "(?P<unit>(?i:quarter|qtr))"); false
// for anything else.
bool plain_words(const Node& group, std::vector<std::string>& words) {
  if (group.kind != Node::Kind::group || group.min == 0 || group.repeats) return false;
  for (const Sequence& alternative : group.alternatives) {
    if (alternative.size() == 1 && alternative[0].kind == Node::Kind::group) {
      if (!plain_words(alternative[0], words)) return false;
      continue;
    }
    std::string word;
    for (const Node& part : alternative) {
      if (!part.letter_literal() || part.min == 0 || part.repeats) return false;
      word += static_cast<char>(part.first_byte());
    }
    if (word.empty() || word.find_first_of("sk") != std::string::npos) return false;
    words.push_back(std::move(word));
  }
  return !words.empty();
}

// Groups of plain words that every match of `seq` (the whole pattern) goes
// through, with a non-word byte or \b on either side.
std::vector<std::vector<std::string>> required_words(const Sequence& seq) {
  std::vector<std::vector<std::string>> required;
  for (std::size_t i = 1; i + 1 < seq.size(); ++i) {
    const Node& before = seq[i - 1];
    const Node& after = seq[i + 1];
    const bool open = (before.kind == Node::Kind::boundary && before.min > 0) || ends_with_non_word(before);
    const bool close = (after.kind == Node::Kind::boundary && after.min > 0) ||
                       ((after.kind == Node::Kind::literal || after.kind == Node::Kind::chars) && after.min > 0 &&
                        ends_with_non_word(after));
    std::vector<std::string> words;
    if (open && close && plain_words(seq[i], words)) required.push_back(std::move(words));
  }
  return required;
}

}  // namespace

PatternStarts pattern_starts(std::string_view pattern) {
  Parser parser(pattern);
  const std::vector<Sequence> alternatives = parser.parse();
  if (parser.unsupported) {
    PatternStarts anywhere;
    anywhere.bytes.set();
    anywhere.any_letter = true;
    anywhere.letters_inside_words = true;
    anywhere.digits_inside_words = true;
    return anywhere;
  }
  Analysis analysis(Analysis::Mode::first);
  for (const Sequence& alternative : alternatives) analysis.sequence(alternative, 0, /*bounded=*/false, nullptr);
  PatternStarts result = std::move(analysis.result);
  DigitRun run;
  for (const Sequence& alternative : alternatives) walk_digits(alternative, 0, 0, 0, nullptr, run);
  if (run.any && !run.unknown) {
    result.digit_run_known = true;
    result.digit_run_min = run.min;
    result.digit_run_max = run.max;
    result.after_digit_run = run.after;
    result.after_digit_token = std::move(run.token);
  }
  if (alternatives.size() == 1) result.required_words = required_words(alternatives[0]);
  // Upper-case letters were folded into the words; no byte entry for letters remains.
  for (int c = 'A'; c <= 'Z'; ++c) result.bytes.reset(static_cast<std::size_t>(c));
  return result;
}

void NextToken::merge(const NextToken& other) {
  any = any || other.any;
  bytes |= other.bytes;
  if (words.size() * other.words.size() <= 64) {  // few: compare them all
    for (const StartWord& word : other.words) {
      bool known = false;
      for (const StartWord& mine : words) known = known || (mine.prefix == word.prefix && mine.whole == word.whole);
      if (!known) words.push_back(word);
    }
    return;
  }
  std::unordered_set<std::string> known;
  known.reserve(words.size() + other.words.size());
  for (const StartWord& mine : words) known.insert(word_key(mine));
  for (const StartWord& word : other.words) {
    if (known.insert(word_key(word)).second) words.push_back(word);
  }
}

}  // namespace newsmine
