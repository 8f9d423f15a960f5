#include "tokenizers/token.h"

namespace newsmine {

std::string_view to_string(TokenKind kind) {
  switch (kind) {
    case TokenKind::word: return "word";
    case TokenKind::number: return "number";
    case TokenKind::punct: return "punct";
    case TokenKind::symbol: return "symbol";
  }
  return "word";
}

}  // namespace newsmine
