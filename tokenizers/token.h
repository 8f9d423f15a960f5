// Tokens and sentences of one article, as UTF-8 byte ranges into its text.
//
// A TokenizedText is produced by Tokenizer::tokenize and owns no article
// bytes: spans index into the text that was tokenized. Term keys (the
// normalized form used for matching and TF-IDF) are packed into one string so
// a document costs no per-token allocation.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace newsmine {

enum class TokenKind : std::uint8_t {
  word,    // letters, kana, ideographs, and mixed forms such as "11th"
  number,  // digits with their separators: "2.6", "12,000"
  punct,   // punctuation: . , “ ” – ( )
  symbol,  // everything else that is not space: $ € % + =
};

// "word", "number", "punct" or "symbol".
std::string_view to_string(TokenKind kind);

struct Token {
  std::uint32_t start = 0;       // first byte in the article text
  std::uint32_t end = 0;         // one past the last byte
  std::uint32_t key_offset = 0;  // term key position in TokenizedText::keys
  std::uint32_t key_length = 0;  // term key length in bytes
  TokenKind kind = TokenKind::word;
};

struct Sentence {
  std::uint32_t start = 0;        // first byte, surrounding white space trimmed
  std::uint32_t end = 0;          // one past the last byte
  std::uint32_t first_token = 0;  // index of its first token in TokenizedText::tokens
  std::uint32_t end_token = 0;    // one past its last token
};

// A paragraph: text between blank lines, trimmed.
struct Paragraph {
  std::uint32_t start = 0;
  std::uint32_t end = 0;
  std::uint32_t first_sentence = 0;  // index into TokenizedText::sentences
  std::uint32_t end_sentence = 0;    // one past its last sentence
};

struct TokenizedText {
  std::vector<Token> tokens;  // every non-space token, in text order
  std::vector<Sentence> sentences;
  std::vector<Paragraph> paragraphs;
  std::string keys;  // term keys of all tokens, concatenated

  std::string_view key(const Token& token) const {
    return std::string_view(keys).substr(token.key_offset, token.key_length);
  }
  void clear() {
    tokens.clear();
    sentences.clear();
    paragraphs.clear();
    keys.clear();
  }
};

inline std::string_view span_text(std::string_view text, std::uint32_t start, std::uint32_t end) {
  return text.substr(start, end - start);
}

}  // namespace newsmine
