#include "pipeline/html_escape.h"

namespace newsmine {

void append_html_escaped(std::string_view text, std::string& out) {
  out.reserve(out.size() + text.size());
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t') out.push_back(' ');
        else out.push_back(c);
    }
  }
}

std::string html_escaped(std::string_view text) {
  std::string out;
  append_html_escaped(text, out);
  return out;
}

std::string truncate_utf8(std::string_view text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return std::string(text);
  std::size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
  return std::string(text.substr(0, cut)) + "\u2026";
}

}  // namespace newsmine
