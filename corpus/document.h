// The document model: one article as read, with its original bytes.
//
// Every span the program reports is a half-open UTF-8 byte range into `text`,
// which holds the article exactly as stored (the file's bytes for .txt, the
// decoded `text` field for JSONL). Nothing is normalized in place; the one
// change is that bytes of invalid UTF-8 become spaces (counted in
// `invalid_utf8_bytes`), which keeps every offset true to the stored bytes.
#pragma once

#include <cstdint>
#include <string>

namespace newsmine {

struct Document {
  std::string id;      // file name without extensions, or the JSONL id field
  std::string source;  // where it came from: "FILE" or "FILE:LINE"
  std::string date;    // document date as YYYY-MM-DD, empty when unknown
  std::string text;    // the article bytes, valid UTF-8
  std::uint64_t invalid_utf8_bytes = 0;  // bytes of invalid UTF-8 in the input, spaces in `text`
};

// An input record that could not be processed, with the reason.
struct Rejection {
  std::string source;  // "FILE" or "FILE:LINE"
  std::string reason;  // one readable sentence, e.g. "invalid UTF-8 at byte 17"
};

}  // namespace newsmine
