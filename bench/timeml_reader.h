// Reads one TimeML (.tml) file, as in TempEval-3 and TimeBank, into the
// article text and its gold TIMEX3 annotations, with the expat XML parser.
//
// The text is the character data inside <TEXT>, concatenated in document
// order with the markup of its children (<TIMEX3>, <EVENT>, <SIGNAL>)
// removed: entities are decoded ("&amp;" becomes "&") and white space is kept
// as it is in the file, except that XML itself turns CRLF and lone CR line
// ends into LF (none of the TempEval-3 files has a CR inside <TEXT>). Each
// TIMEX3 inside <TEXT> becomes a GoldTimex whose start and end are half-open
// UTF-8 byte offsets into that text, so text.substr(start, end - start) is
// the element's own character data (kept in GoldTimex::text, so callers can
// check it). The document creation time is the TIMEX3 inside <DCT>; its
// value is cut to its date, "YYYY-MM-DD".
//
// A file that cannot be read, is not well-formed XML, or has no <DCT> TIMEX3
// or no <TEXT> is a Status naming the file (and the line, for XML errors),
// never an exception. Stateless; safe to call from any thread for different
// files. Cost: one pass over the file.
//
//   TimemlDocument doc;
//   if (Status s = read_timeml_file("ABC19980108.1830.0711.tml", doc); !s.ok()) fail(s.message());
//   for (const GoldTimex& t : doc.timexes)
//     if (t.type == "DATE") print(doc.text.substr(t.start, t.end - t.start), t.value);
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/status.h"

namespace newsmine::bench {

// One TIMEX3 element inside <TEXT>.
struct GoldTimex {
  std::string tid;         // "t83"
  std::string type;        // "DATE", "TIME", "DURATION" or "SET"
  std::string value;       // "1998-08", "P1W", "PRESENT_REF", ...; as written
  std::uint32_t start = 0;  // UTF-8 byte offset of its first character in TimemlDocument::text
  std::uint32_t end = 0;    // one past its last byte
  std::string text;        // the element's character data, decoded
};

struct TimemlDocument {
  std::string path;                // the file as named by the caller
  std::string id;                  // <DOCID>, trimmed; the file name without ".tml" when absent
  std::string dct;                 // document creation date, "YYYY-MM-DD"
  std::string text;                // character data inside <TEXT>
  std::vector<GoldTimex> timexes;  // every TIMEX3 inside <TEXT>, in document order
};

// Parses TimeML held in memory; `name` is used for the id fallback and in
// error messages. `out` is overwritten, also on failure.
Status parse_timeml(std::string_view xml, const std::string& name, TimemlDocument& out);

// Reads and parses the file at `path`.
Status read_timeml_file(const std::string& path, TimemlDocument& out);

}  // namespace newsmine::bench
