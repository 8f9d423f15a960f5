// Tokenizer: words, sentences and paragraphs of UTF-8 text with ICU.
//
// Word and sentence boundaries follow UAX #29 as implemented by ICU's
// BreakIterator, run directly over the UTF-8 bytes through a UText, so every
// boundary is a byte offset into the original text: no UTF-16 copy, no offset
// mapping. Works for any script ICU knows (Latin incl. Azerbaijani ə ı ş ğ,
// Cyrillic, Greek, ...).
//
// Sentences: ICU's rules treat every line break as a sentence end; news text
// is often hard-wrapped, so by default a single line break that does not
// follow sentence-final punctuation joins the two lines into one sentence.
// A blank line always ends a sentence and a paragraph.
//
// Not thread-safe (ICU break iterators keep state): keep one Tokenizer per
// thread, e.g. in a tbb::enumerable_thread_specific. Construction costs a few
// hundred microseconds; tokenizing is linear in the text.
//
//   Tokenizer tokenizer;                       // throws only if ICU data is broken
//   TokenizedText out;
//   tokenizer.tokenize(text, out);
//   for (const Token& t : out.tokens) print(span_text(text, t.start, t.end), out.key(t));
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "tokenizers/term_key.h"
#include "tokenizers/token.h"

#include <unicode/uversion.h>

U_NAMESPACE_BEGIN
class BreakIterator;
U_NAMESPACE_END

namespace newsmine {

struct TokenizerOptions {
  std::string locale = "en@ss=standard";  // ICU locale; ss=standard keeps "Mr." or "U.S." inside a sentence
  bool join_wrapped_lines = true;         // a line break inside a sentence does not end it
  // Abbreviations after which a period does not end a sentence, beyond those
  // ICU's locale data already knows ("Mr.", "U.S.", ...).
  std::vector<std::string> abbreviations = {"St.", "Gen.", "Lt.", "Col.", "Capt.", "Gov.", "Sen.", "Rep.", "Prof.",
                                            "Rev.", "Mt.", "Ft.", "No.", "Nos.", "Jan.", "Feb.", "Aug.", "Sep.",
                                            "Sept.", "Oct.", "Nov.", "Dec.", "approx.", "vs.", "U.S.", "U.K.",
                                            "U.N.", "E.U."};
  bool initials_end_sentences = false;  // "George W. Bush": a capital letter and a period is an initial
  std::size_t key_cache_entries = 1 << 16;  // per-thread cache of non-ASCII term keys
};

class Tokenizer {
 public:
  // Throws std::runtime_error when ICU cannot create its break iterators
  // (missing ICU data): a broken installation, not bad input.
  explicit Tokenizer(const TokenizerOptions& options = {});
  ~Tokenizer();
  Tokenizer(const Tokenizer&) = delete;
  Tokenizer& operator=(const Tokenizer&) = delete;

  // Replaces `out` with the tokens, sentences and paragraphs of `text`, which
  // must be valid UTF-8 shorter than 4 GiB.
  void tokenize(std::string_view text, TokenizedText& out);

 private:
  void find_words(std::string_view text, TokenizedText& out);
  void find_sentences(std::string_view text, TokenizedText& out);

  TokenizerOptions options_;
  std::unique_ptr<icu::BreakIterator> words_;
  std::unique_ptr<icu::BreakIterator> sentences_;
  TermNormalizer normalizer_;
};

}  // namespace newsmine
