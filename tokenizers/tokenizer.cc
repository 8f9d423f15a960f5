#include "tokenizers/tokenizer.h"

#include <unicode/brkiter.h>
#include <unicode/filteredbrk.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <memory>
#include <stdexcept>

namespace newsmine {
namespace {

// Closes a UText on scope exit.
struct UTextCloser {
  void operator()(UText* text) const { utext_close(text); }
};
using UTextPtr = std::unique_ptr<UText, UTextCloser>;

UTextPtr open_utf8(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
  if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU utext_openUTF8 failed: ") + u_errorName(status));
  return UTextPtr(ut);
}

std::unique_ptr<icu::BreakIterator> check(icu::BreakIterator* iterator, UErrorCode status, const char* what) {
  std::unique_ptr<icu::BreakIterator> owned(iterator);
  if (U_FAILURE(status) || !owned) throw std::runtime_error(std::string("ICU cannot create the ") + what + " break iterator: " + u_errorName(status));
  return owned;
}

UChar32 code_point_at(std::string_view text, std::size_t offset) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  int32_t i = static_cast<int32_t>(offset);
  UChar32 c;
  U8_NEXT(bytes, i, static_cast<int32_t>(text.size()), c);
  return c;
}

// The kind of a segment the word iterator reports with a "none" rule status:
// space (skipped), punctuation or symbol.
bool is_space(UChar32 c) { return c < 0 || u_isUWhiteSpace(c) || u_charType(c) == U_FORMAT_CHAR || u_charType(c) == U_CONTROL_CHAR; }

TokenKind kind_of(int32_t rule_status, UChar32 first) {
  if (rule_status >= UBRK_WORD_NUMBER && rule_status < UBRK_WORD_NUMBER_LIMIT) return TokenKind::number;
  if (rule_status >= UBRK_WORD_LETTER) return TokenKind::word;
  return u_ispunct(first) ? TokenKind::punct : TokenKind::symbol;
}

// Sentence-final characters: a line break after one of these really ends a sentence.
bool ends_sentence(std::string_view text, std::uint32_t end) {
  while (end > 0) {
    const unsigned char c = static_cast<unsigned char>(text[end - 1]);
    if (c == '"' || c == '\'' || c == ')') { --end; continue; }
    if (c >= 0x80) {  // closing quotes and brackets, the ellipsis
      int32_t i = static_cast<int32_t>(end);
      UChar32 cp;
      U8_PREV(reinterpret_cast<const uint8_t*>(text.data()), 0, i, cp);
      if (u_getIntPropertyValue(cp, UCHAR_SENTENCE_BREAK) == U_SB_CLOSE) { end = static_cast<std::uint32_t>(i); continue; }
      return cp == 0x2026 || u_getIntPropertyValue(cp, UCHAR_SENTENCE_BREAK) == U_SB_STERM;
    }
    return c == '.' || c == '!' || c == '?' || c == ':' || c == ';';
  }
  return true;
}

}  // namespace

Tokenizer::Tokenizer(const TokenizerOptions& options)
    : options_(options), normalizer_(options.key_cache_entries) {
  const icu::Locale locale(options_.locale.c_str());
  UErrorCode status = U_ZERO_ERROR;
  words_ = check(icu::BreakIterator::createWordInstance(locale, status), status, "word");
  status = U_ZERO_ERROR;
  sentences_ = check(icu::BreakIterator::createSentenceInstance(locale, status), status, "sentence");
  std::unique_ptr<icu::FilteredBreakIteratorBuilder> filter(icu::FilteredBreakIteratorBuilder::createEmptyInstance(status));
  for (const std::string& abbreviation : options_.abbreviations)
    filter->suppressBreakAfter(icu::UnicodeString::fromUTF8(abbreviation), status);
  if (!options_.initials_end_sentences) {
    for (UChar letter = u'A'; letter <= u'Z'; ++letter) filter->suppressBreakAfter(icu::UnicodeString(letter) + u'.', status);
    for (UChar letter = u'А'; letter <= u'Я'; ++letter) filter->suppressBreakAfter(icu::UnicodeString(letter) + u'.', status);
  }
  sentences_ = check(filter->wrapIteratorWithFilter(sentences_.release(), status), status, "filtered sentence");
}

Tokenizer::~Tokenizer() = default;

void Tokenizer::tokenize(std::string_view text, TokenizedText& out) {
  out.clear();
  if (text.empty()) return;
  find_words(text, out);
  find_sentences(text, out);
}

void Tokenizer::find_words(std::string_view text, TokenizedText& out) {
  UTextPtr ut = open_utf8(text);
  UErrorCode status = U_ZERO_ERROR;
  words_->setText(ut.get(), status);  // the iterator keeps its own shallow clone of the UText
  if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU word iterator setText failed: ") + u_errorName(status));
  out.tokens.reserve(text.size() / 5);
  out.keys.reserve(text.size());
  int32_t start = words_->first();
  for (int32_t end = words_->next(); end != icu::BreakIterator::DONE; start = end, end = words_->next()) {
    const UChar32 first = code_point_at(text, static_cast<std::size_t>(start));
    const int32_t rule_status = words_->getRuleStatus();
    if (rule_status < UBRK_WORD_NONE_LIMIT && is_space(first)) continue;
    Token token;
    token.start = static_cast<std::uint32_t>(start);
    token.end = static_cast<std::uint32_t>(end);
    token.kind = kind_of(rule_status, first);
    token.key_offset = static_cast<std::uint32_t>(out.keys.size());
    normalizer_.append_key(span_text(text, token.start, token.end), out.keys);
    token.key_length = static_cast<std::uint32_t>(out.keys.size()) - token.key_offset;
    out.tokens.push_back(token);
  }
}

void Tokenizer::find_sentences(std::string_view text, TokenizedText& out) {
  UTextPtr ut = open_utf8(text);
  UErrorCode status = U_ZERO_ERROR;
  sentences_->setText(ut.get(), status);
  if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU sentence iterator setText failed: ") + u_errorName(status));

  std::uint32_t next_token = 0;
  sentences_->first();
  for (int32_t end = sentences_->next(); end != icu::BreakIterator::DONE; end = sentences_->next()) {
    // A sentence is the segment's tokens; white space around them is not part of it.
    const std::uint32_t first_token = next_token;
    while (next_token < out.tokens.size() && out.tokens[next_token].start < static_cast<std::uint32_t>(end)) ++next_token;
    if (first_token == next_token) continue;  // white space only
    const std::uint32_t s = out.tokens[first_token].start;
    const std::uint32_t e = out.tokens[next_token - 1].end;

    // The gap since the previous sentence decides: a blank line starts a
    // paragraph; a single line break after an unfinished sentence is wrapping.
    if (!out.sentences.empty()) {
      const std::uint32_t previous_end = out.sentences.back().end;
      int line_breaks = 0;
      for (std::uint32_t i = previous_end; i < s; ++i) line_breaks += text[i] == '\n';
      if (line_breaks >= 2) {
        out.paragraphs.push_back({s, e, static_cast<std::uint32_t>(out.sentences.size()), 0});
      } else if (line_breaks == 1 && options_.join_wrapped_lines && !ends_sentence(text, previous_end)) {
        out.sentences.back().end = e;
        out.sentences.back().end_token = next_token;
        out.paragraphs.back().end = e;
        continue;
      }
    } else {
      out.paragraphs.push_back({s, e, 0, 0});
    }
    out.sentences.push_back({s, e, first_token, next_token});
    out.paragraphs.back().end = e;
    out.paragraphs.back().end_sentence = static_cast<std::uint32_t>(out.sentences.size());
  }
}

}  // namespace newsmine
