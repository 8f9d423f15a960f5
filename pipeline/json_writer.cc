#include "pipeline/json_writer.h"

#include <charconv>
#include <cmath>

namespace newsmine {

void append_json_string(std::string_view value, std::string& out) {
  static constexpr char hex[] = "0123456789abcdef";
  out.push_back('"');
  std::size_t clean_from = 0;
  for (std::size_t i = 0; i < value.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(value[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(value.substr(clean_from, i - clean_from));
    clean_from = i + 1;
    switch (c) {
      case '"': out.append("\\\""); break;
      case '\\': out.append("\\\\"); break;
      case '\n': out.append("\\n"); break;
      case '\r': out.append("\\r"); break;
      case '\t': out.append("\\t"); break;
      default:
        out.append("\\u00");
        out.push_back(hex[c >> 4]);
        out.push_back(hex[c & 15]);
    }
  }
  out.append(value.substr(clean_from));
  out.push_back('"');
}

void JsonWriter::open(char bracket) {
  separate();
  out_.push_back(bracket);
  first_ = true;
}

void JsonWriter::close(char bracket) {
  out_.push_back(bracket);
  first_ = false;
}

void JsonWriter::separate() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (!first_) out_.push_back(',');
  first_ = false;
}

void JsonWriter::key(std::string_view name) {
  separate();
  append_json_string(name, out_);
  out_.push_back(':');
  after_key_ = true;
}

void JsonWriter::string(std::string_view value) {
  separate();
  append_json_string(value, out_);
}

void JsonWriter::string_or_null(std::string_view value) {
  if (value.empty()) {
    null();
  } else {
    string(value);
  }
}

void JsonWriter::number(double value) {
  if (!std::isfinite(value)) return null();
  if (value == std::trunc(value) && std::fabs(value) < 1e15) return integer(static_cast<std::int64_t>(value));
  separate();
  char buffer[32];
  // Large values in exponent form: written out in full, an integer beyond
  // 2^64 ("666666666666666622976") is valid JSON that many parsers refuse.
  auto result = std::fabs(value) >= 1e15 ? std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::scientific)
                                         : std::to_chars(buffer, buffer + sizeof buffer, value);
  out_.append(buffer, result.ptr);
}

void JsonWriter::integer(std::int64_t value) {
  separate();
  char buffer[24];
  auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  out_.append(buffer, result.ptr);
}

void JsonWriter::boolean(bool value) {
  separate();
  out_.append(value ? "true" : "false");
}

void JsonWriter::null() {
  separate();
  out_.append("null");
}

}  // namespace newsmine
